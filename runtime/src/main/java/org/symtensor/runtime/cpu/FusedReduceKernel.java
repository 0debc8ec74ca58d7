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
        this.reduced = reduce.reducedAxes(rank);
        boolean lastReduced = rank > 0 && reduced[rank - 1];
        this.folders = ThreadLocal.withInitial(() -> new Folder(kind, rank, lastReduced));
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
        int[] shape = program.outputShape(in);
        boolean[] reduced = this.reduced;
        ReduceSplit.Layout layout = layout(shape);
        int[] outShape = layout.outShape();
        int[] outStrides = layout.outStrides();
        long count = layout.count();
        NDArray out = Recycled.orZeros(recycled, 0, outDtype, outShape);
        int outSize = out.size();
        if (outSize == 0) {
            return Recycled.result(recycled, out);
        }
        double identity = ReduceSplit.identity(kind);
        double[] acc = ReduceScratch.get().acc(outSize, identity);
        long size = 1;
        for (int n : shape) {
            size *= n;
        }
        if (size > 0) {
            // at or below the threshold the split is one range: skip building it
            ReduceSplit split = size <= Parallel.THRESHOLD ? null
                    : ReduceSplit.of(shape[0], (int) (size / shape[0]), reduced[0], outSize);
            if (split == null || split.ranges() == 1) {
                // one range folds straight into the accumulators: the same bits as one private
                // partial combined with the identity (x + 0, x * 1, max(x, -inf) are exact), and
                // nothing allocated; the rule depends on the shape only, as the split does
                Folder f = folders.get();
                f.reset(shape, outStrides, acc);
                program.blocks(in, shape, 0, (int) size, f);
                f.reset(null, null, null);
            } else {
                double[][] parts = split.privateAccumulators() ? new double[split.ranges()][] : null;
                Parallel.tasks(split.ranges(), split.parallel(), r -> {
                    double[] a = acc;
                    if (parts != null) {
                        a = new double[outSize];
                        Arrays.fill(a, identity);
                        parts[r] = a;
                    }
                    Folder f = new Folder(kind, rank, reduced[rank - 1]);
                    f.reset(shape, outStrides, a);
                    program.blocks(in, shape, split.from(r), split.to(r), f);
                });
                if (parts != null) {
                    for (double[] p : parts) {
                        ReduceSplit.combineAll(kind, acc, p);
                    }
                }
            }
        }
        if (kind == Reduce.Kind.MEAN) {
            for (int i = 0; i < outSize; i++) {
                acc[i] /= count;
            }
        }
        ArrayIo.store(acc, 0, out.data(), outDtype, 0, outSize);
        return Recycled.result(recycled, out);
    }

    /** The reduced axes of the program's result (fixed by the node). */
    private final boolean[] reduced;
    /** Each thread's folder for a call that folds as one range (reset per call, so nothing is allocated). */
    private final ThreadLocal<Folder> folders;

    /** The layout of the previous call's shape (the program's kept shape array), reused while it is the same array. */
    private volatile ShapeLayout lastLayout;

    private record ShapeLayout(int[] shape, ReduceSplit.Layout layout) {}

    private ReduceSplit.Layout layout(int[] shape) {
        ShapeLayout last = lastLayout;
        if (last != null && last.shape == shape) {
            return last.layout;
        }
        ReduceSplit.Layout layout = ReduceSplit.Layout.of(kind, shape, reduced, opName,
                "the elementwise result's shape", node.createdAt());
        lastLayout = new ShapeLayout(shape, layout);
        return layout;
    }

    /** Folds C-order blocks of the elementwise result into the accumulators of their output elements. */
    private static final class Folder implements BlockSink {
        private final Reduce.Kind kind;
        private int[] shape;
        private int[] outStrides;
        private final boolean lastReduced;
        private double[] acc;
        private final int[] idx;
        private final boolean lanes;

        Folder(Reduce.Kind kind, int rank, boolean lastReduced) {
            this.kind = kind;
            this.lastReduced = lastReduced;
            this.idx = new int[rank];
            this.lanes = Simd.ENABLED && VectorReduce.supports(kind);
        }

        /** Folds blocks of a result of {@code shape} into {@code acc} from now on (null: hold nothing). */
        void reset(int[] shape, int[] outStrides, double[] acc) {
            this.shape = shape;
            this.outStrides = outStrides;
            this.acc = acc;
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
