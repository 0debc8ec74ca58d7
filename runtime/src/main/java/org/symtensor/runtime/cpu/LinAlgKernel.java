package org.symtensor.runtime.cpu;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.linsol.lu.LinearSolverLu_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.LinAlg;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link LinAlg} node. Batched products loop over the broadcast batch and call
 * OpenBLAS {@code gemm} per matrix (a plain loop for integers, or when OpenBLAS is absent). The
 * decompositions read the input as float64, run EJML, and store the results in the output dtype
 * (float32 results are rounded once, at the end). Singular matrices (a pivot of LU that is zero to
 * working precision), matrices that are not positive definite and shape mismatches fail with an
 * {@link InvalidValueException} or {@link ShapeMismatchException} naming the input variable.
 */
final class LinAlgKernel implements Kernel {
    /** NumPy's default cut-off of {@code pinv}: singular values below this times the largest count as zero. */
    static final double PINV_RCOND = 1e-15;

    private final LinAlg.Kind kind;
    private final Apply node;
    private final DType outDtype;
    private final boolean blasAllowed;

    LinAlgKernel(Apply node) {
        this(node, true);
    }

    /** The kernel; {@code blasAllowed = false} keeps float products in the plain loops (tests of that path). */
    LinAlgKernel(Apply node, boolean blasAllowed) {
        this.kind = ((LinAlg) node.op()).linAlgKind();
        this.node = node;
        this.outDtype = node.outputs().get(0).type().dtype();
        this.blasAllowed = blasAllowed;
    }

    private String input(int i) {
        return node.inputs().get(i).describe();
    }

    private String where() {
        return " (node created at " + node.createdAt() + ")";
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        NDArray a = in[0];
        return switch (kind) {
            case MATMUL -> new NDArray[] {matmul(a, in[1])};
            case DIAG -> new NDArray[] {diag(a)};
            case EXTRACT_DIAG -> new NDArray[] {extractDiag(a)};
            case TRIL -> new NDArray[] {tril(a)};
            case INVERSE -> new NDArray[] {inverse(a)};
            case DET -> new NDArray[] {det(a)};
            case SLOGDET -> slogdet(a);
            case SOLVE -> new NDArray[] {solve(a, in[1])};
            case CHOLESKY -> new NDArray[] {cholesky(a)};
            case EIGH -> eigh(a);
            case SVD -> {
                NDArray[] usv = svd(a, false);
                yield new NDArray[] {usv[1]};
            }
            case SVD_VECTORS -> svd(a, true);
            case QR -> qr(a);
            case PINV -> new NDArray[] {pinv(a)};
        };
    }

    // ---- products ---------------------------------------------------------------------------

