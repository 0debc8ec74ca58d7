package org.symtensor.runtime.opencl;

import java.util.Locale;
import java.util.Set;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.render.OpenClRenderer;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The device kernel of a {@link Reduce} over all axes or over one contiguous run of axes: the
 * input is seen as {@code (outer, R, inner)}; one work group per output element accumulates
 * strided slices of its {@code R} elements and combines them as a tree in local memory. A
 * reduction to one value of more than two groups' worth of elements runs in two passes (partials
 * per work group, then one group over the partials), so it uses the whole device.
 * Accumulators follow the CPU kernel: float in the input's float type, integers in {@code long};
 * the mean of integers in double. A max or min over an axis of length 0 is the CPU kernel's error.
 */
final class ClReduce implements DeviceKernel {
    private final ClDevice device;
    private final int first;
    private final int last;
    private final DType outType;
    private final DType acc;
    private final String source;
    private final int localSize;
    private final String name;
    private final Reduce.Kind kind;
    private final Object where;

    /** Combines {@code scratch[0 .. L)} into {@code scratch[0]} after each work item stored its {@code acc}. */
    private static final String TREE = """
                scratch[lid] = acc;
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
                    if (lid < s) scratch[lid] = COMBINE(scratch[lid], scratch[lid + s]);
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
            """;
    /** The most partial results of the first pass of a two-pass reduction. */
    private static final int MAX_PARTIALS = 1024;

    private ClReduce(ClDevice device, Reduce op, DType in, DType out, int first, int last, Object where) {
        this.device = device;
        this.first = first;
        this.last = last;
        this.outType = out;
        this.name = op.name();
        this.where = where;
        Reduce.Kind kind = op.reduceKind();
        this.kind = kind;
        boolean truth = kind == Reduce.Kind.ALL || kind == Reduce.Kind.ANY;
        // all/any fold truth values (NaN is true: NaN != 0) as 0/1 longs: min for all, max for any
        DType acc = truth ? DType.INT64 : out.isFloat() ? out : (in.isFloat() ? in : DType.INT64);
        this.acc = acc;
        String t = OpenClRenderer.cType(acc);
        String identity = switch (kind) {
            case SUM, MEAN -> "(" + t + ")0";
            case PROD -> "(" + t + ")1";
            case MAX -> acc.isFloat() ? "(" + t + ")(-INFINITY)" : "LONG_MIN";
            case MIN -> acc.isFloat() ? "(" + t + ")INFINITY" : "LONG_MAX";
            case ALL -> "1L";
            case ANY -> "0L";
            case ARGMAX, ARGMIN -> throw new AssertionError(kind + " is ClArgReduce's (forNode)");
        };
        ScalarOp combine = switch (kind) {
            case SUM, MEAN -> ScalarOp.ADD;
            case PROD -> ScalarOp.MUL;
            case MAX -> ScalarOp.MAXIMUM;
            case MIN, ALL -> ScalarOp.MINIMUM;
            case ANY -> ScalarOp.MAXIMUM;
            case ARGMAX, ARGMIN -> throw new AssertionError(kind + " is ClArgReduce's (forNode)");
        };
        String comb = OpenClRenderer.expression(combine, acc, "(a)", "(b)");
        String load = truth ? "(x[IDX] != 0 ? 1L : 0L)" : "(" + t + ")x[IDX]";
        String fin = kind == Reduce.Kind.MEAN ? "(acc / (" + t + ")R)" : "acc";
        this.localSize = localSize(device);
        this.source = OpenClRenderer.preamble(Set.of(acc)) + "#define COMBINE(a, b) (" + comb + ")\n"
                + "__kernel void st_reduce(__global const " + OpenClRenderer.cType(in) + "* restrict x, __global "
                + OpenClRenderer.cType(out) + "* restrict out, const int R, const int inner, __local " + t + "* scratch) {\n"
                + "    const int o = get_group_id(0);\n"
                + "    const int lid = get_local_id(0);\n"
                + "    const int L = get_local_size(0);\n"
                + "    const long base = (long)(o / inner) * R * inner + o % inner;\n"
                + "    " + t + " acc = " + identity + ";\n"
                + "    for (int j = lid; j < R; j += L) {\n"
                + "        const " + t + " v = " + load.replace("IDX", "base + (long)j * inner") + ";\n"
                + "        acc = COMBINE(acc, v);\n"
                + "    }\n"
                + "    scratch[lid] = acc;\n"
                + "    barrier(CLK_LOCAL_MEM_FENCE);\n"
                + "    for (int s = L / 2; s > 0; s >>= 1) {\n"
                + "        if (lid < s) scratch[lid] = COMBINE(scratch[lid], scratch[lid + s]);\n"
                + "        barrier(CLK_LOCAL_MEM_FENCE);\n"
                + "    }\n"
                + "    if (lid == 0) {\n"
                + "        acc = scratch[0];\n"
                + "        out[o] = " + OpenClRenderer.store(fin, acc, out) + ";\n"
                + "    }\n"
                + "}\n"
                + "__kernel void st_partial(__global const " + OpenClRenderer.cType(in) + "* restrict x, __global "
                + t + "* restrict partial, const long R, __local " + t + "* scratch) {\n"
                + "    const int lid = get_local_id(0);\n"
                + "    const long step = get_global_size(0);\n"
                + "    " + t + " acc = " + identity + ";\n"
                + "    for (long j = get_global_id(0); j < R; j += step) {\n"
                + "        const " + t + " v = " + load.replace("IDX", "j") + ";\n"
                + "        acc = COMBINE(acc, v);\n"
                + "    }\n"
                + TREE
                + "    if (lid == 0) partial[get_group_id(0)] = scratch[0];\n"
                + "}\n"
                + "__kernel void st_final(__global const " + t + "* restrict partial, __global "
                + OpenClRenderer.cType(out) + "* restrict out, const int G, const long R, __local " + t + "* scratch) {\n"
                + "    const int lid = get_local_id(0);\n"
                + "    " + t + " acc = " + identity + ";\n"
                + "    for (int j = lid; j < G; j += get_local_size(0)) {\n"
                + "        acc = COMBINE(acc, partial[j]);\n"
                + "    }\n"
                + TREE
                + "    if (lid == 0) {\n"
                + "        acc = scratch[0];\n"
                + "        out[0] = " + OpenClRenderer.store(fin, acc, out) + ";\n"
                + "    }\n"
                + "}\n";
    }

