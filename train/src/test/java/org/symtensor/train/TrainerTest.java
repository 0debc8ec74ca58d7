package org.symtensor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.categoricalCrossentropy;
import static org.symtensor.T.fmatrix;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.softmax;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.train.data.Batches;
import org.symtensor.train.data.Dataset;
import org.symtensor.train.data.Labels;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/** The training loop, its history, plots and progress bar, on a separable toy problem. */
class TrainerTest {
    @TempDir
    Path tmp;

    /** Two Gaussian blobs per class in 2-D, 3 classes: linearly separable. */
    static Dataset blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NDArray x = NDArray.zeros(DType.FLOAT32, n, 2);
        int[] y = new int[n];
        double[][] centres = {{3, 0}, {-3, 0}, {0, 3}};
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x.setDouble(2 * i, centres[y[i]][0] + Draws.gaussian(r) * 0.5);
            x.setDouble(2 * i + 1, centres[y[i]][1] + Draws.gaussian(r) * 0.5);
        }
        return Dataset.of(x, Labels.oneHot(y, 3, DType.FLOAT32));
    }

    @Test
    void fit_softmaxRegression_learnsAndRecordsEveryMetric() {
        SplittableRandom rng = new SplittableRandom(1);
        SharedMatrix<F32> w = Init.glorotUniform().matrix("W", F32.class, 2, 3, rng);
        SharedVector<F32> b = Init.zeros().vector("b", F32.class, 3, rng);
        Params params = Params.of(w, b);
        Matrix<F32> x = fmatrix("x");
        Matrix<F32> y = fmatrix("y");
        Matrix<F32> p = softmax(x.dot(w).plus(b));
        Scalar<F32> loss = categoricalCrossentropy(p, y).mean();
        LearningRate lr = LearningRate.of(LrSchedule.cosine(0.1, 60, 0.01));
        Function step = function(inputs(x, y), outputs(loss, p), Adam.of(lr).minimize(loss, params));
        Function eval = function(inputs(x, y), outputs(loss, p));
        Dataset.Split split = blobs(300, 2).split(0.2, 3);
        List<Integer> epochsSeen = new ArrayList<>();
        History h = Trainer.of(step).epochs(5).schedule(lr).validation(eval, split.validation())
                .progress(Progress.Mode.NEVER).onEpoch((e, hist) -> epochsSeen.add(e))
                .fit(Batches.of(split.train(), 20).shuffle(4));
        assertThat(h.epochs()).isEqualTo(5);
        assertThat(epochsSeen).containsExactly(1, 2, 3, 4, 5);
        assertThat(h.metrics()).containsExactly("loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds",
                "examples_per_second");
        assertThat(h.last("loss")).isLessThan(h.get("loss").get(0));
        assertThat(h.last("val_accuracy")).isGreaterThan(0.95);
        // 12 steps per epoch; the last one of epoch 5 is step 59 of the cosine schedule
        assertThat(h.last("lr")).isEqualTo(LrSchedule.cosine(0.1, 60, 0.01).at(59));
    }

    @Test
    void history_missingMetricsAreNaN() {
        History h = new History();
        h.add(Map.of("loss", 1.0));
        h.add(Map.of("loss", 0.5, "val_loss", 0.7));
        assertThat(h.get("val_loss")).containsExactly(Double.NaN, 0.7);
        assertThat(h.get("loss")).containsExactly(1.0, 0.5);
    }

    @Test
    void plot_writesAPngWithTwoPanelsAndDrawnCurves() throws Exception {
        History h = new History();
        for (int e = 0; e < 10; e++) {
            h.add(Map.of("loss", 1.0 / (e + 1), "val_loss", 1.2 / (e + 1), "accuracy", 0.5 + e * 0.04,
                    "val_accuracy", 0.45 + e * 0.04));
        }
        Path png = tmp.resolve("curves.png");
        h.plot(png);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(2 * Plots.PANEL_WIDTH);
        assertThat(img.getHeight()).isEqualTo(Plots.PANEL_HEIGHT);
        // the curves are drawn in colour: count pixels that are not grey
        int coloured = 0;
        for (int px = 0; px < img.getWidth(); px++) {
            for (int py = 0; py < img.getHeight(); py++) {
                int rgb = img.getRGB(px, py);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int bl = rgb & 0xFF;
                if (Math.max(r, Math.max(g, bl)) - Math.min(r, Math.min(g, bl)) > 60) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).isGreaterThan(500);
    }

    @Test
    void progress_onAStream_showsLossAndThroughput_andAutoIsQuietWithoutATerminal() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Progress p = Progress.start("train", 3, new PrintStream(buf, true, StandardCharsets.UTF_8))) {
            p.describe("epoch 1/1");
            for (int i = 0; i < 3; i++) {
                p.step(10, 0.5);
            }
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("train").contains("3/3").contains("epoch 1/1, loss 0.5000").contains("ex/s");
        // surefire runs without a console, so AUTO draws nothing
        assertThat(System.console()).isNull();
        assertThat(Progress.visible(Progress.Mode.AUTO)).isFalse();
        assertThat(Progress.visible(Progress.Mode.ALWAYS)).isTrue();
        try (Progress quiet = Progress.start("t", 1, Progress.Mode.AUTO)) {
            assertThat(quiet.shown()).isFalse();
        }
    }
}
