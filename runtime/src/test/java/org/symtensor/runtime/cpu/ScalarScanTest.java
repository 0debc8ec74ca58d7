package org.symtensor.runtime.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Scan;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.runtime.link.Thunk;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The scalar register program of {@link ScanKernel} ({@link ScalarScan}): bit for bit the general
 * path's values on random scalar loops (float32 and float64, several taps, sequences, map outputs,
 * integer states, until, kept whole or last), the general path's errors, plain-Java loops, and
 * that scalar loops compiled by {@code function} take it while others do not.
 */
class ScalarScanTest {
    private enum FloatType {
        FLOAT32(DType.FLOAT32), FLOAT64(DType.FLOAT64);

        final DType dtype;

        FloatType(DType dtype) {
            this.dtype = dtype;
        }
    }

    /** A scan node over outer placeholders, and values to run it on. */
    private record Loop(Apply node, NDArray[] inputs) {}

    @ParameterizedTest
    @EnumSource(FloatType.class)
    void randomScalarLoops_scalarProgramAndGeneralPath_agreeBitForBit(FloatType type) {
        int finite = 0;
        int cases = 300;
        for (int seed = 0; seed < cases; seed++) {
            Loop loop = new RandomLoop(new Random(seed * 31L + type.ordinal()), type.dtype).build();
            ScanKernel fast = new ScanKernel(loop.node(), true);
            ScanKernel general = new ScanKernel(loop.node(), false);
            assertThat(fast.usesScalarProgram()).as("seed %d", seed).isTrue();
            assertThat(general.usesScalarProgram()).isFalse();
            Throwable generalError = catchThrowable(() -> general.run(loop.inputs()));
            if (generalError != null) {
                // a map output kept last over a loop of no step: both paths refuse it alike
                assertThatThrownBy(() -> fast.run(loop.inputs())).isInstanceOf(generalError.getClass())
                        .hasMessage(generalError.getMessage());
                continue;
            }
            NDArray[] want = general.run(loop.inputs());
            NDArray[] got = fast.run(loop.inputs());
            assertSameBits(got, want, "seed " + seed + " " + loop.node().op());
            assertThat(fast.lastBufferRows()).isEqualTo(general.lastBufferRows());
            finite += allFinite(want) ? 1 : 0;
        }
        assertThat(finite).as("loops whose values stay finite").isGreaterThan(cases / 2);
    }

    @Test
    void compositeInStep_scalarProgramAndGeneralPath_agreeBitForBit() {
        for (DType f : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Variable p = KernelTesting.var("p", f);
            Variable q = KernelTesting.var("q", f);
            Variable body = Ops.elemwise(ScalarOp.TANH, Ops.elemwise(ScalarOp.ADD,
                    Ops.elemwise(ScalarOp.MUL, p, Ops.constant(0.75, f)), Ops.elemwise(ScalarOp.SIGMOID, q)));
            Composite c = Composite.of(List.of(p, q), body);
            Variable x = KernelTesting.var("x", f);
            Variable a = KernelTesting.var("a", f);
            Variable next = Apply.output(c, x, a);
            Scan op = new Scan(List.of(x, a), List.of(next), new int[0][], new int[][] {{-1}},
                    new Scan.Keep[] {Scan.Keep.ALL}, false, 1, -1);
            Apply node = Apply.of(op, List.of(KernelTesting.var("n", DType.INT64), KernelTesting.var("x0", f),
                    KernelTesting.var("a0", f)));
            NDArray[] in = {NDArray.of(200L), NDArray.full(f, 0.3), NDArray.full(f, -1.7)};
            ScanKernel fast = new ScanKernel(node, true);
            assertThat(fast.usesScalarProgram()).isTrue();
            assertSameBits(fast.run(in), new ScanKernel(node, false).run(in), "composite " + f);
        }
    }

