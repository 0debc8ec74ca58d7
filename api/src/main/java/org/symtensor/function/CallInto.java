package org.symtensor.function;

import java.util.Arrays;
import java.util.List;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Variable;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The checks of {@link Function#callInto}, shared by every backend: before anything runs, one
 * destination per output, each non-null with the output's dtype and rank and, on axes whose length
 * the output's type fixes, that length; after the call, the run-time shapes.
 */
public final class CallInto {
    private CallInto() {}

    /** Throws unless {@code into} can receive {@code spec}'s outputs as far as their types tell. */
    public static void requireDestinations(FunctionSpec spec, NDArray[] into) {
        int n = spec.visibleOutputCount();
        if (into == null || into.length != n) {
            String fn = spec.name() == null ? "this function" : "function '" + spec.name() + "'";
            throw new ArgumentException("callInto: " + fn + " has " + n + " output" + (n == 1 ? "" : "s") + ", got "
                    + (into == null ? "no destination array" : into.length + " destination" + (into.length == 1 ? "" : "s")));
        }
        List<Variable> outs = spec.outputs();
        for (int i = 0; i < n; i++) {
            Variable v = outs.get(i);
            TensorType t = v.type();
            NDArray d = into[i];
            if (d == null) {
                throw new ArgumentException("callInto: destination " + i + " for output " + v.describe() + " is null");
            }
            if (d.dtype() != t.dtype()) {
                throw new DTypeMismatchException("callInto: destination " + i + " for output " + v.describe() + " must be "
                        + t.dtype() + ", got " + d.dtype());
            }
            if (d.rank() != t.rank()) {
                throw new ShapeMismatchException("callInto: destination " + i + " for output " + v.describe() + " must have rank "
                        + t.rank() + " (type " + TensorType.shapeString(t.shape()) + "), got shape " + NDArray.shapeToString(d.shape()));
            }
            for (int a = 0; a < t.rank(); a++) {
                if (t.dim(a) >= 0 && t.dim(a) != d.shape(a)) {
                    throw new ShapeMismatchException("callInto: destination " + i + " for output " + v.describe()
                            + " has length " + d.shape(a) + " on axis " + a + ", the output's type fixes "
                            + t.dim(a) + " (type " + TensorType.shapeString(t.shape()) + ")");
                }
            }
        }
    }

    /**
     * Copies computed {@code results} into {@code into} after checking every run-time shape first
     * (the fallback of a backend whose kernels do not write into destinations themselves).
     */
    public static void deliver(FunctionSpec spec, List<NDArray> results, NDArray[] into) {
        for (int i = 0; i < into.length; i++) {
            if (!Arrays.equals(into[i].shape(), results.get(i).shape())) {
                throw new ShapeMismatchException("callInto: output " + i + " " + spec.outputs().get(i).describe()
                        + " has shape " + NDArray.shapeToString(results.get(i).shape()) + " but its destination has shape "
                        + NDArray.shapeToString(into[i].shape()));
            }
        }
        for (int i = 0; i < into.length; i++) {
            if (results.get(i) != into[i]) {
                into[i].assign(results.get(i));
            }
        }
    }
}
