package org.symtensor.runtime.cpu;

import org.symtensor.ir.Apply;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Eye;
import org.symtensor.ir.ShapeOf;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The entry point of the CPU backend's kernels: {@link #forApply} builds the {@link Kernel} of one
 * apply node once, with what can be known before the first call (output dtype, scalar op, axes)
 * already worked out, so the linker can call it many times. Dispatch is a switch over
 * {@link org.symtensor.ir.OpKind} with no default: a new op kind does not compile until it has a
 * kernel here.
 */
public final class CpuKernels {
    private CpuKernels() {}

    /** The kernel computing {@code node}'s outputs from its inputs' values; thread-safe and stateless. */
    public static Kernel forApply(Apply node) {
        return switch (node.op().kind()) {
            case ELEMWISE -> new ElemwiseKernel(node);
            case DIMSHUFFLE -> new DimShuffleKernel(((DimShuffle) node.op()).pattern(), node.inputs().get(0).type().rank());
            case REDUCE -> org.symtensor.ir.Reduce.isIndexOrLogic(((org.symtensor.ir.Reduce) node.op()).reduceKind())
                    ? new IndexReduceKernel(node) : new ReduceKernel(node);
            case DOT -> new DotKernel(node);
            case SHAPE -> new ShapeKernel(((ShapeOf) node.op()).axis());
            case EYE -> {
                DType dtype = ((Eye) node.op()).dtype();
                yield in -> new NDArray[] {eye(dtype, node, in[0].getLong(0))};
            }
            // the mark only matters to the gradient; forward it is the identity
            case GRAD_MARK -> in -> new NDArray[] {in[0]};
            case RANDOM -> new RandomKernel(node);
            case SCAN -> new ScanKernel(node);
            case INDEX -> IndexKernels.subtensor(node);
            case INC_INDEX -> IndexKernels.incSubtensor(node);
            case IFELSE -> new IfElseKernel(node);
            case COMPOSITE -> ((org.symtensor.ir.Composite) node.op()).reduce() != null
                    ? new FusedReduceKernel(node) : new CompositeKernel(node);
            case LINALG -> new LinAlgKernel(node);
            case CONV2D -> new Conv2dKernel(node);
            case POOL2D -> new Pool2dKernel(node);
            case RESHAPE -> ShapeKernels.reshape(node);
            case JOIN -> ShapeKernels.join(node);
            case ALLOC -> ShapeKernels.alloc(node);
            case ARANGE -> ShapeKernels.arange(node);
            case SPECIFY_SHAPE -> ShapeKernels.specifyShape(node);
            case ADVANCED_INDEX -> AdvancedIndexKernels.subtensor(node);
            case ADVANCED_INC -> AdvancedIndexKernels.incSubtensor(node);
            case CUMULATIVE -> new CumulativeKernel(node);
            case SOFTMAX -> new SoftmaxKernel(node);
            case SORT -> new AxisKernels.ArgSortKernel(node);
            case TAKE_ALONG -> new AxisKernels.TakeAlongKernel(node);
        };
    }

    /**
     * A dimshuffle, as a view. Given its previous view back by the linker (an arena's), it returns
     * that same header when the new view would be identical (same backing array, offset, dtype,
     * shape and strides): a header cannot change, so that is the same value, and a steady call
     * (the transposes and broadcasts of a training step) allocates nothing.
     */
    static final class DimShuffleKernel implements Kernel {
        private final int[] pattern;
        private final int inRank;

        DimShuffleKernel(int[] pattern, int inRank) {
            this.pattern = pattern;
            this.inRank = inRank;
        }

        @Override
        public NDArray[] run(NDArray[] in) {
            return new NDArray[] {in[0].dimshuffle(pattern)};
        }

        @Override
        public NDArray[] run(NDArray[] in, int[] donors, NDArray[] recycled) {
            NDArray x = in[0];
            NDArray last = recycled == null || recycled.length != 1 ? null : recycled[0];
            NDArray v = last != null && isView(last, x) ? last : x.dimshuffle(pattern);
            return Recycled.result(recycled, v);
        }

        /** Whether {@code v} is exactly {@code x.dimshuffle(pattern)}, checked without building it. */
        boolean isView(NDArray v, NDArray x) {
            if (v.data() != x.data() || v.offset() != x.offset() || v.dtype() != x.dtype()
                    || v.rank() != pattern.length || x.rank() != inRank) {
                return false;
            }
            long used = 0; // ranks are far below 64
            for (int k = 0; k < pattern.length; k++) {
                int axis = pattern[k];
                if (axis == -1) {
                    if (v.shape(k) != 1 || v.stride(k) != 0) {
                        return false;
                    }
                } else if (v.shape(k) != x.shape(axis) || v.stride(k) != x.stride(axis)) {
                    return false;
                } else {
                    used |= 1L << axis;
                }
            }
            for (int axis = 0; axis < inRank; axis++) {
                if ((used & (1L << axis)) == 0 && x.shape(axis) != 1) {
                    return false; // dimshuffle raises the error for a dropped axis that is not 1
                }
            }
            return true;
        }
    }

    /** The length of one axis as a 0-d int64, written into the linker's offered 0-d buffer when there is one. */
    static final class ShapeKernel implements Kernel {
        private final int axis;

        ShapeKernel(int axis) {
            this.axis = axis;
        }

        @Override
        public NDArray[] run(NDArray[] in) {
            return new NDArray[] {NDArray.of((long) in[0].shape(axis))};
        }

        @Override
        public NDArray[] run(NDArray[] in, int[] donors, NDArray[] recycled) {
            long n = in[0].shape(axis);
            NDArray out = Recycled.fit(recycled, 0, DType.INT64, Recycled.SCALAR);
            if (out == null) {
                out = NDArray.of(n);
            } else {
                out.setLong(0, n);
            }
            return Recycled.result(recycled, out);
        }
    }

    private static NDArray eye(DType dtype, Apply node, long n) {
        if (n < 0 || n > Integer.MAX_VALUE / 2) {
            throw new org.symtensor.error.ShapeMismatchException(node.op().name() + ": bad size " + n + " (node created at "
                    + node.createdAt() + ")");
        }
        int size = (int) n;
        NDArray out = NDArray.zeros(dtype, size, size);
        for (int i = 0; i < size; i++) {
            out.setDouble(i * size + i, 1);
        }
        return out;
    }
}