    @Test
    void errors_scalarProgram_failsAsTheGeneralPath() {
        DType f = DType.FLOAT64;
        // taps [-2, -1] with an initial value of 3 rows
        Variable x2 = KernelTesting.var("x2", f);
        Variable x1 = KernelTesting.var("x1", f);
        Scan taps = new Scan(List.of(x2, x1), List.of(Ops.elemwise(ScalarOp.ADD, x2, x1)), new int[0][],
                new int[][] {{-2, -1}}, new Scan.Keep[] {Scan.Keep.ALL}, false, 0, -1);
        Apply tapsNode = Apply.of(taps, List.of(KernelTesting.var("n", DType.INT64),
                new Variable(TensorType.ofRank(f, 1), "init")));
        assertSameError(tapsNode, new NDArray[] {NDArray.of(4L), NDArray.of(new double[] {1, 2, 3})}, "needs an initial value with 2 rows");
        // a sequence too short for its taps
        Variable s0 = KernelTesting.var("s0", f);
        Variable s2 = KernelTesting.var("s2", f);
        Scan seq = new Scan(List.of(s0, s2), List.of(Ops.elemwise(ScalarOp.SUB, s2, s0)), new int[][] {{0, 2}},
                new int[][] {{}}, new Scan.Keep[] {Scan.Keep.ALL}, false, 0, -1);
        Apply seqNode = Apply.of(seq, List.of(KernelTesting.var("n", DType.INT64), new Variable(TensorType.ofRank(f, 1), "s")));
        assertSameError(seqNode, new NDArray[] {NDArray.of(Scan.STEPS_FROM_SEQUENCES), NDArray.of(new double[] {1})},
                "need at least 3 elements");
        // nSteps longer than the sequence allows
        assertSameError(seqNode, new NDArray[] {NDArray.of(3L), NDArray.of(new double[] {1, 2, 3, 4})}, "enough for 2 steps");
        // a negative nSteps
        assertSameError(tapsNode, new NDArray[] {NDArray.of(-1L), NDArray.of(new double[] {1, 2})}, InvalidValueException.class,
                "nSteps is -1");
        // a stacked output beyond a Java array
        assertSameError(tapsNode, new NDArray[] {NDArray.of((long) Integer.MAX_VALUE), NDArray.of(new double[] {1, 2})},
                "2147483647");
        // the last value of a map output over a loop of no step
        Scan map = seq.withKeep(0, Scan.Keep.LAST);
        Apply mapNode = Apply.of(map, seqNode.inputs());
        assertSameError(mapNode, new NDArray[] {NDArray.of(0L), NDArray.of(new double[] {1, 2, 3})}, "ran no step");
    }

    private static void assertSameError(Apply node, NDArray[] in, String message) {
        assertSameError(node, in, ShapeMismatchException.class, message);
    }

    private static void assertSameError(Apply node, NDArray[] in, Class<? extends Throwable> type, String message) {
        ScanKernel fast = new ScanKernel(node, true);
        assertThat(fast.usesScalarProgram()).isTrue();
        Throwable general = catchThrowable(() -> new ScanKernel(node, false).run(in));
        assertThat(general).isInstanceOf(type).hasMessageContaining(message);
        assertThatThrownBy(() -> fast.run(in)).isInstanceOf(general.getClass()).hasMessage(general.getMessage());
    }

    @Test
    void affineRecurrence_float32AndFloat64_matchPlainJavaLoops() {
        Scalar<F32> x0 = fscalar("x0");
        Scalar<F32> a = fscalar("a");
        Scalar<F32> b = fscalar("b");
        ScanResult<Scalar<F32>, Vector<F32>> r = org.symtensor.scan.Scan.from(x0).steps(1000)
                .iterate(x -> x.times(a).plus(b));
        CompiledFunction f32 = (CompiledFunction) function(inputs(x0, a, b), outputs(r.output(), r.last()));
        assertThat(scanKernel(f32).usesScalarProgram()).isTrue();
        List<NDArray> out = f32.callAll(0.5f, 0.999f, 0.001f);
        float xf = 0.5f;
        float[] stacked = out.get(0).toFloatArray();
        for (int t = 0; t < 1000; t++) {
            xf = xf * 0.999f + 0.001f;
            assertThat(stacked[t]).isEqualTo(xf);
        }
        assertThat(out.get(1).toFloat()).isEqualTo(xf);

        Scalar<F64> y0 = dscalar("y0");
        Scalar<F64> c = dscalar("c");
        Scalar<F64> d = dscalar("d");
        Scalar<F64> last = org.symtensor.scan.Scan.from(y0).steps(100_000).iterate(y -> y.times(c).plus(d)).last();
        CompiledFunction f64 = (CompiledFunction) function(inputs(y0, c, d), last);
        assertThat(scanKernel(f64).usesScalarProgram()).isTrue();
        double y = 0.5;
        for (int t = 0; t < 100_000; t++) {
            y = y * 0.999999 + 1e-6;
        }
        assertThat(f64.call(0.5, 0.999999, 1e-6).toDouble()).isEqualTo(y);
    }

