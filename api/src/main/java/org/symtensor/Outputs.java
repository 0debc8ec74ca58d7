package org.symtensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.symtensor.graph.Variable;

/** The ordered outputs of a function, built by {@link T#outputs}. */
public final class Outputs {
    private final List<Variable> list;

    Outputs(List<Variable> list) {
        this.list = Collections.unmodifiableList(new ArrayList<>(list));
    }

    public List<Variable> list() {
        return list;
    }
}