    /**
     * NumPy's matmul over the last two axes. A batch axis broadcasts where its length is 1 and the
     * operand's static type says 1 (the project's rule: run-time broadcasting follows the static
     * pattern, so gradients sum over exactly those axes).
     */
    private NDArray matmul(NDArray a, NDArray b) {
        int ra = a.rank();
        int rb = b.rank();
        int m = a.shape(ra - 2);
        int k = a.shape(ra - 1);
        int n = b.shape(rb - 1);
        if (b.shape(rb - 2) != k) {
            throw new ShapeMismatchException("matmul: inner dimensions differ: " + input(0) + " has shape "
                    + NDArray.shapeToString(a.shape()) + " and " + input(1) + " has shape " + NDArray.shapeToString(b.shape())
                    + " (axis " + (ra - 1) + " of the first has length " + k + ", axis " + (rb - 2) + " of the second has length "
                    + b.shape(rb - 2) + ")" + where());
        }
        int r = Math.max(ra, rb);
        int nb = r - 2;
        int[] outShape = new int[r];
        int[] strideA = new int[nb];
        int[] strideB = new int[nb];
        TensorType ta = node.inputs().get(0).type();
        TensorType tb = node.inputs().get(1).type();
        int sa = m * k;
        int sb = k * n;
        for (int i = nb - 1; i >= 0; i--) {
            int ia = i - (r - ra);
            int ib = i - (r - rb);
            int da = ia >= 0 ? a.shape(ia) : 1;
            int db = ib >= 0 ? b.shape(ib) : 1;
            boolean bcA = ia < 0 || ta.dim(ia) == 1;
            boolean bcB = ib < 0 || tb.dim(ib) == 1;
            int d;
            if (da == db) {
                d = da;
            } else if (da == 1 && bcA) {
                d = db;
            } else if (db == 1 && bcB) {
                d = da;
            } else {
                throw new ShapeMismatchException("matmul: batch axes do not broadcast: " + input(0) + " has shape "
                        + NDArray.shapeToString(a.shape()) + " and " + input(1) + " has shape "
                        + NDArray.shapeToString(b.shape()) + where());
            }
            outShape[i] = d;
            strideA[i] = da == 1 ? 0 : sa;
            strideB[i] = db == 1 ? 0 : sb;
            sa *= da;
            sb *= db;
        }
        outShape[r - 2] = m;
        outShape[r - 1] = n;
        int batches = NDArray.elementCount(Arrays.copyOf(outShape, nb));
        NDArray.elementCount(outShape);
        NDArray out = NDArray.zeros(outDtype, outShape);
        if (out.size() == 0) {
            return out;
        }
        int[] idx = new int[nb];
        boolean blas = blasAllowed && outDtype.isFloat() && Blas.available() && k > 0;
        boolean f64 = outDtype == DType.FLOAT64;
        double[] ad = null;
        double[] bd = null;
        long[] al = null;
        long[] bl = null;
        float[] af = null;
        float[] bf = null;
        if (blas && !f64) {
            af = floats(a);
            bf = floats(b);
        } else if (outDtype.isFloat()) {
            ad = ArrayIo.toDoubles(a);
            bd = ArrayIo.toDoubles(b);
        } else {
            al = ArrayIo.toLongs(a);
            bl = ArrayIo.toLongs(b);
        }
        double[] blockA = new double[m * k];
        double[] blockB = new double[k * n];
        double[] blockC = new double[m * n];
        float[] fa = new float[m * k];
        float[] fb = new float[k * n];
        float[] fc = new float[m * n];
        long[] lc = new long[m * n];
        for (int t = 0; t < batches; t++) {
            int offA = 0;
            int offB = 0;
            for (int i = 0; i < nb; i++) {
                offA += idx[i] * strideA[i];
                offB += idx[i] * strideB[i];
            }
            int offC = t * m * n;
            if (blas && f64) {
                System.arraycopy(ad, offA, blockA, 0, m * k);
                System.arraycopy(bd, offB, blockB, 0, k * n);
                Blas.gemm(blockA, false, blockB, false, blockC, m, k, n);
                ArrayIo.store(blockC, 0, out.data(), outDtype, offC, m * n);
            } else if (blas) {
                System.arraycopy(af, offA, fa, 0, m * k);
                System.arraycopy(bf, offB, fb, 0, k * n);
                Blas.gemm(fa, false, fb, false, fc, m, k, n);
                System.arraycopy(fc, 0, (float[]) out.data(), offC, m * n);
            } else if (outDtype.isFloat()) {
                Arrays.fill(blockC, 0);
                for (int i = 0; i < m; i++) {
                    for (int p = 0; p < k; p++) {
                        double aip = ad[offA + i * k + p];
                        for (int j = 0; j < n; j++) {
                            blockC[i * n + j] += aip * bd[offB + p * n + j];
                        }
                    }
                }
                ArrayIo.store(blockC, 0, out.data(), outDtype, offC, m * n);
            } else {
                Arrays.fill(lc, 0);
                for (int i = 0; i < m; i++) {
                    for (int p = 0; p < k; p++) {
                        long aip = al[offA + i * k + p];
                        for (int j = 0; j < n; j++) {
                            lc[i * n + j] += aip * bl[offB + p * n + j];
                        }
                    }
                }
                ArrayIo.store(lc, 0, out.data(), outDtype, offC, m * n);
            }
            for (int i = nb - 1; i >= 0; i--) {
                if (++idx[i] < outShape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return out;
    }

    /** All elements in C order as float32 (a contiguous array's data can be a larger buffer: copied out exactly). */
    private static float[] floats(NDArray x) {
        NDArray c = x.astype(DType.FLOAT32).contiguous();
        float[] data = (float[]) c.data();
        if (c.offset() == 0 && data.length == c.size()) {
            return data;
        }
        float[] r = new float[c.size()];
        System.arraycopy((float[]) c.data(), c.offset(), r, 0, r.length);
        return r;
    }

    // ---- diagonals and triangles -------------------------------------------------------------

    private NDArray diag(NDArray v) {
        int n = v.shape(0);
        NDArray out = NDArray.zeros(outDtype, n, n);
        for (int i = 0; i < n; i++) {
            copyElement(v, i, out, i * n + i);
        }
        return out;
    }

    private NDArray extractDiag(NDArray a) {
        int n = requireSquare(a, 0);
        NDArray out = NDArray.zeros(outDtype, n);
        for (int i = 0; i < n; i++) {
            copyElement(a, i * n + i, out, i);
        }
        return out;
    }

    private NDArray tril(NDArray a) {
        int r = a.rank();
        int m = a.shape(r - 2);
        int n = a.shape(r - 1);
        NDArray out = a.copy();
        int size = out.size();
        for (int t = 0; t < size; t++) {
            int j = t % n;
            int i = (t / n) % m;
            if (j > i) {
                if (outDtype.isFloat()) {
                    out.setDouble(t, 0);
                } else {
                    out.setLong(t, 0);
                }
            }
        }
        return out;
    }

    private static void copyElement(NDArray from, int fi, NDArray to, int ti) {
        if (to.dtype().isFloat()) {
            to.setDouble(ti, from.getDouble(fi));
        } else {
            to.setLong(ti, from.getLong(fi));
        }
    }

    // ---- decompositions ----------------------------------------------------------------------

    private int requireSquare(NDArray a, int input) {
        if (a.shape(0) != a.shape(1)) {
            throw new ShapeMismatchException(kind.label() + ": " + input(input) + " must be a square matrix, got shape "
                    + NDArray.shapeToString(a.shape()) + where());
        }
        return a.shape(0);
    }

    private static DMatrixRMaj matrix(NDArray a) {
        // a copy: toDoubles may hand back the input's own array, and EJML and lowerSymmetric write into theirs
        return DMatrixRMaj.wrap(a.shape(0), a.shape(1), ArrayIo.toDoubles(a).clone());
    }

    /** The matrix symmetric from its lower triangle (what {@code cholesky} and {@code eigh} read). */
    private static DMatrixRMaj lowerSymmetric(NDArray a) {
        DMatrixRMaj m = matrix(a);
        int n = m.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                m.data[i * n + j] = m.data[j * n + i];
            }
        }
        return m;
    }

    /** A result in the output dtype: float64 as is, float32 rounded once. */
    private NDArray result(double[] data, int... shape) {
        if (outDtype == DType.FLOAT64) {
            return NDArray.wrap(DType.FLOAT64, shape, data);
        }
        NDArray out = NDArray.zeros(outDtype, shape);
        ArrayIo.store(data, 0, out.data(), outDtype, 0, data.length);
        return out;
    }

    /** The LU solver of {@code a}, or a failure naming the input when a pivot is zero to working precision. */
    private LinearSolverLu_DDRM lu(DMatrixRMaj a) {
        int n = a.numRows;
        double scale = 0;
        for (double v : a.data) {
            scale = Math.max(scale, Math.abs(v));
        }
        LinearSolverLu_DDRM solver = new LinearSolverLu_DDRM(new LUDecompositionAlt_DDRM());
        boolean ok = solver.setA(a);
        DMatrixRMaj u = solver.getDecomposition().getUpper(null);
        double tol = scale * n * Math.ulp(1.0);
        for (int i = 0; i < n && ok; i++) {
            double p = u.get(i, i);
            ok = !(Math.abs(p) <= tol) && !Double.isNaN(p);
        }
        if (!ok) {
            throw new InvalidValueException(kind.label() + ": the matrix " + input(0) + " is singular (an LU pivot is zero to"
                    + " working precision); for a least-squares answer use " + (kind == LinAlg.Kind.SOLVE ? "pinv(A)·b" : "pinv")
                    + where());
        }
        return solver;
    }

    private NDArray inverse(NDArray a) {
        int n = requireSquare(a, 0);
        if (n == 0) {
            return NDArray.zeros(outDtype, 0, 0);
        }
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        lu(matrix(a)).invert(inv);
        return result(inv.data, n, n);
    }

    private NDArray solve(NDArray a, NDArray b) {
        int n = requireSquare(a, 0);
        if (b.shape(0) != n) {
            throw new ShapeMismatchException("solve: " + input(0) + " has shape " + NDArray.shapeToString(a.shape())
                    + " and the right-hand side " + input(1) + " has shape " + NDArray.shapeToString(b.shape())
                    + "; axis 0 of the right-hand side must have length " + n + where());
        }
        int cols = b.rank() == 2 ? b.shape(1) : 1;
        if (n == 0 || cols == 0) {
            return NDArray.zeros(outDtype, b.shape());
        }
        DMatrixRMaj rhs = DMatrixRMaj.wrap(n, cols, ArrayIo.toDoubles(b).clone());
        DMatrixRMaj x = new DMatrixRMaj(n, cols);
        lu(matrix(a)).solve(rhs, x);
        return result(x.data, b.shape());
    }

    /** The sign of the row permutation and the LU pivots of {@code a} (no singularity check: det may be 0). */
    private double[] luPivots(NDArray a, double[] signOut) {
        int n = a.shape(0);
        signOut[0] = 1;
        if (n == 0) {
            return new double[0]; // the empty product: det 1, as NumPy
        }
        LUDecompositionAlt_DDRM lu = new LUDecompositionAlt_DDRM();
        lu.decompose(matrix(a));
        DMatrixRMaj u = lu.getUpper(null);
        int[] perm = lu.getRowPivotV(null);
        boolean[] seen = new boolean[n];
        double sign = 1;
        for (int i = 0; i < n; i++) {
            if (seen[i]) {
                continue;
            }
            int len = 0;
            for (int j = i; !seen[j]; j = perm[j]) {
                seen[j] = true;
                len++;
            }
            if (len % 2 == 0) {
                sign = -sign;
            }
        }
        signOut[0] = sign;
        double[] pivots = new double[n];
        for (int i = 0; i < n; i++) {
            pivots[i] = u.get(i, i);
        }
        return pivots;
    }

    private NDArray det(NDArray a) {
        requireSquare(a, 0);
        double[] sign = new double[1];
        double d = 1;
        for (double p : luPivots(a, sign)) {
            d *= p;
        }
        return result(new double[] {sign[0] * d});
    }

    private NDArray[] slogdet(NDArray a) {
        requireSquare(a, 0);
        double[] sign = new double[1];
        double s = 1;
        double log = 0;
        for (double p : luPivots(a, sign)) {
            s *= Math.signum(p);
            log += Math.log(Math.abs(p));
        }
        s *= sign[0];
        if (s == 0) {
            log = Double.NEGATIVE_INFINITY; // NumPy: (0, -inf) for a singular matrix
        }
        return new NDArray[] {result(new double[] {s}), result(new double[] {log})};
    }

    private NDArray cholesky(NDArray a) {
        int n = requireSquare(a, 0);
        if (n == 0) {
            return NDArray.zeros(outDtype, 0, 0);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(lowerSymmetric(a))) {
            throw new InvalidValueException("cholesky: the matrix " + input(0) + " is not positive definite (a pivot of"
                    + " the factorization is zero or negative)" + where());
        }
        DMatrixRMaj l = chol.getT(null);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                l.data[i * n + j] = 0;
            }
        }
        return result(l.data, n, n);
    }

    /**
     * Flips column {@code j} of {@code m} (rows × cols, row-major) so its largest-magnitude entry
     * (the first of equals) is positive, which makes the decompositions' vectors reproducible;
     * returns whether it flipped.
     */
    private static boolean fixSign(double[] m, int rows, int cols, int j) {
        int best = 0;
        for (int i = 1; i < rows; i++) {
            if (Math.abs(m[i * cols + j]) > Math.abs(m[best * cols + j])) {
                best = i;
            }
        }
        if (rows == 0 || m[best * cols + j] >= 0) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            m[i * cols + j] = -m[i * cols + j];
        }
        return true;
    }

    private NDArray[] eigh(NDArray a) {
        int n = requireSquare(a, 0);
        if (n == 0) {
            return new NDArray[] {NDArray.zeros(outDtype, 0), NDArray.zeros(outDtype, 0, 0)};
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(lowerSymmetric(a))) {
            throw new InvalidValueException("eigh: the eigenvalue iteration did not converge for " + input(0) + where());
        }
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] w = new double[n];
        double[] v = new double[n * n];
        for (int j = 0; j < n; j++) {
            w[j] = values[order[j]];
            DMatrixRMaj col = eig.getEigenVector(order[j]);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += col.data[i] * col.data[i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i * n + j] = col.data[i] / norm;
            }
            fixSign(v, n, n, j);
        }
        return new NDArray[] {result(w, n), result(v, n, n)};
    }

    /** {U (m×k), s (k), Vᵀ (k×n)}, singular values descending; U and Vᵀ only when {@code vectors}. */
    private NDArray[] svd(NDArray a, boolean vectors) {
        double[][] usv = svd64(a, vectors);
        int m = a.shape(0);
        int n = a.shape(1);
        int k = Math.min(m, n);
        return new NDArray[] {vectors ? result(usv[0], m, k) : null, result(usv[1], k), vectors ? result(usv[2], k, n) : null};
    }

    private double[][] svd64(NDArray a, boolean vectors) {
        int m = a.shape(0);
        int n = a.shape(1);
        int k = Math.min(m, n);
        if (k == 0) {
            return new double[][] {new double[0], new double[0], new double[0]};
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, vectors, vectors, true);
        if (!svd.decompose(matrix(a))) {
            throw new InvalidValueException(kind.label() + ": the SVD iteration did not converge for " + input(0) + where());
        }
        double[] raw = svd.getSingularValues();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(raw[y], raw[x]));
        double[] s = new double[k];
        for (int j = 0; j < k; j++) {
            s[j] = raw[order[j]];
        }
        if (!vectors) {
            return new double[][] {null, s, null};
        }
        DMatrixRMaj u0 = svd.getU(null, false); // m×k, the vectors as columns
        DMatrixRMaj v0 = svd.getV(null, false); // n×k
        double[] u = new double[m * k];
        double[] vt = new double[k * n];
        for (int j = 0; j < k; j++) {
            int c = order[j];
            for (int i = 0; i < m; i++) {
                u[i * k + j] = u0.get(i, c);
            }
            for (int i = 0; i < n; i++) {
                vt[j * n + i] = v0.get(i, c);
            }
            if (fixSign(u, m, k, j)) { // keep U·diag(s)·Vᵀ: flip the matching row of Vᵀ too
                for (int i = 0; i < n; i++) {
                    vt[j * n + i] = -vt[j * n + i];
                }
            }
        }
        return new double[][] {u, s, vt};
    }

    private NDArray[] qr(NDArray a) {
        int m = a.shape(0);
        int n = a.shape(1);
        int k = Math.min(m, n);
        if (k == 0) {
            return new NDArray[] {NDArray.zeros(outDtype, m, 0), NDArray.zeros(outDtype, 0, n)};
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
        qr.decompose(matrix(a));
        DMatrixRMaj q = qr.getQ(null, true); // m×k
        DMatrixRMaj r = qr.getR(null, true); // k×n
        return new NDArray[] {result(q.data, m, k), result(r.data, k, n)};
    }

    /** {@code V·diag(1/s)·Uᵀ}, singular values at or below {@code 1e-15·max(s)} dropped, as NumPy's default. */
    private NDArray pinv(NDArray a) {
        int m = a.shape(0);
        int n = a.shape(1);
        int k = Math.min(m, n);
        double[] x = new double[n * m];
        if (k > 0) {
            double[][] usv = svd64(a, true);
            double[] u = usv[0];
            double[] s = usv[1];
            double[] vt = usv[2];
            double cut = PINV_RCOND * s[0];
            for (int j = 0; j < k; j++) {
                if (!(s[j] > cut)) {
                    continue;
                }
                double inv = 1 / s[j];
                for (int r = 0; r < n; r++) {
                    double vr = vt[j * n + r] * inv;
                    for (int c = 0; c < m; c++) {
                        x[r * m + c] += vr * u[c * k + j];
                    }
                }
            }
        }
        return result(x, n, m);
    }
}
