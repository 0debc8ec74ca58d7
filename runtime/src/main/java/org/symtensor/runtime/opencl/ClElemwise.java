package org.symtensor.runtime.opencl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.render.OpenClRenderer;
import org.symtensor.runtime.cpu.Broadcasting;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The device kernel of an {@code Elemwise} node: the api's {@link OpenClRenderer} renders the
 * node's scalar program once (the same call renders a composite's inner graph), and one program
 * per input layout (same shape, scalar, broadcast or strided) is generated on first use.
 * Broadcasting follows the CPU kernel ({@link Broadcasting}): only an axis declared broadcastable stretches.
 */
final class ClElemwise implements DeviceKernel {
    private final Apply node;
    private final ClDevice device;
    private final DType[] inTypes;
    private final DType outType;
    private final String preamble;
    private final String body;
    private final String result;
    private final Map<String, String> sources = new ConcurrentHashMap<>();

    ClElemwise(Apply node, ClDevice device) {
        this(node, device, node.outputs(), node.inputs());
    }

    /** The program from {@code leaves} to {@code output}: a node's inputs, or a composite's inner inputs. */
    ClElemwise(Apply node, ClDevice device, List<Variable> outputs, List<Variable> leaves) {
        this.node = node;
        this.device = device;
        Map<Variable, String> names = new IdentityHashMap<>();
        inTypes = new DType[leaves.size()];
        for (int k = 0; k < inTypes.length; k++) {
            names.put(leaves.get(k), "a" + k);
            inTypes[k] = leaves.get(k).type().dtype();
        }
        OpenClRenderer.Rendered r = OpenClRenderer.statements(outputs, names, "t");
        this.outType = outputs.get(0).type().dtype();
        this.preamble = OpenClRenderer.preamble(r.computeTypes());
        this.body = r.code();
        this.result = r.results().get(0);
    }

    /** Whether this device computes every type the node needs (float64 needs cl_khr_fp64). */
    static boolean supported(Apply node, ClDevice device) {
        if (device.supportsFp64()) {
            return true;
        }
        for (Variable v : node.inputs()) {
            if (v.type().dtype() == DType.FLOAT64) {
                return false;
            }
        }
        List<DType> ins = new ArrayList<>();
        for (Variable v : node.inputs()) {
            ins.add(v.type().dtype());
        }
        DType out = node.outputs().get(0).type().dtype();
        org.symtensor.ir.ScalarOp op = ((org.symtensor.ir.Elemwise) node.op()).scalarOp();
        return out != DType.FLOAT64 && OpenClRenderer.computeType(op, out, ins) != DType.FLOAT64;
    }

    @Override
    public DeviceArray run(DeviceArray[] in, Allocator alloc) {
        int[][] shapes = new int[in.length][];
        for (int k = 0; k < in.length; k++) {
            shapes[k] = in[k].shape();
        }
        int[] shape = Broadcasting.outputShape(node, shapes);
        int rank = shape.length;
        ElementwiseSource.Mode[] modes = new ElementwiseSource.Mode[in.length];
        int[][] strides = new int[in.length][];
        StringBuilder key = new StringBuilder().append(rank);
        for (int k = 0; k < in.length; k++) {
            if (in[k].size() == 1) {
                modes[k] = ElementwiseSource.Mode.SCALAR;
            } else if (Arrays.equals(in[k].shape(), shape)) {
                modes[k] = ElementwiseSource.Mode.SAME;
            } else {
                modes[k] = ElementwiseSource.Mode.STRIDED;
                int[] st = ElementwiseSource.cStrides(in[k].shape());
                for (int d = 0; d < rank; d++) {
                    if (in[k].shape()[d] == 1) {
                        st[d] = 0;
                    }
                }
                strides[k] = st;
            }
            key.append(modes[k].ordinal()); // not the initial: SAME, SCALAR and STRIDED all start with S
        }
        String src = sources.computeIfAbsent(key.toString(),
                unused -> ElementwiseSource.source(inTypes, modes, rank, outType, preamble, body, result));
        DeviceArray out = alloc.allocate(outType, shape);
        ElementwiseSource.launch(device, src, in, modes, strides, out);
        return out;
    }
}
