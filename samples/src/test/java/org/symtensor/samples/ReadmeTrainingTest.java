package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.fmatrix;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.outputs;
import static org.symtensor.T.softmax;
import static org.symtensor.type.DType.FLOAT32;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.train.Adam;
import org.symtensor.train.History;
import org.symtensor.train.Init;
import org.symtensor.train.Params;
import org.symtensor.train.Trainer;
import org.symtensor.train.data.Batches;
import org.symtensor.train.data.Csv;
import org.symtensor.train.data.Dataset;
import org.symtensor.train.data.Labels;
import org.symtensor.train.data.Table;
import org.symtensor.type.F32;

/** The README's "Training" section, verbatim between the markers, so the snippet cannot rot. */
class ReadmeTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void readmeSnippet_trainsTheDigitsMlp() {
        Path dir = tmp;
        // README:begin
        Table t = Csv.read(Path.of("src/main/resources/data/digits.csv.gz"));          // 1,797 rows: 64 pixels, label
        Dataset.Split data = Dataset.of(t.columns(0, 64, FLOAT32), Labels.oneHot(t.intColumn(64), 10, FLOAT32)).split(0.2, 42);
        var rng = new SplittableRandom(7);
        SharedMatrix<F32> w1 = Init.heUniform().matrix("W1", F32.class, 64, 64, rng), w2 = Init.glorotUniform().matrix("W2", F32.class, 64, 10, rng);
        SharedVector<F32> b1 = Init.zeros().vector("b1", F32.class, 64, rng), b2 = Init.zeros().vector("b2", F32.class, 10, rng);
        Matrix<F32> x = fmatrix("x"), y = fmatrix("y"), z = x.dot(w1).plus(b1).maximum(0).dot(w2).plus(b2);
        Scalar<F32> loss = y.times(logSoftmax(z)).sum(1).mean().unaryMinus();              // cross-entropy
        Params params = Params.of(w1, b1, w2, b2);
        Function step = function(inputs(x, y), outputs(loss, softmax(z)), Adam.of(0.003).minimize(loss, params));
        History h = Trainer.of(step).epochs(20).validation(function(inputs(x, y), outputs(loss, softmax(z))), data.validation())
                .fit(Batches.of(data.train(), 32).shuffle(1));                                // progress bar on a terminal
        h.plot(dir.resolve("curves.png"));                                                 // loss and accuracy curves
        params.save(dir.resolve("digits.npz"));                                            // np.load("digits.npz")["W1"]
        // README:end
        assertThat(h.last("val_accuracy")).isGreaterThanOrEqualTo(0.95);
    }
}
