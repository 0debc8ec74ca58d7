package org.symtensor.ir;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * Graph building for the ops that lay tensors side by side or cut them: concatenate, stack, split,
 * repeat, tile, roll and constant padding, over {@link Join}, {@link Subtensor}, {@link Alloc} and
 * {@link Reshape}, so their gradients are those ops' rules.
 */
public final class JoinOps {
    private JoinOps() {}

    /** NumPy's {@code concatenate(xs, axis)} (negative axis counts from the end). */
    public static Variable concatenate(int axis, List<Variable> xs) {
        if (xs.isEmpty()) {
            throw new ShapeMismatchException("concatenate needs at least one tensor, got none");
        }
        Variable first = xs.get(0);
        int a = ShapeOps.axis("concatenate", first, axis, first.type().rank());
        if (xs.size() == 1) {
            return first;
        }
        return Apply.of(Join.of(a), xs).output();
    }

    /** NumPy's {@code stack(xs, axis)}: a new axis at {@code axis} of the result, along which the xs are laid. */
    public static Variable stack(int axis, List<Variable> xs) {
        if (xs.isEmpty()) {
            throw new ShapeMismatchException("stack needs at least one tensor, got none");
        }
        int rank = xs.get(0).type().rank();
        int a = ShapeOps.axis("stack", xs.get(0), axis, rank + 1);
        List<Variable> expanded = new ArrayList<>(xs.size());
        for (int k = 0; k < xs.size(); k++) {
            Variable x = xs.get(k);
            if (x.type().rank() != rank) {
                throw new ShapeMismatchException("stack: tensor " + k + ", " + x.describe() + ", has rank " + x.type().rank()
                        + " but tensor 0, " + xs.get(0).describe() + ", has rank " + rank);
            }
            expanded.add(ShapeOps.expandDims(x, a));
        }
        return expanded.size() == 1 ? expanded.get(0) : Apply.of(Join.of(a), expanded).output();
    }

