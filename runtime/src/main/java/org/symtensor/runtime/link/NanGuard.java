package org.symtensor.runtime.link;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.symtensor.error.NanGuardException;
import org.symtensor.ir.Apply;
import org.symtensor.value.NDArray;

/**
 * The check behind the {@code NAN_GUARD} mode ({@link Checks#nanGuard()}): after a node ran, its float
 * outputs must hold no NaN and no infinity. The error names the op, where user code created it,
 * which output and element went bad, and the shapes of the inputs, so the culprit is found without
 * a debugger. {@link Schedule}'s thunks call it on their results; a device backend calls it on
 * host copies of a node's outputs.
 */
public final class NanGuard {
    private NanGuard() {}

    /**
     * Throws {@link NanGuardException} at the first NaN or infinity in a float one of {@code outputs}
     * (the values of {@code node}'s outputs, in order; a null entry is not checked). {@code inputShape}
     * gives the shape of the node's {@code k}-th input for the message (null when unknown).
     */
    public static void check(Apply node, NDArray[] outputs, IntFunction<int[]> inputShape) {
        for (int k = 0; k < outputs.length; k++) {
            NDArray v = outputs[k];
            if (v == null || !v.dtype().isFloat()) {
                continue;
            }
            int n = v.size();
            for (int i = 0; i < n; i++) {
                double d = v.getDouble(i);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NanGuardException(describe(node, k, i, d, inputShape));
                }
            }
        }
    }

    private static String describe(Apply node, int output, int index, double value, IntFunction<int[]> inputShape) {
        StringBuilder sb = new StringBuilder("NAN_GUARD: ").append(node.op().name()).append(" created at ")
                .append(node.createdAt()).append(": ").append(Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf").append(" in output ").append(output)
                .append(" at flat index ").append(index).append("; input shapes");
        for (int k = 0; k < node.inputs().size(); k++) {
            int[] shape = inputShape.apply(k);
            sb.append(' ').append(shape == null ? "?" : Arrays.toString(shape));
        }
        return sb.toString();
    }
}
