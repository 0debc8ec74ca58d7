package org.symtensor.ir;

import org.symtensor.error.IndexOutOfRangeException;
import java.util.ArrayList;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's {@code Subtensor} restricted to one axis: either an integer index {@code x[i]} (the
 * axis disappears; negative indices count from the end; out of range is an error naming index and
 * length) or a slice {@code x[start:stop:step]} with NumPy's clamping (the axis stays, its length
 * becomes known only at run time). The index, start and stop are int scalar inputs after x, so
 * they may be symbolic; the step is static.
 * Shapes: index {@code (n, ...) → (...)}, slice {@code (n, ...) → (m, ...)}.
 */
public final class Subtensor implements Op {
    /** Index or slice. */
    public enum Form { INDEX, SLICE }

    private final int axis;
    private final Form form;
    private final boolean hasStart;
    private final boolean hasStop;
    private final int step;

    private Subtensor(int axis, Form form, boolean hasStart, boolean hasStop, int step) {
        if (step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        this.axis = axis;
        this.form = form;
        this.hasStart = hasStart;
        this.hasStop = hasStop;
        this.step = step;
    }

    /** {@code x[i]} along {@code axis}; inputs (x, i). */
    public static Subtensor index(int axis) {
        return new Subtensor(axis, Form.INDEX, false, false, 1);
    }

    /** {@code x[start:stop:step]} along {@code axis}; inputs (x, [start], [stop]). */
    public static Subtensor slice(int axis, boolean hasStart, boolean hasStop, int step) {
        return new Subtensor(axis, Form.SLICE, hasStart, hasStop, step);
    }

    public int axis() {
        return axis;
    }

    public Form form() {
        return form;
    }

    public boolean hasStart() {
        return hasStart;
    }

    public boolean hasStop() {
        return hasStop;
    }

    public int step() {
        return step;
    }

    /** How many int scalar inputs follow x. */
    public int indexInputs() {
        return form == Form.INDEX ? 1 : (hasStart ? 1 : 0) + (hasStop ? 1 : 0);
    }

    @Override
    public OpKind kind() {
        return OpKind.INDEX;
    }

    @Override
    public String name() {
        return "Subtensor{" + describe() + "}";
    }

    /** The index expression for messages, e.g. {@code axis=0, i} or {@code axis=0, start::-1}. */
    String describe() {
        if (form == Form.INDEX) {
            return "axis=" + axis + ", i";
        }
        return "axis=" + axis + ", " + (hasStart ? "start" : "") + ":" + (hasStop ? "stop" : "") + (step != 1 ? ":" + step : "");
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        checkIndexInputs(name(), x, inputs, 1, indexInputs(), axis);
        int[] s = x.type().shape();
        if (form == Form.INDEX) {
            int[] out = new int[s.length - 1];
            for (int i = 0, k = 0; i < s.length; i++) {
                if (i != axis) {
                    out[k++] = s[i];
                }
            }
            return List.of(TensorType.of(x.type().dtype(), out));
        }
        s[axis] = TensorType.UNKNOWN;
        return List.of(TensorType.of(x.type().dtype(), s));
    }

    static void checkIndexInputs(String what, Variable x, List<Variable> inputs, int first, int count, int axis) {
        if (axis < 0 || axis >= x.type().rank()) {
            throw new ShapeMismatchException(what + ": axis " + axis + " is out of range for " + x.describe()
                    + " of rank " + x.type().rank());
        }
        if (inputs.size() != first + count) {
            throw new IllegalArgumentException(what + " takes " + (first + count) + " inputs, got " + inputs.size());
        }
        for (int k = first; k < inputs.size(); k++) {
            Variable i = inputs.get(k);
            if (i.type().rank() != 0 || !i.type().dtype().isInteger()) {
                throw new DTypeMismatchException(what + ": an index must be an integer scalar, got " + i.describe()
                        + " of type " + i.type());
            }
        }
    }

    /**
     * NumPy's {@code slice.indices(length)}: the first position, the step and the count of
     * positions taken. A null start or stop means "from the start/end" in the step's direction.
     */
    public static int[] sliceIndices(Long start, Long stop, int step, int length) {
        long lo;
        long hi;
        if (step > 0) {
            lo = start == null ? 0 : clamp(start < 0 ? start + length : start, 0, length);
            hi = stop == null ? length : clamp(stop < 0 ? stop + length : stop, 0, length);
            int count = hi > lo ? (int) ((hi - lo + step - 1) / step) : 0;
            return new int[] {(int) lo, step, count};
        }
        lo = start == null ? length - 1 : clamp(start < 0 ? start + length : start, -1, length - 1);
        hi = stop == null ? -1 : clamp(stop < 0 ? stop + length : stop, -1, length - 1);
        int count = lo > hi ? (int) ((lo - hi - step - 1) / -step) : 0;
        return new int[] {(int) lo, step, count};
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** A Python index normalized against {@code length}, or an error naming index and length. */
    public static int normalizeIndex(long i, int length, String where) {
        long n = i < 0 ? i + length : i;
        if (n < 0 || n >= length) {
            throw new IndexOutOfRangeException("index " + i + " is out of range for an axis of length " + length
                    + (where == null ? "" : " (" + where + ")"));
        }
        return (int) n;
    }

    /** The inputs that follow x, for building the op's gradient (same order). */
    public static List<Variable> indexInputs(List<Variable> inputs, int first) {
        return new ArrayList<>(inputs.subList(first, inputs.size()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Subtensor && ((Subtensor) o).axis == axis && ((Subtensor) o).form == form
                && ((Subtensor) o).hasStart == hasStart && ((Subtensor) o).hasStop == hasStop && ((Subtensor) o).step == step;
    }

    @Override
    public int hashCode() {
        return ((axis * 31 + form.ordinal()) * 31 + (hasStart ? 2 : 0) + (hasStop ? 1 : 0)) * 31 + step;
    }

    @Override
    public String toString() {
        return name();
    }
}
