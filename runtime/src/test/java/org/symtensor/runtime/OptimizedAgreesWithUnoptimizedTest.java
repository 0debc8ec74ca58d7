package org.symtensor.runtime;

import org.symtensor.function.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.In;
import org.symtensor.ir.Variable;
import org.symtensor.print.Printer;
import org.symtensor.rewrite.Optimizer;
import org.symtensor.function.FunctionSpec;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Optimized (FAST_RUN) against unoptimized (NONE) results on 1000 seeded random graphs. On failure
 * the message gives the seed: {@code replay(seed)} rebuilds the same graph and inputs.
 */
class OptimizedAgreesWithUnoptimizedTest {
    private static final int GRAPHS = 1000;

    @Test
    void fastRun_matchesNone_onOneThousandRandomGraphs() {
        int rewritten = 0;
        for (long seed = 1; seed <= GRAPHS; seed++) {
            rewritten += replay(seed) ? 1 : 0;
        }
        // the generator plants rewrite patterns, so nearly every graph must actually change
        assertThat(rewritten).isGreaterThan(GRAPHS * 9 / 10);
    }

    /** Compiles graph {@code seed} both ways and compares; returns whether the optimizer changed it. */
    static boolean replay(long seed) {
        RandomGraphs g = new RandomGraphs(seed);
        List<Variable> outputs = g.outputs(12);
        List<In> ins = new ArrayList<>();
        for (Variable v : g.inputs()) {
            ins.add(In.of(v));
        }
        FunctionSpec spec = FunctionSpec.build(ins, outputs, List.of(), Map.of(), false, FunctionFlag.UnusedInput.IGNORE,
                "graph" + seed);
        CompiledFunction reference;
        CompiledFunction optimized;
        try {
            reference = CpuFunctionCompiler.compile(spec, Mode.NONE, Mode.NONE.passes());
            optimized = CpuFunctionCompiler.compile(spec, Mode.FAST_RUN, Mode.FAST_RUN.passes());
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": compiling failed: " + e, e);
        }
        SplittableRandom r = new SplittableRandom(seed * 7919);
        Object[] args = {r.nextDouble(-2, 2), values(r, RandomGraphs.N), matrix(r), matrix(r)};
        List<NDArray> want = reference.callAll(args);
        List<NDArray> got = optimized.callAll(args);
        for (int i = 0; i < want.size(); i++) {
            String why = compare(got.get(i), want.get(i));
            if (why != null) {
                fail("seed " + seed + ", output " + i + ": " + why + "\nwritten:   " + Printer.pp(outputs.get(i))
                        + "\noptimized: " + Printer.pp(optimized.optimizedOutputs().get(i)));
            }
        }
        boolean changed = false;
        for (int i = 0; i < outputs.size(); i++) {
            changed |= optimized.optimizedOutputs().get(i) != outputs.get(i);
        }
        return changed;
    }

    /** Null when close: |got - want| <= 1e-8 + 1e-6 |want|, skipping elements where want is not finite. */
    private static String compare(NDArray got, NDArray want) {
        if (got.dtype() != want.dtype() || !java.util.Arrays.equals(got.shape(), want.shape())) {
            return "type " + got.dtype() + NDArray.shapeToString(got.shape()) + " vs " + want.dtype()
                    + NDArray.shapeToString(want.shape());
        }
        for (int k = 0; k < want.size(); k++) {
            double w = want.getDouble(k);
            double o = got.getDouble(k);
            if (Double.isFinite(w) && !(Math.abs(o - w) <= 1e-8 + 1e-6 * Math.abs(w))) {
                return "element " + k + ": optimized " + o + ", unoptimized " + w;
            }
        }
        return null;
    }

    private static double[] values(SplittableRandom r, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextDouble(-2, 2);
        }
        return d;
    }

    private static double[][] matrix(SplittableRandom r) {
        double[][] m = new double[RandomGraphs.N][];
        for (int i = 0; i < m.length; i++) {
            m[i] = values(r, RandomGraphs.N);
        }
        return m;
    }

    @Test
    void dtypesAreKept_byEveryOptimizedOutput() {
        for (long seed = 1; seed <= 50; seed++) {
            RandomGraphs g = new RandomGraphs(seed);
            List<Variable> outputs = g.outputs(12);
            List<Variable> opt = Optimizer.optimize(outputs, Optimizer.Level.FAST_RUN);
            for (int i = 0; i < outputs.size(); i++) {
                assertThat(opt.get(i).type().dtype()).as("seed %d output %d", seed, i).isEqualTo(DType.FLOAT64);
                assertThat(opt.get(i).type().rank()).isEqualTo(outputs.get(i).type().rank());
            }
        }
    }
}
