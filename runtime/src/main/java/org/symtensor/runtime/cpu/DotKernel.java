package org.symtensor.runtime.cpu;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link org.symtensor.ir.Dot} node: {@code (k)·(k) → ()},
 * {@code (m×k)·(k) → (m)}, {@code (k)·(k×n) → (n)}, {@code (m×k)·(k×n) → (m×n)}. Float32 and
 * float64 products with a matrix operand go to OpenBLAS ({@link Blas}; EJML for matrix·matrix
 * when OpenBLAS cannot load); everything else is a plain i-k-j loop,
 * accumulating floats in double and integers in long (wrapped to the output width on store). A
 * first operand of rank 3 or more is treated as a stack of rows, as NumPy's dot does.
 */
final class DotKernel implements Kernel {
    private final String name;
    private final Object where;
    private final DType outDtype;

    DotKernel(Apply node) {
        this(node.op().name(), node.createdAt(), node.outputs().get(0).type().dtype());
    }

    /** The kernel without a node: {@code name} and {@code where} go into error messages. */
    DotKernel(String name, Object where, DType outDtype) {
        this.name = name;
        this.where = where;
        this.outDtype = outDtype;
    }

    /** NumPy's dot of an n-d array with a vector or matrix: the leading axes of {@code a} act as rows. */
    private NDArray batched(NDArray a, NDArray b, int k) {
        int[] shape = a.shape();
        int rows = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            rows *= shape[i];
        }
        NDArray flat = run(new NDArray[] {a.reshape(rows, k), b})[0];
        int[] outShape = java.util.Arrays.copyOf(shape, shape.length - 1 + (b.rank() == 2 ? 1 : 0));
        if (b.rank() == 2) {
            outShape[outShape.length - 1] = b.shape(1);
        }
        return flat.reshape(outShape);
    }

    @Override
    public NDArray[] run(NDArray[] inputs) {
        return run(inputs, null, null);
    }

    @Override
    public NDArray[] run(NDArray[] inputs, int[] donors, NDArray[] recycled) {
        NDArray a = inputs[0];
        NDArray b = inputs[1];
        int k = a.shape(a.rank() - 1);
        if (b.shape(0) != k) {
            throw new ShapeMismatchException(name + ": inner dimensions differ: shapes "
                    + NDArray.shapeToString(a.shape()) + " and " + NDArray.shapeToString(b.shape())
                    + " (axis " + (a.rank() - 1) + " of the first has length " + k + ", axis 0 of the second has length "
                    + b.shape(0) + ") (node created at " + where + ")");
        }
        if (a.rank() > 2) {
            return new NDArray[] {batched(a, b, k)};
        }
        // A vector is a 1×k row on the left and a k×1 column on the right; the output drops those axes.
        int m = a.rank() == 2 ? a.shape(0) : 1;
        int n = b.rank() == 2 ? b.shape(1) : 1;
        int[] outShape = outShape(a.rank(), b.rank(), m, n);
        NDArray.elementCount(outShape); // a product too large for one array fails here, before any allocation
        if (outDtype.isFloat() && (a.rank() == 2 || b.rank() == 2) && m > 0 && n > 0 && k > 0 && Blas.available()) {
            return Recycled.result(recycled, blas(a, b, m, k, n, outShape, Recycled.fit(recycled, 0, outDtype, outShape)));
        }
        if (a.rank() == 2 && b.rank() == 2 && m > 0 && n > 0 && k > 0) {
            if (outDtype == DType.FLOAT64) {
                return new NDArray[] {ejml64(a, b, m, k, n, outShape)};
            }
            if (outDtype == DType.FLOAT32) {
                return new NDArray[] {ejml32(a, b, m, k, n, outShape)};
            }
        }
        NDArray out = NDArray.zeros(outDtype, outShape);
        if (outDtype.isFloat()) {
            double[] c = new double[m * n];
            multiply(ArrayIo.toDoubles(a), ArrayIo.toDoubles(b), c, m, k, n);
            ArrayIo.store(c, 0, out.data(), outDtype, 0, c.length);
        } else {
            long[] c = new long[m * n];
            multiply(ArrayIo.toLongs(a), ArrayIo.toLongs(b), c, m, k, n);
            ArrayIo.store(c, 0, out.data(), outDtype, 0, c.length);
        }
        return new NDArray[] {out};
    }

    /** The output shape of the previous call, handed out again while unchanged (never written). */
    private volatile int[] lastOutShape;

    /** The product's shape: (m, n), (m), (n) or (), the previous call's array when it is the same. */
    private int[] outShape(int aRank, int bRank, int m, int n) {
        int[] last = lastOutShape;
        int rank = (aRank == 2 ? 1 : 0) + (bRank == 2 ? 1 : 0);
        if (last != null && last.length == rank && (rank == 0 || last[0] == (aRank == 2 ? m : n))
                && (rank < 2 || last[1] == n)) {
            return last;
        }
        int[] shape = aRank == 2 ? (bRank == 2 ? new int[] {m, n} : new int[] {m}) : (bRank == 2 ? new int[] {n} : new int[0]);
        lastOutShape = shape;
        return shape;
    }

    /**
     * The product through OpenBLAS: gemm for matrix·matrix, gemv when one side is a vector. An
     * operand that is the transpose of a contiguous array is passed as such, with no copy.
     */
    NDArray blas(NDArray a, NDArray b, int m, int k, int n, int[] outShape) {
        return blas(a, b, m, k, n, outShape, null);
    }

    /** As {@link #blas(NDArray, NDArray, int, int, int, int[])}, into {@code into} (a whole contiguous array of the output's shape) when not null. */
    NDArray blas(NDArray a, NDArray b, int m, int k, int n, int[] outShape, NDArray into) {
        boolean ta = isTransposed(a);
        boolean tb = isTransposed(b);
        // a transposed operand's own array is its transpose's, row-major: no view needed to reach it
        Object pa = ta ? a.data() : rowMajor(a).data();
        Object pb = tb ? b.data() : rowMajor(b).data();
        boolean f64 = outDtype == DType.FLOAT64;
        // BLAS overwrites the result (beta = 0), so a recycled buffer needs no clearing
        Object c = into != null ? into.data() : f64 ? new double[m * n] : new float[m * n];
        if (a.rank() == 2 && b.rank() == 2) {
            if (f64) {
                Blas.gemm((double[]) pa, ta, (double[]) pb, tb, (double[]) c, m, k, n);
            } else {
                Blas.gemm((float[]) pa, ta, (float[]) pb, tb, (float[]) c, m, k, n);
            }
        } else if (a.rank() == 2) {
            clear(into);
            if (f64) {
                Blas.gemv((double[]) pa, ta, (double[]) pb, (double[]) c, m, k);
            } else {
                Blas.gemv((float[]) pa, ta, (float[]) pb, (float[]) c, m, k);
            }
        } else if (clear(into) && f64) { // x·B = (Bᵀ)·x
            Blas.gemv((double[]) pb, !tb, (double[]) pa, (double[]) c, n, k);
        } else {
            Blas.gemv((float[]) pb, !tb, (float[]) pa, (float[]) c, n, k);
        }
        return into != null ? into : NDArray.wrap(outDtype, outShape, c);
    }

    /**
     * Zeroes a recycled gemv destination: whether gemv's {@code beta = 0} clears a NaN already in
     * {@code y} has changed between OpenBLAS versions, and a fresh array is zero anyway. True, for
     * use inside a condition.
     */
    private static boolean clear(NDArray into) {
        if (into != null) {
            if (into.data() instanceof double[] d) {
                java.util.Arrays.fill(d, 0);
            } else {
                java.util.Arrays.fill((float[]) into.data(), 0);
            }
        }
        return true;
    }

    /** Whether {@code x} is a matrix of the output dtype whose transpose is exactly a whole contiguous array. */
    private boolean isTransposed(NDArray x) {
        if (x.rank() != 2 || x.dtype() != outDtype || x.isContiguous()) {
            return false;
        }
        // the transpose, (c, r) with strides (stride(1), stride(0)), is C-contiguous (a length-1
        // axis' stride never matters), starts at 0 and covers its whole array; read off x's own
        // strides so that no transposed view is built per call
        int r = x.shape(0);
        int c = x.shape(1);
        boolean lastAxis = r == 1 || x.stride(0) == 1;
        boolean firstAxis = c == 1 || x.stride(1) == r;
        return lastAxis && firstAxis && x.offset() == 0 && java.lang.reflect.Array.getLength(x.data()) == x.size();
    }

    NDArray ejml64(NDArray a, NDArray b, int m, int k, int n, int[] outShape) {
        DMatrixRMaj ma = DMatrixRMaj.wrap(m, k, (double[]) rowMajor(a).data());
        DMatrixRMaj mb = DMatrixRMaj.wrap(k, n, (double[]) rowMajor(b).data());
        DMatrixRMaj mc = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(ma, mb, mc);
        return NDArray.wrap(DType.FLOAT64, outShape, mc.data);
    }

    NDArray ejml32(NDArray a, NDArray b, int m, int k, int n, int[] outShape) {
        FMatrixRMaj ma = FMatrixRMaj.wrap(m, k, (float[]) rowMajor(a).data());
        FMatrixRMaj mb = FMatrixRMaj.wrap(k, n, (float[]) rowMajor(b).data());
        FMatrixRMaj mc = new FMatrixRMaj(m, n);
        CommonOps_FDRM.mult(ma, mb, mc);
        return NDArray.wrap(DType.FLOAT32, outShape, mc.data);
    }

    /** The input as a C-contiguous array of the output dtype, exactly sized, copied only when needed. */
    private NDArray rowMajor(NDArray x) {
        return x.dtype() == outDtype ? x.contiguous() : x.astype(outDtype);
    }

    private static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (n == 1) {
            for (int i = 0; i < m; i++) {
                double t = 0;
                for (int p = 0, ai = i * k; p < k; p++) {
                    t += a[ai + p] * b[p];
                }
                c[i] = t;
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    private static void multiply(long[] a, long[] b, long[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                long aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }
}
