package org.symtensor.runtime.cpu;

import org.symtensor.ir.Apply;
import org.symtensor.ir.RandomChecks;
import org.symtensor.ir.RandomOp;
import org.symtensor.runtime.random.Draws;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of {@link RandomOp}: checks the state, size and parameters that were not constant
 * when the graph was built (the same rules, {@link RandomChecks}), draws through {@link Draws} and
 * returns {@code [next state, sample]}. It never writes its inputs, so a failed check or a failure
 * later in the call leaves the stored generator state as it was.
 */
final class RandomKernel implements Kernel {
    private final Apply node;
    private final RandomOp op;

    RandomKernel(Apply node) {
        this.node = node;
        this.op = (RandomOp) node.op();
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        NDArray state = in[0];
        RandomChecks.checkState(op, state, node.createdAt());
        long key = state.getLong(0);
        long stream = state.getLong(1);
        long counter = state.getLong(2);
        int rank = op.rank();
        Long[] dims = new Long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in[1 + i].getLong(0);
        }
        NDArray[] params = new NDArray[op.paramCount()];
        System.arraycopy(in, 1 + rank, params, 0, params.length);
        RandomChecks.check(op, dims, params, node.createdAt());
        int[] shape = new int[rank];
        int count = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = (int) (long) dims[i];
            count *= shape[i];
        }
        Drawn d = switch (op.distribution()) {
            case UNIFORM, NORMAL -> {
                double a = params[0].getDouble(0);
                double b = params[1].getDouble(0);
                boolean uniform = op.distribution() == RandomOp.Distribution.UNIFORM;
                if (op.dtype() == DType.FLOAT32) {
                    float[] out = new float[count];
                    long next = uniform ? uniformFloat(key, stream, counter, a, b, out)
                            : Draws.normalFloat(key, stream, counter, a, b, out);
                    yield new Drawn(NDArray.wrap(DType.FLOAT32, shape, out), next);
                }
                double[] out = new double[count];
                long next = uniform ? Draws.uniformDouble(key, stream, counter, a, b, out)
                        : Draws.normalDouble(key, stream, counter, a, b, out);
                yield new Drawn(NDArray.wrap(DType.FLOAT64, shape, out), next);
            }
            case BINOMIAL -> {
                long[] out = new long[count];
                long next = Draws.binomial(key, stream, counter, params[0].getLong(0), params[1].getDouble(0), out);
                yield new Drawn(NDArray.wrap(DType.INT64, shape, out), next);
            }
            case INTEGERS -> {
                long[] out = new long[count];
                long next = Draws.integers(key, stream, counter, params[0].getLong(0), params[1].getLong(0), out);
                yield new Drawn(NDArray.wrap(DType.INT64, shape, out), next);
            }
            case CHOICE -> {
                long[] out = new long[count];
                double[] p = op.weighted() ? params[1].toDoubleArray() : null;
                long next = Draws.choice(key, stream, counter, (int) params[0].getLong(0), op.replace(), p, out);
                yield new Drawn(NDArray.wrap(DType.INT64, shape, out), next);
            }
            case PERMUTATION -> {
                int n = (int) params[0].getLong(0);
                long[] out = new long[n];
                long next = Draws.choice(key, stream, counter, n, false, null, out);
                yield new Drawn(NDArray.wrap(DType.INT64, new int[] {n}, out), next);
            }
            case MULTINOMIAL -> {
                double[] pvals = params[1].toDoubleArray();
                int[] s = java.util.Arrays.copyOf(shape, rank + 1);
                s[rank] = pvals.length;
                long[] out = new long[Math.multiplyExact(count, pvals.length)];
                long next = Draws.multinomial(key, stream, counter, params[0].getLong(0), pvals, out);
                yield new Drawn(NDArray.wrap(DType.INT64, s, out), next);
            }
            case SHUFFLE_ROWS -> {
                NDArray x = params[0].copy();
                long[] perm = new long[x.shape(0)];
                long next = Draws.choice(key, stream, counter, perm.length, false, null, perm);
                yield new Drawn(gatherRows(x, perm), next);
            }
        };
        return new NDArray[] {NDArray.of(new long[] {key, stream, d.next()}), d.sample()};
    }

    /** A sample and the generator counter after it. */
    private record Drawn(NDArray sample, long next) {}

    private static NDArray gatherRows(NDArray x, long[] perm) {
        NDArray out = NDArray.zeros(x.dtype(), x.shape());
        int width = x.rank() == 0 || x.shape(0) == 0 ? 0 : x.size() / x.shape(0);
        for (int r = 0; r < perm.length; r++) {
            System.arraycopy(x.data(), (int) perm[r] * width, out.data(), r * width, width);
        }
        return out;
    }

    /** Draws of at least this many elements are split over the pool. */
    private static final int PARALLEL_MIN = 1 << 16;
    /** Elements per task of a split draw, a multiple of 4 (one Philox block is four elements). */
    private static final int DRAW_CHUNK = 1 << 14;

    /**
     * Uniform float32 draws, the same numbers as {@link Draws#uniformFloat}: Philox in vector lanes
     * where the Vector API is on ({@link PhiloxLanes}), split over the pool in fixed chunks for big
     * draws (the generator is counter-based, so each chunk computes its own blocks and any split
     * gives the same numbers).
     */
    static long uniformFloat(long key, long stream, long counter, double low, double high, float[] out) {
        int n = out.length;
        int chunks = (n + DRAW_CHUNK - 1) / DRAW_CHUNK;
        long[] keys = Simd.ENABLED && PhiloxLanes.USABLE && n >= PhiloxLanes.FLOATS ? PhiloxLanes.roundKeys(key) : null;
        Parallel.tasks(chunks, n >= PARALLEL_MIN, c -> uniformRange(key, keys, stream, counter, low, high, out,
                c * DRAW_CHUNK, Math.min(n, (c + 1) * DRAW_CHUNK)));
        return counter + org.symtensor.runtime.random.Philox.blocksFor(n);
    }

    /** Elements {@code [from, to)}; {@code keys} are the lane path's round keys, null for the scalar path. */
    private static void uniformRange(long key, long[] keys, long stream, long counter, double low, double high,
            float[] out, int from, int to) {
        int i = from;
        if (keys != null) {
            i = PhiloxLanes.unitFloats(keys, stream, counter, out, from, to);
            Draws.unitToRange(low, high, out, from, i);
        }
        if (i < to) {
            Draws.uniformFloatRange(key, stream, counter, low, high, out, i, to);
        }
    }
}
