package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.IndexOutOfRangeException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * The int64 positions that sort the input along one axis: NumPy's {@code argsort} with a stable
 * sort (equal elements keep their order) and NaN after every number; descending, the reverse
 * order of the same keys (NaN first, as the largest) with equal elements still in their order.
 * With {@code k >= 0} only the first {@code k} positions are kept ({@code argtopk}: the positions
 * of the k largest when descending). The values come from {@link TakeAlongAxis} with these
 * positions, so {@code sort} and {@code topk} are differentiable through it while this op, whose
 * result is integer, is not.
 */
public final class ArgSort implements Op {
    /** {@code k} when every position is kept. */
    public static final int ALL = -1;

    private final int axis;
    private final boolean descending;
    private final int k;

    private ArgSort(int axis, boolean descending, int k) {
        this.axis = axis;
        this.descending = descending;
        this.k = k;
    }

    /** Sorts along {@code axis} (non-negative), keeping the first {@code k} positions ({@link #ALL}: all). */
    public static ArgSort of(int axis, boolean descending, int k) {
        if (k < ALL) {
            throw new ArgumentException("argsort: k is " + k + "; expected a count >= 0");
        }
        return new ArgSort(axis, descending, k);
    }

    public int axis() {
        return axis;
    }

    public boolean descending() {
        return descending;
    }

    public int k() {
        return k;
    }

    @Override
    public OpKind kind() {
        return OpKind.SORT;
    }

    @Override
    public String name() {
        return "ArgSort{axis=" + axis + (descending ? ", descending" : "") + (k == ALL ? "" : ", k=" + k) + "}";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        int rank = x.type().rank();
        String what = k == ALL ? "argsort" : "topk";
        if (axis < 0 || axis >= rank) {
            throw new ShapeMismatchException(what + ": axis " + axis + " is out of range for " + x.describe()
                    + " of rank " + rank + (rank == 0 ? " (a scalar has no axis to sort along)" : ""));
        }
        int[] shape = x.type().shape();
        if (k != ALL) {
            if (shape[axis] != TensorType.UNKNOWN && k > shape[axis]) {
                throw new IndexOutOfRangeException(what + ": k = " + k + " is more than the length " + shape[axis]
                        + " of axis " + axis + " of " + x.describe());
            }
            shape[axis] = k;
        }
        return List.of(TensorType.of(DType.INT64, shape));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArgSort a && a.axis == axis && a.descending == descending && a.k == k;
    }

    @Override
    public int hashCode() {
        return (axis * 31 + k) * 2 + (descending ? 1 : 0);
    }

    @Override
    public String toString() {
        return name();
    }
}
