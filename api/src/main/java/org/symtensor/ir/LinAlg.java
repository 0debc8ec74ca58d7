package org.symtensor.ir;

import java.util.Arrays;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * Linear algebra beyond {@link Dot}: batched matrix products, the dense decompositions (inverse,
 * determinant, solve, Cholesky, symmetric eigenproblem, SVD, QR, pseudo-inverse) and the diagonal
 * and triangle helpers their gradients are built from. One op kind with a {@link Kind}: the CPU runs
 * them through OpenBLAS (products) and EJML (decompositions, in float64 whatever the input's float
 * dtype; float32 results are rounded back once).
 *
 * <p>The decompositions take float matrices only (an integer matrix must be cast first: the result
 * of an inverse is not an integer), keep the input's float dtype, and read a symmetric input
 * ({@code cholesky}, {@code eigh}) from its lower triangle only, as NumPy and Theano do; their
 * gradients are then lower-triangular too.
 */
public final class LinAlg implements Op {
    /** What the op computes; the outputs are listed with each constant. */
    public enum Kind {
        /** NumPy's {@code matmul} of two tensors of rank 2 or more: the last two axes multiply, the leading ones broadcast. */
        MATMUL("matmul", 1),
        /** The inverse of a square matrix; a singular matrix is an error. */
        INVERSE("inverse", 1),
        /** The determinant of a square matrix, a scalar. */
        DET("det", 1),
        /** NumPy's {@code slogdet}: the sign (-1, 0 or 1) and the log of the absolute determinant, two scalars. */
        SLOGDET("slogdet", 2),
        /** {@code solve(A, b)}: x with {@code A·x = b}, b a vector or a matrix of right-hand sides. */
        SOLVE("solve", 1),
        /** The lower Cholesky factor L of a symmetric positive-definite matrix, {@code L·Lᵀ = A}. */
        CHOLESKY("cholesky", 1),
        /** The symmetric eigenproblem: eigenvalues in ascending order and the eigenvectors as columns. */
        EIGH("eigh", 2),
        /** The singular values, in descending order. */
        SVD("svd", 1),
        /** The reduced SVD: U (m×k), the singular values (k) and Vᵀ (k×n), k = min(m, n), {@code A = U·diag(s)·Vᵀ}. */
        SVD_VECTORS("svdVectors", 3),
        /** The reduced QR decomposition: Q (m×k) with orthonormal columns and upper-triangular R (k×n). */
        QR("qr", 2),
        /** The Moore-Penrose pseudo-inverse, (n×m) for an (m×n) matrix, through the SVD. */
        PINV("pinv", 1),
        /** A square matrix with the vector on its diagonal and zeros elsewhere. */
        DIAG("diag", 1),
        /** The diagonal of a square matrix, as a vector. */
        EXTRACT_DIAG("diagonal", 1),
        /** The lower triangle of the last two axes (the diagonal included), zeros above it. */
        TRIL("tril", 1);

        private final String label;
        private final int outputs;

        Kind(String label, int outputs) {
            this.label = label;
            this.outputs = outputs;
        }

        /** The name printed by {@code pp} and in errors ({@code inverse}, {@code slogdet}). */
        public String label() {
            return label;
        }

        /** How many outputs the op has. */
        public int outputCount() {
            return outputs;
        }
    }

    private static final LinAlg[] INSTANCES = Arrays.stream(Kind.values()).map(LinAlg::new).toArray(LinAlg[]::new);

    private final Kind linAlgKind;

    private LinAlg(Kind kind) {
        this.linAlgKind = kind;
    }

    /** The op of {@code kind} (one instance each). */
    public static LinAlg of(Kind kind) {
        return INSTANCES[kind.ordinal()];
    }

    /** The outputs of {@code kind} applied to {@code inputs}. */
    public static List<Variable> apply(Kind kind, Variable... inputs) {
        return Apply.of(of(kind), List.of(inputs)).outputs();
    }

    /** The only output of {@code kind} applied to {@code inputs}. */
    public static Variable apply1(Kind kind, Variable... inputs) {
        return Apply.output(of(kind), inputs);
    }

    public Kind linAlgKind() {
        return linAlgKind;
    }

    @Override
    public OpKind kind() {
        return OpKind.LINALG;
    }

