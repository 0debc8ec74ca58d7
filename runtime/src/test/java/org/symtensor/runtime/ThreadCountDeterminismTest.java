package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symtensor.config.Config;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.In;
import org.symtensor.ir.AxisOps;
import org.symtensor.ir.Cumulative;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.cpu.Parallel;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The same random elementwise graphs, fused and unfused, on arrays above the parallel threshold,
 * give bit-identical outputs with threads=1, 2 and 3; with threads=2 the work does run on two threads.
 */
class ThreadCountDeterminismTest {
    private static final int ROWS = 300;
    private static final int COLS = 700; // 210000 elements, above the threshold: four chunks of 2^16, the last partial

    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        return FunctionSpec.build(ins, outputs, List.of(), Map.of(), false, FunctionFlag.UnusedInput.IGNORE, null);
    }

    private static NDArray random(DType dt, Random rnd, int... shape) {
        NDArray a = NDArray.zeros(dt, shape);
        for (int i = 0; i < a.size(); i++) {
            if (dt.isFloat()) {
                a.setDouble(i, rnd.nextDouble() * 4 - 2);
            } else {
                a.setLong(i, rnd.nextInt(2001) - 1000);
            }
        }
        return a;
    }

    private static List<Variable> floatGraph(Random rnd, List<Variable> pool, int nodes) {
        // correctly rounded ops only: exp/tanh lanes may differ by an ulp between the Vector API's
        // intrinsic (C2) and its Java fallback, i.e. with JIT warm-up, whatever the thread count
        ScalarOp[] unary = {ScalarOp.NEG, ScalarOp.SQR, ScalarOp.ABS, ScalarOp.SQRT};
        ScalarOp[] binary = {ScalarOp.ADD, ScalarOp.SUB, ScalarOp.MUL, ScalarOp.MAXIMUM};
        List<Variable> vs = new ArrayList<>(pool);
        for (int i = 0; i < nodes; i++) {
            Variable a = vs.get(rnd.nextInt(vs.size()));
            Variable v;
            if (rnd.nextBoolean()) {
                v = Ops.elemwise(unary[rnd.nextInt(unary.length)], Ops.elemwise(ScalarOp.ABS, a));
            } else {
                v = Ops.elemwise(binary[rnd.nextInt(binary.length)], a, vs.get(rnd.nextInt(vs.size())));
            }
            if (rnd.nextInt(4) == 0) {
                v = Ops.elemwise(ScalarOp.ADD, v, Ops.constant(0.5, v.type().dtype()));
            }
            vs.add(v);
        }
        return List.of(vs.get(vs.size() - 1), vs.get(vs.size() - 2 - rnd.nextInt(3)));
    }

    private static List<Variable> intGraph(Random rnd, List<Variable> pool, int nodes) {
        ScalarOp[] binary = {ScalarOp.ADD, ScalarOp.SUB, ScalarOp.MUL, ScalarOp.MAXIMUM};
        List<Variable> vs = new ArrayList<>(pool);
        for (int i = 0; i < nodes; i++) {
            Variable v = Ops.elemwise(binary[rnd.nextInt(binary.length)], vs.get(rnd.nextInt(vs.size())),
                    vs.get(rnd.nextInt(vs.size())));
            if (rnd.nextInt(3) == 0) {
                v = Ops.elemwise(ScalarOp.NEG, v);
            }
            vs.add(v);
        }
        return List.of(vs.get(vs.size() - 1), vs.get(vs.size() - 2 - rnd.nextInt(3)));
    }

    private static void assertSameBits(List<NDArray> expected, List<NDArray> actual, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            NDArray e = expected.get(k);
            NDArray a = actual.get(k);
            assertThat(a.shape()).as(what).isEqualTo(e.shape());
            assertThat(a.dtype()).as(what).isEqualTo(e.dtype());
            for (int i = 0; i < e.size(); i++) {
                boolean same = e.dtype().isFloat()
                        ? Double.doubleToRawLongBits(e.getDouble(i)) == Double.doubleToRawLongBits(a.getDouble(i))
                        : e.getLong(i) == a.getLong(i);
                if (!same) {
                    throw new AssertionError(what + ", output " + k + ", element " + i + ": " + e.getDouble(i)
                            + " with one thread, " + a.getDouble(i));
                }
            }
        }
    }

    @Test
    void randomGraphs_threads1And2And3_giveBitIdenticalOutputs() {
        for (int trial = 0; trial < 9; trial++) {
            long seed = 20261129L + trial;
            Random rnd = new Random(seed);
            DType dt = new DType[] {DType.FLOAT64, DType.FLOAT32, DType.INT64}[trial % 3];
            Variable x = new Variable(TensorType.of(dt, -1, -1), "x");
            Variable r = new Variable(TensorType.of(dt, 1, -1), "r");
            Variable t = new Variable(TensorType.of(dt, -1, -1), "t");
            List<Variable> inputs = List.of(x, r, t);
            int nodes = 4 + rnd.nextInt(8);
            List<Variable> outs = dt.isFloat() ? floatGraph(rnd, inputs, nodes) : intGraph(rnd, inputs, nodes);
            FunctionSpec spec = spec(inputs, outs);
            NDArray xv = random(dt, rnd, ROWS, COLS);
            NDArray rv = random(dt, rnd, 1, COLS);
            NDArray tv = random(dt, rnd, COLS, ROWS).transpose();
            for (String flags : new String[] {"", "optimizer=None"}) {
                List<NDArray> one = null;
                for (int threads = 1; threads <= 3; threads++) {
                    CompileOptions options = CompileOptions.fromFlags(Config.parse(flags)).withThreads(threads);
                    CompiledFunction f = new CpuFunctionCompiler().compile(spec, options);
                    List<NDArray> got = f.callAll(xv, rv, tv);
                    if (one == null) {
                        one = got;
                    } else {
                        assertSameBits(one, got, "seed " + seed + " " + dt + " flags '" + flags + "' threads=" + threads);
                    }
                }
            }
        }
    }

    @Test
    void argmaxArgminCumsum_ofLongRuns_threads1And2And3_giveIdenticalOutputs() {
        int n = 5 * (1 << 16) + 123; // above the threshold: six pieces, the last partial
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Variable v = new Variable(TensorType.of(dt, -1), "v");
            Variable m = new Variable(TensorType.of(dt, -1, -1), "m");
            List<Variable> outs = List.of(Ops.reduce(Reduce.Kind.ARGMAX, v), Ops.reduce(Reduce.Kind.ARGMIN, v),
                    AxisOps.cumulative(Cumulative.Kind.SUM, v, 0), Ops.reduce(Reduce.Kind.ARGMAX, m, 1));
            FunctionSpec spec = spec(List.of(v, m), outs);
            Random rnd = new Random(7);
            NDArray vv = NDArray.zeros(dt, n);
            for (int i = 0; i < n; i++) {
                vv.setDouble(i, rnd.nextInt(100_001) - 50_000); // ties in every piece
            }
            NDArray mv = random(dt, rnd, 2, n);
            List<NDArray> one = null;
            for (int threads = 1; threads <= 3; threads++) {
                CompiledFunction f = new CpuFunctionCompiler().compile(spec, CompileOptions.defaults().withThreads(threads));
                List<NDArray> got = f.callAll(vv, mv);
                if (one == null) {
                    one = got;
                    // the plain loops: the first largest and smallest, the running sum in double
                    long hi = 0;
                    long lo = 0;
                    double acc = 0;
                    for (int i = 0; i < n; i++) {
                        hi = vv.getDouble(i) > vv.getDouble((int) hi) ? i : hi;
                        lo = vv.getDouble(i) < vv.getDouble((int) lo) ? i : lo;
                        acc += vv.getDouble(i);
                        assertThat(got.get(2).getDouble(i)).as(dt + " cumsum at " + i).isEqualTo(
                                dt == DType.FLOAT32 ? (double) (float) acc : acc); // integers: exact in double
                    }
                    assertThat(got.get(0).toLong()).as(dt + " argmax").isEqualTo(hi);
                    assertThat(got.get(1).toLong()).as(dt + " argmin").isEqualTo(lo);
                } else {
                    assertSameBits(one, got, dt + " argmax/argmin/cumsum threads=" + threads);
                }
            }
        }
        Parallel.configure(1);
    }

    @Test
    void reductions_anyAxis_fusedOrNot_andSoftmaxShapedRows_threads1And2And3_giveBitIdenticalOutputs() {
        Random rnd = new Random(20261130L);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
            Variable x = new Variable(TensorType.of(dt, -1, -1), "x");
            Variable y = new Variable(TensorType.of(dt, -1, -1), "y");
            Variable xy = Ops.elemwise(ScalarOp.ADD, Ops.elemwise(ScalarOp.MUL, x, y), x);
            List<Variable> outs = new ArrayList<>();
            for (org.symtensor.ir.Reduce.Kind kind : org.symtensor.ir.Reduce.Kind.values()) {
                if (kind == org.symtensor.ir.Reduce.Kind.PROD) {
                    continue; // products of 210000 terms only over- or underflow
                }
                outs.add(Ops.reduce(kind, x));
                outs.add(Ops.reduce(kind, x, 0));
                outs.add(Ops.reduce(kind, x, 1));
                // read once: fused into a composite with a reduce tail when optimized
                outs.add(Ops.reduce(kind, Ops.elemwise(ScalarOp.MUL, Ops.elemwise(ScalarOp.ADD, x, y), y)));
                outs.add(Ops.reduce(kind, Ops.elemwise(ScalarOp.SUB, y, x), 0));
                outs.add(Ops.reduce(kind, Ops.elemwise(ScalarOp.MAXIMUM, y, x), 1));
            }
            outs.add(Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM, xy, 1));
            outs.add(Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM, Ops.dimshuffle(x, 1, 0), 1));
            if (dt.isFloat()) {
                // softmax's structure (row max, shift, elementwise, row sum, divide) with sqr in place of
                // exp: exp in lanes may change by an ulp when the JIT compiles its loop, whatever the
                // thread count, so bits are compared on correctly rounded ops only
                Variable m = Ops.dimshuffle(Ops.reduce(org.symtensor.ir.Reduce.Kind.MAX, x, 1), 0, org.symtensor.ir.DimShuffle.NEW_AXIS);
                Variable e = Ops.elemwise(ScalarOp.SQR, Ops.elemwise(ScalarOp.SUB, x, m));
                Variable s = Ops.dimshuffle(Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM, e, 1), 0, org.symtensor.ir.DimShuffle.NEW_AXIS);
                outs.add(Ops.elemwise(ScalarOp.TRUE_DIV, e, s));
                Variable my = Ops.dimshuffle(Ops.reduce(org.symtensor.ir.Reduce.Kind.MAX, y, 1), 0, org.symtensor.ir.DimShuffle.NEW_AXIS);
                Variable sy = Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM, Ops.elemwise(ScalarOp.SQR, Ops.elemwise(ScalarOp.SUB, y, my)), 1);
                outs.add(Ops.elemwise(ScalarOp.SUB, Ops.elemwise(ScalarOp.SUB, y, my),
                        Ops.elemwise(ScalarOp.SQRT, Ops.dimshuffle(sy, 0, org.symtensor.ir.DimShuffle.NEW_AXIS))));
            }
            FunctionSpec spec = spec(List.of(x, y), outs);
            NDArray xv = random(dt, rnd, ROWS, COLS);
            NDArray yv = random(dt, rnd, COLS, ROWS).transpose();
            for (String flags : new String[] {"", "optimizer=None"}) {
                List<NDArray> one = null;
                for (int threads = 1; threads <= 3; threads++) {
                    CompileOptions options = CompileOptions.fromFlags(Config.parse(flags)).withThreads(threads);
                    CompiledFunction f = new CpuFunctionCompiler().compile(spec, options);
                    List<NDArray> got = f.callAll(xv, yv);
                    if (one == null) {
                        one = got;
                    } else {
                        assertSameBits(one, got, dt + " flags '" + flags + "' threads=" + threads);
                    }
                }
            }
        }
    }

    /**
     * The MLP 784-256-10 of the benchmarks on a batch of 128 (ReLU, a squared-error cost so that every
     * op is correctly rounded): its forward pass and the gradients of all four parameters run the
     * products that are cut into pieces for the pool (128×784·784×256 by columns, the weight
     * gradient 784×128·128×256 by rows), the bias gradients' column sums, the ReLU mask in float
     * lanes and the small products; every output has the same bits with 1, 2 and 3 threads.
     */
    @Test
    void mlpGradients_threads1And2And3_giveBitIdenticalOutputs() {
        Random rnd = new Random(20261131L);
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Variable x = new Variable(TensorType.of(dt, -1, -1), "x");
            Variable y = new Variable(TensorType.of(dt, -1, -1), "y");
            Variable w1 = new Variable(TensorType.of(dt, -1, -1), "W1");
            Variable b1 = new Variable(TensorType.of(dt, -1), "b1");
            Variable w2 = new Variable(TensorType.of(dt, -1, -1), "W2");
            Variable b2 = new Variable(TensorType.of(dt, -1), "b2");
            Variable zero = Ops.dimshuffle(Ops.constant(0, dt), org.symtensor.ir.DimShuffle.NEW_AXIS,
                    org.symtensor.ir.DimShuffle.NEW_AXIS);
            Variable h = Ops.elemwise(ScalarOp.MAXIMUM, Ops.elemwise(ScalarOp.ADD, Ops.dot(x, w1),
                    Ops.dimshuffle(b1, org.symtensor.ir.DimShuffle.NEW_AXIS, 0)), zero);
            Variable z = Ops.elemwise(ScalarOp.ADD, Ops.dot(h, w2), Ops.dimshuffle(b2, org.symtensor.ir.DimShuffle.NEW_AXIS, 0));
            Variable cost = Ops.reduce(Reduce.Kind.SUM, Ops.elemwise(ScalarOp.SQR, Ops.elemwise(ScalarOp.SUB, z, y)));
            List<Variable> outs = new ArrayList<>();
            outs.add(cost);
            outs.addAll(org.symtensor.grad.Gradients.grad(cost, List.of(w1, b1, w2, b2),
                    org.symtensor.grad.GradOptions.defaults()));
            List<Variable> inputs = List.of(x, y, w1, b1, w2, b2);
            FunctionSpec spec = spec(inputs, outs);
            NDArray[] args = {random(dt, rnd, 128, 784), random(dt, rnd, 128, 10), random(dt, rnd, 784, 256),
                random(dt, rnd, 256), random(dt, rnd, 256, 10), random(dt, rnd, 10)};
            for (String flags : new String[] {"", "optimizer=None"}) {
                List<NDArray> one = null;
                for (int threads = 1; threads <= 3; threads++) {
                    CompileOptions options = CompileOptions.fromFlags(Config.parse(flags)).withThreads(threads);
                    CompiledFunction f = new CpuFunctionCompiler().compile(spec, options);
                    List<NDArray> got = f.callAll((Object[]) args);
                    if (one == null) {
                        one = got;
                    } else {
                        assertSameBits(one, got, "MLP " + dt + " flags '" + flags + "' threads=" + threads);
                    }
                }
            }
        }
        Parallel.configure(1);
    }

    @Test
    void threads2_reductionRunsOnTwoThreads() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1, -1), "x");
        FunctionSpec spec = spec(List.of(x), List.of(Ops.reduce(org.symtensor.ir.Reduce.Kind.SUM, x, 0)));
        CompiledFunction f = new CpuFunctionCompiler().compile(spec, CompileOptions.fromFlags(Config.parse("optimizer=None"))
                .withThreads(2));
        NDArray xv = random(DType.FLOAT64, new Random(3), 1024, 1024);
        long before = Parallel.multiThreadedRuns();
        // whether the pool's thread wakes before the calling thread has taken every chunk depends on the
        // machine's load, so call until it has joined once (bounded: 5 s on a machine that never schedules it)
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Parallel.multiThreadedRuns() == before && System.nanoTime() < deadline) {
            f.call(xv);
        }
        assertThat(Parallel.multiThreadedRuns()).isGreaterThan(before);
    }

    @Test
    void threads2_runsTheWorkOnTwoThreads() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1), "x");
        Variable y = Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.TANH, x));
        FunctionSpec spec = spec(List.of(x), List.of(y));
        CompiledFunction f = new CpuFunctionCompiler().compile(spec, CompileOptions.defaults().withThreads(2));
        assertThat(Parallel.threads()).isEqualTo(2);
        NDArray xv = random(DType.FLOAT64, new Random(1), 1 << 20);
        long before = Parallel.multiThreadedRuns();
        // whether the pool's thread wakes before the calling thread has taken every chunk depends on the
        // machine's load, so call until it has joined once (bounded: 5 s on a machine that never schedules it)
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (Parallel.multiThreadedRuns() == before && System.nanoTime() < deadline) {
            f.call(xv);
        }
        assertThat(Parallel.multiThreadedRuns()).isGreaterThan(before);
    }

    @Test
    void threads1_staysOnTheCallingThread() {
        Variable x = new Variable(TensorType.of(DType.FLOAT64, -1), "x");
        Variable y = Ops.elemwise(ScalarOp.EXP, Ops.elemwise(ScalarOp.TANH, x));
        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x), List.of(y)),
                CompileOptions.defaults().withThreads(1));
        NDArray xv = random(DType.FLOAT64, new Random(2), 1 << 18);
        long before = Parallel.multiThreadedRuns();
        f.call(xv);
        assertThat(Parallel.multiThreadedRuns()).isEqualTo(before);
    }

    @Test
    void compileOptions_threads_followedByBlasUnlessSet() {
        CompileOptions o = CompileOptions.defaults().withThreads(3);
        assertThat(o.threads()).isEqualTo(3);
        assertThat(o.blasThreads()).isEqualTo(3);
        assertThat(o.withBlasThreads(1).blasThreads()).isEqualTo(1);
        assertThat(o.withBlasThreads(1).withThreads(2).blasThreads()).isEqualTo(1);
        assertThat(CompileOptions.fromFlags(Config.parse("threads=2")).threads()).isEqualTo(2);
        assertThatThrownBy(() -> o.withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be at least 1, got 0");
    }
}