    @Test
    @SuppressWarnings("unchecked") // the list form of scan hands the step untyped handles
    void fibonacciWithTaps_sequenceTaps_andUntil_matchPlainJavaLoops() {
        Vector<I64> init = lvector("init");
        ScanResult<Tensor<?>, Tensor<?>> fib = scan(args -> ((Scalar<I64>) args.get(0)).plus((Scalar<I64>) args.get(1)),
                outputsInfo(taps(init, -2, -1)), nSteps(90));
        CompiledFunction f = (CompiledFunction) function(inputs(init), fib.output());
        assertThat(scanKernel(f).usesScalarProgram()).isTrue();
        long[] got = f.call(new long[] {0, 1}).toLongArray();
        long p = 0;
        long q = 1;
        for (int t = 0; t < 90; t++) {
            long n = p + q;
            assertThat(got[t]).isEqualTo(n);
            p = q;
            q = n;
        }

        Vector<F64> s = dvector("s");
        ScanResult<Tensor<?>, Tensor<?>> smooth = scan(args -> ((Scalar<F64>) args.get(0)).plus((Scalar<F64>) args.get(1))
                .times(0.5).plus(((Scalar<F64>) args.get(2)).times(0.25)), sequences(taps(s, -1, 1)), outputsInfo(constant(0.0)));
        CompiledFunction g = (CompiledFunction) function(inputs(s), smooth.output());
        assertThat(scanKernel(g).usesScalarProgram()).isTrue();
        double[] v = {1, 4, 2, 8, 5, 7};
        double[] out = g.call((Object) v).toDoubleArray();
        assertThat(out).hasSize(v.length - 2);
        double acc = 0;
        for (int t = 0; t < v.length - 2; t++) {
            acc = (v[t] + v[t + 2]) * 0.5 + acc * 0.25;
            assertThat(out[t]).isEqualTo(acc);
        }

        Scalar<F64> x0 = dscalar("x0");
        ScanResult<Tensor<?>, Tensor<?>> doubling = scan((List<Tensor<?>> args) -> {
            Scalar<F64> next = ((Scalar<F64>) args.get(0)).times(2);
            return step(next).until(next.gt(100));
        }, outputsInfo(x0), nSteps(50));
        CompiledFunction h = (CompiledFunction) function(inputs(x0), doubling.output());
        assertThat(scanKernel(h).usesScalarProgram()).isTrue();
        assertThat(h.call(1.0).toDoubleArray()).containsExactly(2, 4, 8, 16, 32, 64, 128);
    }

    @Test
    void function_vectorRecurrence_takesTheGeneralPath() {
        Vector<F64> a = dvector("a");
        Vector<F64> power = org.symtensor.scan.Scan.from(onesLike(a)).nonSequences(a).steps(3)
                .iterate((prior, base) -> prior.times(base)).last();
        CompiledFunction f = (CompiledFunction) function(inputs(a), power);
        assertThat(scanKernel(f).usesScalarProgram()).isFalse();
        assertThat(f.call((Object) new double[] {1, 2, 3}).toDoubleArray()).containsExactly(1, 8, 27);
    }

    private static ScanKernel scanKernel(Function f) {
        return ((CompiledFunction) f).schedule().thunks().stream().map(Thunk::kernel)
                .filter(k -> k instanceof ScanKernel).map(k -> (ScanKernel) k).findFirst().orElseThrow();
    }

