package org.symtensor.dsl;

import java.util.List;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Contractions;
import org.symtensor.ir.LinAlg;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.FloatingMarker;

/**
 * The DSL's linear algebra (NumPy's {@code numpy.linalg}, Theano's {@code tensor.nlinalg} and
 * {@code slinalg}): outer and batched products, trace and diagonals, the decompositions and
 * {@code norm}. Reached through {@link org.symtensor.T}'s static imports. The decompositions take
 * float32 or float64 matrices, compute in float64 (EJML) and round float32 results back once.
 */
public final class LinAlgFunctions {
    private LinAlgFunctions() {}

    /** The result of {@link #slogdet}: the determinant's sign (-1, 0 or 1) and the log of its absolute value. */
    public record Slogdet<D extends DTypeMarker>(Scalar<D> sign, Scalar<D> logAbsDet) {}

    /** The result of {@link #eigh}: eigenvalues in ascending order and the matching unit eigenvectors as columns. */
    public record Eigh<D extends DTypeMarker>(Vector<D> values, Matrix<D> vectors) {}

    /** The result of {@link #svdVectors}: {@code a = u·diag(s)·vt}, u (m×k), s (k) descending, vt (k×n), k = min(m, n). */
    public record Svd<D extends DTypeMarker>(Matrix<D> u, Vector<D> s, Matrix<D> vt) {}

    /** The result of {@link #qr}: {@code a = q·r}, q (m×k) with orthonormal columns, r (k×n) upper triangular. */
    public record Qr<D extends DTypeMarker>(Matrix<D> q, Matrix<D> r) {}

    /** The order of a {@link #norm}: NumPy's {@code 'fro'}, {@code 1}, {@code 2} and {@code inf}. */
    public enum NormOrd {
        /** Frobenius (for a vector the same as 2): the square root of the sum of squares. */
        FRO,
        /** A vector's sum of absolute values; a matrix's largest column sum of absolute values. */
        ONE,
        /** A vector's Euclidean length; a matrix's largest singular value. */
        TWO,
        /** A vector's largest absolute value; a matrix's largest row sum of absolute values. */
        INF
    }

    // ---- products -----------------------------------------------------------------------------

    /** The outer product of two vectors, {@code (m), (n) → (m×n)}: {@code a[i]·b[j]}. */
    public static <D extends DTypeMarker> Matrix<D> outer(Vector<D> a, Vector<D> b) {
        Ops.requireSameDtype("outer", a.variable(), b.variable());
        return new Matrix<>(LinAlg.outer(a.variable(), b.variable()));
    }

    /** The matrix product {@code (m×k)·(k×n) → (m×n)} (NumPy's {@code matmul}, the same as {@code dot} for matrices). */
    public static <D extends DTypeMarker> Matrix<D> matmul(Matrix<D> a, Matrix<D> b) {
        Ops.requireSameDtype("matmul", a.variable(), b.variable());
        return new Matrix<>(LinAlg.matmul(a.variable(), b.variable()));
    }

    /** A batch of matrix products {@code (b×m×k)·(b×k×n) → (b×m×n)}, a batch axis of length 1 broadcasting. */
    public static <D extends DTypeMarker> Tensor3<D> matmul(Tensor3<D> a, Tensor3<D> b) {
        Ops.requireSameDtype("matmul", a.variable(), b.variable());
        return new Tensor3<>(LinAlg.matmul(a.variable(), b.variable()));
    }

    /** One matrix times each of a batch, {@code (m×k)·(b×k×n) → (b×m×n)}. */
    public static <D extends DTypeMarker> Tensor3<D> matmul(Matrix<D> a, Tensor3<D> b) {
        Ops.requireSameDtype("matmul", a.variable(), b.variable());
        return new Tensor3<>(LinAlg.matmul(a.variable(), b.variable()));
    }

    /** Each of a batch times one matrix, {@code (b×m×k)·(k×n) → (b×m×n)}. */
    public static <D extends DTypeMarker> Tensor3<D> matmul(Tensor3<D> a, Matrix<D> b) {
        Ops.requireSameDtype("matmul", a.variable(), b.variable());
        return new Tensor3<>(LinAlg.matmul(a.variable(), b.variable()));
    }

