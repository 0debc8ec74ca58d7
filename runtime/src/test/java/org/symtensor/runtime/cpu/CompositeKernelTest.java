package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.runtime.cpu.KernelTesting.var;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.rewrite.Fusion;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** The fused block executor against a per-element plain-Java interpreter of the composite's program. */
class CompositeKernelTest {

    /** The program evaluated for one element with the api's scalar table, rounding each step to its dtype. */
    private static double oracle(Composite c, double[] inputs) {
        int nIn = inputs.length;
        int nc = c.constants().size();
        double[] v = new double[nIn + nc + c.steps().size()];
        System.arraycopy(inputs, 0, v, 0, nIn);
        for (int j = 0; j < nc; j++) {
            v[nIn + j] = c.constants().get(j).getDouble(0);
        }
        for (int s = 0; s < c.steps().size(); s++) {
            Composite.Step st = c.steps().get(s);
            int[] a = st.args();
            double x = v[a[0]];
            double y = a.length > 1 ? v[a[1]] : 0;
            double z = a.length > 2 ? v[a[2]] : 0;
            boolean floatMath = st.dtype().isFloat();
            for (int k = st.op().scalarOp() == ScalarOp.SECOND ? 1 : 0; k < a.length; k++) {
                floatMath |= dtypeOf(c, a[k]).isFloat();
            }
            // the independent reference, not the table the kernel runs (ScalarOpTableTest pins the table to it)
            double r = floatMath ? ScalarReference.ofDouble(st.op().scalarOp(), x, y, z)
                    : ScalarReference.ofLong(st.op().scalarOp(), (long) x, (long) y, (long) z);
            v[nIn + nc + s] = NDArray.full(st.dtype(), r).getDouble(0); // store into the step's dtype
        }
        return v[v.length - 1];
    }

