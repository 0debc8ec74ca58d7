package org.symtensor.runtime.opencl;

import static org.symtensor.T.device;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.runtime.opencl.OpenClTesting.assertClose;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;
import static org.symtensor.runtime.opencl.OpenClTesting.input;
import static org.symtensor.runtime.opencl.OpenClTesting.random;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Reductions over all axes around the sizes where the device switches from one work group to two
 * passes (256 is the work-group size on PoCL and most GPUs) and at 10^6, against the CPU backend.
 * Integer results and float max/min are exact. Float sums and means may differ by the rounding of
 * two summation orders: the bound is {@code 64 · eps · Σ|x|} (64 covers the per-item run and the
 * two tree depths; eps is 2^-24 in float32 and 2^-53 in float64), with Σ|x| from a plain loop;
 * a mean's bound is divided by n.
 */
class FullReduceConformanceTest {
    private static final int[] SIZES = {1, 255, 256, 257, 511, 513, 1_000_000};

    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    static Stream<Arguments> cases() {
        List<Arguments> r = new ArrayList<>();
        for (int n : SIZES) {
            for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64}) {
                for (Reduce.Kind k : new Reduce.Kind[] {Reduce.Kind.SUM, Reduce.Kind.MEAN, Reduce.Kind.MAX,
                    Reduce.Kind.MIN}) {
                    r.add(Arguments.of(k, d, n));
                }
            }
        }
        return r.stream();
    }

    @ParameterizedTest(name = "{0} of {2} {1}")
    @MethodSource("cases")
    void reduceAll_matchesCpu(Reduce.Kind kind, DType d, int n) {
        Tensor<?> x = input(d, "x", 2);
        Tensor<?> y = Tensors.wrap(Ops.reduce(kind, x.variable(), new int[0]));
        // a (n, 1) matrix: "all axes" of a rank-2 input, the shape a flattened batch has
        NDArray arg = random(d, n, n, 1);
        NDArray cpu = function(inputs(x), y, device("cpu")).call(arg);
        NDArray dev = function(inputs(x), y, device(OpenClTesting.DEVICE)).call(arg);
        double abs = 0;
        for (int i = 0; i < n; i++) {
            abs += Math.abs(arg.getDouble(i));
        }
        boolean summed = d.isFloat() && (kind == Reduce.Kind.SUM || kind == Reduce.Kind.MEAN);
        double eps = d == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        double atol = !summed ? 0 : 64 * eps * abs / (kind == Reduce.Kind.MEAN ? n : 1);
        assertClose(dev, cpu, 0, atol, kind + " of " + n + " " + d);
    }
}
