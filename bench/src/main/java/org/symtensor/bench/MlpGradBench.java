package org.symtensor.bench;

import static org.symtensor.T.*;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * A float64 MLP 784-256-10 on a batch of 128 (tanh hidden layer, softmax cross-entropy): the
 * cost alone against the cost with the gradients of all four parameters. Reverse mode should
 * cost a small multiple of the forward pass (about 3x: two products backward for each forward one).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MlpGradBench {
    /** The CPU runtime's pool size for this fork ({@code threads=N}); bench/run.sh runs 1 and 2. */
    @Param({"1", "2"})
    public int threads;

    static final int BATCH = 128;
    static final int IN = 784;
    static final int HIDDEN = 256;
    static final int OUT = 10;

    private Function forward;
    private Function forwardAndGradient;
    private NDArray xs;
    private NDArray ys;
    private NDArray[] into;

    static NDArray normal(SplittableRandom r, double scale, int... shape) {
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (int i = 0; i < a.size(); i++) {
            // Box-Muller: one standard normal per pair of uniforms
            double u = 1 - r.nextDouble();
            a.setDouble(i, scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble()));
        }
        return a;
    }

    @Setup
    public void setUp() {
        Graphs4Bench.useThreads(threads);
        SplittableRandom r = new SplittableRandom(1234);
        SharedMatrix<F64> w1 = sharedMatrix(normal(r, 1 / Math.sqrt(IN), IN, HIDDEN), F64.class, "W1");
        SharedVector<F64> b1 = sharedVector(NDArray.zeros(DType.FLOAT64, HIDDEN), F64.class, "b1");
        SharedMatrix<F64> w2 = sharedMatrix(normal(r, 1 / Math.sqrt(HIDDEN), HIDDEN, OUT), F64.class, "W2");
        SharedVector<F64> b2 = sharedVector(NDArray.zeros(DType.FLOAT64, OUT), F64.class, "b2");
        xs = normal(r, 1, BATCH, IN);
        ys = NDArray.zeros(DType.FLOAT64, BATCH, OUT);
        for (int i = 0; i < BATCH; i++) {
            ys.setDoubleAt(1, i, r.nextInt(OUT));
        }

        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = dmatrix("y");
        Matrix<F64> h = tanh(x.dot(w1).plus(b1));
        Matrix<F64> p = softmax(h.dot(w2).plus(b2));
        Scalar<F64> cost = categoricalCrossentropy(p, y).mean();
        List<Tensor<?>> g = grad(cost, List.of(w1, b1, w2, b2));

        forward = function(inputs(x, y), cost);
        forwardAndGradient = function(inputs(x, y), outputs(cost, g.get(0), g.get(1), g.get(2), g.get(3)));
        into = new NDArray[] {NDArray.zeros(DType.FLOAT64), NDArray.zeros(DType.FLOAT64, IN, HIDDEN),
            NDArray.zeros(DType.FLOAT64, HIDDEN), NDArray.zeros(DType.FLOAT64, HIDDEN, OUT), NDArray.zeros(DType.FLOAT64, OUT)};
    }

    /** The cost only. */
    @Benchmark
    public NDArray forward() {
        return forward.call(xs, ys);
    }

    /**
     * The same written into kept arrays with {@code callInto}: what a training loop that keeps its
     * gradient arrays allocates per step ({@code -prof gc}).
     */
    @Benchmark
    public NDArray[] forwardAndGradientInto() {
        forwardAndGradient.callInto(into, xs, ys);
        return into;
    }

    /** The cost and the gradients with respect to W1, b1, W2 and b2. */
    @Benchmark
    public List<NDArray> forwardAndGradient() {
        return forwardAndGradient.callAll(xs, ys);
    }
}
