package org.symtensor.function;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.symtensor.ir.Variable;

/** Replacements made when a function is compiled: each key variable is replaced by its value's graph. */
public final class Givens implements FunctionOption {
    private final Map<Variable, Variable> replacements;

    /** Made by the facade ({@code T}); user code calls the facade. */
    public static Givens of(Map<Variable, Variable> replacements) {
        return new Givens(replacements);
    }

    Givens(Map<Variable, Variable> replacements) {
        this.replacements = Collections.unmodifiableMap(new LinkedHashMap<>(replacements));
    }

    public Map<Variable, Variable> replacements() {
        return replacements;
    }
}
