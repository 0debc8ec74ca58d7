package org.symtensor.runtime.opencl;

import static org.symtensor.T.device;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.runtime.opencl.OpenClTesting.assertClose;
import static org.symtensor.runtime.opencl.OpenClTesting.assertWithin;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;
import static org.symtensor.runtime.opencl.OpenClTesting.eps;
import static org.symtensor.runtime.opencl.OpenClTesting.input;
import static org.symtensor.runtime.opencl.OpenClTesting.random;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.function.Function;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Conformance of the device's reductions, products and dimshuffles with the CPU backend.
 * Tolerances: integer results and float max/min exact. A float sum of m terms, in any order, is
 * within (m-1)·u·Σ|x| of the exact sum (u the unit roundoff), and the CPU's (accumulated in
 * float64) within u·|sum|; so each output element gets {@code (m+2)·u·Σ|x|} with Σ|x| over the
 * terms of that element, computed here by a plain loop (÷m for a mean). A product of m factors is
 * within {@code (m+2)·u} relative. A dot product of length k gets {@code (k+2)·u·Σ|a||b|}.
 * A device that returned 0, or dropped a term, fails these bounds.
 */
class ReduceDotConformanceTest {
    private static final DType[] REDUCE_DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.BOOL,
        DType.INT8, DType.UINT8, DType.INT16};

    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    static Stream<Arguments> reductions() {
        List<Arguments> r = new ArrayList<>();
        for (Reduce.Kind k : Reduce.Kind.values()) {
            for (DType d : REDUCE_DTYPES) {
                for (String axes : new String[] {"all", "0", "1", "2", "0,1", "1,2"}) {
                    if ((k == Reduce.Kind.ARGMAX || k == Reduce.Kind.ARGMIN) && axes.contains(",")) {
                        continue; // a position is over one axis or all (ReduceKernelTest checks the refusal)
                    }
                    r.add(Arguments.of(k, d, axes));
                }
            }
        }
        return r.stream();
    }

    private static NDArray run(String dev, Tensor<?>[] ins, Tensor<?> out, NDArray... args) {
        Function f = function(inputs(ins), out, device(dev));
        return f.call((Object[]) args);
    }

    @ParameterizedTest(name = "{0} of {1} over {2}")
    @MethodSource("reductions")
    void reduce_tensor3_matchesCpu(Reduce.Kind kind, DType d, String axes) {
        Tensor<?> x = input(d, "x", 3);
        int[] ax = axes.equals("all") ? new int[0] : java.util.Arrays.stream(axes.split(",")).mapToInt(Integer::parseInt).toArray();
        Tensor<?> y = Tensors.wrap(Ops.reduce(kind, x.variable(), ax));
        NDArray arg = kind == Reduce.Kind.PROD && d.isFloat() ? scaled(random(d, 3, 3, 300, 5)) : random(d, 3, 3, 300, 5);
        NDArray expected = run("cpu", new Tensor<?>[] {x}, y, arg);
        NDArray actual = run(OpenClTesting.DEVICE, new Tensor<?>[] {x}, y, arg);
        assertWithin(actual, expected, reductionBounds(kind, arg, ax, expected), kind + " " + d + " " + axes);
    }

    /** Per output element: 0 unless the reduction rounds (float sum, mean, product); see the class comment. */
    private static double[] reductionBounds(Reduce.Kind kind, NDArray x, int[] axes, NDArray expected) {
        double[] bound = new double[expected.size()];
        DType d = x.dtype();
        if (!d.isFloat() || kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN || Reduce.isIndexOrLogic(kind)) {
            return bound; // exact: positions and truth values do not round
        }
        int[] shape = x.shape();
        boolean[] reduced = new boolean[shape.length];
        int m = 1;
        for (int a = 0; a < shape.length; a++) {
            reduced[a] = axes.length == 0;
            for (int r : axes) {
                reduced[a] |= r == a;
            }
            m *= reduced[a] ? shape[a] : 1;
        }
        double[] absSum = new double[expected.size()];
        int[] idx = new int[shape.length];
        for (int i = 0; i < x.size(); i++) {
            int rest = i;
            for (int a = shape.length - 1; a >= 0; a--) {
                idx[a] = rest % shape[a];
                rest /= shape[a];
            }
            int o = 0;
            for (int a = 0; a < shape.length; a++) {
                if (!reduced[a]) {
                    o = o * shape[a] + idx[a];
                }
            }
            absSum[o] += Math.abs(x.getDouble(i));
        }
        double u = eps(d);
        for (int o = 0; o < bound.length; o++) {
            bound[o] = switch (kind) {
                case SUM -> (m + 2) * u * absSum[o];
                case MEAN -> (m + 2) * u * absSum[o] / m;
                case PROD -> (m + 2) * u * Math.abs(expected.getDouble(o));
                default -> throw new IllegalArgumentException(kind + " has no rounding bound here; add one");
            };
        }
        return bound;
    }

    /** Products of hundreds of values in [-3, 3] overflow; keep factors near 1. */
    private static NDArray scaled(NDArray a) {
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, 1 + a.getDouble(i) / 300);
        }
        return a;
    }

    static Stream<Arguments> products() {
        List<Arguments> r = new ArrayList<>();
        for (DType d : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            r.add(Arguments.of(d, new int[] {37, 19}, new int[] {19, 23}));
            r.add(Arguments.of(d, new int[] {130, 70}, new int[] {70, 65}));
            r.add(Arguments.of(d, new int[] {64, 64}, new int[] {64, 64}));
            r.add(Arguments.of(d, new int[] {3, 5, 19}, new int[] {19, 23}));
            r.add(Arguments.of(d, new int[] {37, 19}, new int[] {19}));
            r.add(Arguments.of(d, new int[] {19}, new int[] {19, 23}));
            r.add(Arguments.of(d, new int[] {300}, new int[] {300}));
            r.add(Arguments.of(d, new int[] {4, 0}, new int[] {0, 3}));
        }
        return r.stream();
    }

    @ParameterizedTest(name = "{0} {1}·{2}")
    @MethodSource("products")
    void dot_shapes_matchesCpu(DType d, int[] as, int[] bs) {
        Tensor<?> a = input(d, "a", as.length);
        Tensor<?> b = input(d, "b", bs.length);
        Tensor<?> y = Tensors.wrap(Ops.dot(a.variable(), b.variable()));
        NDArray av = random(d, 1, as);
        NDArray bv = random(d, 2, bs);
        Tensor<?>[] ins = {a, b};
        NDArray expected = run("cpu", ins, y, av, bv);
        NDArray actual = run(OpenClTesting.DEVICE, ins, y, av, bv);
        assertWithin(actual, expected, dotBounds(av, bv, expected.size()), "dot " + d);
    }

    /** {@code (k+2)·u·Σ_k |a_ik|·|b_kj|} per output element, with a folded to (M×k) and b to (k×N). */
    private static double[] dotBounds(NDArray a, NDArray b, int outSize) {
        int k = a.shape(a.rank() - 1);
        int cols = b.rank() == 1 ? 1 : b.shape(1);
        int rows = k == 0 ? outSize / Math.max(cols, 1) : a.size() / k;
        double u = eps(a.dtype());
        double[] bound = new double[outSize];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += Math.abs(a.getDouble(i * k + t)) * Math.abs(b.getDouble(t * cols + j));
                }
                bound[i * cols + j] = (k + 2) * u * s;
            }
        }
        return bound;
    }

    static Stream<Arguments> shuffles() {
        List<Arguments> r = new ArrayList<>();
        for (DType d : REDUCE_DTYPES) {
            r.add(Arguments.of(d, new int[] {1, 0}, new int[] {6, 9}));
            r.add(Arguments.of(d, new int[] {0, -1, 1}, new int[] {6, 9}));
            r.add(Arguments.of(d, new int[] {2, 0, 1}, new int[] {3, 4, 5}));
        }
        return r.stream();
    }

    @ParameterizedTest(name = "{0} pattern {1}")
    @MethodSource("shuffles")
    void dimshuffle_patterns_matchesCpuExactly(DType d, int[] pattern, int[] shape) {
        Tensor<?> x = input(d, "x", shape.length);
        Tensor<?> y = Tensors.wrap(Ops.elemwise(org.symtensor.ir.ScalarOp.IDENTITY, Ops.dimshuffle(x.variable(), pattern)));
        NDArray arg = random(d, 9, shape);
        NDArray expected = run("cpu", new Tensor<?>[] {x}, y, arg);
        NDArray actual = run(OpenClTesting.DEVICE, new Tensor<?>[] {x}, y, arg);
        assertClose(actual, expected, 0, 0, "dimshuffle " + d);
    }
}
