package org.symtensor.ir;

import java.util.Arrays;
import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * A reduction over some axes (all when {@code axes} is null): {@code sum}, {@code prod},
 * {@code max}, {@code min}, {@code mean}, and the index and truth reductions {@code argmax},
 * {@code argmin} (int64; one axis or all, then a flat C-order index), {@code all}, {@code any}
 * (bool). The reduced axes disappear from the shape ({@link Reductions} keeps them for
 * {@code keepdims}). Sums and products of integers accumulate in int64 as in Theano; the mean of
 * integers is float64.
 */
public final class Reduce implements Op {
    /** What a reduction computes. */
    public enum Kind {
        SUM, PROD, MAX, MIN, MEAN,
        /** The int64 position of the first largest element (the first NaN, if any, as NumPy); one axis or all (flat index). */
        ARGMAX,
        /** The int64 position of the first smallest element (the first NaN, if any, as NumPy); one axis or all (flat index). */
        ARGMIN,
        /** Whether every element is non-zero (NaN counts as true), as bool; true over nothing. */
        ALL,
        /** Whether some element is non-zero (NaN counts as true), as bool; false over nothing. */
        ANY
    }

    /** Whether {@code kind} gives an index or a truth value: computed by its own kernels, not differentiable. */
    public static boolean isIndexOrLogic(Kind kind) {
        return switch (kind) {
            case SUM, PROD, MAX, MIN, MEAN -> false;
            case ARGMAX, ARGMIN, ALL, ANY -> true;
        };
    }

    private final Kind reduceKind;
    private final int[] axes;

    private Reduce(Kind reduceKind, int[] axes) {
        this.reduceKind = reduceKind;
        this.axes = axes;
    }

    /** A reduction over the given axes (sorted, non-negative), or over all axes when {@code axes} is null. */
    public static Reduce of(Kind kind, int[] axes) {
        return new Reduce(kind, axes == null ? null : axes.clone());
    }

    public Kind reduceKind() {
        return reduceKind;
    }

    /** The reduced axes for an input of rank {@code rank}. */
    public boolean[] reducedAxes(int rank) {
        boolean[] r = new boolean[rank];
        if (axes == null) {
            Arrays.fill(r, true);
        } else {
            for (int a : axes) {
                r[a] = true;
            }
        }
        return r;
    }

    /** The axes, or null for all. */
    public int[] axes() {
        return axes == null ? null : axes.clone();
    }

    @Override
    public OpKind kind() {
        return OpKind.REDUCE;
    }

    @Override
    public String name() {
        String k = reduceKind.name().charAt(0) + reduceKind.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return axes == null ? k + "{acc_dtype}" : k + "{axis=" + Arrays.toString(axes) + "}";
    }

    public static DType outputDtype(Kind kind, DType in) {
        return switch (kind) {
            case SUM, PROD -> in.isFloat() ? in : DType.INT64;
            case MAX, MIN -> in;
            case MEAN -> in.isFloat() ? in : DType.FLOAT64;
            case ARGMAX, ARGMIN -> DType.INT64;
            case ALL, ANY -> DType.BOOL;
        };
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable x = inputs.get(0);
        int rank = x.type().rank();
        if (axes != null) {
            for (int a : axes) {
                if (a < 0 || a >= rank) {
                    throw new ShapeMismatchException(reduceKind.name().toLowerCase(java.util.Locale.ROOT) + " over axis " + a
                            + " of " + x.describe() + ", which has rank " + rank);
                }
            }
            // every axis listed is the flat index, as with no axes
            if ((reduceKind == Kind.ARGMAX || reduceKind == Kind.ARGMIN) && axes.length > 1 && axes.length < rank) {
                throw new org.symtensor.error.ArgumentException(reduceKind.name().toLowerCase(java.util.Locale.ROOT)
                        + " of " + x.describe() + " over axes " + Arrays.toString(axes)
                        + ": expected one axis or all of them (a flat index), as NumPy");
            }
        }
        boolean[] reduced = reducedAxes(rank);
        int n = 0;
        for (boolean b : reduced) {
            if (!b) {
                n++;
            }
        }
        int[] out = new int[n];
        int j = 0;
        for (int a = 0; a < rank; a++) {
            if (!reduced[a]) {
                out[j++] = x.type().dim(a);
            }
        }
        return List.of(TensorType.of(outputDtype(reduceKind, x.type().dtype()), out));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reduce && ((Reduce) o).reduceKind == reduceKind && Arrays.equals(((Reduce) o).axes, axes);
    }

    @Override
    public int hashCode() {
        return reduceKind.hashCode() * 31 + Arrays.hashCode(axes);
    }

    @Override
    public String toString() {
        return name();
    }
}
