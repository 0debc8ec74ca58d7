package org.symtensor.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.error.ArgumentException;
import org.symtensor.function.Function;
import org.symtensor.train.data.Batch;
import org.symtensor.train.data.Batches;
import org.symtensor.train.data.Dataset;
import org.symtensor.train.data.Labels;
import org.symtensor.value.NDArray;

/**
 * The loop every training program writes: epochs of minibatches through a compiled step function,
 * the learning-rate schedule advanced per step, a progress bar, validation after each epoch, and a
 * {@link History} of the metrics. The step function is called as {@code step(batch.x, batch.y)}; its
 * first output is the loss (a scalar), an optional second output the scores of the batch (for the
 * {@code accuracy} metric). The evaluation function, if any, is called the same way on the whole
 * validation set and gives {@code val_loss} and {@code val_accuracy}. Immutable configuration; each
 * {@link #fit} runs anew from the current parameter values.
 */
public final class Trainer {
    /** Called after every epoch with its number (1-based) and the history so far. */
    @FunctionalInterface
    public interface EpochListener {
        void epochEnded(int epoch, History history);
    }

    private final Function step;
    private final int epochs;
    private final int firstEpoch;
    private final Function evaluate;
    private final Dataset validation;
    private final LearningRate learningRate;
    private final Progress.Mode progress;
    private final EpochListener listener;

    private Trainer(Function step, int epochs, int firstEpoch, Function evaluate, Dataset validation,
            LearningRate learningRate, Progress.Mode progress, EpochListener listener) {
        this.step = step;
        this.epochs = epochs;
        this.firstEpoch = firstEpoch;
        this.evaluate = evaluate;
        this.validation = validation;
        this.learningRate = learningRate;
        this.progress = progress;
        this.listener = listener;
    }

    /** A trainer calling {@code step} once per batch, for one epoch until told otherwise. */
    public static Trainer of(Function step) {
        if (step.spec().outputs().isEmpty()) {
            throw new ArgumentException("Trainer: the step function must return the loss as its first output");
        }
        return new Trainer(step, 1, 0, null, null, null, Progress.Mode.AUTO, null);
    }

    public Trainer epochs(int epochs) {
        if (epochs <= 0) {
            throw new ArgumentException("Trainer: epochs must be positive, got " + epochs);
        }
        return new Trainer(step, epochs, firstEpoch, evaluate, validation, learningRate, progress, listener);
    }

    /**
     * Starts at epoch {@code epoch} (0-based) instead of 0, for a run resumed from a checkpoint: the
     * batches and the schedule continue where they were.
     */
    public Trainer startAt(int epoch) {
        return new Trainer(step, epochs, epoch, evaluate, validation, learningRate, progress, listener);
    }

    /** Evaluates {@code evaluate(x, y)} (outputs: loss, then optionally scores) on {@code data} after each epoch. */
    public Trainer validation(Function evaluate, Dataset data) {
        return new Trainer(step, epochs, firstEpoch, evaluate, data, learningRate, progress, listener);
    }

    /** Advances {@code rate}'s schedule before every step (step numbers count from 0 over the whole run). */
    public Trainer schedule(LearningRate rate) {
        return new Trainer(step, epochs, firstEpoch, evaluate, validation, rate, progress, listener);
    }

    public Trainer progress(Progress.Mode mode) {
        return new Trainer(step, epochs, firstEpoch, evaluate, validation, learningRate, mode, listener);
    }

    public Trainer onEpoch(EpochListener l) {
        return new Trainer(step, epochs, firstEpoch, evaluate, validation, learningRate, progress, l);
    }

    /** Runs the epochs over {@code batches} and returns what they measured. */
    public History fit(Batches batches) {
        History history = new History();
        long stepsPerEpoch = batches.count();
        long globalStep = (long) firstEpoch * stepsPerEpoch;
        try (Progress bar = Progress.start("train", stepsPerEpoch * epochs, progress)) {
            for (int e = firstEpoch; e < firstEpoch + epochs; e++) {
                bar.describe("epoch " + (e + 1) + "/" + (firstEpoch + epochs));
                long start = System.nanoTime();
                double lossSum = 0;
                double correct = 0;
                boolean scored = false;
                int seen = 0;
                for (Batch b : batches.epoch(e)) {
                    if (learningRate != null) {
                        learningRate.step(globalStep);
                    }
                    List<NDArray> out = step.callAll(b.x(), b.y());
                    double loss = out.get(0).toDouble();
                    lossSum += loss * b.size();
                    if (out.size() > 1) {
                        correct += Labels.accuracy(out.get(1), b.y()) * b.size();
                        scored = true;
                    }
                    seen += b.size();
                    globalStep++;
                    bar.step(b.size(), loss);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("loss", lossSum / seen);
                if (scored) {
                    m.put("accuracy", correct / seen);
                }
                if (evaluate != null) {
                    List<NDArray> out = evaluate.callAll(validation.x(), validation.y());
                    m.put("val_loss", out.get(0).toDouble());
                    if (out.size() > 1) {
                        m.put("val_accuracy", Labels.accuracy(out.get(1), validation.y()));
                    }
                }
                if (learningRate != null) {
                    m.put("lr", learningRate.get());
                }
                m.put("seconds", seconds);
                m.put("examples_per_second", seen / seconds);
                history.add(m);
                if (listener != null) {
                    listener.epochEnded(e + 1, history);
                }
            }
        }
        return history;
    }
}
