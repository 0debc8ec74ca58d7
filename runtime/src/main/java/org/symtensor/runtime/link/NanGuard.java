package org.symtensor.runtime.link;

import java.util.Arrays;
import org.symtensor.error.NanGuardException;
import org.symtensor.ir.Apply;
import org.symtensor.value.NDArray;

/**
 * The check behind the {@code NAN_GUARD} mode: after a thunk ran, its float outputs must hold
 * no NaN and no infinity. The error names the op, where user code created it, which output and
 * element went bad, and the shapes of the inputs, so the culprit is found without a debugger.
 */
final class NanGuard {
    private NanGuard() {}

    static void check(Thunk thunk, NDArray[] values) {
        int[] outs = thunk.outputSlots();
        for (int k = 0; k < outs.length; k++) {
            NDArray v = values[outs[k]];
            if (!v.dtype().isFloat()) {
                continue;
            }
            int n = v.size();
            for (int i = 0; i < n; i++) {
                double d = v.getDouble(i);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NanGuardException(describe(thunk.node(), k, i, d, thunk.inputSlots(), values));
                }
            }
        }
    }

    private static String describe(Apply node, int output, int index, double value, int[] ins, NDArray[] values) {
        StringBuilder sb = new StringBuilder("NAN_GUARD: ").append(node.op().name()).append(" created at ")
                .append(node.createdAt()).append(": ").append(Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf").append(" in output ").append(output)
                .append(" at flat index ").append(index).append("; input shapes");
        for (int s : ins) {
            sb.append(' ').append(values[s] == null ? "?" : Arrays.toString(values[s].shape()));
        }
        return sb.toString();
    }
}
