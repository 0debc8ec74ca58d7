package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/**
 * The op library in short blocks, each beside the NumPy or Theano line it mirrors: slicing and
 * building tensors, advanced indexing, reductions and sorting, linear algebra with a gradient, and
 * bitwise ops. Each block returns its results by that line (so {@code OpLibraryTest} can check
 * them); {@link #main} prints them. The full tables are in docs/ops.md.
 */
public final class OpLibrary {
    private OpLibrary() {}

    /** The vector of most blocks; a tie (two 1s) shows that sorting is stable. */
    static final double[] P = {3, 1, 4, 1, 5};
    /** A 2×3 matrix for the reductions. */
    static final double[][] M = {{1, 5, 2}, {4, 0, 6}};
    /** A small invertible system, a second matrix and a symmetric positive definite one. */
    static final double[][] A = {{4, 1}, {2, 3}};
    static final double[] B = {1, 2};
    static final double[][] C = {{1, 0}, {2, 1}};
    static final double[][] S = {{4, 2}, {2, 5}};
    /** The integer vector of the bitwise block: 0b1100, 0b1010, 0b0111. */
    static final int[] BITS = {12, 10, 7};

    public static void main(String[] args) {
        System.out.println("== The op library");
        System.out.println("-- Theano tutorial idioms");
        print(tutorialIdioms());
        System.out.println("-- Advanced indexing");
        print(indexing());
        System.out.println("-- Reductions and sorting");
        print(reductions());
        System.out.println("-- Linear algebra");
        print(linearAlgebra());
        System.out.println("-- Bitwise ops");
        print(bitwise());
    }

    /** One line per result: the NumPy line, then the value Symtensor computed. */
    private static void print(Map<String, NDArray> results) {
        results.forEach((numpy, value) -> System.out.printf("  %-32s -> %s%n", numpy, value));
    }

    /** Slicing, {@code arange}, writing into a copy, joining and reshaping. */
    static Map<String, NDArray> tutorialIdioms() {
        Map<String, NDArray> r = new LinkedHashMap<>();
        Vector<F64> p = dvector("p");
        Vector<F64> reversed = p.get(slice(null, null, -1));                        // P[::-1]
        System.out.println("  pp(P[::-1]) = " + pp(reversed));
        r.put("P[::-1]", reversed.eval(Map.of(p, P)));
        r.put("np.arange(0, 10, 3)", arange(0L, 10L, 3L).eval());
        // set_subtensor and inc_subtensor return a new tensor; repeated indices add up (np.add.at).
        Vector<F64> zeroed = setSubtensor(p, 0, slice(1, 3));                       // set_subtensor(P[1:3], 0)
        Vector<F64> bumped = incSubtensor(p, 1, indices(0, 0, 2));                  // inc_subtensor(P[[0, 0, 2]], 1)
        System.out.println("  pp(inc_subtensor(...)) = " + pp(bumped));
        Function f = function(inputs(p), outputs(zeroed, bumped));
        List<NDArray> both = f.callAll((Object) P);
        r.put("set_subtensor(P[1:3], 0)", both.get(0));
        r.put("inc_subtensor(P[[0, 0, 2]], 1)", both.get(1));
        r.put("np.stack([P, P[::-1]])", stack(0, p, reversed).eval(Map.of(p, P)));
        r.put("np.concatenate([P, P[::-1]])", concatenate(0, p, reversed).eval(Map.of(p, P)));
        Matrix<F64> m = dmatrix("m");
        r.put("M.reshape(3, 2)", reshape(m, 3, 2).eval(Map.of(m, M)));
        r.put("M.flatten()", flatten(m).eval(Map.of(m, M)));
        return r;
    }

    /** Integer-array indexing ({@code take}) and a bool mask. */
    static Map<String, NDArray> indexing() {
        Map<String, NDArray> r = new LinkedHashMap<>();
        Vector<F64> p = dvector("p");
        Matrix<F64> m = dmatrix("m");
        r.put("P[[4, 0, -1]]", take(p, indices(4, 0, -1)).eval(Map.of(p, P)));      // np.take(P, [4, 0, -1])
        r.put("np.take(M, [2, 0], axis=1)", take(m, indices(2, 0), 1).eval(Map.of(m, M)));
        r.put("P[P > 2]", p.get(p.gt(2)).eval(Map.of(p, P)));                       // a bool mask: a vector
        return r;
    }

