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
            case DIMSHUFFLE -> {
                int[] pattern = ((DimShuffle) node.op()).pattern();
                yield in -> new NDArray[] {in[0].dimshuffle(pattern)};
            }
            case REDUCE -> org.symtensor.ir.Reduce.isIndexOrLogic(((org.symtensor.ir.Reduce) node.op()).reduceKind())
                    ? new IndexReduceKernel(node) : new ReduceKernel(node);
            case DOT -> new DotKernel(node);
            case SHAPE -> {
                int axis = ((ShapeOf) node.op()).axis();
                yield in -> new NDArray[] {NDArray.of((long) in[0].shape(axis))};
            }
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