    @Override
    public String name() {
        return "LinAlg{" + linAlgKind.label + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        int arity = linAlgKind == Kind.MATMUL || linAlgKind == Kind.SOLVE ? 2 : 1;
        if (inputs.size() != arity) {
            throw new org.symtensor.error.ArgumentException(linAlgKind.label + " takes " + arity + " input(s), got " + inputs.size());
        }
        Variable a = inputs.get(0);
        String op = linAlgKind.label;
        switch (linAlgKind) {
            case MATMUL:
                return List.of(matmulType(a, inputs.get(1)));
            case DIAG: {
                requireRank(op, a, 1);
                int n = a.type().dim(0);
                return List.of(TensorType.of(a.type().dtype(), n, n));
            }
            case EXTRACT_DIAG: {
                int n = requireSquare(op, a);
                return List.of(TensorType.of(a.type().dtype(), n));
            }
            case TRIL:
                if (a.type().rank() < 2) {
                    throw new ShapeMismatchException(op + ": " + a.describe() + " must have rank 2 or more, got rank " + a.type().rank());
                }
                return List.of(a.type());
            default:
                break;
        }
        DType d = requireFloat(op, a);
        switch (linAlgKind) {
            case INVERSE:
            case CHOLESKY: {
                int n = requireSquare(op, a);
                return List.of(TensorType.of(d, n, n));
            }
            case DET:
                requireSquare(op, a);
                return List.of(TensorType.of(d));
            case SLOGDET:
                requireSquare(op, a);
                return List.of(TensorType.of(d), TensorType.of(d));
            case EIGH: {
                int n = requireSquare(op, a);
                return List.of(TensorType.of(d, n), TensorType.of(d, n, n));
            }
            case SOLVE: {
                int n = requireSquare(op, a);
                Variable b = inputs.get(1);
                DType db = requireFloat(op, b);
                if (db != d) {
                    throw new DTypeMismatchException(op + ": the matrix " + a.describe() + " is " + d + " and the right-hand side "
                            + b.describe() + " is " + db + "; cast one so they agree");
                }
                int rb = b.type().rank();
                if (rb != 1 && rb != 2) {
                    throw new ShapeMismatchException(op + ": the right-hand side " + b.describe()
                            + " must be a vector or a matrix, got rank " + rb);
                }
                int nb = b.type().dim(0);
                if (n != TensorType.UNKNOWN && nb != TensorType.UNKNOWN && n != nb) {
                    throw new ShapeMismatchException(op + ": " + a.describe() + " has shape " + TensorType.shapeString(a.type().shape())
                            + " and the right-hand side " + b.describe() + " has shape " + TensorType.shapeString(b.type().shape())
                            + "; axis 0 of the right-hand side must have length " + n);
                }
                return List.of(TensorType.of(d, b.type().shape()));
            }
            case SVD:
            case SVD_VECTORS:
            case QR:
            case PINV: {
                requireRank(op, a, 2);
                int m = a.type().dim(0);
                int n = a.type().dim(1);
                int k = m == TensorType.UNKNOWN || n == TensorType.UNKNOWN ? TensorType.UNKNOWN : Math.min(m, n);
                if (linAlgKind == Kind.SVD) {
                    return List.of(TensorType.of(d, k));
                }
                if (linAlgKind == Kind.SVD_VECTORS) {
                    return List.of(TensorType.of(d, m, k), TensorType.of(d, k), TensorType.of(d, k, n));
                }
                if (linAlgKind == Kind.QR) {
                    return List.of(TensorType.of(d, m, k), TensorType.of(d, k, n));
                }
                return List.of(TensorType.of(d, n, m));
            }
            default:
                throw new AssertionError(linAlgKind);
        }
    }