    /** Reductions over axes (with keepdims), variance with ddof, argmax, logsumexp, cumsum, sorting. */
    static Map<String, NDArray> reductions() {
        Map<String, NDArray> r = new LinkedHashMap<>();
        Vector<F64> p = dvector("p");
        Matrix<F64> m = dmatrix("m");
        Tensor<F64> colSums = sum(m, new int[] {0}, true);                          // M.sum(axis=0, keepdims=True)
        r.put("M.sum(axis=0, keepdims=True)", colSums.eval(Map.of(m, M)));
        r.put("M.mean(axis=1)", m.mean(1).eval(Map.of(m, M)));
        r.put("M.max(axis=1, keepdims=True)", max(m, new int[] {1}, true).eval(Map.of(m, M)));
        r.put("np.var(P)", var(p).eval(Map.of(p, P)));                              // ddof=0
        Tensor<F64> sampleVar = var(p, new int[] {0}, 1, false);                    // np.var(P, ddof=1)
        r.put("np.var(P, ddof=1)", sampleVar.eval(Map.of(p, P)));
        r.put("np.std(P, ddof=1)", std(p, new int[] {0}, 1, false).eval(Map.of(p, P)));
        r.put("M.argmax(axis=1)", argmax(m, 1).eval(Map.of(m, M)));
        r.put("M.argmax()", argmax(m).eval(Map.of(m, M)));                          // flat C-order index
        r.put("logsumexp(M, axis=1)", logsumexp(m, 1).eval(Map.of(m, M)));          // scipy.special
        r.put("np.cumsum(P)", cumsum(p).eval(Map.of(p, P)));
        r.put("np.sort(P)", sort(p).eval(Map.of(p, P)));
        r.put("np.argsort(P, kind='stable')", argsort(p).eval(Map.of(p, P)));       // ties keep their order
        Vector<F64> top2 = topk(p, 2);                                              // -np.sort(-P)[:2]
        r.put("-np.sort(-P)[:2]", top2.eval(Map.of(p, P)));
        return r;
    }

    /** Solving, inverting, det, Cholesky, einsum, and the gradient of det against its closed form. */
    static Map<String, NDArray> linearAlgebra() {
        Map<String, NDArray> r = new LinkedHashMap<>();
        Matrix<F64> a = dmatrix("a");
        Matrix<F64> c = dmatrix("c");
        Vector<F64> b = dvector("b");
        Vector<F64> x = solve(a, b);                                                // np.linalg.solve(A, b)
        r.put("np.linalg.solve(A, b)", x.eval(Map.of(a, A, b, B)));
        r.put("np.linalg.inv(A)", inverse(a).eval(Map.of(a, A)));
        r.put("np.linalg.det(A)", det(a).eval(Map.of(a, A)));
        r.put("np.linalg.cholesky(S)", cholesky(a).eval(Map.of(a, S)));             // lower triangular
        r.put("np.einsum('ij,jk->ik', A, C)", einsum("ij,jk->ik", a, c).eval(Map.of(a, A, c, C)));
        // d det(A) / dA = det(A) * inv(A).T (the cofactor matrix): T.grad against the closed form.
        Matrix<F64> dDet = grad(det(a), a);                                         // T.grad(det(A), A)
        Matrix<F64> closedForm = transpose(inverse(a)).times(det(a));               // det(A) * inv(A).T
        Function g = function(inputs(a), outputs(dDet, closedForm));
        List<NDArray> both = g.callAll((Object) A);
        r.put("T.grad(det(A), A)", both.get(0));
        r.put("det(A) * inv(A).T", both.get(1));
        return r;
    }

    /** Bitwise ops on an int32 vector, with literals of its dtype. */
    static Map<String, NDArray> bitwise() {
        Map<String, NDArray> r = new LinkedHashMap<>();
        Vector<I32> v = ivector("v");
        r.put("v & 10", bitwiseAnd(v, 10).eval(Map.of(v, BITS)));                   // np.bitwise_and(v, 10)
        r.put("v | 1", bitwiseOr(v, 1).eval(Map.of(v, BITS)));
        r.put("v ^ 15", bitwiseXor(v, 15).eval(Map.of(v, BITS)));
        r.put("~v", invert(v).eval(Map.of(v, BITS)));                               // np.invert: -v - 1
        r.put("v << 2", leftShift(v, 2).eval(Map.of(v, BITS)));
        r.put("v >> 1", rightShift(v, 1).eval(Map.of(v, BITS)));
        return r;
    }
}
