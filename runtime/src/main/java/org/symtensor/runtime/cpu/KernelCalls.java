package org.symtensor.runtime.cpu;

import org.symtensor.ir.Reduce;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Static entry points into the CPU kernels for code written at javac time: the kernel classes the
 * annotation processor generates call these for products, reductions and transposes, between their
 * rendered elementwise loops. Each runs the same kernel a compiled function's schedule runs (the
 * {@link DotKernel}, {@link ReduceKernel} and {@link NDArray#dimshuffle} code), built from the op's
 * parameters instead of a graph node; {@code where} names the generated method in error messages.
 */
public final class KernelCalls {
    private KernelCalls() {}

    /** {@code a · b} with NumPy's dot rules, as the {@code dot} op computes it, into {@code out}'s dtype. */
    public static NDArray dot(NDArray a, NDArray b, DType out, String where) {
        return new DotKernel("Dot", where, out).run(new NDArray[] {a, b})[0];
    }

    /** The reduction {@code kind} of {@code x} over {@code axes} (all axes when null), into {@code out}'s dtype. */
    public static NDArray reduce(Reduce.Kind kind, int[] axes, NDArray x, DType out, String where) {
        return new ReduceKernel(Reduce.of(kind, axes), x.rank(), out, where).run(new NDArray[] {x})[0];
    }

    /** The view of {@code x} with its axes permuted, dropped or added ({@code -1}) as {@code pattern} says. */
    public static NDArray dimshuffle(NDArray x, int... pattern) {
        return x.dimshuffle(pattern);
    }
}
