package org.symtensor.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.symtensor.ir.Variable;

/** The ordered outputs of a function, built by {@link org.symtensor.T#outputs}. */
public final class Outputs {
    private final List<Variable> list;

    /** Made by the facade ({@code T}); user code calls the facade. */
    public static Outputs of(List<Variable> list) {
        return new Outputs(list);
    }

    Outputs(List<Variable> list) {
        this.list = Collections.unmodifiableList(new ArrayList<>(list));
    }

    public List<Variable> list() {
        return list;
    }
}
