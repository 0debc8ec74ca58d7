package org.symtensor.usercode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/**
 * The DSL functions that keep their argument's handle type, called with shared variables under
 * {@code var} from user code: the inferred type is the plain handle of the rank ({@code exp} of a
 * {@code SharedMatrix<F64>} is a {@code Matrix<F64>}), so no cast fails at the call site. Expected
 * values are hand math or {@link Math}; each result is also assigned to the plain handle type.
 */
class SharedHandleInferenceTest {
    private static final double EPS = 1e-12;

    private final SharedMatrix<F64> w = shared(new double[][] {{1, 2}}, "w");
    private final SharedVector<F64> v = shared(new double[] {0.5, -1.5}, "v");
    private final SharedScalar<F64> s = shared(3.0, "s");
    private final SharedVector<I32> k = shared(new int[] {-2, 3}, "k");

    /** The value in row-major order, whatever the rank. */
    private static double[] values(Tensor<?> t) {
        NDArray a = t.eval();
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getDouble(i);
        }
        return out;
    }

    @Test
    void floatFunctions_ofASharedMatrix_areMatrices() {
        var e = exp(w);
        var l = log(w);
        var l1 = log1p(w);
        var em = expm1(w);
        var sq = sqrt(w);
        var th = tanh(w);
        var sg = sigmoid(w);
        var sp = softplus(w);
        Matrix<F64> plain = e;
        assertThat(plain.getClass()).isEqualTo(Matrix.class);
        assertThat(values(e)).containsExactly(new double[] {Math.exp(1), Math.exp(2)}, within(EPS));
        assertThat(values(l)).containsExactly(new double[] {0, Math.log(2)}, within(EPS));
        assertThat(values(l1)).containsExactly(new double[] {Math.log(2), Math.log(3)}, within(EPS));
        assertThat(values(em)).containsExactly(new double[] {Math.E - 1, Math.exp(2) - 1}, within(EPS));
        assertThat(values(sq)).containsExactly(new double[] {1, Math.sqrt(2)}, within(EPS));
        assertThat(values(th)).containsExactly(new double[] {Math.tanh(1), Math.tanh(2)}, within(EPS));
        assertThat(values(sg)).containsExactly(new double[] {1 / (1 + Math.exp(-1)), 1 / (1 + Math.exp(-2))}, within(EPS));
        assertThat(values(sp)).containsExactly(new double[] {Math.log(1 + Math.E), Math.log(1 + Math.exp(2))}, within(EPS));
    }

    @Test
    void absAndSqr_ofASharedIntVector_areIntVectors() {
        var a = abs(k);
        var q = sqr(k);
        Vector<I32> plainA = a;
        Vector<I32> plainQ = q;
        assertThat(plainA.eval().toIntArray()).containsExactly(2, 3);
        assertThat(plainQ.eval().toIntArray()).containsExactly(4, 9);
    }

    @Test
    void literalFirstArithmetic_ofASharedMatrix_isAMatrix() {
        var p = plus(1, w);
        var m = minus(1, w);
        var t = times(3, w);
        var d = div(1, w);
        Matrix<F64> plain = d;
        assertThat(values(p)).containsExactly(2, 3);
        assertThat(values(m)).containsExactly(0, -1);
        assertThat(values(t)).containsExactly(3, 6);
        assertThat(values(plain)).containsExactly(1, 0.5);
    }

    @Test
    void maximumMinimumAndWhere_ofASharedMatrix_areMatrices() {
        var hi = maximum(w, constant(1.5));
        var lo = minimum(w, constant(1.5));
        var wl = where(w.gt(1.5), w, 0);
        var wt = where(w.gt(1.5), w, constant(new double[][] {{9, 9}}));
        Matrix<F64> plain = wt;
        assertThat(values(hi)).containsExactly(1.5, 2);
        assertThat(values(lo)).containsExactly(1, 1.5);
        assertThat(values(wl)).containsExactly(0, 2);
        assertThat(values(plain)).containsExactly(9, 2);
    }

    @Test
    void fills_ofASharedVector_areVectors() {
        var ones = onesLike(v);
        var zeros = zerosLike(v);
        var sevens = fill(v, 7);
        Vector<F64> plain = sevens;
        assertThat(values(ones)).containsExactly(1, 1);
        assertThat(values(zeros)).containsExactly(0, 0);
        assertThat(values(plain)).containsExactly(7, 7);
    }

    @Test
    void grad_wrtASharedMatrix_isAMatrix() {
        var g = grad(w.times(w).sum(), w);
        var gs = grad(sqr(s), s);
        Matrix<F64> plain = g;
        Scalar<F64> plainS = gs;
        assertThat(values(plain)).containsExactly(2, 4);
        assertThat(plainS.eval().toDouble()).isEqualTo(6.0);
    }

    @Test
    void hessianVectorProduct_wrtASharedVector_isAVector() {
        // cost = Σ v_i³ has the Hessian diag(6 v_i), so H·u = 6 v_i u_i = (6·0.5·1, 6·(-1.5)·2).
        var hv = hessianVectorProduct(v.times(v).times(v).sum(), v, constant(new double[] {1, 2}));
        Vector<F64> plain = hv;
        assertThat(values(plain)).containsExactly(new double[] {3, -18}, within(EPS));
    }

    @Test
    void lopAndRop_ofSharedVectors_areVectors() {
        // f = 2v: u·∂f/∂v = 2u; ∂v/∂v · e = e.
        var lop = Lop(v.times(2), v, constant(new double[] {1, 2}));
        var rop = Rop(v, v, constant(new double[] {5, 6}));
        Vector<F64> plainL = lop;
        Vector<F64> plainR = rop;
        assertThat(values(plainL)).containsExactly(2, 4);
        assertThat(values(plainR)).containsExactly(5, 6);
    }

    @Test
    void gradMarks_ofASharedMatrix_areMatricesWithItsValue() {
        var z = zeroGrad(w);
        var d = disconnectedGrad(w);
        var u = gradUndefined(w, "not differentiable here");
        Matrix<F64> plain = u;
        assertThat(values(z)).containsExactly(1, 2);
        assertThat(values(d)).containsExactly(1, 2);
        assertThat(values(plain)).containsExactly(1, 2);
        // zeroGrad(w) * w has the gradient w (the marked factor counts as a constant).
        assertThat(values(grad(z.times(w).sum(), w))).containsExactly(1, 2);
    }

    @Test
    void ifelseAndFolds_ofASharedScalar_areScalars() {
        Vector<F64> seq = constant(new double[] {1, 2, 3});
        var picked = ifelse(s.gt(0), s, constant(0.0));
        var left = foldl((Scalar<F64> x, Scalar<F64> acc) -> acc.times(10).plus(x), seq, s);
        var right = foldr((x, acc) -> acc.times(10).plus(x), seq, s);
        var total = reduce((x, acc) -> acc.plus(x), seq, s);
        Scalar<F64> plain = total;
        assertThat(picked.eval().toDouble()).isEqualTo(3.0);
        assertThat(left.eval().toDouble()).isEqualTo(3123.0);
        assertThat(right.eval().toDouble()).isEqualTo(3321.0);
        assertThat(plain.eval().toDouble()).isEqualTo(9.0);
    }

    @Test
    void mapWhoseStepReturnsASharedVector_seesItsPlainHandle() {
        // y[t] = v for both steps of the sequence: the stack is [[0.5, -1.5], [0.5, -1.5]].
        var r = scan((Scalar<F64> x) -> v, sequences(constant(new double[] {1, 2})));
        var lastY = r.last();
        Vector<F64> plain = lastY;
        Matrix<F64> stacked = r.outputs();
        assertThat(values(plain)).containsExactly(0.5, -1.5);
        assertThat(values(stacked)).containsExactly(0.5, -1.5, 0.5, -1.5);
    }

    @Test
    void interfaceTypedArguments_keepTheTensorInterfaceType() {
        Tensor<F64> t = w;
        Tensor<F64> e = exp(t);
        Tensor<F64> g = grad(t.sum(), t);
        Tensor<F64> p = plus(1, t);
        Tensor<F64> z = zeroGrad(t);
        assertThat(values(e)).containsExactly(new double[] {Math.exp(1), Math.exp(2)}, within(EPS));
        assertThat(values(g)).containsExactly(1, 1);
        assertThat(values(p)).containsExactly(2, 3);
        assertThat(values(z)).containsExactly(1, 2);
    }
}