    private static void assertSameBits(NDArray[] got, NDArray[] want, String what) {
        assertThat(got).as(what).hasSameSizeAs(want);
        for (int j = 0; j < want.length; j++) {
            assertThat(got[j].dtype()).as("%s output %d", what, j).isEqualTo(want[j].dtype());
            assertThat(got[j].shape()).as("%s output %d", what, j).isEqualTo(want[j].shape());
            for (int i = 0; i < want[j].size(); i++) {
                if (want[j].dtype().isFloat()) {
                    assertThat(Double.doubleToLongBits(got[j].getDouble(i))).as("%s output %d entry %d: %s vs %s", what, j, i,
                            got[j].getDouble(i), want[j].getDouble(i)).isEqualTo(Double.doubleToLongBits(want[j].getDouble(i)));
                } else {
                    assertThat(got[j].getLong(i)).as("%s output %d entry %d", what, j, i).isEqualTo(want[j].getLong(i));
                }
            }
        }
    }

    private static boolean allFinite(NDArray[] values) {
        for (NDArray v : values) {
            for (int i = 0; i < v.size(); i++) {
                if (v.dtype().isFloat() && !Double.isFinite(v.getDouble(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A random scalar loop: up to two sequences (float or int32, with taps in random order), one to three float
     * states with taps in random order, an optional integer counter that wraps, an optional map
     * output (float or bool), an optional until, non-sequences, and a random keep per output.
     */
    private static final class RandomLoop {
        private static final int[][] SEQ_TAPS = {{0}, {-1, 0}, {0, 2}, {-2, 0, 1}, {2, 0}, {1, -2, 0}};
        private static final int[][] OUT_TAPS = {{-1}, {-1}, {-2, -1}, {-1, -2}, {-3, -1}, {-1, -3, -2}};
        private static final ScalarOp[] BINARY = {ScalarOp.ADD, ScalarOp.SUB, ScalarOp.MUL, ScalarOp.TRUE_DIV,
            ScalarOp.MAXIMUM, ScalarOp.MINIMUM};
        private static final ScalarOp[] UNARY = {ScalarOp.TANH, ScalarOp.SIGMOID, ScalarOp.SQR, ScalarOp.NEG,
            ScalarOp.ABS, ScalarOp.EXP, ScalarOp.SOFTPLUS};

        private final Random r;
        private final DType f;
        private final List<Variable> leaves = new ArrayList<>();
        private Variable counter;

        RandomLoop(Random r, DType f) {
            this.r = r;
            this.f = f;
        }

        Loop build() {
            List<Variable> inner = new ArrayList<>();
            List<Variable> outer = new ArrayList<>();
            List<NDArray> values = new ArrayList<>();
            outer.add(KernelTesting.var("n", DType.INT64));
            values.add(null); // nSteps, set below
            int nSeq = r.nextInt(3);
            int[][] seqTaps = new int[nSeq][];
            int shortest = Integer.MAX_VALUE;
            for (int i = 0; i < nSeq; i++) {
                seqTaps[i] = SEQ_TAPS[r.nextInt(SEQ_TAPS.length)];
                DType dt = r.nextInt(4) == 0 ? DType.INT32 : f;
                for (int k : seqTaps[i]) {
                    Variable v = KernelTesting.var("s" + i + "[" + k + "]", dt);
                    inner.add(v);
                    leaves.add(Ops.cast(v, f));
                }
                int span = Arrays.stream(seqTaps[i]).max().getAsInt() - Arrays.stream(seqTaps[i]).min().getAsInt();
                int length = span + r.nextInt(40);
                shortest = Math.min(shortest, length - span);
                outer.add(new Variable(TensorType.ofRank(dt, 1), "s" + i));
                values.add(KernelTesting.filled(dt, j -> dt.isFloat() ? r.nextGaussian() : r.nextInt(21) - 10, length));
            }
            int nFloat = 1 + r.nextInt(3);
            boolean hasCounter = r.nextBoolean();
            boolean hasMap = r.nextBoolean();
            int nOut = nFloat + (hasCounter ? 1 : 0) + (hasMap ? 1 : 0);
            int[][] outTaps = new int[nOut][];
            List<Variable> stateVars = new ArrayList<>();
            for (int j = 0; j < nFloat + (hasCounter ? 1 : 0); j++) {
                DType dt = j < nFloat ? f : (r.nextBoolean() ? DType.INT64 : DType.INT32);
                outTaps[j] = j < nFloat ? OUT_TAPS[r.nextInt(OUT_TAPS.length)] : new int[] {-1};
                for (int k : outTaps[j]) {
                    Variable v = KernelTesting.var("x" + j + "[" + k + "]", dt);
                    inner.add(v);
                    stateVars.add(v);
                    leaves.add(Ops.cast(v, f));
                    if (!dt.isFloat()) {
                        counter = v;
                    }
                }
                int lookBack = 0;
                for (int k : outTaps[j]) {
                    lookBack = Math.max(lookBack, -k);
                }
                boolean axis = !(outTaps[j].length == 1 && outTaps[j][0] == -1);
                outer.add(axis ? new Variable(TensorType.ofRank(dt, 1), "init" + j) : KernelTesting.var("init" + j, dt));
                values.add(dt.isFloat() ? KernelTesting.filled(dt, i -> r.nextDouble() * 2 - 1, axis ? new int[] {lookBack} : new int[0])
                        : KernelTesting.filled(dt, i -> 1 + r.nextInt(5), axis ? new int[] {lookBack} : new int[0]));
            }
            if (hasMap) {
                outTaps[nOut - 1] = new int[0];
            }
            int nNonSeq = r.nextInt(3);
            for (int k = 0; k < nNonSeq; k++) {
                Variable v = KernelTesting.var("w" + k, f);
                inner.add(v);
                leaves.add(v);
                outer.add(KernelTesting.var("w" + k, f));
                values.add(NDArray.full(f, r.nextGaussian()));
            }
            List<Variable> outs = new ArrayList<>();
            for (int j = 0; j < nFloat; j++) {
                outs.add(Ops.elemwise(ScalarOp.TANH, expr(3)));
            }
            if (hasCounter) {
                DType dt = counter.type().dtype();
                outs.add(Ops.elemwise(ScalarOp.ADD, Ops.elemwise(ScalarOp.MUL, counter, Ops.constant(3, dt)), Ops.constant(1, dt)));
            }
            if (hasMap) {
                outs.add(r.nextBoolean() ? expr(2) : Ops.elemwise(ScalarOp.GT, expr(2), expr(1)));
            }
            boolean hasUntil = r.nextInt(4) == 0;
            if (hasUntil) {
                outs.add(Ops.elemwise(ScalarOp.GT, leaf(), Ops.constant(0.6, f)));
            }
            Scan.Keep[] keep = new Scan.Keep[nOut];
            for (int j = 0; j < nOut; j++) {
                keep[j] = r.nextBoolean() ? Scan.Keep.ALL : Scan.Keep.LAST;
            }
            // nSteps within what the sequences allow (more is an error, checked in errors_scalarProgram_failsAsTheGeneralPath)
            long steps = nSeq > 0 && r.nextBoolean() ? Scan.STEPS_FROM_SEQUENCES : r.nextInt(nSeq > 0 ? shortest + 1 : 60);
            values.set(0, NDArray.of(steps));
            Scan op = new Scan(inner, outs, seqTaps, outTaps, keep, hasUntil, nNonSeq, -1);
            return new Loop(Apply.of(op, outer), values.toArray(new NDArray[0]));
        }

        private Variable leaf() {
            if (r.nextInt(5) == 0) {
                return Ops.constant(Math.round(r.nextGaussian() * 100) / 100.0, f);
            }
            return leaves.get(r.nextInt(leaves.size()));
        }

        private Variable expr(int depth) {
            if (depth == 0 || r.nextInt(4) == 0) {
                return leaf();
            }
            int choice = r.nextInt(10);
            if (choice < 5) {
                return Ops.elemwise(BINARY[r.nextInt(BINARY.length)], expr(depth - 1), expr(depth - 1));
            }
            if (choice < 8) {
                return Ops.elemwise(UNARY[r.nextInt(UNARY.length)], expr(depth - 1));
            }
            if (choice == 8) {
                return Ops.elemwise(ScalarOp.SWITCH, Ops.elemwise(ScalarOp.LT, expr(depth - 1), leaf()), expr(depth - 1),
                        expr(depth - 1));
            }
            if (counter != null) {
                // mixed dtypes: float times an integer state computes in float64, then casts back
                return Ops.cast(Ops.elemwise(ScalarOp.MUL, expr(depth - 1), counter), f);
            }
            return Ops.elemwise(ScalarOp.SQRT, Ops.elemwise(ScalarOp.ABS, expr(depth - 1)));
        }
    }
}
