package org.symtensor.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for long loops (me.tongfei's {@code progressbar}): position, elapsed time and ETA,
 * plus the last loss and the throughput in examples per second. In {@link Mode#AUTO} it is shown only
 * when the JVM has a terminal, so logs and CI output stay clean; the system property
 * {@code symtensor.progress} ({@code always}, {@code never}, {@code auto}) overrides AUTO.
 */
public final class Progress implements AutoCloseable {
    /** When to draw the bar. */
    public enum Mode {
        /** Only on a terminal (the default). */
        AUTO,
        ALWAYS,
        NEVER
    }

    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private long examples;
    private String label = "";

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar of {@code total} steps on standard error, shown as {@code mode} says. */
    public static Progress start(String task, long total, Mode mode) {
        return visible(mode) ? start(task, total, System.err) : new Progress(null);
    }

    /** A bar drawn on {@code out} whatever the terminal (for tests and custom logs). */
    public static Progress start(String task, long total, PrintStream out) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        return new Progress(bar);
    }

    /** Whether a bar in {@code mode} is drawn in this JVM. */
    public static boolean visible(Mode mode) {
        Mode m = mode;
        if (m == Mode.AUTO) {
            String p = System.getProperty("symtensor.progress", "auto").toLowerCase(Locale.ROOT);
            m = p.equals("always") ? Mode.ALWAYS : p.equals("never") ? Mode.NEVER : Mode.AUTO;
        }
        return m == Mode.ALWAYS || (m == Mode.AUTO && System.console() != null);
    }

    /** Whether this bar draws anything. */
    public boolean shown() {
        return bar != null;
    }

    /** One step done over {@code batchExamples} examples; {@code loss} (NaN for none) goes into the message. */
    public void step(int batchExamples, double loss) {
        examples += batchExamples;
        if (bar == null) {
            return;
        }
        bar.setExtraMessage(message(loss));
        bar.step();
    }

    /** Examples per second since the start. */
    public double throughput() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds > 0 ? examples / seconds : 0;
    }

    String message(double loss) {
        String rate = String.format(Locale.ROOT, "%,.0f ex/s", throughput());
        String text = Double.isNaN(loss) ? rate : String.format(Locale.ROOT, "loss %.4f, %s", loss, rate);
        return label.isEmpty() ? text : label + ", " + text;
    }

    /** Sets a label shown before the loss in the bar's message (e.g. the epoch). */
    public void describe(String label) {
        this.label = label;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
