package org.symtensor.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training curves as PNG images, drawn with XChart (pure Java2D; runs headless). One call turns a
 * {@link History} into a picture: the loss metrics (names containing {@code loss}) in one panel and
 * the accuracy metrics (names containing {@code acc}) in a second one, against the epoch.
 */
public final class Plots {
    static final int PANEL_WIDTH = 640;
    static final int PANEL_HEIGHT = 420;

    private Plots() {}

    /** Writes the loss and accuracy curves of {@code history} to {@code png}. */
    public static void save(History history, Path png) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // no display needed, none opened
        }
        List<XYChart> charts = new ArrayList<>();
        XYChart loss = panel(history, "loss", "loss");
        if (loss != null) {
            charts.add(loss);
        }
        XYChart acc = panel(history, "acc", "accuracy");
        if (acc != null) {
            charts.add(acc);
        }
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("Plots: the history has no loss or accuracy metric to draw; it has "
                    + history.metrics());
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    private static XYChart panel(History history, String match, String title) {
        List<String> names = new ArrayList<>();
        for (String m : history.metrics()) {
            if (m.contains(match)) {
                names.add(m);
            }
        }
        if (names.isEmpty() || history.epochs() == 0) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(title).build();
        chart.getStyler().setMarkerSize(4);
        for (String name : names) {
            List<Double> ys = history.get(name);
            double[] x = new double[ys.size()];
            double[] y = new double[ys.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = ys.get(i);
            }
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }
}
