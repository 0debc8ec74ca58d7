package org.symtensor.ir;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * NumPy's indexing expressions over untyped variables, built from the single-axis ops: integers
 * and slices ({@link Subtensor}), {@link #NEW_AXIS} ({@link DimShuffle}), one integer array
 * ({@link AdvancedSubtensor#take}) or a whole-tensor bool mask ({@link AdvancedSubtensor#mask}).
 * An item is a {@code Long} (or {@code Integer}), a {@link Range}, {@link #NEW_AXIS}, or a
 * {@link Variable}: an integer scalar indexes, an integer array takes, a bool tensor masks. Items
 * apply to x's axes from the left; axes not named are kept whole.
 *
 * <p>{@link #update} writes through the same expression: {@code set} is Theano's
 * {@code set_subtensor(x[items], y)}, {@code inc} its {@code inc_subtensor} (repeated array indices
 * accumulate). Values y broadcast to the indexed part as in NumPy.
 */
public final class IndexOps {
    private IndexOps() {}

    /** NumPy's {@code newaxis}: a new axis of length 1 at this position. */
    public enum Special { NEW_AXIS }

    /** The {@link Special#NEW_AXIS} item. */
    public static final Special NEW_AXIS = Special.NEW_AXIS;

    /** A slice {@code start:stop:step}; a null bound is left out (NumPy's defaults for the step's sign). */
    public record Range(Variable start, Variable stop, int step) {
        public Range {
            if (step == 0) {
                throw new org.symtensor.error.InvalidValueException("slice step cannot be zero");
            }
        }

        boolean isWhole() {
            return start == null && stop == null && step == 1;
        }
    }

    /** {@code x[items...]}. */
    public static Variable get(Variable x, List<?> items) {
        List<Object> norm = normalize(x, items);
        Variable cur = x;
        int pos = 0;
        for (Object item : norm) {
            if (item instanceof Long i) {
                cur = Indexing.index(cur, pos, checkStatic(cur, pos, i));
            } else if (item instanceof Range r) {
                cur = r.isWhole() ? cur : Indexing.slice(cur, pos, r.start(), r.stop(), r.step());
                pos++;
            } else if (item == NEW_AXIS) {
                cur = ShapeOps.expandDims(cur, pos);
                pos++;
            } else {
                Variable v = (Variable) item;
                if (v.type().dtype() == DType.BOOL) {
                    cur = Apply.output(AdvancedSubtensor.mask(), cur, v);
                    pos++;
                } else if (v.type().rank() == 0) {
                    cur = Indexing.index(cur, pos, v);
                } else {
                    cur = Apply.output(AdvancedSubtensor.take(pos), cur, v);
                    pos += v.type().rank();
                }
            }
        }
        return cur;
    }

    /**
     * {@code x} with {@code y} written at ({@code set}) or added to ({@code inc}) {@code x[items...]};
     * y broadcasts to the indexed part.
     */
    public static Variable update(Variable x, Variable y, List<?> items, boolean set) {
        if (y.type().dtype() != x.type().dtype()) {
            throw new DTypeMismatchException((set ? "setSubtensor" : "incSubtensor") + ": the values " + y.describe()
                    + " are " + y.type().dtype() + " but " + x.describe() + " is " + x.type().dtype() + "; cast them first");
        }
        return update(x, y, normalize(x, items), 0, 0, set);
    }

    private static Variable update(Variable v, Variable y, List<Object> items, int from, int pos, boolean set) {
        if (from == items.size()) {
            Variable fitted = fit(v, y, set);
            return set ? fitted : Ops.elemwise(ScalarOp.ADD, v, fitted);
        }
        Object item = items.get(from);
        if (item == NEW_AXIS) {
            Variable inner = update(ShapeOps.expandDims(v, pos), y, items, from + 1, pos + 1, set);
            return ShapeOps.squeeze(inner, pos);
        }
        if (item instanceof Range r && r.isWhole()) {
            return update(v, y, items, from + 1, pos + 1, set);
        }
        if (item instanceof Variable idx && (idx.type().dtype() == DType.BOOL || idx.type().rank() > 0)) {
            AdvancedSubtensor view = idx.type().dtype() == DType.BOOL ? AdvancedSubtensor.mask() : AdvancedSubtensor.take(pos);
            int next = pos + (view.form() == AdvancedSubtensor.Form.MASK ? 1 : idx.type().rank());
            Variable part = Apply.output(view, v, idx);
            if (from + 1 == items.size()) {
                // y broadcasts inside the op; repeated indices accumulate (inc) or the last one wins (set)
                return Apply.output(set ? AdvancedIncSubtensor.set(view) : AdvancedIncSubtensor.inc(view), v, y, idx);
            }
            Variable inner = set ? update(part, y, items, from + 1, next, true)
                    : update(zerosLike(part), y, items, from + 1, next, false);
            return Apply.output(set ? AdvancedIncSubtensor.set(view) : AdvancedIncSubtensor.inc(view), v, inner, idx);
        }
        // an integer or a slice: one Subtensor step
        Variable part;
        int next;
        if (item instanceof Range r) {
            part = Indexing.slice(v, pos, r.start(), r.stop(), r.step());
            next = pos + 1;
        } else {
            Variable i = item instanceof Long l ? Indexing.at(checkStatic(v, pos, l)) : (Variable) item;
            part = Indexing.index(v, pos, i);
            next = pos;
        }
        Variable inner = set ? update(part, y, items, from + 1, next, true)
                : update(zerosLike(part), y, items, from + 1, next, false);
        if (!set) {
            return Indexing.incLike(part.owner(), v, inner);
        }
        // written exactly, never as x + (y - x): where the view reads, the new values; elsewhere x
        Variable spread = Indexing.incLike(part.owner(), zerosLike(v), inner);
        Variable marks = Indexing.incLike(part.owner(), zerosLike(v), Ops.elemwise(ScalarOp.SECOND, inner,
                Ops.constant(1, v.type().dtype())));
        Variable written = Ops.elemwise(ScalarOp.NEQ, marks, Ops.constant(0, v.type().dtype()));
        return Ops.elemwise(ScalarOp.SWITCH, written, spread, v);
    }

    /** y broadcast to the shape of {@code part} (NumPy's rule: leading axes added, axes of length 1 stretch). */
    private static Variable fit(Variable part, Variable y, boolean set) {
        if (y.type().rank() > part.type().rank()) {
            throw new ShapeMismatchException((set ? "setSubtensor" : "incSubtensor") + ": the values " + y.describe()
                    + " have rank " + y.type().rank() + " but the indexed part has rank " + part.type().rank()
                    + " (static shape " + TensorType.shapeString(part.type().shape()) + ")");
        }
        if (y.type().equals(part.type())) {
            return y;
        }
        return Ops.elemwise(ScalarOp.SECOND, part, y);
    }

    private static Variable zerosLike(Variable v) {
        return Ops.elemwise(ScalarOp.SECOND, v, Ops.constant(0, v.type().dtype()));
    }

    /** An integer index checked against a static length when there is one (else the kernel checks it). */
    private static long checkStatic(Variable v, int axis, long i) {
        int d = v.type().dim(axis);
        if (d != TensorType.UNKNOWN) {
            Subtensor.normalizeIndex(i, d, "axis " + axis + " of " + v.describe() + ", static shape "
                    + TensorType.shapeString(v.type().shape()));
        }
        return i;
    }

    /** The items as Long, Range, NEW_AXIS or Variable, checked against x's rank. */
    private static List<Object> normalize(Variable x, List<?> items) {
        List<Object> out = new ArrayList<>(items.size());
        int consumed = 0;
        int arrays = 0;
        boolean mask = false;
        for (int k = 0; k < items.size(); k++) {
            Object item = items.get(k);
            if (item instanceof Integer i) {
                item = (long) i;
            }
            if (item instanceof Long || item instanceof Range) {
                consumed++;
            } else if (item == NEW_AXIS) {
                // no axis of x
            } else if (item instanceof Variable v) {
                if (v.type().dtype() == DType.BOOL) {
                    mask = true;
                    consumed += v.type().rank();
                } else if (!v.type().dtype().isInteger()) {
                    throw new DTypeMismatchException("index " + k + " of " + x.describe() + ": " + v.describe()
                            + " is " + v.type().dtype() + "; indices are integers (or a bool mask)");
                } else {
                    arrays += v.type().rank() > 0 ? 1 : 0;
                    consumed++;
                }
            } else {
                throw new IllegalArgumentException("index " + k + " of " + x.describe() + " is " + item
                        + "; expected an integer, a slice, newaxis, an integer tensor or a bool mask");
            }
            out.add(item);
        }
        if (mask && items.size() != 1) {
            throw new ShapeMismatchException("indexing " + x.describe() + ": a bool mask must be the only index"
                    + " (it selects from the whole tensor), got " + items.size() + " indices");
        }
        if (arrays > 1) {
            throw new ShapeMismatchException("indexing " + x.describe() + ": at most one integer array per indexing"
                    + " (index along one axis at a time), got " + arrays);
        }
        if (consumed > x.type().rank()) {
            throw new IndexOutOfRangeException("indexing " + x.describe() + " of rank " + x.type().rank() + " with "
                    + consumed + " indices: too many indices");
        }
        return out;
    }
}
