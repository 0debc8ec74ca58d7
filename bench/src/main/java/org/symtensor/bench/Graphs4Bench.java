package org.symtensor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.symtensor.function.CompileOptions;
import org.symtensor.config.Config;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.runtime.CompiledFunction;
import org.symtensor.runtime.CpuFunctionCompiler;
import org.symtensor.function.FunctionSpec;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/** The graphs the benchmarks compile, built once here so every benchmark measures the same thing. */
final class Graphs4Bench {
    static final CompileOptions FUSED = CompileOptions.fromFlags(Config.parse(""));
    static final CompileOptions UNFUSED = CompileOptions.fromFlags(Config.parse("optimizer=None"));

    private Graphs4Bench() {}

    /**
     * Makes functions compiled through the DSL in this fork use {@code n} threads: the flags are read
     * once per process and JMH runs each parameter value in its own fork, so setting them before the
     * first compile is enough. Graphs compiled here take {@code withThreads(n)} explicitly.
     */
    static void useThreads(int n) {
        System.setProperty("symtensor.flags", "threads=" + n);
    }

    static Variable var(String name, DType dt, int rank) {
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, -1);
        return new Variable(TensorType.of(dt, shape), name);
    }

    static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    static CompiledFunction compile(List<Variable> inputs, Variable output, CompileOptions config) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        FunctionSpec spec = FunctionSpec.build(ins, List.of(output), List.of(), Map.of(), false,
                FunctionFlag.UnusedInput.RAISE, null);
        return new CpuFunctionCompiler().compile(spec, config);
    }

    /** {@code 1 / (1 + exp(-x))}. */
    static Variable logistic(Variable x) {
        Variable one = Ops.constant(1, x.type().dtype());
        return e(ScalarOp.TRUE_DIV, one, e(ScalarOp.ADD, one, e(ScalarOp.EXP, e(ScalarOp.NEG, x))));
    }

    /** Row-wise softmax from max, exp, sum and a division, as a user without a softmax op writes it. */
    static Variable softmaxRows(Variable x) {
        Variable m = Ops.dimshuffle(Ops.reduce(Reduce.Kind.MAX, x, 1), 0, DimShuffle.NEW_AXIS);
        Variable ex = e(ScalarOp.EXP, e(ScalarOp.SUB, x, m));
        Variable s = Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, ex, 1), 0, DimShuffle.NEW_AXIS);
        return e(ScalarOp.TRUE_DIV, ex, s);
    }

    static double[] randomDoubles(int n, long seed, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextDouble(lo, hi);
        }
        return d;
    }

    static float[] randomFloats(int n, long seed, double lo, double hi) {
        double[] d = randomDoubles(n, seed, lo, hi);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static NDArray array(DType dt, int[] shape, long seed, double lo, double hi) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        return dt == DType.FLOAT32 ? NDArray.wrap(dt, shape, randomFloats(n, seed, lo, hi))
                : NDArray.wrap(dt, shape, randomDoubles(n, seed, lo, hi));
    }
}
