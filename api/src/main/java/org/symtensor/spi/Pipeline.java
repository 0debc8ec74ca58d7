package org.symtensor.spi;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionSpec;
import org.symtensor.ir.Variable;
import org.symtensor.rewrite.Optimizer;

/**
 * The one optimization step every compile path takes: {@code function()} on every backend and the
 * processor at {@code javac} time call {@link #optimize}, so all of them run the same optimized
 * graph. Outputs and update expressions are optimized together, so a subexpression they share is
 * computed once.
 */
public final class Pipeline {
    private Pipeline() {}

    /** A spec's outputs and update expressions after the optimizer, in the spec's order. */
    public record Optimized(List<Variable> outputs, List<Variable> updates) {
        public Optimized {
            outputs = List.copyOf(outputs);
            updates = List.copyOf(updates);
        }

        /** Outputs followed by update expressions. */
        public List<Variable> results() {
            List<Variable> r = new ArrayList<>(outputs);
            r.addAll(updates);
            return r;
        }
    }

    /** {@code spec}'s graph through the passes of {@code options.mode()}. */
    public static Optimized optimize(FunctionSpec spec, CompileOptions options) {
        return optimize(spec, options.mode().passes());
    }

    /** {@code spec}'s graph through explicit passes (tests plant or remove passes this way). */
    public static Optimized optimize(FunctionSpec spec, List<Optimizer.Pass> passes) {
        List<Variable> results = new ArrayList<>(spec.outputs());
        results.addAll(spec.updateExpressions());
        List<Variable> optimized = Optimizer.run(results, passes);
        int n = spec.outputs().size();
        return new Optimized(optimized.subList(0, n), optimized.subList(n, optimized.size()));
    }
}
