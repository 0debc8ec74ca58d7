package org.symtensor;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.grad.GradOption;
import org.symtensor.grad.GradOptions;
import org.symtensor.grad.GradientCheckException;
import org.symtensor.grad.Gradients;
import org.symtensor.grad.VerifyGrad;
import org.symtensor.graph.Apply;
import org.symtensor.graph.Variable;
import org.symtensor.op.GradMark;
import org.symtensor.op.Ops;
import org.symtensor.op.Reduce;
import org.symtensor.op.ScalarOp;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.value.NDArray;

/**
 * The DSL's automatic differentiation: {@code grad}, {@code jacobian}, {@code hessian}, Lop and
 * Rop, the gradient marks and {@code verifyGrad}, as typed wrappers over {@link Gradients}.
 * Reached through {@link T}'s static imports ({@code T} extends this class for that alone).
 */
public class GradFunctions extends ScanFunctions {
    /** Not instantiable; subclassed so that {@code import static org.symtensor.T.*} sees these. */
    protected GradFunctions() {}

    @SuppressWarnings("unchecked")
    private static <H extends Tensor<?>> H same(H like, Variable v) {
        return (H) ((AbstractTensor<?, ?, ?>) like).sameKind(v);
    }

    /**
     * The gradient of a scalar {@code cost} with respect to {@code wrt}, as a graph of wrt's type
     * ({@code grad(Scalar, Matrix<D>)} is a {@code Matrix<D>}). A non-scalar cost is an error
     * naming it and its rank. {@code cost} may be null when {@code knownGrads(...)} gives where
     * backpropagation starts, as Theano's {@code grad(None, wrt, known_grads=...)}.
     */
    public static <H extends Tensor<?>> H grad(Tensor<?> cost, H wrt, GradOption... options) {
        Variable g = Gradients.grad(cost == null ? null : cost.variable(), List.of(wrt.variable()), GradOption.toOptions(options)).get(0);
        return g == null ? null : same(wrt, g);
    }

    /** Gradients with respect to several variables, in order. */
    public static List<Tensor<?>> grad(Tensor<?> cost, List<? extends Tensor<?>> wrt, GradOption... options) {
        List<Variable> vs = new ArrayList<>();
        for (Tensor<?> t : wrt) {
            vs.add(t.variable());
        }
        List<Variable> gs = Gradients.grad(cost == null ? null : cost.variable(), vs, GradOption.toOptions(options));
        List<Tensor<?>> r = new ArrayList<>();
        for (int i = 0; i < gs.size(); i++) {
            r.add(gs.get(i) == null ? null : same(wrt.get(i), gs.get(i)));
        }
        return r;
    }

    /** The Jacobian of a vector with respect to a vector: {@code J[i, j] = ∂y_i/∂x_j}. */
    public static <E extends DTypeMarker> Matrix<E> jacobian(Vector<?> y, Vector<E> x, GradOption... options) {
        return new Matrix<>(Gradients.jacobian(y.variable(), List.of(x.variable()), GradOption.toOptions(options)).get(0));
    }

    /** The Jacobian of a vector with respect to a scalar: a vector. */
    public static <E extends DTypeMarker> Vector<E> jacobian(Vector<?> y, Scalar<E> x, GradOption... options) {
        return new Vector<>(Gradients.jacobian(y.variable(), List.of(x.variable()), GradOption.toOptions(options)).get(0));
    }

    /** The Jacobian of a vector with respect to a matrix: shape {@code (len(y), m, n)}. */
    public static <E extends DTypeMarker> Tensor3<E> jacobian(Vector<?> y, Matrix<E> x, GradOption... options) {
        return new Tensor3<>(Gradients.jacobian(y.variable(), List.of(x.variable()), GradOption.toOptions(options)).get(0));
    }

    /** The Hessian of a scalar cost with respect to a vector. */
    public static <E extends DTypeMarker> Matrix<E> hessian(Tensor<?> cost, Vector<E> x, GradOption... options) {
        return new Matrix<>(Gradients.hessian(cost.variable(), x.variable(), GradOption.toOptions(options)));
    }

    /** The product of the Hessian of {@code cost} with respect to x and the vector {@code v}, without forming the Hessian. */
    public static <D extends DTypeMarker, H extends Tensor<D>> H hessianVectorProduct(Tensor<?> cost, H x, Tensor<D> v) {
        Variable g = Gradients.grad(cost.variable(), List.of(x.variable()), GradOptions.defaults()).get(0);
        Variable s = Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, g, v.variable()));
        return same(x, Gradients.grad(s, List.of(x.variable()), GradOptions.defaults()).get(0));
    }

    /** Theano's Lop: {@code u · ∂f/∂wrt}, shaped like wrt. */
    public static <D extends DTypeMarker, H extends Tensor<?>> H Lop(Tensor<D> f, H wrt, Tensor<D> u) {
        return same(wrt, Gradients.lop(f.variable(), List.of(wrt.variable()), u.variable(), GradOptions.defaults()).get(0));
    }

    /** Theano's Rop: {@code ∂f/∂wrt · v} (forward mode), shaped like f. */
    public static <H extends Tensor<?>, E extends DTypeMarker> H Rop(H f, Tensor<E> wrt, Tensor<E> v) {
        return same(f, Gradients.rop(f.variable(), List.of(wrt.variable()), List.of(v.variable()), GradOptions.defaults()));
    }

    /** Identity forward; the gradient through it is zero (Theano's zero_grad). */
    public static <H extends Tensor<?>> H zeroGrad(H x) {
        return same(x, Apply.output(GradMark.of(GradMark.Kind.ZERO, null), x.variable()));
    }

    /** Identity forward; no gradient flows back through it (Theano's disconnected_grad). */
    public static <H extends Tensor<?>> H disconnectedGrad(H x) {
        return same(x, Apply.output(GradMark.of(GradMark.Kind.DISCONNECTED, null), x.variable()));
    }

    /** Identity forward; differentiating through it is an error that quotes {@code reason} (Theano's grad_undefined). */
    public static <H extends Tensor<?>> H gradUndefined(H x, String reason) {
        return same(x, Apply.output(GradMark.of(GradMark.Kind.UNDEFINED, reason), x.variable()));
    }

    /**
     * Checks the symbolic gradient of {@code fn} against central finite differences at
     * {@code points} (float64), Theano's verify_grad; throws {@link GradientCheckException} on a mismatch.
     */
    public static void verifyGrad(java.util.function.Function<List<Tensor<?>>, Tensor<?>> fn, List<NDArray> points,
            double eps, double tolerance) {
        VerifyGrad.verifyGrad(fn, points, eps, tolerance);
    }
}
