package org.symtensor.dsl;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.ir.Variable;
import org.symtensor.print.Printer;
import org.symtensor.tensor.Tensor;

/**
 * The DSL's printing of graphs, Theano's {@code pp} and {@code debugprint}, over {@link Printer}.
 * Reached through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class PrintFunctions {
    private PrintFunctions() {}

    /** Theano's pretty print: {@code pp(x.plus(y))} is {@code (x + y)}. */
    public static String pp(Tensor<?> x) {
        return Printer.pp(x.variable());
    }

    /** The graph as an indented tree with op, dtype, static shape and a stable id per node. */
    public static String debugprint(Tensor<?>... outputs) {
        List<Variable> vs = new ArrayList<>();
        for (Tensor<?> t : outputs) {
            vs.add(t.variable());
        }
        return Printer.debugprint(vs);
    }

    /**
     * A compiled function's graph as it runs (Theano's {@code debugprint(f)}): the optimized apply
     * nodes, each line ending with its position in execution order, update roots marked.
     */
    public static String debugprint(org.symtensor.function.Function f) {
        return f.debugprint();
    }
}
