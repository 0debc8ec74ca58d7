package org.symtensor.bench.peers;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * {@code TrainStepBench.adamStep} in TensorFlow Java (graph mode, one {@code Session.run} per step):
 * the float32 MLP 784-256-10 with ReLU and softmax cross-entropy on a batch of 128, its gradients
 * ({@code tf.gradients}) and Adam's update of the four parameters and their moments
 * ({@code ApplyAdam}, learning rate 1e-4; the bias-correction powers are constants, two scalar
 * multiplications fewer than the Symtensor step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TensorFlowTrainStepBench {
    static final int BATCH = 128;
    static final int IN = 784;
    static final int HIDDEN = 256;
    static final int OUT = 10;

    private Graph graph;
    private Session session;
    private Placeholder<TFloat32> x;
    private Placeholder<TFloat32> y;
    private Operand<TFloat32> loss;
    private List<Op> updates;
    private TFloat32 xs;
    private TFloat32 ys;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1234);
        graph = new Graph();
        Ops tf = Ops.create(graph);
        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(BATCH, IN)));
        y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(BATCH, OUT)));
        Variable<TFloat32> w1 = tf.variable(uniform(tf, r, Math.sqrt(6.0 / IN), IN, HIDDEN));
        Variable<TFloat32> b1 = tf.variable(tf.zeros(tf.constant(new long[] {HIDDEN}), TFloat32.class));
        Variable<TFloat32> w2 = tf.variable(uniform(tf, r, Math.sqrt(6.0 / (HIDDEN + OUT)), HIDDEN, OUT));
        Variable<TFloat32> b2 = tf.variable(tf.zeros(tf.constant(new long[] {OUT}), TFloat32.class));
        Operand<TFloat32> h = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, w1), b1));
        Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(h, w2), b2);
        loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(z, y).loss(), tf.constant(0));
        List<Variable<TFloat32>> params = List.of(w1, b1, w2, b2);
        Gradients g = tf.gradients(loss, params);
        Operand<TFloat32> lr = tf.constant(1e-4f);
        Operand<TFloat32> beta1 = tf.constant(0.9f);
        Operand<TFloat32> beta2 = tf.constant(0.999f);
        Operand<TFloat32> eps = tf.constant(1e-8f);
        Operand<TFloat32> beta1Power = tf.constant(0.9f);
        Operand<TFloat32> beta2Power = tf.constant(0.999f);
        updates = new java.util.ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Variable<TFloat32> p = params.get(i);
            Variable<TFloat32> m = tf.variable(tf.zerosLike(p));
            Variable<TFloat32> v = tf.variable(tf.zerosLike(p));
            Operand<TFloat32> grad = g.dy(i).expect(TFloat32.class);
            updates.add(tf.train.applyAdam(p, m, v, beta1Power, beta2Power, lr, beta1, beta2, eps, grad));
        }
        session = new Session(graph);
        session.initialize();
        xs = TFloat32.tensorOf(Shape.of(BATCH, IN), t -> {
            for (int i = 0; i < BATCH; i++) {
                for (int j = 0; j < IN; j++) {
                    t.setFloat((float) gaussian(r), i, j);
                }
            }
        });
        ys = TFloat32.tensorOf(Shape.of(BATCH, OUT), t -> {
            for (int i = 0; i < BATCH; i++) {
                t.setFloat(1f, i, r.nextInt(OUT));
            }
        });
    }

    private static Operand<TFloat32> uniform(Ops tf, SplittableRandom r, double limit, int rows, int cols) {
        return tf.constant(Shape.of(rows, cols), org.tensorflow.ndarray.buffer.DataBuffers.of(floats(r, limit, rows * cols)));
    }

    private static float[] floats(SplittableRandom r, double limit, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble(-limit, limit));
        }
        return a;
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(1e-12, 1);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Loss, gradients and Adam's update of W1, b1, W2, b2 and their moments: one Session.run. */
    @Benchmark
    public float adamStep() {
        Session.Runner run = session.runner().feed(x, xs).feed(y, ys).fetch(loss);
        for (Op u : updates) {
            run.addTarget(u);
        }
        try (Result result = run.run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    @TearDown
    public void tearDown() {
        xs.close();
        ys.close();
        session.close();
        graph.close();
    }
}
