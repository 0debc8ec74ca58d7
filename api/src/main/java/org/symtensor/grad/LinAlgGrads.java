package org.symtensor.grad;

import java.util.Arrays;
import java.util.List;
import org.symtensor.error.GradientException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.LinAlg;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;

/**
 * The gradient rules of {@link LinAlg}, each a graph of other ops (so second derivatives follow):
 * products give products, the inverse {@code -A⁻ᵀ·G·A⁻ᵀ}, the determinant {@code G·det·A⁻ᵀ},
 * Cholesky Murray's formula (as Theano's {@code CholeskyGrad}), {@code eigh} Theano's
 * {@code EighGrad}, the singular values {@code U·diag(G)·Vᵀ}. QR and the singular vectors have
 * none, as in Theano: asking fails with a {@link GradientException}.
 *
 * <p>Rules that only need products and broadcasting also work under the batch axes of a Jacobian;
 * the others (those built on {@code solve}, diagonals and the decompositions' own matrices) are
 * written for gradients and refuse a Jacobian with a {@link GradientException}.
 */
final class LinAlgGrads {
    private LinAlgGrads() {}

    static List<Variable> inputGrads(Apply a, List<Variable> outputGrads, int batch) {
        LinAlg.Kind kind = ((LinAlg) a.op()).linAlgKind();
        Variable g = outputGrads.get(0);
        Variable x = a.inputs().get(0);
        return switch (kind) {
            case MATMUL -> matmul(a, g, batch);
            case TRIL -> List.of(LinAlg.apply1(LinAlg.Kind.TRIL, as(g, g)));
            case DIAG -> List.of(LinAlg.apply1(LinAlg.Kind.EXTRACT_DIAG, noBatch(kind, g, batch)));
            case EXTRACT_DIAG -> List.of(LinAlg.apply1(LinAlg.Kind.DIAG, noBatch(kind, g, batch)));
            case INVERSE -> {
                Variable xt = LinAlg.swapLast(as(a.output(), g));
                yield List.of(neg(mm(mm(xt, g), xt)));
            }
            case DET -> {
                Variable invT = LinAlg.swapLast(LinAlg.apply1(LinAlg.Kind.INVERSE, x));
                yield List.of(e(ScalarOp.MUL, e(ScalarOp.MUL, trailing2(g), a.output()), invT));
            }
            case SLOGDET -> {
                Variable gl = outputGrads.get(1); // the sign is piecewise constant: nothing flows from it
                if (gl == null) {
                    yield Arrays.asList((Variable) null);
                }
                Variable invT = LinAlg.swapLast(LinAlg.apply1(LinAlg.Kind.INVERSE, x));
                yield List.of(e(ScalarOp.MUL, trailing2(gl), invT));
            }
            case SOLVE -> solve(a, noBatch(kind, g, batch));
            case CHOLESKY -> List.of(cholesky(a.output(), noBatch(kind, g, batch)));
            case EIGH -> List.of(eigh(a, outputGrads.get(0), outputGrads.get(1), batch));
            case SVD -> List.of(singularValues(x, g));
            case SVD_VECTORS -> {
                if (outputGrads.get(0) != null || outputGrads.get(2) != null) {
                    throw new GradientException("svdVectors: the singular vectors U and Vᵀ of " + x.describe()
                            + " have no gradient (Theano's SVD has none); only the singular values do");
                }
                yield List.of(singularValues(x, outputGrads.get(1)));
            }
            case QR -> throw new GradientException("qr: the QR decomposition of " + x.describe()
                    + " has no gradient (Theano's QRFull has none)");
            case PINV -> List.of(pinv(x, a.output(), noBatch(kind, g, batch)));
        };
    }

