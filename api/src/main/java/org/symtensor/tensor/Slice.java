package org.symtensor.tensor;

import org.symtensor.ir.IndexOps;
import org.symtensor.ir.Indexing;
import org.symtensor.ir.Variable;

/**
 * A Python slice {@code start:stop:step} for {@code x.get(...)}: {@code slice(null, null, -1)} is
 * {@code [::-1]}, {@code slice(1, -1)} is {@code [1:-1]}, {@code slice()} is {@code [:]}. Bounds
 * may be negative (counted from the end) and out of range (clamped, as NumPy does); a null bound
 * is left out; the step is a non-zero constant. {@link #of} takes symbolic integer bounds.
 */
public final class Slice {
    private final Variable start;
    private final Variable stop;
    private final int step;

    private Slice(Variable start, Variable stop, int step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        range();
    }

    /** {@code start:stop:step} from Java numbers; null leaves a bound (or the step, meaning 1) out. */
    public static Slice of(Integer start, Integer stop, Integer step) {
        return new Slice(start == null ? null : Indexing.at(start), stop == null ? null : Indexing.at(stop),
                step == null ? 1 : step);
    }

    /** {@code start:stop:step} with symbolic integer bounds (either may be null). */
    public static Slice of(Scalar<?> start, Scalar<?> stop, int step) {
        return new Slice(start == null ? null : start.variable(), stop == null ? null : stop.variable(), step);
    }

    /** The slice as an item of the IR's indexing expressions. */
    public IndexOps.Range range() {
        return new IndexOps.Range(start, stop, step);
    }

    @Override
    public String toString() {
        return (start == null ? "" : start.toString()) + ":" + (stop == null ? "" : stop.toString())
                + (step == 1 ? "" : ":" + step);
    }
}
