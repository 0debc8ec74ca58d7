package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Composite;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.rewrite.Fusion;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The float32 path ({@link FloatBlocks}, {@code FloatLoops} and its lanes) against plain Java: each
 * step computed in double and rounded to float, which is what the double path stores. The plain
 * float loops and the lanes of exact ops must agree bit for bit; transcendental lanes within four
 * float ulps (values below the normal range are compared at the scale of the smallest normal float,
 * where a vectorized exp may flush).
 */
class FloatLanesTest {
    /** The ops whose float32 lanes may differ from the rounded double result (within four float ulps). */
    private static final List<ScalarOp> INEXACT_IN_LANES = List.of(ScalarOp.CBRT, ScalarOp.EXP, ScalarOp.LOG, ScalarOp.LOG1P,
            ScalarOp.EXPM1, ScalarOp.TANH, ScalarOp.SIGMOID);

    private static void assertClose(float got, float want, boolean exact, String what) {
        if (exact || Float.isNaN(want) || Float.isInfinite(want)) {
            assertThat(Float.floatToIntBits(got)).as("%s: got %s, want %s", what, got, want)
                    .isEqualTo(Float.floatToIntBits(want));
            return;
        }
        float tol = 4 * Math.max(Math.ulp(want), Math.ulp(Float.MIN_NORMAL));
        assertThat(Math.abs(got - want)).as("%s: got %s, want %s", what, got, want).isLessThanOrEqualTo(tol);
    }

