package org.symtensor.bench.peers;

import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code TrainStepBench.adamStep} in DL4J SameDiff: the float32 MLP 784-256-10 with ReLU and softmax
 * cross-entropy on a batch of 128, trained one step with SameDiff's Adam (learning rate 1e-4) through
 * {@code SameDiff.fit(DataSet)}, the user-facing training call (one iteration per call).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SameDiffTrainStepBench {
    static final int BATCH = 128;
    static final int IN = 784;
    static final int HIDDEN = 256;
    static final int OUT = 10;

    private SameDiff sd;
    private DataSet batch;

    @Setup
    public void setUp() {
        Nd4j.getRandom().setSeed(1234);
        sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, IN);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, OUT);
        double l1 = Math.sqrt(6.0 / IN);
        double l2 = Math.sqrt(6.0 / (HIDDEN + OUT));
        SDVariable w1 = sd.var("w1", Nd4j.rand(DataType.FLOAT, IN, HIDDEN).muli(2 * l1).subi(l1));
        SDVariable b1 = sd.var("b1", Nd4j.zeros(DataType.FLOAT, HIDDEN));
        SDVariable w2 = sd.var("w2", Nd4j.rand(DataType.FLOAT, HIDDEN, OUT).muli(2 * l2).subi(l2));
        SDVariable b2 = sd.var("b2", Nd4j.zeros(DataType.FLOAT, OUT));
        SDVariable h = sd.nn.relu(x.mmul(w1).add(b1), 0);
        SDVariable z = h.mmul(w2).add(b2);
        SDVariable loss = sd.loss.softmaxCrossEntropy("loss", y, z, null);
        sd.setLossVariables(loss);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-4)).dataSetFeatureMapping("x")
                .dataSetLabelMapping("y").build());
        INDArray xs = Nd4j.randn(DataType.FLOAT, BATCH, IN);
        INDArray ys = Nd4j.zeros(DataType.FLOAT, BATCH, OUT);
        java.util.SplittableRandom r = new java.util.SplittableRandom(1234);
        for (int i = 0; i < BATCH; i++) {
            ys.putScalar(i, r.nextInt(OUT), 1f);
        }
        batch = new DataSet(xs, ys);
    }

    /** Loss, gradients and Adam's update of w1, b1, w2, b2 and their moments: one fit on one batch. */
    @Benchmark
    public Object adamStep() {
        return sd.fit(batch);
    }
}
