package org.symtensor.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ordered inputs of a function, built by the facade's {@code inputs(...)}. */
public final class Inputs {
    private final List<In> list;

    /** Made by the facade ({@code T}); user code calls the facade. */
    public static Inputs of(List<In> list) {
        return new Inputs(list);
    }

    Inputs(List<In> list) {
        this.list = Collections.unmodifiableList(new ArrayList<>(list));
    }

    public List<In> list() {
        return list;
    }
}