    /** NumPy's {@code matmul} for tensors of rank 2 or more of any rank: the last two axes multiply, the others broadcast. */
    public static <D extends DTypeMarker> Tensor<D> matmul(Tensor<D> a, Tensor<D> b) {
        Ops.requireSameDtype("matmul", a.variable(), b.variable());
        return Tensors.wrap(LinAlg.matmul(a.variable(), b.variable()));
    }

    /** Theano's {@code batched_dot} of matrix stacks: {@code (b×m×k)·(b×k×n) → (b×m×n)}, one product per batch entry. */
    public static <D extends DTypeMarker> Tensor3<D> batchedDot(Tensor3<D> a, Tensor3<D> b) {
        return matmul(a, b);
    }

    /** Theano's {@code batched_dot} of two row stacks: the dot product of each pair of rows, {@code (b×k), (b×k) → (b)}. */
    public static <D extends FloatingMarker> Vector<D> batchedDot(Matrix<D> a, Matrix<D> b) {
        Ops.requireSameDtype("batchedDot", a.variable(), b.variable());
        return new Vector<>(Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.MUL, a.variable(), b.variable()), 1));
    }

    // ---- diagonals ----------------------------------------------------------------------------

    /** The sum of the diagonal of a square matrix. */
    public static <D extends FloatingMarker> Scalar<D> trace(Matrix<D> a) {
        return new Scalar<>(LinAlg.trace(a.variable()));
    }

    /** The square matrix with {@code v} on its diagonal and zeros elsewhere (NumPy's {@code diag} of a vector). */
    public static <D extends DTypeMarker> Matrix<D> diag(Vector<D> v) {
        return new Matrix<>(LinAlg.apply1(LinAlg.Kind.DIAG, v.variable()));
    }

    /** The diagonal of a square matrix as a vector (NumPy's {@code diag} of a matrix, Theano's {@code diagonal}). */
    public static <D extends DTypeMarker> Vector<D> diag(Matrix<D> a) {
        return new Vector<>(LinAlg.apply1(LinAlg.Kind.EXTRACT_DIAG, a.variable()));
    }

    /** The lower triangle of a matrix, the diagonal included, with zeros above it (NumPy's {@code tril}). */
    public static <D extends DTypeMarker> Matrix<D> tril(Matrix<D> a) {
        return new Matrix<>(LinAlg.apply1(LinAlg.Kind.TRIL, a.variable()));
    }

    // ---- decompositions -----------------------------------------------------------------------

    /** The inverse of a square matrix (NumPy's {@code inv}, Theano's {@code matrix_inverse}); singular is an error when run. */
    public static <D extends FloatingMarker> Matrix<D> inverse(Matrix<D> a) {
        return new Matrix<>(LinAlg.apply1(LinAlg.Kind.INVERSE, a.variable()));
    }

    /** The determinant of a square matrix. */
    public static <D extends FloatingMarker> Scalar<D> det(Matrix<D> a) {
        return new Scalar<>(LinAlg.apply1(LinAlg.Kind.DET, a.variable()));
    }

    /** The sign and the log of the absolute value of the determinant, which does not overflow where {@code det} would. */
    public static <D extends FloatingMarker> LinAlgFunctions.Slogdet<D> slogdet(Matrix<D> a) {
        List<Variable> out = LinAlg.apply(LinAlg.Kind.SLOGDET, a.variable());
        return new Slogdet<>(new Scalar<>(out.get(0)), new Scalar<>(out.get(1)));
    }

    /** The x with {@code a·x = b} for a square {@code a} and one right-hand side. */
    public static <D extends FloatingMarker> Vector<D> solve(Matrix<D> a, Vector<D> b) {
        return new Vector<>(LinAlg.apply1(LinAlg.Kind.SOLVE, a.variable(), b.variable()));
    }

    /** The x with {@code a·x = b} for a square {@code a} and the right-hand sides as the columns of {@code b}. */
    public static <D extends FloatingMarker> Matrix<D> solve(Matrix<D> a, Matrix<D> b) {
        return new Matrix<>(LinAlg.apply1(LinAlg.Kind.SOLVE, a.variable(), b.variable()));
    }

    /** The lower-triangular L with {@code L·Lᵀ = a}, a symmetric positive definite and read from its lower triangle. */
    public static <D extends FloatingMarker> Matrix<D> cholesky(Matrix<D> a) {
        return new Matrix<>(LinAlg.apply1(LinAlg.Kind.CHOLESKY, a.variable()));
    }

    /** The eigenvalues (ascending) and eigenvectors of a symmetric matrix read from its lower triangle. */
    public static <D extends FloatingMarker> LinAlgFunctions.Eigh<D> eigh(Matrix<D> a) {
        List<Variable> out = LinAlg.apply(LinAlg.Kind.EIGH, a.variable());
        return new Eigh<>(new Vector<>(out.get(0)), new Matrix<>(out.get(1)));
    }

    /** The eigenvalues (ascending) of a symmetric matrix read from its lower triangle (NumPy's {@code eigvalsh}). */
    public static <D extends FloatingMarker> Vector<D> eigvalsh(Matrix<D> a) {
        return eigh(a).values();
    }

    /** The singular values of a matrix, descending (NumPy's {@code svd} with {@code compute_uv=False}). */
    public static <D extends FloatingMarker> Vector<D> svd(Matrix<D> a) {
        return new Vector<>(LinAlg.apply1(LinAlg.Kind.SVD, a.variable()));
    }

    /** The reduced SVD {@code a = u·diag(s)·vt} (NumPy's {@code svd} with {@code full_matrices=False}); only s has a gradient. */
    public static <D extends FloatingMarker> LinAlgFunctions.Svd<D> svdVectors(Matrix<D> a) {
        List<Variable> out = LinAlg.apply(LinAlg.Kind.SVD_VECTORS, a.variable());
        return new Svd<>(new Matrix<>(out.get(0)), new Vector<>(out.get(1)), new Matrix<>(out.get(2)));
    }

    /** The reduced QR decomposition {@code a = q·r} (NumPy's {@code qr}, mode {@code 'reduced'}); it has no gradient. */
    public static <D extends FloatingMarker> LinAlgFunctions.Qr<D> qr(Matrix<D> a) {
        List<Variable> out = LinAlg.apply(LinAlg.Kind.QR, a.variable());
        return new Qr<>(new Matrix<>(out.get(0)), new Matrix<>(out.get(1)));
    }

    /** The Moore-Penrose pseudo-inverse, {@code (m×n) → (n×m)}, singular values below {@code 1e-15} of the largest dropped. */
    public static <D extends FloatingMarker> Matrix<D> pinv(Matrix<D> a) {
        return new Matrix<>(LinAlg.apply1(LinAlg.Kind.PINV, a.variable()));
    }

    // ---- contractions -------------------------------------------------------------------------

    /** NumPy's {@code tensordot(a, b, n)}: the last {@code n} axes of a summed against the first n of b. */
    public static <D extends DTypeMarker> Tensor<D> tensordot(Tensor<D> a, Tensor<D> b, int n) {
        return Tensors.wrap(Contractions.tensordot(a.variable(), b.variable(), n));
    }

    /** NumPy's {@code tensordot(a, b, (axesA, axesB))}: axis {@code axesA[i]} of a summed against {@code axesB[i]} of b. */
    public static <D extends DTypeMarker> Tensor<D> tensordot(Tensor<D> a, Tensor<D> b, int[] axesA, int[] axesB) {
        return Tensors.wrap(Contractions.tensordot(a.variable(), b.variable(), axesA, axesB));
    }

    /** NumPy's {@code einsum} of one operand: {@code "ij->ji"}, {@code "ij->i"}, {@code "ij->"}, {@code "ii->"}, {@code "ii->i"}. */
    public static <D extends DTypeMarker> Tensor<D> einsum(String subscripts, Tensor<D> a) {
        return Tensors.wrap(Contractions.einsum(subscripts, List.of(a.variable())));
    }

    /**
     * NumPy's {@code einsum} of two operands: {@code "ij,jk->ik"}, {@code "bij,bjk->bik"},
     * {@code "i,j->ij"}, {@code "ij,ij->"}, {@code "bi,bi->b"}, ... (letters only, no ellipsis; implicit
     * output when {@code "->"} is left out).
     */
    public static <D extends DTypeMarker> Tensor<D> einsum(String subscripts, Tensor<D> a, Tensor<D> b) {
        return Tensors.wrap(Contractions.einsum(subscripts, List.of(a.variable(), b.variable())));
    }

    // ---- norms ------------------------------------------------------------------------------

    /** The Euclidean length of a vector. */
    public static <D extends FloatingMarker> Scalar<D> norm(Vector<D> x) {
        return norm(x, NormOrd.TWO);
    }

    /** A vector norm: {@code FRO} and {@code TWO} the Euclidean length, {@code ONE} the sum of absolute values, {@code INF} the largest. */
    public static <D extends FloatingMarker> Scalar<D> norm(Vector<D> x, LinAlgFunctions.NormOrd ord) {
        return new Scalar<>(vectorNorm(x.variable(), ord, null));
    }

    /** The Frobenius norm of a matrix. */
    public static <D extends FloatingMarker> Scalar<D> norm(Matrix<D> x) {
        return norm(x, NormOrd.FRO);
    }

    /**
     * A matrix norm: {@code FRO} Frobenius, {@code ONE} the largest column sum of absolute values,
     * {@code TWO} the largest singular value, {@code INF} the largest row sum of absolute values.
     */
    public static <D extends FloatingMarker> Scalar<D> norm(Matrix<D> x, LinAlgFunctions.NormOrd ord) {
        Variable v = x.variable();
        Variable abs = Ops.elemwise(ScalarOp.ABS, v);
        Variable r = switch (ord) {
            case FRO -> vectorNorm(v, NormOrd.TWO, null);
            case ONE -> Ops.reduce(Reduce.Kind.MAX, Ops.reduce(Reduce.Kind.SUM, abs, 0));
            case INF -> Ops.reduce(Reduce.Kind.MAX, Ops.reduce(Reduce.Kind.SUM, abs, 1));
            case TWO -> Ops.reduce(Reduce.Kind.MAX, LinAlg.apply1(LinAlg.Kind.SVD, v));
        };
        return new Scalar<>(r);
    }

    /** Vector norms of the rows ({@code axis 1}) or the columns ({@code axis 0}) of a matrix. */
    public static <D extends FloatingMarker> Vector<D> norm(Matrix<D> x, LinAlgFunctions.NormOrd ord, int axis) {
        return new Vector<>(vectorNorm(x.variable(), ord, axis(x.variable(), axis)));
    }

    /** Vector norms along one axis of a tensor of any rank (negative counts from the end); that axis is removed. */
    public static <D extends FloatingMarker> Tensor<D> norm(Tensor<D> x, LinAlgFunctions.NormOrd ord, int axis) {
        return Tensors.wrap(vectorNorm(x.variable(), ord, axis(x.variable(), axis)));
    }

    private static int axis(Variable x, int axis) {
        int r = x.type().rank();
        int a = axis < 0 ? axis + r : axis;
        if (a < 0 || a >= r) {
            throw new ShapeMismatchException("norm: axis " + axis + " is out of range for " + x.describe() + " of rank " + r);
        }
        return a;
    }

    /** The vector norm over {@code axis}, or over all elements when it is null. */
    private static Variable vectorNorm(Variable x, NormOrd ord, Integer axis) {
        if (ord == null) {
            throw new ArgumentException("norm: the order must not be null");
        }
        int[] axes = axis == null ? null : new int[] {axis};
        return switch (ord) {
            case FRO, TWO -> Ops.elemwise(ScalarOp.SQRT, reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.SQR, x), axes));
            case ONE -> reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.ABS, x), axes);
            case INF -> reduce(Reduce.Kind.MAX, Ops.elemwise(ScalarOp.ABS, x), axes);
        };
    }

    private static Variable reduce(Reduce.Kind kind, Variable x, int[] axes) {
        return axes == null ? Ops.reduce(kind, x) : Ops.reduce(kind, x, axes);
    }
}