    /**
     * A program result within four float ulps of {@code scale} (its largest step value): a vectorized
     * exp one ulp off the scalar one moves {@code exp(x)*r + s} by an ulp of {@code exp(x)*r}, which
     * is many ulps of the result when the add cancels. Which elements run in lanes rather than in the
     * scalar tail, and whether the lanes are already compiled to the vector intrinsic, depend on the
     * block size and on JIT warm-up, so the comparison must hold either way.
     */
    private static void assertCloseAtScale(float got, float want, float scale, String what) {
        if (Float.isNaN(want) || Float.isInfinite(want)) {
            assertClose(got, want, true, what);
            return;
        }
        float tol = 4 * Math.max(Math.max(Math.ulp(want), Math.ulp(scale)), Math.ulp(Float.MIN_NORMAL));
        assertThat(Math.abs(got - want)).as("%s: got %s, want %s (scale %s)", what, got, want, scale).isLessThanOrEqualTo(tol);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScalarOp.class)
    void floatLoops_everyOp_lanesAndPlain_agreeWithDoubleMathRoundedToFloat(ScalarOp op) {
        Random rnd = new Random(11);
        int n = 1037; // not a multiple of any vector width: the tail runs too
        float[] a = new float[n + 3];
        float[] b = new float[n + 5];
        float[] c = new float[n + 7];
        for (int i = 0; i < a.length; i++) {
            boolean positive = op == ScalarOp.LOG || op == ScalarOp.SQRT || op == ScalarOp.POW;
            a[i] = (float) (positive ? rnd.nextDouble() * 100 : rnd.nextDouble() * 40 - 20);
            a[i] = op == ScalarOp.SWITCH && rnd.nextInt(3) == 0 ? 0 : a[i];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (rnd.nextDouble() * 10 - 5);
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) (rnd.nextDouble() * 10 - 5);
        }
        a[3] = op == ScalarOp.LOG1P ? -0.5f : 100; // exp overflows in float: sigmoid must still be 1
        a[4] = op == ScalarOp.LOG1P ? 0.25f : -100; // sigmoid(-100) is tiny, not NaN
        a[5] = Float.NaN;
        b[6 + 2] = Float.NaN;
        a[7] = -0f;
        b[7 + 2] = 0f; // max(-0, 0) is +0, min is -0, as Math.max/min
        b[8 + 2] = 0f; // division and modulo by zero
        for (boolean lanes : new boolean[] {false, true}) {
            float[] got = new float[n + 2];

            FloatLoops.apply(op, lanes, a, 3, b, 5, c, 7, got, 2, n);

            for (int i = 0; i < n; i++) {
                float want = (float) op.applyDouble(a[3 + i], b[5 + i], c[7 + i]);
                assertClose(got[2 + i], want, !lanes || !INEXACT_IN_LANES.contains(op),
                        (lanes ? "lanes " : "plain ") + op + "(" + a[3 + i] + ", " + b[5 + i] + ") at " + i);
            }
        }
    }

    /** The program for one element, each step in double rounded to float, as the unfused float32 kernels store it. */
    private static float oracle(Composite c, float[] inputs) {
        float[] v = oracleValues(c, inputs);
        return v[v.length - 1];
    }

    /**
     * The largest magnitude among the program's step values for these inputs: an inexact step's
     * error (a few ulps of its own value) carries into the result at that scale when a later add
     * cancels, so that is the scale at which a lanes result is compared.
     */
    private static float oracleScale(Composite c, float[] inputs) {
        float[] v = oracleValues(c, inputs);
        float m = 0;
        for (int k = inputs.length + c.constants().size(); k < v.length; k++) {
            m = Math.max(m, Math.abs(v[k]));
        }
        return m;
    }

    /** Every value of the program (inputs, constants, steps), each step rounded to float as the kernel stores it. */
    private static float[] oracleValues(Composite c, float[] inputs) {
        int nIn = inputs.length;
        int nc = c.constants().size();
        float[] v = new float[nIn + nc + c.steps().size()];
        System.arraycopy(inputs, 0, v, 0, nIn);
        for (int j = 0; j < nc; j++) {
            v[nIn + j] = (float) c.constants().get(j).getDouble(0);
        }
        for (int s = 0; s < c.steps().size(); s++) {
            int[] a = c.steps().get(s).args();
            v[nIn + nc + s] = (float) c.steps().get(s).op().scalarOp().applyDouble(v[a[0]],
                    a.length > 1 ? v[a[1]] : 0, a.length > 2 ? v[a[2]] : 0);
        }
        return v;
    }

    private static NDArray randomFloats(Random rnd, int... shape) {
        NDArray x = NDArray.zeros(DType.FLOAT32, shape);
        for (int i = 0; i < x.size(); i++) {
            x.setDouble(i, (float) (rnd.nextDouble() * 6 - 3));
        }
        return x;
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    /** Runs {@code out} fused into one composite over {@code vars} and checks every element against {@link #oracle}. */
    private static void checkComposite(Variable out, List<Variable> vars, NDArray[] values, boolean exact) {
        Apply node = Fusion.fuse(List.of(out)).get(0).owner();
        assertThat(node.op()).isInstanceOf(Composite.class);
        assertThat(node.inputs()).containsExactlyInAnyOrderElementsOf(vars);
        Composite c = (Composite) node.op();
        NDArray[] args = new NDArray[values.length];
        for (int k = 0; k < args.length; k++) {
            args[k] = values[vars.indexOf(node.inputs().get(k))];
        }

        NDArray r = new CompositeKernel(node).run(args)[0];

        int[] shape = r.shape();
        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        int[] idx = new int[shape.length];
        for (int flat = 0; flat < r.size(); flat++) {
            int rem = flat;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rem % shape[d];
                rem /= shape[d];
            }
            float[] in = new float[args.length];
            for (int k = 0; k < args.length; k++) {
                int[] j = new int[shape.length];
                for (int d = 0; d < shape.length; d++) {
                    j[d] = args[k].shape(d) == 1 ? 0 : idx[d];
                }
                in[k] = (float) args[k].getDoubleAt(j);
            }
            if (exact) {
                assertClose((float) r.getDouble(flat), oracle(c, in), true, "element " + flat);
            } else {
                assertCloseAtScale((float) r.getDouble(flat), oracle(c, in), oracleScale(c, in), "element " + flat);
            }
        }
    }

    @Test
    void composite_exactFloat32Program_contiguousAndTransposedInputs_isBitExact() {
        Random rnd = new Random(1);
        Variable a = var("a", DType.FLOAT32, -1, -1);
        Variable b = var("b", DType.FLOAT32, -1, -1);
        Variable c = var("c", DType.FLOAT32, -1, -1);
        Variable out = e(ScalarOp.MAXIMUM, e(ScalarOp.TRUE_DIV, e(ScalarOp.ADD, e(ScalarOp.MUL, a, b), c),
                Ops.constant(3, DType.FLOAT32)), e(ScalarOp.NEG, a));
        // 37×61 = 2257 elements: several blocks, the last one ragged; b is a transposed (strided) view
        NDArray[] args = {randomFloats(rnd, 37, 61), randomFloats(rnd, 61, 37).transpose(), randomFloats(rnd, 37, 61)};

        checkComposite(out, List.of(a, b, c), args, true);
    }

    @Test
    void composite_float32WithColumnRowAndScalarBroadcasts_matchesTheOracle() {
        Random rnd = new Random(2);
        Variable x = var("x", DType.FLOAT32, -1, -1);
        Variable col = var("col", DType.FLOAT32, -1, 1);
        Variable row = var("row", DType.FLOAT32, 1, -1);
        Variable s = var("s", DType.FLOAT32, 1, 1);
        Variable out = e(ScalarOp.ADD, e(ScalarOp.MUL, e(ScalarOp.EXP, e(ScalarOp.SUB, x, col)), row), s);
        // rows of 999 never line up with the blocks (CompositeKernel.BLOCK): runs start mid-row
        NDArray[] args = {randomFloats(rnd, 5, 999), randomFloats(rnd, 5, 1), randomFloats(rnd, 1, 999),
            randomFloats(rnd, 1, 1)};

        checkComposite(out, List.of(x, col, row, s), args, false);
    }

    @Test
    void composite_float32ColumnAsStridedView_gathersPerRow() {
        Random rnd = new Random(3);
        Variable x = var("x", DType.FLOAT32, -1, -1, -1);
        Variable y = var("y", DType.FLOAT32, -1, 1, -1);
        Variable out = e(ScalarOp.SUB, e(ScalarOp.SQR, x), y);
        // y is (4, 1, 7) as a view of a (7, 4) array: strided along the last axis, broadcast along the middle
        NDArray y0 = randomFloats(rnd, 7, 4);
        NDArray[] args = {randomFloats(rnd, 4, 45, 7), y0.dimshuffle(1, DimShuffle.NEW_AXIS, 0)};

        checkComposite(out, List.of(x, y), args, true);
    }

    @Test
    void elemwise_float32DivisionByAColumn_isBitExact() {
        Random rnd = new Random(4);
        Variable x = var("x", DType.FLOAT32, -1, -1);
        Variable s = var("s", DType.FLOAT32, -1, 1);
        Variable out = e(ScalarOp.TRUE_DIV, x, s);
        NDArray xv = randomFloats(rnd, 9, 1001);
        NDArray sv = randomFloats(rnd, 9, 1);

        NDArray r = new ElemwiseKernel(out.owner()).run(new NDArray[] {xv, sv})[0];

        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 1001; j++) {
                float want = (float) xv.getDoubleAt(i, j) / (float) sv.getDoubleAt(i, 0);
                assertThat((float) r.getDoubleAt(i, j)).isEqualTo(want);
            }
        }
    }

    @Test
    void elemwise_float32WithDonor_writesIntoTheDonor() {
        Variable x = var("x", DType.FLOAT32, -1);
        Variable out = e(ScalarOp.SQRT, x);
        NDArray xv = NDArray.of(new float[] {4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225, 256, 289, 324});

        NDArray r = new ElemwiseKernel(out.owner()).run(new NDArray[] {xv}, new int[] {0})[0];

        assertThat(r.data()).isSameAs(xv.data());
        assertThat((float[]) r.data()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    }
}
