package org.symtensor.runtime.link;

import java.util.Arrays;
import org.symtensor.error.DebugModeException;
import org.symtensor.ir.Variable;
import org.symtensor.function.FunctionSpec;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The comparison behind {@code DEBUG_MODE} ({@link Checks#compareWithAsWritten()}), run by
 * {@link Schedule#run} and by the OpenCL backend: each result of the optimized graph against the
 * same result of the graph as written ({@link Plan#asWritten}) on the same backend. Tolerances are Theano's: {@code |opt - ref| <= atol + rtol*|ref|}
 * with rtol 1e-5 and atol 1e-5 for float32, rtol 1e-5 and atol 1e-8 for float64; integers and
 * bools must be equal. Elements where the reference is NaN or infinite are skipped: stabilizing
 * rewrites exist to turn those into numbers. Dtypes and shapes must agree exactly.
 */
public final class DebugCheck {
    static final double RTOL = 1e-5;
    static final double ATOL_FLOAT32 = 1e-5;
    static final double ATOL_FLOAT64 = 1e-8;

    private DebugCheck() {}

    /**
     * Throws {@link DebugModeException} naming the first result of {@code spec} (outputs, then update
     * values) whose {@code optimized} value differs from its {@code reference} value.
     */
    public static void compare(FunctionSpec spec, NDArray[] optimized, NDArray[] reference) {
        for (int i = 0; i < reference.length; i++) {
            String what = describe(spec, i);
            NDArray o = optimized[i];
            NDArray r = reference[i];
            if (o.dtype() != r.dtype() || !Arrays.equals(o.shape(), r.shape())) {
                throw new DebugModeException("DEBUG_MODE: " + what + " is " + o.dtype() + " of shape "
                        + NDArray.shapeToString(o.shape()) + " after optimization but " + r.dtype() + " of shape "
                        + NDArray.shapeToString(r.shape()) + " as written");
            }
            double atol = r.dtype() == DType.FLOAT32 ? ATOL_FLOAT32 : ATOL_FLOAT64;
            int n = r.size();
            for (int k = 0; k < n; k++) {
                if (!close(o, r, k, atol)) {
                    String ov = r.dtype().isFloat() ? Double.toString(o.getDouble(k)) : Long.toString(o.getLong(k));
                    String rv = r.dtype().isFloat() ? Double.toString(r.getDouble(k)) : Long.toString(r.getLong(k));
                    throw new DebugModeException("DEBUG_MODE: " + what + " differs at flat index " + k
                            + ": optimized " + ov + ", as written " + rv + " (rtol " + RTOL + ", atol " + atol
                            + "); an optimizer rewrite changed the value, please report it");
                }
            }
        }
    }

    private static boolean close(NDArray o, NDArray r, int k, double atol) {
        if (!r.dtype().isFloat()) {
            return o.getLong(k) == r.getLong(k);
        }
        double b = r.getDouble(k);
        if (Double.isNaN(b) || Double.isInfinite(b)) {
            return true;
        }
        double a = o.getDouble(k);
        return Math.abs(a - b) <= atol + RTOL * Math.abs(b);
    }

    private static String describe(FunctionSpec spec, int i) {
        int nOut = spec.outputs().size();
        String fn = spec.name() == null ? "" : " of function '" + spec.name() + "'";
        if (i < nOut) {
            Variable v = spec.outputs().get(i);
            return "output " + i + fn + " (" + v.describe() + ")";
        }
        return "the update of shared variable " + spec.updateTargets().get(i - nOut).describe() + fn;
    }
}
