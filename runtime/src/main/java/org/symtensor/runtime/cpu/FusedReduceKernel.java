package org.symtensor.runtime.cpu;

import java.util.Arrays;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Reduce;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link Composite} with a reduce tail ({@code ((a*b + c)*d).sum()},
 * {@code sum(exp(x - m), axis=1)}): the elementwise program runs block by block exactly as
 * {@link CompositeKernel} runs it (float lanes for a float32 program), and each block, while it is
 * still in cache, is folded into double accumulators (a sum's run in vector lanes), so the
 * elementwise result never exists as a full-size array. The program's result is always a float
 * (the fusion pass absorbs only float reductions).
 *
 * <p>Work is split by a rule that depends on the shapes only, never on the thread count: the
 * first axis is cut into {@link ReduceSplit ranges} of about {@link Parallel#CHUNK} elements. When
 * the first axis is kept, ranges write disjoint accumulators; when it is reduced, each range
 * accumulates its own partials, which are then combined in range order. So the bits do not depend
 * on how many threads computed the ranges. Sums are reassociated relative to the unfused graph
 * (blocks, lanes, partials), within rounding.
 */
final class FusedReduceKernel implements Kernel {
    private final Apply node;
    private final CompositeKernel program;
    private final Reduce reduce;
    private final Reduce.Kind kind;
    private final DType outDtype;
    private final int rank;
    /** The composite's printed name, for errors: formatted once here, not on every call. */
    private final String opName;

    FusedReduceKernel(Apply node) {
        Composite c = (Composite) node.op();
        this.node = node;
        this.reduce = c.reduce();
        this.kind = reduce.reduceKind();
        this.outDtype = c.outputDtype();
        this.rank = node.inputs().get(0).type().rank();
        this.program = new CompositeKernel(node, c.elementwise());
        this.opName = c.name();
        if (!c.programDtype().isFloat()) {
            throw new IllegalArgumentException(c.name() + ": a reduce tail needs a float program, got " + c.programDtype());
        }
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        return run(in, null, null);
    }

    @Override
    public NDArray[] run(NDArray[] in, int[] donors, NDArray[] recycled) {
        if (rank == 0) {
            // a 0-d program: the reduction of one element is not worth a split
            NDArray v = program.run(in)[0];
            return new ReduceKernel(reduce, 0, outDtype, node.createdAt()).run(new NDArray[] {v});
        }
        int[] shape = Broadcasting.outputShape(node, in);
        boolean[] reduced = reduce.reducedAxes(rank);
        ReduceSplit.Layout layout = ReduceSplit.Layout.of(kind, shape, reduced, opName,
                "the elementwise result's shape", node.createdAt());
        int[] outShape = layout.outShape();
        int[] outStrides = layout.outStrides();
        long count = layout.count();
        NDArray out = Recycled.orZeros(recycled, 0, outDtype, outShape);
        int outSize = out.size();
        if (outSize == 0) {
            return new NDArray[] {out};
        }
        double identity = ReduceSplit.identity(kind);
        double[] acc = new double[outSize];
        Arrays.fill(acc, identity);
        long size = 1;
        for (int n : shape) {
            size *= n;
        }
        if (size > 0) {
            ReduceSplit split = ReduceSplit.of(shape[0], (int) (size / shape[0]), reduced[0], outSize);
            double[][] parts = split.privateAccumulators() ? new double[split.ranges()][] : null;
            Parallel.tasks(split.ranges(), split.parallel(), r -> {
                double[] a = acc;
                if (parts != null) {
                    a = new double[outSize];
                    Arrays.fill(a, identity);
                    parts[r] = a;
                }
                program.blocks(in, shape, split.from(r), split.to(r), new Folder(kind, shape, outStrides, reduced[rank - 1], a));
            });
            if (parts != null) {
                for (double[] p : parts) {
                    ReduceSplit.combineAll(kind, acc, p);
                }
            }
        }
        if (kind == Reduce.Kind.MEAN) {
            for (int i = 0; i < outSize; i++) {
                acc[i] /= count;
            }
        }
        ArrayIo.store(acc, 0, out.data(), outDtype, 0, outSize);
        return new NDArray[] {out};
    }

    /** Folds C-order blocks of the elementwise result into the accumulators of their output elements. */
    private static final class Folder implements BlockSink {
        private final Reduce.Kind kind;
        private final int[] shape;
        private final int[] outStrides;
        private final boolean lastReduced;
        private final double[] acc;
        private final int[] idx;
        private final boolean lanes;

        Folder(Reduce.Kind kind, int[] shape, int[] outStrides, boolean lastReduced, double[] acc) {
            this.kind = kind;
            this.shape = shape;
            this.outStrides = outStrides;
            this.lastReduced = lastReduced;
            this.acc = acc;
            this.idx = new int[shape.length];
            this.lanes = Simd.ENABLED && VectorReduce.supports(kind);
        }

        /** Sets {@link #idx} to the multi-index of flat element {@code start}; returns its accumulator. */
        private int locate(int start) {
            int rem = start;
            int q = 0;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rem % shape[d];
                rem /= shape[d];
                q += idx[d] * outStrides[d];
            }
            return q;
        }

        /** Advances {@link #idx} past the end of the current last-axis run; returns the next accumulator. */
        private int nextRow() {
            int last = shape.length - 1;
            idx[last] = 0;
            for (int d = last - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
            int q = 0;
            for (int d = 0; d < last; d++) {
                q += idx[d] * outStrides[d];
            }
            return q;
        }

        @Override
        public void floats(float[] v, int start, int n) {
            int last = shape.length - 1;
            int q = locate(start);
            int done = 0;
            while (done < n) {
                int run = Math.min(shape[last] - idx[last], n - done);
                if (lastReduced) {
                    double f = lanes ? VectorReduce.fold(kind, v, done, run) : ReduceSplit.fold(kind, v, done, run);
                    acc[q] = ReduceSplit.combine(kind, acc[q], f);
                } else {
                    ReduceSplit.combineInto(kind, acc, q, outStrides[last], v, done, run);
                }
                done += run;
                if (done < n) {
                    q = nextRow();
                }
            }
        }

        @Override
        public void doubles(double[] v, int start, int n) {
            int last = shape.length - 1;
            int q = locate(start);
            int done = 0;
            while (done < n) {
                int run = Math.min(shape[last] - idx[last], n - done);
                if (lastReduced) {
                    double f = lanes ? VectorReduce.fold(kind, v, done, run) : ReduceSplit.fold(kind, v, done, run);
                    acc[q] = ReduceSplit.combine(kind, acc[q], f);
                } else {
                    ReduceSplit.combineInto(kind, acc, q, outStrides[last], v, done, run);
                }
                done += run;
                if (done < n) {
                    q = nextRow();
                }
            }
        }
    }
}