    /** NumPy's matmul rule for operands of rank 2 or more: batch axes broadcast where one side is statically 1. */
    private static TensorType matmulType(Variable a, Variable b) {
        int ra = a.type().rank();
        int rb = b.type().rank();
        if (ra < 2 || rb < 2) {
            throw new ShapeMismatchException("matmul takes tensors of rank 2 or more (use dot for vectors), got " + a.describe()
                    + " of shape " + TensorType.shapeString(a.type().shape()) + " and " + b.describe() + " of shape "
                    + TensorType.shapeString(b.type().shape()));
        }
        int ka = a.type().dim(ra - 1);
        int kb = b.type().dim(rb - 2);
        if (ka != TensorType.UNKNOWN && kb != TensorType.UNKNOWN && ka != kb) {
            throw new ShapeMismatchException("matmul: inner dimensions differ: " + a.describe() + " has shape "
                    + TensorType.shapeString(a.type().shape()) + " and " + b.describe() + " has shape "
                    + TensorType.shapeString(b.type().shape()) + " (axis " + (ra - 1) + " of the first has length " + ka
                    + ", axis " + (rb - 2) + " of the second has length " + kb + ")");
        }
        int r = Math.max(ra, rb);
        int[] out = new int[r];
        for (int i = 0; i < r - 2; i++) {
            int da = i - (r - ra) >= 0 ? a.type().dim(i - (r - ra)) : 1;
            int db = i - (r - rb) >= 0 ? b.type().dim(i - (r - rb)) : 1;
            if (da == 1) {
                out[i] = db;
            } else if (db == 1) {
                out[i] = da;
            } else if (da != TensorType.UNKNOWN && db != TensorType.UNKNOWN && da != db) {
                throw new ShapeMismatchException("matmul: batch axes do not broadcast: " + a.describe() + " has shape "
                        + TensorType.shapeString(a.type().shape()) + " and " + b.describe() + " has shape "
                        + TensorType.shapeString(b.type().shape()));
            } else {
                out[i] = da != TensorType.UNKNOWN ? da : db;
            }
        }
        out[r - 2] = a.type().dim(ra - 2);
        out[r - 1] = b.type().dim(rb - 1);
        DType d = DType.upcast(a.type().dtype(), b.type().dtype());
        if (d == DType.BOOL) {
            d = DType.INT8;
        }
        return TensorType.of(d, out);
    }

    private static DType requireFloat(String op, Variable x) {
        DType d = x.type().dtype();
        if (!d.isFloat()) {
            throw new DTypeMismatchException(op + ": " + x.describe() + " must be float32 or float64, got " + d
                    + " (cast it first: the result is not an integer)");
        }
        return d;
    }

    private static void requireRank(String op, Variable x, int rank) {
        if (x.type().rank() != rank) {
            throw new ShapeMismatchException(op + ": " + x.describe() + " must have rank " + rank + ", got rank "
                    + x.type().rank() + " (shape " + TensorType.shapeString(x.type().shape()) + ")");
        }
    }

    /** Checks that {@code x} is a square matrix where its shape is known, and returns its size or UNKNOWN. */
    private static int requireSquare(String op, Variable x) {
        requireRank(op, x, 2);
        int m = x.type().dim(0);
        int n = x.type().dim(1);
        if (m != TensorType.UNKNOWN && n != TensorType.UNKNOWN && m != n) {
            throw new ShapeMismatchException(op + ": " + x.describe() + " must be a square matrix, got shape "
                    + TensorType.shapeString(x.type().shape()));
        }
        return m != TensorType.UNKNOWN ? m : n;
    }


    // ---- graph builders shared by the DSL and the gradient rules --------------------------------

    /** NumPy's {@code matmul} of two tensors of rank 2 or more; operands of different float dtypes upcast. */
    public static Variable matmul(Variable a, Variable b) {
        return apply1(Kind.MATMUL, a, b);
    }

    /** {@code x} with its last two axes swapped (the transpose of each matrix in a stack). */
    public static Variable swapLast(Variable x) {
        int r = x.type().rank();
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = i;
        }
        p[r - 2] = r - 1;
        p[r - 1] = r - 2;
        return Ops.dimshuffle(x, p);
    }

    /** The outer product of two vectors, {@code (m), (n) → (m×n)}, as a broadcast multiplication. */
    public static Variable outer(Variable a, Variable b) {
        if (a.type().rank() != 1 || b.type().rank() != 1) {
            throw new ShapeMismatchException("outer takes two vectors, got " + a.describe() + " of rank " + a.type().rank()
                    + " and " + b.describe() + " of rank " + b.type().rank());
        }
        return Ops.elemwise(ScalarOp.MUL, Ops.dimshuffle(a, 0, DimShuffle.NEW_AXIS), Ops.dimshuffle(b, DimShuffle.NEW_AXIS, 0));
    }

    /** The sum of the diagonal of a square matrix. */
    public static Variable trace(Variable a) {
        return Ops.reduce(Reduce.Kind.SUM, apply1(Kind.EXTRACT_DIAG, a));
    }

    /** The identity matrix as large as axis {@code axis} of {@code like}, in {@code like}'s dtype. */
    public static Variable eyeLike(Variable like, int axis) {
        return Apply.output(Eye.of(like.type().dtype()), Ops.shape(like, axis));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinAlg && ((LinAlg) o).linAlgKind == linAlgKind;
    }

    @Override
    public int hashCode() {
        return linAlgKind.hashCode() * 31 + 7;
    }

    @Override
    public String toString() {
        return name();
    }
}