    private static DType dtypeOf(Composite c, int value) {
        int nIn = c.inputDtypes().size();
        int nc = c.constants().size();
        return value < nIn ? c.inputDtypes().get(value)
                : value < nIn + nc ? c.constants().get(value - nIn).dtype() : c.steps().get(value - nIn - nc).dtype();
    }

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    private static NDArray random(DType dt, Random rnd, int... shape) {
        NDArray a = NDArray.zeros(dt, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, dt.isFloat() ? rnd.nextDouble() * 4 - 2 : dt == DType.BOOL ? rnd.nextInt(2)
                    : dt == DType.UINT8 ? rnd.nextInt(200) : rnd.nextInt(200) - 100);
        }
        return a;
    }

    /**
     * {@code ((x * y) + 3) - abs(x)} then a float branch {@code exp(-(cast(.., f64)) / 50)} mixed with
     * a comparison: every dtype's wrap-around, the int-to-float step and bool steps in one program.
     * x is a transposed view, y a broadcast row; 70×50 spans several blocks.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void composite_mixedProgramOnEveryDtype_matchesThePerElementOracle(DType dt) {
        Random rnd = new Random(42 + dt.ordinal());
        Variable x = var("x", dt, -1, -1);
        Variable y = var("y", dt, 1, -1);
        Variable three = Ops.constant(3, dt);
        Variable ints = e(ScalarOp.SUB, e(ScalarOp.ADD, e(ScalarOp.MUL, x, y), three), e(ScalarOp.ABS, x));
        Variable f = e(ScalarOp.EXP, e(ScalarOp.TRUE_DIV, e(ScalarOp.NEG, Ops.cast(ints, DType.FLOAT64)),
                Ops.constant(50, DType.FLOAT64)));
        Variable out = e(ScalarOp.ADD, f, Ops.cast(e(ScalarOp.GT, ints, x), DType.FLOAT64));
        Variable fused = Fusion.fuse(List.of(out)).get(0);
        Apply node = fused.owner();
        assertThat(node.op()).isInstanceOf(Composite.class);
        NDArray xv = random(dt, rnd, 50, 70).transpose();
        NDArray yv = random(dt, rnd, 1, 50);

        // fusion may leave the integer part as a composite of its own (ints has two readers): run the
        // composites in order, each on the values of its own inputs
        java.util.Map<Variable, NDArray> values = new java.util.IdentityHashMap<>();
        values.put(x, xv);
        values.put(y, yv);
        NDArray r = runComposites(node, values);
        NDArray[] in = inputsOf(node, values);

        Composite c = (Composite) node.op();
        assertThat(r.shape()).containsExactly(70, 50);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 50; j++) {
                double[] at = new double[in.length];
                for (int k = 0; k < in.length; k++) {
                    at[k] = in[k].shape(0) == 1 ? in[k].getDoubleAt(0, j) : in[k].getDoubleAt(i, j);
                }
                double want = oracle(c, at);
                // relative: the program's transcendental steps may run in vector lanes or scalar code (JIT state),
                // a few ulps apart, and the values reach 1e13
                assertThat(r.getDoubleAt(i, j)).as("element (%d, %d) on %s", i, j, dt)
                        .isCloseTo(want, within(1e-12 + 8 * Math.ulp(Math.abs(want))));
            }
        }
    }

    private static NDArray runComposites(Apply node, java.util.Map<Variable, NDArray> values) {
        for (Variable v : node.inputs()) {
            if (!values.containsKey(v)) {
                values.put(v, runComposites(v.owner(), values));
            }
        }
        return new CompositeKernel(node).run(inputsOf(node, values))[0];
    }

    private static NDArray[] inputsOf(Apply node, java.util.Map<Variable, NDArray> values) {
        NDArray[] in = new NDArray[node.inputs().size()];
        for (int k = 0; k < in.length; k++) {
            in[k] = values.get(node.inputs().get(k));
        }
        return in;
    }

    @Test
    void composite_logisticOnFloat32_matchesHandMath() {
        Variable x = var("x", DType.FLOAT32, -1, -1);
        Variable one = Ops.constant(1, DType.FLOAT32);
        Variable out = e(ScalarOp.TRUE_DIV, one, e(ScalarOp.ADD, one, e(ScalarOp.EXP, e(ScalarOp.NEG, x))));
        Apply node = Fusion.fuse(List.of(out)).get(0).owner();
        NDArray xv = KernelTesting.filled(DType.FLOAT32, i -> (i % 97) / 10.0 - 5, 33, 100);

        NDArray r = new CompositeKernel(node).run(new NDArray[] {xv})[0];

        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        for (int i = 0; i < xv.size(); i++) {
            double v = xv.getDouble(i);
            assertThat(r.getDouble(i)).isCloseTo(1 / (1 + Math.exp(-v)), within(1e-6));
        }
    }

    /**
     * ReLU's gradient shape, {@code g * cast(x OP m, float32)} for every comparison, with a second
     * comparison read by the same cast: float32 programs whose only bools are comparisons of float32
     * values read by casts to float32 run in float lanes and give the oracle's bits, over several
     * blocks and a ragged tail, with ties, signed zeros, infinities and NaN among the inputs. A bool
     * read by anything but such a cast keeps the general path.
     */
    @Test
    void composite_float32ComparisonsCastToFloat32_runInLanesAndMatchTheOracle() {
        float[] edge = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, 2.5f};
        for (ScalarOp cmp : new ScalarOp[] {ScalarOp.EQ, ScalarOp.NEQ, ScalarOp.LT, ScalarOp.LE, ScalarOp.GT, ScalarOp.GE}) {
            Variable x = var("x", DType.FLOAT32, -1, -1);
            Variable m = var("m", DType.FLOAT32, -1, -1);
            Variable g = var("g", DType.FLOAT32, -1, -1);
            Variable mask = Ops.cast(e(cmp, x, m), DType.FLOAT32);
            Variable out = e(ScalarOp.ADD, e(ScalarOp.MUL, g, mask), Ops.cast(e(ScalarOp.GT, g, x), DType.FLOAT32));
            Apply node = Fusion.fuse(List.of(out)).get(0).owner();
            assertThat(node.op()).isInstanceOf(Composite.class);
            Composite c = (Composite) node.op();
            CompositeKernel kernel = new CompositeKernel(node);
            assertThat(kernel.inFloatLanes()).as(cmp.name()).isEqualTo(Simd.ENABLED);

            Random rnd = new Random(cmp.ordinal());
            int rows = 7;
            int cols = 2 * CompositeKernel.BLOCK / rows + 5; // several blocks, the last one ragged
            NDArray[] in = new NDArray[3];
            for (int k = 0; k < 3; k++) {
                in[k] = NDArray.zeros(DType.FLOAT32, rows, cols);
            }
            for (int i = 0; i < rows * cols; i++) {
                float xv = rnd.nextInt(4) == 0 ? edge[rnd.nextInt(edge.length)] : rnd.nextInt(5) - 2;
                // ties on purpose: m is often x itself, as relu(x) is x where x > 0
                float mv = rnd.nextBoolean() ? xv : rnd.nextInt(4) == 0 ? edge[rnd.nextInt(edge.length)] : rnd.nextInt(5) - 2;
                in[0].setDouble(i, xv);
                in[1].setDouble(i, mv);
                in[2].setDouble(i, rnd.nextInt(6) == 0 ? edge[rnd.nextInt(edge.length)] : (float) (rnd.nextDouble() * 4 - 2));
            }
            NDArray r = kernel.run(in)[0];
            assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
            for (int i = 0; i < rows * cols; i++) {
                double want = oracle(c, new double[] {in[0].getDouble(i), in[1].getDouble(i), in[2].getDouble(i)});
                double got = r.getDouble(i);
                if (!(Double.isNaN(want) && Double.isNaN(got))) { // any NaN (inf * 0 has no sign to agree on)
                    assertThat(Double.doubleToRawLongBits(got)).as("%s element %d: %s, want %s", cmp, i, got, want)
                            .isEqualTo(Double.doubleToRawLongBits(want));
                }
            }
        }
        // the bool also read by a logical op, or a comparison of a converted int: not lanes
        Variable x = var("x", DType.FLOAT32, -1);
        Variable y = var("y", DType.FLOAT32, -1);
        Variable i = var("i", DType.INT32, -1);
        Variable both = Ops.cast(e(ScalarOp.AND, e(ScalarOp.GT, x, y), e(ScalarOp.LT, x, y)), DType.FLOAT32);
        assertThat(new CompositeKernel(Fusion.fuse(List.of(e(ScalarOp.MUL, both, x))).get(0).owner()).inFloatLanes()).isFalse();
        Variable mixed = Ops.cast(e(ScalarOp.GT, Ops.cast(i, DType.FLOAT32), y), DType.FLOAT32);
        assertThat(new CompositeKernel(Fusion.fuse(List.of(e(ScalarOp.MUL, mixed, x))).get(0).owner()).inFloatLanes()).isFalse();
    }

    @Test
    void composite_scalarInputs_giveAScalar() {
        Variable x = var("x", DType.FLOAT64);
        Variable y = var("y", DType.INT32);
        Variable out = e(ScalarOp.MUL, e(ScalarOp.SQR, x), e(ScalarOp.ADD, y, Ops.constant(1, DType.INT32)));
        Apply node = Fusion.fuse(List.of(out)).get(0).owner();

        NDArray r = new CompositeKernel(node).run(new NDArray[] {NDArray.of(1.5), NDArray.of(3)})[0];

        assertThat(r.rank()).isZero();
        assertThat(r.toDouble()).isEqualTo(9.0);
    }

    @Test
    void composite_withDonor_writesIntoTheDonorAndKeepsOtherInputs() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = var("y", DType.FLOAT64, -1);
        Apply node = Fusion.fuse(List.of(e(ScalarOp.ADD, e(ScalarOp.EXP, x), y))).get(0).owner();
        NDArray xv = NDArray.of(new double[] {0, 1, 2});
        NDArray yv = NDArray.of(new double[] {1, 1, 1});

        NDArray r = new CompositeKernel(node).run(new NDArray[] {xv, yv}, new int[] {0})[0];

        assertThat(r.data()).isSameAs(xv.data());
        assertThat(r.toDoubleArray()).containsExactly(2, 1 + Math.E, 1 + Math.exp(2));
        assertThat(yv.toDoubleArray()).containsExactly(1, 1, 1);
    }

    /**
     * A float64 program is computed straight into the output (no scratch copy): over several chunks
     * and a ragged last block, with an in-place float64 input, a float32 input that is converted on
     * the way in and a broadcast constant, into a fresh output and into a donated input, every
     * element exactly the oracle's (only exact ops, so the lanes must agree bit for bit).
     */
    @Test
    void composite_float64ResultWrittenInPlace_matchesTheOracleOverChunksAndRaggedBlocks() {
        Variable x = var("x", DType.FLOAT64, -1);
        Variable y = var("y", DType.FLOAT64, -1);
        Variable z = var("z", DType.FLOAT32, -1);
        Variable out = e(ScalarOp.TRUE_DIV, e(ScalarOp.ADD, e(ScalarOp.MUL, x, y), Ops.cast(z, DType.FLOAT64)),
                e(ScalarOp.ADD, e(ScalarOp.SQRT, e(ScalarOp.ABS, x)), Ops.constant(1, DType.FLOAT64)));
        Apply node = Fusion.fuse(List.of(out)).get(0).owner();
        assertThat(node.op()).isInstanceOf(Composite.class);
        Composite c = (Composite) node.op();
        int n = 2 * Parallel.CHUNK + 3 * CompositeKernel.BLOCK + 7;
        Random rnd = new Random(11);
        NDArray[] values = {random(DType.FLOAT64, rnd, n), random(DType.FLOAT64, rnd, n), random(DType.FLOAT32, rnd, n)};
        NDArray[] args = new NDArray[3];
        for (int k = 0; k < 3; k++) {
            args[k] = values[List.of(x, y, z).indexOf(node.inputs().get(k))];
        }
        double[] want = new double[n];
        for (int i = 0; i < n; i++) {
            double[] in = new double[3];
            for (int k = 0; k < 3; k++) {
                in[k] = args[k].getDouble(i);
            }
            want[i] = oracle(c, in);
        }
        int xAt = node.inputs().indexOf(x);

        NDArray fresh = new CompositeKernel(node).run(args)[0];
        NDArray donated = new CompositeKernel(node).run(args.clone(), new int[] {xAt})[0];

        assertThat(donated.data()).isSameAs(args[xAt].data());
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToLongBits(fresh.getDouble(i))).as("fresh output, element %d", i)
                    .isEqualTo(Double.doubleToLongBits(want[i]));
            assertThat(Double.doubleToLongBits(donated.getDouble(i))).as("donated output, element %d", i)
                    .isEqualTo(Double.doubleToLongBits(want[i]));
        }
    }
}
