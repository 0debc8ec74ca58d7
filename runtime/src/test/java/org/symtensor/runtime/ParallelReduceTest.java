package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Reductions above the parallel threshold, split into ranges of the outer axis (kept or reduced,
 * contiguous or transposed input) on two threads, against plain-Java loops written here.
 */
class ParallelReduceTest {
    private static FunctionSpec spec(List<Variable> inputs, List<Variable> outputs) {
        List<In> ins = new ArrayList<>();
        for (Variable v : inputs) {
            ins.add(In.of(v));
        }
        return FunctionSpec.build(ins, outputs, List.of(), Map.of(), false, FunctionFlag.UnusedInput.IGNORE, null);
    }

    @Test
    void sumMaxMean_overEachAxisSet_ofA3dArrayAndItsTranspose_matchJavaLoops() {
        int d0 = 30;
        int d1 = 70;
        int d2 = 80; // 168000 elements, above 2^17
        Random rnd = new Random(17);
        NDArray base = NDArray.zeros(DType.FLOAT64, d0, d1, d2);
        NDArray ints = NDArray.zeros(DType.INT64, d0, d1, d2);
        for (int i = 0; i < base.size(); i++) {
            base.setDouble(i, rnd.nextDouble() * 2 - 1);
            ints.setLong(i, rnd.nextInt(2001) - 1000);
        }
        int[][] axesSets = {null, {0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}};
        for (boolean transposed : new boolean[] {false, true}) {
            for (Reduce.Kind kind : new Reduce.Kind[] {Reduce.Kind.SUM, Reduce.Kind.MAX, Reduce.Kind.MEAN}) {
                for (int[] axes : axesSets) {
                    for (DType dt : new DType[] {DType.FLOAT64, DType.INT64}) {
                        NDArray src = dt == DType.FLOAT64 ? base : ints;
                        NDArray xv = transposed ? src.dimshuffle(new int[] {2, 1, 0}) : src;
                        Variable x = new Variable(TensorType.of(dt, -1, -1, -1), "x");
                        Variable out = axes == null ? Ops.reduce(kind, x) : Ops.reduce(kind, x, axes);
                        CompiledFunction f = new CpuFunctionCompiler().compile(spec(List.of(x), List.of(out)),
                                CompileOptions.fromFlags(Config.parse("optimizer=None")).withThreads(2));
                        NDArray got = f.call(xv);
                        check(kind, axes, xv, got, kind + " " + java.util.Arrays.toString(axes) + " " + dt
                                + (transposed ? " transposed" : ""));
                    }
                }
            }
        }
    }

    /** The reduction by nested loops over the logical indices, in index order. */
    private static void check(Reduce.Kind kind, int[] axes, NDArray x, NDArray got, String what) {
        int[] shape = x.shape();
        boolean[] reduced = new boolean[3];
        for (int d = 0; d < 3; d++) {
            reduced[d] = axes == null;
        }
        if (axes != null) {
            for (int a : axes) {
                reduced[a] = true;
            }
        }
        int[] outStride = new int[3];
        int s = 1;
        for (int d = 2; d >= 0; d--) {
            if (!reduced[d]) {
                outStride[d] = s;
                s *= shape[d];
            }
        }
        double[] acc = new double[s];
        java.util.Arrays.fill(acc, kind == Reduce.Kind.MAX ? Double.NEGATIVE_INFINITY : 0);
        long count = 1;
        for (int d = 0; d < 3; d++) {
            count *= reduced[d] ? shape[d] : 1;
        }
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int k = 0; k < shape[2]; k++) {
                    double v = x.getDoubleAt(i, j, k);
                    int q = i * outStride[0] + j * outStride[1] + k * outStride[2];
                    acc[q] = kind == Reduce.Kind.MAX ? Math.max(acc[q], v) : acc[q] + v;
                }
            }
        }
        assertThat(got.size()).as(what).isEqualTo(s);
        for (int q = 0; q < s; q++) {
            double expected = kind == Reduce.Kind.MEAN ? acc[q] / count : acc[q];
            double tol = x.dtype() == DType.INT64 || kind == Reduce.Kind.MAX ? 0 : 1e-12 * count;
            assertThat(Math.abs(got.getDouble(q) - expected)).as("%s, element %d: %s vs %s", what, q, got.getDouble(q), expected)
                    .isLessThanOrEqualTo(tol);
        }
    }
}
