package org.symtensor.grad;

import java.util.Map;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Tensor;

/**
 * One option of {@code grad}, as a value: {@code considerConstant(w)}, {@code disconnectedInputs(IGNORE)},
 * {@code knownGrads(...)}, {@code returnDisconnected(NONE)}.
 */
@FunctionalInterface
public interface GradOption {
    void applyTo(GradOptions.Builder builder);

    /** No gradient flows through these variables: they are treated as constants. */
    static GradOption considerConstant(Tensor<?>... vs) {
        return b -> {
            for (Tensor<?> t : vs) {
                b.considerConstant(t.variable());
            }
        };
    }

    static GradOption disconnectedInputs(GradOptions.Disconnected policy) {
        return b -> b.disconnectedInputs(policy);
    }

    static GradOption returnDisconnected(GradOptions.ReturnDisconnected r) {
        return b -> b.returnDisconnected(r);
    }

    /** Gradients known in advance: backpropagation also starts from each of these. */
    static GradOption knownGrads(Map<? extends Tensor<?>, ? extends Tensor<?>> known) {
        return b -> {
            for (Map.Entry<? extends Tensor<?>, ? extends Tensor<?>> e : known.entrySet()) {
                Variable v = e.getKey().variable();
                b.knownGrad(v, e.getValue().variable());
            }
        };
    }

    static GradOptions toOptions(GradOption... options) {
        GradOptions.Builder b = GradOptions.builder();
        for (GradOption o : options) {
            o.applyTo(b);
        }
        return b.build();
    }
}
