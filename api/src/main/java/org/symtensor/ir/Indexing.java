package org.symtensor.ir;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/** Graph building for {@link Subtensor} and {@link IncSubtensor}: {@code x[i]}, {@code x[a:b:s]} and their increments. */
public final class Indexing {
    private Indexing() {}

    /** {@code x[i]} along {@code axis}. */
    public static Variable index(Variable x, int axis, Variable i) {
        return Apply.output(Subtensor.index(axis), x, asIndex(i));
    }

    /** {@code x[i]} along {@code axis} for a constant i. */
    public static Variable index(Variable x, int axis, long i) {
        return index(x, axis, Ops.constant(NDArray.of(i)));
    }

    /** {@code x[start:stop:step]} along {@code axis}; a null bound is left out. */
    public static Variable slice(Variable x, int axis, Variable start, Variable stop, int step) {
        return Apply.output(Subtensor.slice(axis, start != null, stop != null, step), args(x, null, start, stop));
    }

    /** {@code x} with {@code y} added at {@code x[i]}. */
    public static Variable incIndex(Variable x, Variable y, int axis, Variable i) {
        return Apply.output(IncSubtensor.of(Subtensor.index(axis)), x, y, asIndex(i));
    }

    /** {@code x} with {@code y} added at {@code x[start:stop:step]}. */
    public static Variable incSlice(Variable x, Variable y, int axis, Variable start, Variable stop, int step) {
        return Apply.output(IncSubtensor.of(Subtensor.slice(axis, start != null, stop != null, step)), args(x, y, start, stop));
    }

    /** The same increment as {@code inc} (an IncSubtensor apply) on other x and y. */
    public static Variable incLike(Apply indexing, Variable x, Variable y) {
        Subtensor view = indexing.op() instanceof Subtensor s ? s : ((IncSubtensor) indexing.op()).view();
        int first = indexing.op() instanceof Subtensor ? 1 : 2;
        List<Variable> in = new ArrayList<>(List.of(x, y));
        in.addAll(Subtensor.indexInputs(indexing.inputs(), first));
        return Apply.of(IncSubtensor.of(view), in).output();
    }

    /** The same view as {@code indexing} (a Subtensor or IncSubtensor apply) of another x. */
    public static Variable viewLike(Apply indexing, Variable x) {
        Subtensor view = indexing.op() instanceof Subtensor s ? s : ((IncSubtensor) indexing.op()).view();
        int first = indexing.op() instanceof Subtensor ? 1 : 2;
        List<Variable> in = new ArrayList<>(List.of(x));
        in.addAll(Subtensor.indexInputs(indexing.inputs(), first));
        return Apply.of(view, in).output();
    }

    private static Variable[] args(Variable x, Variable y, Variable start, Variable stop) {
        List<Variable> in = new ArrayList<>();
        in.add(x);
        if (y != null) {
            in.add(y);
        }
        if (start != null) {
            in.add(asIndex(start));
        }
        if (stop != null) {
            in.add(asIndex(stop));
        }
        return in.toArray(new Variable[0]);
    }

    private static Variable asIndex(Variable i) {
        return i.type().dtype().isInteger() ? Ops.cast(i, DType.INT64) : i;
    }

    /** An int64 constant, for bounds. */
    public static Variable at(long i) {
        return Ops.constant(NDArray.of(i));
    }
}
