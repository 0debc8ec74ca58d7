package org.symtensor.dsl;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.grad.GradOption;
import org.symtensor.grad.GradOptions;
import org.symtensor.error.GradientCheckException;
import org.symtensor.grad.Gradients;
import org.symtensor.grad.VerifyGrad;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.value.NDArray;

/**
 * The DSL's automatic differentiation: {@code grad}, {@code jacobian}, {@code hessian}, Lop and
 * Rop, the gradient marks and {@code verifyGrad}, as typed wrappers over {@link Gradients}.
 * Reached through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class GradFunctions {
    private GradFunctions() {}

    /**
     * The gradient of a scalar {@code cost} with respect to {@code wrt}, as a graph of wrt's type
     * ({@code grad(Scalar, Matrix<D>)} is a {@code Matrix<D>}). A non-scalar cost is an error
     * naming it and its rank. {@code cost} may be null when {@code knownGrads(...)} gives where
     * backpropagation starts, as Theano's {@code grad(None, wrt, known_grads=...)}.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S grad(Tensor<?> cost, AbstractTensor<D, S, ?> wrt, GradOption... options) {
        Variable g = Gradients.grad(cost == null ? null : cost.variable(), List.of(wrt.variable()), GradOption.toOptions(options)).get(0);
        return g == null ? null : wrt.sameKind(g);
    }

    /** {@code grad} for a {@code wrt} typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> grad(Tensor<?> cost, Tensor<D> wrt, GradOption... options) {
        return grad(cost, Tensors.handle(wrt), options);
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
            r.add(gs.get(i) == null ? null : Tensors.handle(wrt.get(i)).sameKind(gs.get(i)));
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
    public static <D extends DTypeMarker, S extends Tensor<D>> S hessianVectorProduct(Tensor<?> cost, AbstractTensor<D, S, ?> x,
            Tensor<D> v) {
        Variable g = Gradients.grad(cost.variable(), List.of(x.variable()), GradOptions.defaults()).get(0);
        Variable s = Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, g, v.variable()));
        return x.sameKind(Gradients.grad(s, List.of(x.variable()), GradOptions.defaults()).get(0));
    }

    /** {@code hessianVectorProduct} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> hessianVectorProduct(Tensor<?> cost, Tensor<D> x, Tensor<D> v) {
        return hessianVectorProduct(cost, Tensors.handle(x), v);
    }

    /** Theano's Lop: {@code u · ∂f/∂wrt}, shaped like wrt. */
    public static <D extends DTypeMarker, E extends DTypeMarker, S extends Tensor<E>> S Lop(Tensor<D> f, AbstractTensor<E, S, ?> wrt, Tensor<D> u) {
        return wrt.sameKind(Gradients.lop(f.variable(), List.of(wrt.variable()), u.variable(), GradOptions.defaults()).get(0));
    }

    /** {@code Lop} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker, E extends DTypeMarker> Tensor<E> Lop(Tensor<D> f, Tensor<E> wrt, Tensor<D> u) {
        return Lop(f, Tensors.handle(wrt), u);
    }

    /** Theano's Rop: {@code ∂f/∂wrt · v} (forward mode), shaped like f. */
    public static <D extends DTypeMarker, S extends Tensor<D>, E extends DTypeMarker> S Rop(AbstractTensor<D, S, ?> f, Tensor<E> wrt, Tensor<E> v) {
        return f.sameKind(Gradients.rop(f.variable(), List.of(wrt.variable()), List.of(v.variable()), GradOptions.defaults()));
    }

    /** {@code Rop} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker, E extends DTypeMarker> Tensor<D> Rop(Tensor<D> f, Tensor<E> wrt, Tensor<E> v) {
        return Rop(Tensors.handle(f), wrt, v);
    }

    /** Identity forward; the gradient through it is zero (Theano's zero_grad). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S zeroGrad(AbstractTensor<D, S, ?> x) {
        return x.sameKind(mark(GradMark.Kind.ZERO, null, x));
    }

    /** {@code zeroGrad} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> zeroGrad(Tensor<D> x) {
        return zeroGrad(Tensors.handle(x));
    }

    /** Identity forward; no gradient flows back through it (Theano's disconnected_grad). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S disconnectedGrad(AbstractTensor<D, S, ?> x) {
        return x.sameKind(mark(GradMark.Kind.DISCONNECTED, null, x));
    }

    /** {@code disconnectedGrad} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> disconnectedGrad(Tensor<D> x) {
        return disconnectedGrad(Tensors.handle(x));
    }

    /** Identity forward; differentiating through it is an error that quotes {@code reason} (Theano's grad_undefined). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S gradUndefined(AbstractTensor<D, S, ?> x, String reason) {
        return x.sameKind(mark(GradMark.Kind.UNDEFINED, reason, x));
    }

    /** {@code gradUndefined} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> gradUndefined(Tensor<D> x, String reason) {
        return gradUndefined(Tensors.handle(x), reason);
    }

    private static Variable mark(GradMark.Kind kind, String reason, Tensor<?> x) {
        return Apply.output(GradMark.of(kind, reason), x.variable());
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