    /**
     * NumPy's {@code split} with explicit section sizes: consecutive slices along {@code axis} of
     * the given lengths, which must add up to the axis length (checked when the function runs,
     * through a {@link SpecifyShape}, or when the graph is built if the length is static).
     */
    public static List<Variable> split(Variable x, int[] sizes, int axis) {
        int rank = x.type().rank();
        int a = ShapeOps.axis("split", x, axis, rank);
        long total = 0;
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < 0) {
                throw new ShapeMismatchException("split of " + x.describe() + ": size " + k + " is " + sizes[k]
                        + "; sizes must be non-negative");
            }
            total += sizes[k];
        }
        if (sizes.length == 0 || total > Integer.MAX_VALUE) {
            throw new ShapeMismatchException("split of " + x.describe() + ": give at least one size, adding up to the"
                    + " length of axis " + axis);
        }
        int d = x.type().dim(a);
        if (d != TensorType.UNKNOWN && d != total) {
            throw new ShapeMismatchException("split of " + x.describe() + " along axis " + axis + ": the sizes "
                    + java.util.Arrays.toString(sizes) + " add up to " + total + " but the axis has length " + d);
        }
        Variable checked = x;
        if (d == TensorType.UNKNOWN) {
            int[] promise = new int[rank];
            java.util.Arrays.fill(promise, TensorType.UNKNOWN);
            promise[a] = (int) total;
            checked = Apply.output(SpecifyShape.of(promise), x);
        }
        List<Variable> out = new ArrayList<>(sizes.length);
        long at = 0;
        for (int size : sizes) {
            out.add(Indexing.slice(checked, a, ShapeOps.length(at), ShapeOps.length(at + size), 1));
            at += size;
        }
        return out;
    }

    /** NumPy's {@code repeat(x, repeats, axis)}: each entry along {@code axis} repeated {@code repeats} times in place. */
    public static Variable repeat(Variable x, int repeats, int axis) {
        int rank = x.type().rank();
        int a = ShapeOps.axis("repeat", x, axis, rank);
        if (repeats < 0) {
            throw new ShapeMismatchException("repeat of " + x.describe() + ": repeats is " + repeats + "; it must be non-negative");
        }
        // (.., n, ..) → (.., n, 1, ..) → alloc (.., n, r, ..) → reshape (.., n·r, ..)
        Variable e = ShapeOps.expandDims(x, a + 1);
        List<Variable> shape = new ArrayList<>();
        for (int i = 0; i <= rank; i++) {
            shape.add(i == a + 1 ? ShapeOps.length(repeats) : i <= a ? Ops.shape(x, i) : Ops.shape(x, i - 1));
        }
        Variable big = FillOps.alloc(e, shape);
        List<Variable> merged = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            merged.add(i == a ? ShapeOps.product(Ops.shape(x, i), ShapeOps.length(repeats)) : Ops.shape(x, i));
        }
        return ShapeOps.reshape(big, merged);
    }

    /**
     * NumPy's {@code tile(x, reps)}: x repeated {@code reps[i]} times along each axis; fewer reps
     * than axes apply to the trailing axes (NumPy pads them with 1 on the left).
     */
    public static Variable tile(Variable x, int... reps) {
        int rank = x.type().rank();
        if (reps.length > rank) {
            throw new ShapeMismatchException("tile of " + x.describe() + ": " + reps.length + " repetitions for rank "
                    + rank + "; add axes first (expandDims)");
        }
        int[] r = new int[rank];
        java.util.Arrays.fill(r, 1);
        for (int i = 0; i < reps.length; i++) {
            if (reps[i] < 0) {
                throw new ShapeMismatchException("tile of " + x.describe() + ": repetition " + i + " is " + reps[i]
                        + "; it must be non-negative");
            }
            r[rank - reps.length + i] = reps[i];
        }
        // (a, b) → (1, a, 1, b) → alloc (ra, a, rb, b) → reshape (ra·a, rb·b)
        int[] pattern = new int[2 * rank];
        List<Variable> shape = new ArrayList<>();
        List<Variable> merged = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            pattern[2 * i] = DimShuffle.NEW_AXIS;
            pattern[2 * i + 1] = i;
            shape.add(ShapeOps.length(r[i]));
            shape.add(Ops.shape(x, i));
            merged.add(ShapeOps.product(ShapeOps.length(r[i]), Ops.shape(x, i)));
        }
        return ShapeOps.reshape(FillOps.alloc(Ops.dimshuffle(x, pattern), shape), merged);
    }

    /**
     * NumPy's {@code roll(x, shift, axis)}: entries move {@code shift} places along the axis and wrap
     * around; shift may be symbolic and negative.
     */
    public static Variable roll(Variable x, Variable shift, int axis) {
        int a = ShapeOps.axis("roll", x, axis, x.type().rank());
        if (shift.type().rank() != 0 || !shift.type().dtype().isInteger()) {
            throw new org.symtensor.error.DTypeMismatchException("roll of " + x.describe() + ": the shift "
                    + shift.describe() + " must be an integer scalar, got " + shift.type());
        }
        Variable n = Ops.shape(x, a);
        // the split point n - (shift mod n); mod by max(n, 1) so an empty axis rolls to itself
        Variable n1 = Ops.elemwise(ScalarOp.MAXIMUM, n, ShapeOps.length(1));
        Variable s = Ops.elemwise(ScalarOp.MOD, Ops.cast(shift, DType.INT64), n1);
        Variable cut = Ops.elemwise(ScalarOp.SUB, n, s);
        Variable tail = Indexing.slice(x, a, cut, null, 1);
        Variable head = Indexing.slice(x, a, null, cut, 1);
        return Apply.of(Join.of(a), List.of(tail, head)).output();
    }

    /**
     * NumPy's {@code pad(x, widths, constant_values=value)}: {@code widths[i] = {before, after}}
     * entries of {@code value} added on axis i; a single pair applies to every axis.
     */
    public static Variable pad(Variable x, int[][] widths, double value) {
        int rank = x.type().rank();
        if (widths.length != rank && widths.length != 1) {
            throw new ShapeMismatchException("pad of " + x.describe() + ": " + widths.length + " width pairs for rank "
                    + rank + "; give one {before, after} pair per axis, or one for all");
        }
        Variable fill = Ops.literalFor(value, x.type().dtype());
        if (fill.type().dtype() != x.type().dtype()) {
            throw new org.symtensor.error.DTypeMismatchException("pad of " + x.describe() + ": the value " + value
                    + " cannot be represented as " + x.type().dtype());
        }
        Variable out = x;
        for (int i = 0; i < rank; i++) {
            int[] w = widths.length == 1 ? widths[0] : widths[i];
            if (w.length != 2 || w[0] < 0 || w[1] < 0) {
                throw new ShapeMismatchException("pad of " + x.describe() + ": the widths of axis " + i + " are "
                        + java.util.Arrays.toString(w) + "; give two non-negative numbers {before, after}");
            }
            List<Variable> parts = new ArrayList<>();
            if (w[0] > 0) {
                parts.add(FillOps.alloc(fill, shapeWith(out, i, w[0])));
            }
            parts.add(out);
            if (w[1] > 0) {
                parts.add(FillOps.alloc(fill, shapeWith(out, i, w[1])));
            }
            out = parts.size() == 1 ? out : Apply.of(Join.of(i), parts).output();
        }
        return out;
    }

    /** x's lengths with axis {@code axis} replaced by {@code n}. */
    private static List<Variable> shapeWith(Variable x, int axis, long n) {
        List<Variable> s = new ArrayList<>();
        for (int i = 0; i < x.type().rank(); i++) {
            s.add(i == axis ? ShapeOps.length(n) : Ops.shape(x, i));
        }
        return s;
    }
}
