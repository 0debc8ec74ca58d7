package org.symtensor.bench;

import static org.symtensor.T.*;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/**
 * How long {@code function(...)} takes to compile (optimize and link) the logistic-regression
 * training step of Theano's tutorial: x a 400×784 dmatrix, y a dvector, shared w and b, cross
 * entropy mean plus {@code 0.01 * sum(w**2)}, gradients, two updates. The graph is built once; each
 * invocation compiles it anew, after warm-up. Goal: at most 50 ms in FAST_RUN.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileTimeBench {
    private static final int FEATURES = 784;

    @Param({"FAST_RUN", "FAST_COMPILE", "NONE"})
    public String mode;

    private Matrix<F64> x;
    private Vector<F64> y;
    private Vector<F64> prediction;
    private Vector<F64> xent;
    private SharedVector<F64> w;
    private SharedScalar<F64> b;
    private Vector<F64> newW;
    private Scalar<F64> newB;

    @Setup
    @SuppressWarnings("unchecked")
    public void buildGraph() {
        x = dmatrix("x");
        y = dvector("y");
        w = shared(new double[FEATURES], "w");
        b = shared(0.0, "b");
        Vector<F64> p1 = div(1, exp(dot(x, w).plus(b).unaryMinus()).plus(1));
        prediction = cast(p1.gt(0.5), F64.class);
        xent = y.unaryMinus().times(log(p1)).minus(minus(1, y).times(log(minus(1, p1))));
        Scalar<F64> cost = xent.mean().plus(w.pow(2).sum().times(0.01));
        List<Tensor<?>> g = grad(cost, List.of(w, b));
        newW = w.minus(((Vector<F64>) (Tensor<?>) g.get(0)).times(0.1));
        newB = b.minus(((Scalar<F64>) (Tensor<?>) g.get(1)).times(0.1));
    }

    @Benchmark
    public Function compileTrainingStep() {
        return function(inputs(x, y), outputs(prediction, xent), updates(update(w, newW), update(b, newB)),
                mode(org.symtensor.function.Mode.valueOf(mode)));
    }
}