    /** The kernel for {@code node}, or null when its axes are not one contiguous run or it needs fp64 the device lacks. */
    static ClReduce forNode(Apply node, ClDevice device) {
        Reduce op = (Reduce) node.op();
        if (op.reduceKind() == Reduce.Kind.ARGMAX || op.reduceKind() == Reduce.Kind.ARGMIN) {
            return null; // a position needs (value, index) pairs: ClArgReduce
        }
        DType in = node.inputs().get(0).type().dtype();
        DType out = node.outputs().get(0).type().dtype();
        int rank = node.inputs().get(0).type().rank();
        if (!device.supportsFp64() && (in == DType.FLOAT64 || out == DType.FLOAT64)) {
            return null;
        }
        int[] run = contiguousRun(op.reducedAxes(rank));
        return run == null ? null : new ClReduce(device, op, in, out, run[0], run[1], node.createdAt());
    }

    // The helpers below are shared with ClArgReduce, which lays out its input the same way.

    /** The work-group size of the reduction kernels: the largest power of two the device allows, at most 256 (the tree halves it). */
    static int localSize(ClDevice device) {
        int p = 1;
        while (p * 2 <= Math.min(256, device.maxWorkGroupSize())) {
            p *= 2;
        }
        return p;
    }

    /**
     * The reduced axes as {@code {first, last}} when they are one contiguous run, {@code {0, -1}}
     * when none is reduced (then R = 1), or null when they are not contiguous (no kernel here).
     */
    static int[] contiguousRun(boolean[] reduced) {
        int first = -1;
        int last = -1;
        for (int a = 0; a < reduced.length; a++) {
            if (reduced[a]) {
                if (first < 0) {
                    first = a;
                } else if (last != a - 1) {
                    return null;
                }
                last = a;
            }
        }
        return first < 0 ? new int[] {0, -1} : new int[] {first, last};
    }

    /** An input shape seen as {@code (outer, r, inner)} around the reduced axes, and the output's shape (the kept axes). */
    record Layout(int outer, int r, int inner, int[] outShape) {
        static Layout of(int[] shape, int first, int last) {
            int outer = 1;
            int r = 1;
            int inner = 1;
            int[] outShape = new int[shape.length - (last - first + 1)];
            int j = 0;
            for (int a = 0; a < shape.length; a++) {
                if (a < first) {
                    outer *= shape[a];
                    outShape[j++] = shape[a];
                } else if (a <= last) {
                    r *= shape[a];
                } else {
                    inner *= shape[a];
                    outShape[j++] = shape[a];
                }
            }
            return new Layout(outer, r, inner, outShape);
        }
    }

    @Override
    public DeviceArray run(DeviceArray[] in, Allocator alloc) {
        int[] shape = in[0].shape();
        for (int a = first; a <= last; a++) {
            if (shape[a] == 0 && (kind == Reduce.Kind.MAX || kind == Reduce.Kind.MIN)) {
                // the CPU kernel's error (ReduceKernel), word for word: max and min of nothing are undefined
                String k = kind.name().toLowerCase(Locale.ROOT);
                throw new ShapeMismatchException(name + ": cannot take the " + k + " over axis " + a
                        + " of input shape " + NDArray.shapeToString(shape) + ", which has length 0; " + k
                        + " has no identity (node created at " + where + ")");
            }
        }
        Layout layout = Layout.of(shape, first, last);
        int r = layout.r();
        int inner = layout.inner();
        DeviceArray out = alloc.allocate(outType, layout.outShape());
        int groups = layout.outer() * inner;
        if (groups == 1 && r > 2 * localSize) {
            twoPass(in[0], out, r, alloc);
            return out;
        }
        int rr = r;
        int in1 = Math.max(inner, 1);
        device.launch(source, "st_reduce", new long[] {(long) groups * localSize}, new long[] {localSize},
                args -> args.buffer(in[0]).buffer(out).i32(rr).i32(in1).local((long) localSize * ClDevice.elementSize(acc)));
        return out;
    }

    /**
     * A reduction to one value: one work group cannot use a whole device, so the first pass has up to
     * {@value #MAX_PARTIALS} groups, each combining a grid-strided share into one partial, and the
     * second pass combines the partials in one group (and divides a mean by the full count).
     */
    private void twoPass(DeviceArray x, DeviceArray out, int r, Allocator alloc) {
        int partials = Math.min(MAX_PARTIALS, (r + localSize - 1) / localSize);
        DeviceArray partial = alloc.allocate(acc, new int[] {partials});
        long scratch = (long) localSize * ClDevice.elementSize(acc);
        device.launch(source, "st_partial", new long[] {(long) partials * localSize}, new long[] {localSize},
                args -> args.buffer(x).buffer(partial).i64(r).local(scratch));
        device.launch(source, "st_final", new long[] {localSize}, new long[] {localSize},
                args -> args.buffer(partial).buffer(out).i32(partials).i64(r).local(scratch));
    }
}
