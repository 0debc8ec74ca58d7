package org.symtensor.runtime.opencl;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.ir.Composite;
import org.symtensor.type.TensorType;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ShapeOf;
import org.symtensor.runtime.cpu.CpuKernels;
import org.symtensor.type.DType;

/**
 * Which ops the OpenCL backend runs on the device, as one switch over
 * {@link org.symtensor.ir.OpKind} with no default: elementwise (every scalar op and dtype;
 * float64 needs {@code cl_khr_fp64}), dimshuffle, reductions over all axes or one contiguous run
 * of axes, float products, uniform, normal and integer random draws ({@link ClRandom}), and conv2d and
 * pooling in every variant ({@link ClConv}); shapes
 * are read where the value lives; everything else runs on the host through the CPU kernel
 * ({@link CpuKernels#forApply}) with transfers around it.
 */
final class DeviceOps {
    private DeviceOps() {}

    static Step stepFor(Apply node, ClDevice device, int[] ins, int[] outs) {
        Step host = Step.host(node, ins, outs, CpuKernels.forApply(node));
        return switch (node.op().kind()) {
            case ELEMWISE -> ClElemwise.supported(node, device)
                    ? Step.device(node, ins, outs, new ClElemwise(node, device)) : host;
            case DIMSHUFFLE -> !device.supportsFp64() && has64(node)
                    ? host : Step.device(node, ins, outs, new ClDimShuffle((DimShuffle) node.op(), device));
            case REDUCE -> {
                Reduce.Kind rk = ((Reduce) node.op()).reduceKind();
                DeviceKernel k = rk == Reduce.Kind.ARGMAX || rk == Reduce.Kind.ARGMIN
                        ? ClArgReduce.forNode(node, device) : ClReduce.forNode(node, device);
                yield k == null ? host : Step.device(node, ins, outs, k);
            }
            case DOT -> {
                ClDot k = ClDot.forNode(node, device);
                yield k == null ? host : Step.device(node, ins, outs, k);
            }
            case SHAPE -> Step.shape(node, ins, outs, ((ShapeOf) node.op()).axis());
            case EYE -> host;
            case GRAD_MARK -> Step.pass(node, ins, outs);
            // uniform, normal, integers on the device (same counter scheme); the other draws exact on the host
            case RANDOM -> ClRandom.supported(node, device) ? ClRandom.step(node, device, ins, outs) : host;
            case SCAN, INDEX, INC_INDEX, IFELSE -> host;
            case COMPOSITE -> ((Composite) node.op()).reduce() == null && ClElemwise.supported(node, device)
                    ? composite(node, device, ins, outs) : host;
            case LINALG -> host; // products and decompositions run on the host (OpenBLAS, EJML)
            // conv2d and pooling, every variant, on the device (ClConv)
            case CONV2D, POOL2D -> {
                ClConv k = ClConv.forNode(node, device);
                yield k == null ? host : Step.device(node, ins, outs, k);
            }
            case RESHAPE, JOIN, ALLOC, ARANGE, SPECIFY_SHAPE, ADVANCED_INDEX, ADVANCED_INC -> host;
            case CUMULATIVE, SORT, TAKE_ALONG -> host;
            // built only by the CPU's softmax_rows rewrite, which the OpenCL pipeline does not run
            case SOFTMAX -> host;
        };
    }

    /** A fused node renders as one kernel: its scalar program expanded over rank-0 stand-ins for the inputs. */
    private static Step composite(Apply node, ClDevice device, int[] ins, int[] outs) {
        List<Variable> leaves = new ArrayList<>();
        for (Variable in : node.inputs()) {
            leaves.add(new Variable(TensorType.of(in.type().dtype()), null));
        }
        Variable program = ((Composite) node.op()).expand(leaves);
        return Step.device(node, ins, outs, new ClElemwise(node, device, List.of(program), leaves));
    }

    private static boolean has64(Apply node) {
        for (Variable v : node.inputs()) {
            if (v.type().dtype() == DType.FLOAT64) {
                return true;
            }
        }
        return false;
    }
}
