package org.symtensor.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.GradientException;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.grad.GradOptions;
import org.symtensor.grad.Gradients;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.F64;

/**
 * The gradients of one cost with respect to a {@link Params}, in the same order, each of its
 * parameter's rank and dtype. {@link #get(AbstractTensor)} hands one out typed like the parameter
 * ({@code Matrix<F32>} for a {@code SharedMatrix<F32>}), so user code needs no casts. Immutable.
 */
public final class Grads {
    private final Params params;
    private final List<Variable> grads;

    private Grads(Params params, List<Variable> grads) {
        this.params = params;
        this.grads = Collections.unmodifiableList(new ArrayList<>(grads));
    }

    /** The gradients of the scalar {@code cost} with respect to each of {@code params}. */
    public static Grads of(Tensor<?> cost, Params params) {
        List<Variable> wrt = new ArrayList<>();
        for (SharedVariable<?> p : params) {
            wrt.add(p.node());
        }
        List<Variable> gs = Gradients.grad(cost.variable(), wrt, GradOptions.defaults());
        for (int i = 0; i < gs.size(); i++) {
            if (gs.get(i) == null) {
                throw new GradientException("grad: the cost " + cost.variable().describe() + " does not depend on parameter '"
                        + params.list().get(i).node().name() + "'");
            }
        }
        return new Grads(params, gs);
    }

    /** Gradients given as variables, one per parameter with its type (for wrappers such as clipping). */
    static Grads ofVariables(Params params, List<Variable> grads) {
        if (grads.size() != params.size()) {
            throw new ArgumentException("Grads: " + grads.size() + " gradients for " + params.size() + " parameters");
        }
        for (int i = 0; i < grads.size(); i++) {
            Variable p = params.list().get(i).node();
            Variable g = grads.get(i);
            if (g.type().dtype() != p.type().dtype() || g.type().rank() != p.type().rank()) {
                throw new ArgumentException("Grads: the gradient of '" + p.name() + "' is " + g.type()
                        + ", expected the parameter's dtype and rank " + p.type());
            }
        }
        return new Grads(params, grads);
    }

    /** The gradient with respect to {@code param}, typed like it. */
    public <D extends DTypeMarker, S extends Tensor<D>> S get(AbstractTensor<D, S, ?> param) {
        if (!(param instanceof SharedVariable<?> sv)) {
            throw new ArgumentException("Grads.get: " + param.variable().describe() + " is not a shared variable");
        }
        int i = params.indexOf(sv.node());
        if (i < 0) {
            throw new ArgumentException("Grads.get: '" + sv.node().name() + "' is not one of the parameters "
                    + params.names());
        }
        return param.sameKind(grads.get(i));
    }

    /** The gradient of the parameter named {@code name}, as a handle of its rank. */
    public Tensor<?> get(String name) {
        return get(params.list().indexOf(params.get(name)));
    }

    /** The gradient of parameter {@code i}, as a handle of its rank. */
    public Tensor<?> get(int i) {
        return Tensors.wrap(grads.get(i));
    }

    /** The parameters these gradients belong to. */
    public Params params() {
        return params;
    }

    public int size() {
        return grads.size();
    }

    /** The gradients as IR variables, in parameter order. */
    public List<Variable> variables() {
        return grads;
    }

    /**
     * The global norm {@code sqrt(Σ_p Σ g_p²)} over every gradient, as a float64 scalar (each sum in its
     * own dtype, float32 sums accumulating in float64 as the reductions do).
     */
    public Scalar<F64> globalNorm() {
        return new Scalar<>(globalNormVariable());
    }

    Variable globalNormVariable() {
        Variable total = null;
        for (Variable g : grads) {
            Variable s = Sym.cast64(Sym.sum(Sym.sqr(g)));
            total = total == null ? s : Sym.add(total, s);
        }
        return Sym.sqrt(total);
    }
}
