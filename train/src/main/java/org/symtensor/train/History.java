package org.symtensor.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symtensor.error.ArgumentException;

/**
 * What a training run measured, epoch by epoch: named metrics ({@code loss}, {@code accuracy},
 * {@code val_loss}, {@code val_accuracy}, {@code lr}, {@code seconds}, ...), one value per epoch each,
 * as Keras's {@code History}. {@link #plot(Path)} draws the curves as a PNG.
 */
public final class History {
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    private int epochs;

    /** Records one epoch; a metric missing from an epoch is NaN there. */
    public void add(Map<String, Double> epoch) {
        for (Map.Entry<String, Double> e : epoch.entrySet()) {
            List<Double> values = metrics.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            while (values.size() < epochs) {
                values.add(Double.NaN);
            }
            values.add(e.getValue());
        }
        epochs++;
        for (List<Double> values : metrics.values()) {
            while (values.size() < epochs) {
                values.add(Double.NaN);
            }
        }
    }

    /** The number of epochs recorded. */
    public int epochs() {
        return epochs;
    }

    /** The metric names, in the order they first appeared. */
    public Set<String> metrics() {
        return Collections.unmodifiableSet(metrics.keySet());
    }

    /** The values of {@code metric}, one per epoch. */
    public List<Double> get(String metric) {
        List<Double> v = metrics.get(metric);
        if (v == null) {
            throw new ArgumentException("History: no metric '" + metric + "'; recorded: " + metrics.keySet());
        }
        return Collections.unmodifiableList(v);
    }

    /** The value of {@code metric} at the last epoch. */
    public double last(String metric) {
        List<Double> v = get(metric);
        return v.isEmpty() ? Double.NaN : v.get(v.size() - 1);
    }

    /** Loss and accuracy curves as a PNG (see {@link Plots#save}). */
    public void plot(Path png) {
        Plots.save(this, png);
    }

    @Override
    public String toString() {
        return "History[" + epochs + " epochs, " + metrics.keySet() + "]";
    }
}
