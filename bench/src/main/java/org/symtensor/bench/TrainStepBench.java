package org.symtensor.bench;

import static org.symtensor.T.fmatrix;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.outputs;

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
import org.symtensor.train.Adam;
import org.symtensor.train.Grads;
import org.symtensor.train.Init;
import org.symtensor.train.Params;
import org.symtensor.train.data.Labels;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * One training step of a float32 MLP 784-256-10 (ReLU, softmax cross-entropy through log-softmax) on
 * a batch of 128, the reference step: {@code adamStep} runs the forward pass, the gradients
 * and Adam's update of all four parameters and their moments (the train module's {@link Adam});
 * {@code forwardAndGradient}, the baseline, computes the same loss and gradients without updating.
 * NumPy's column (numpy_bench.py) is the same Adam step written by hand in NumPy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainStepBench {
    /** The CPU runtime's pool size for this fork ({@code threads=N}); bench/run.sh runs 1 and 2. */
    @Param({"1", "2"})
    public int threads;

    static final int BATCH = 128;
    static final int IN = 784;
    static final int HIDDEN = 256;
    static final int OUT = 10;

    private Function adamStep;
    private Function forwardAndGradient;
    private NDArray[] into;
    private NDArray xs;
    private NDArray ys;

    @Setup
    public void setUp() {
        Graphs4Bench.useThreads(threads);
        SplittableRandom r = new SplittableRandom(1234);
        SharedMatrix<F32> w1 = Init.heUniform().matrix("W1", F32.class, IN, HIDDEN, r);
        SharedVector<F32> b1 = Init.zeros().vector("b1", F32.class, HIDDEN, r);
        SharedMatrix<F32> w2 = Init.glorotUniform().matrix("W2", F32.class, HIDDEN, OUT, r);
        SharedVector<F32> b2 = Init.zeros().vector("b2", F32.class, OUT, r);
        Params params = Params.of(w1, b1, w2, b2);
        xs = Init.normal(0, 1).create(DType.FLOAT32, r, BATCH, IN);
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = r.nextInt(OUT);
        }
        ys = Labels.oneHot(labels, OUT, DType.FLOAT32);

        Matrix<F32> x = fmatrix("x");
        Matrix<F32> y = fmatrix("y");
        Matrix<F32> z = x.dot(w1).plus(b1).maximum(0).dot(w2).plus(b2);
        Scalar<F32> loss = y.times(logSoftmax(z)).sum(1).mean().unaryMinus();
        Grads g = params.grad(loss);
        adamStep = function(inputs(x, y), outputs(loss), Adam.of(1e-4).updates(params, g));
        forwardAndGradient = function(inputs(x, y), outputs(loss, g.get(w1), g.get(b1), g.get(w2), g.get(b2)));
        into = new NDArray[] {NDArray.zeros(DType.FLOAT32), NDArray.zeros(DType.FLOAT32, IN, HIDDEN),
            NDArray.zeros(DType.FLOAT32, HIDDEN), NDArray.zeros(DType.FLOAT32, HIDDEN, OUT), NDArray.zeros(DType.FLOAT32, OUT)};
    }

    /** Loss, gradients and Adam's update of W1, b1, W2, b2 and their moments. */
    @Benchmark
    public NDArray adamStep() {
        return adamStep.call(xs, ys);
    }

    /**
     * The same loss and gradients written into preallocated arrays with {@code callInto}: with the
     * function's reused intermediate buffers, what a training loop that keeps its gradient arrays
     * allocates per step ({@code -prof gc}).
     */
    @Benchmark
    public NDArray[] forwardAndGradientInto() {
        forwardAndGradient.callInto(into, xs, ys);
        return into;
    }

    /** Loss and the four gradients, nothing updated. */
    @Benchmark
    public List<NDArray> forwardAndGradient() {
        return forwardAndGradient.callAll(xs, ys);
    }
}