    private static Variable noBatch(LinAlg.Kind kind, Variable g, int batch) {
        if (batch > 0) {
            throw new GradientException(kind.label() + ": Jacobians and Hessians through this op are not supported"
                    + " (its gradient rule is written for one cost); take the gradient of a scalar cost instead");
        }
        return g;
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    private static Variable as(Variable v, Variable g) {
        return Ops.cast(v, g.type().dtype());
    }

    private static Variable neg(Variable v) {
        return e(ScalarOp.NEG, v);
    }

    private static Variable mm(Variable a, Variable b) {
        return LinAlg.matmul(a, b);
    }

    /** {@code g[..., None, None]}: a (batch of) scalar gradient broadcast over a matrix. */
    private static Variable trailing2(Variable g) {
        int r = g.type().rank();
        int[] p = new int[r + 2];
        for (int i = 0; i < r; i++) {
            p[i] = i;
        }
        p[r] = DimShuffle.NEW_AXIS;
        p[r + 1] = DimShuffle.NEW_AXIS;
        return Ops.dimshuffle(g, p);
    }

    /** {@code x ∘ I}: the diagonal of a square matrix kept, the rest zeroed. */
    private static Variable diagPart(Variable x) {
        return e(ScalarOp.MUL, x, LinAlg.eyeLike(x, 0));
    }

    /** A gradient for a symmetric input read from its lower triangle: {@code tril(S + Sᵀ) - diag(S)}. */
    private static Variable lowerSymmetric(Variable s) {
        return e(ScalarOp.SUB, LinAlg.apply1(LinAlg.Kind.TRIL, e(ScalarOp.ADD, s, Ops.transpose(s))), diagPart(s));
    }

    /**
     * {@code a·b}: {@code g·bᵀ} and {@code aᵀ·g}, each summed over the leading axes its operand was
     * broadcast along (the axes it lacks here; statically-1 axes are summed by the caller's fit).
     */
    private static List<Variable> matmul(Apply a, Variable g, int batch) {
        Variable x = as(a.inputs().get(0), g);
        Variable y = as(a.inputs().get(1), g);
        Variable gx = sumLeading(mm(g, LinAlg.swapLast(y)), x.type().rank(), batch);
        Variable gy = sumLeading(mm(LinAlg.swapLast(x), g), y.type().rank(), batch);
        return List.of(gx, gy);
    }

    /** {@code v} summed over the axes after the batch ones that make its rank exceed {@code batch + rank}. */
    private static Variable sumLeading(Variable v, int rank, int batch) {
        int extra = v.type().rank() - batch - rank;
        if (extra <= 0) {
            return v;
        }
        int[] axes = new int[extra];
        for (int i = 0; i < extra; i++) {
            axes[i] = batch + i;
        }
        return Ops.reduce(Reduce.Kind.SUM, v, axes);
    }

    /** x = A⁻¹b: {@code b̄ = A⁻ᵀ·G} (a solve with Aᵀ), {@code Ā = -b̄·xᵀ}. */
    private static List<Variable> solve(Apply a, Variable g) {
        Variable m = a.inputs().get(0);
        Variable gb = LinAlg.apply1(LinAlg.Kind.SOLVE, Ops.transpose(m), as(g, m));
        Variable x = a.output();
        Variable ga = x.type().rank() == 1 ? LinAlg.outer(gb, x) : Ops.dot(gb, Ops.transpose(x));
        return List.of(neg(ga), gb);
    }

    /**
     * Murray (2016), "Differentiation of the Cholesky decomposition", in the form Theano's
     * {@code CholeskyGrad} uses: {@code S = L⁻ᵀ·Φ(Lᵀ·L̄)·L⁻¹} with Φ the lower triangle with its
     * diagonal halved, and the gradient {@code tril(S + Sᵀ) - diag(S)} for the lower triangle read.
     */
    private static Variable cholesky(Variable l, Variable g) {
        Variable p = Ops.dot(Ops.transpose(l), g);
        Variable phi = e(ScalarOp.SUB, LinAlg.apply1(LinAlg.Kind.TRIL, p), e(ScalarOp.MUL, diagPart(p),
                Ops.constant(0.5, p.type().dtype())));
        Variable linv = LinAlg.apply1(LinAlg.Kind.INVERSE, l);
        Variable s = Ops.dot(Ops.dot(Ops.transpose(linv), phi), linv);
        return lowerSymmetric(s);
    }

    /**
     * {@code A = V·diag(w)·Vᵀ}: {@code Ā = V·(diag(w̄) + F∘(Vᵀ·V̄))·Vᵀ} with
     * {@code F[i, j] = 1/(w[j] - w[i])} off the diagonal and 0 on it (first-order perturbation of
     * distinct eigenvalues), then folded onto the lower triangle that was read.
     */
    private static Variable eigh(Apply a, Variable gw, Variable gv, int batch) {
        noBatch(LinAlg.Kind.EIGH, gw != null ? gw : gv, batch);
        Variable w = a.outputs().get(0);
        Variable v = a.outputs().get(1);
        Variable eye = LinAlg.eyeLike(v, 0);
        Variable inner = null;
        if (gw != null) {
            inner = LinAlg.apply1(LinAlg.Kind.DIAG, gw);
        }
        if (gv != null) {
            Variable diff = e(ScalarOp.SUB, Ops.dimshuffle(w, DimShuffle.NEW_AXIS, 0), Ops.dimshuffle(w, 0, DimShuffle.NEW_AXIS));
            Variable one = Ops.constant(1, w.type().dtype());
            Variable f = e(ScalarOp.TRUE_DIV, e(ScalarOp.SUB, one, eye), e(ScalarOp.ADD, diff, eye));
            Variable term = e(ScalarOp.MUL, f, Ops.dot(Ops.transpose(v), gv));
            inner = inner == null ? term : e(ScalarOp.ADD, inner, term);
        }
        Variable full = Ops.dot(Ops.dot(v, inner), Ops.transpose(v));
        return lowerSymmetric(full);
    }

    /** {@code s = svd(A)}: {@code Ā = U·diag(s̄)·Vᵀ}, written with broadcasting so a Jacobian's batch axes pass. */
    private static Variable singularValues(Variable x, Variable gs) {
        List<Variable> usv = LinAlg.apply(LinAlg.Kind.SVD_VECTORS, x);
        int r = gs.type().rank();
        int[] p = new int[r + 1];
        for (int i = 0; i < r - 1; i++) {
            p[i] = i;
        }
        p[r - 1] = DimShuffle.NEW_AXIS;
        p[r] = r - 1;
        return mm(e(ScalarOp.MUL, usv.get(0), Ops.dimshuffle(gs, p)), usv.get(2));
    }

    /**
     * X = A⁺ (A full rank): {@code Ā = -Xᵀ·G·Xᵀ + (I - A·X)·Gᵀ·X·Xᵀ + Xᵀ·X·Gᵀ·(I - X·A)}, the
     * adjoint of the differential of the pseudo-inverse (Golub and Pereyra, 1973).
     */
    private static Variable pinv(Variable a, Variable x, Variable g) {
        Variable xt = Ops.transpose(x);
        Variable gt = Ops.transpose(g);
        Variable t1 = neg(Ops.dot(Ops.dot(xt, g), xt));
        Variable leftProj = e(ScalarOp.SUB, LinAlg.eyeLike(a, 0), Ops.dot(a, x));
        Variable t2 = Ops.dot(Ops.dot(Ops.dot(leftProj, gt), x), xt);
        Variable rightProj = e(ScalarOp.SUB, LinAlg.eyeLike(a, 1), Ops.dot(x, a));
        Variable t3 = Ops.dot(Ops.dot(Ops.dot(xt, x), gt), rightProj);
        return e(ScalarOp.ADD, e(ScalarOp.ADD, t1, t2), t3);
    }
}
