package org.symtensor.runtime.opencl;

import java.util.Locale;
import java.util.Set;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Reduce;
import org.symtensor.render.OpenClRenderer;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The device kernel of {@code argmax} and {@code argmin} over all axes or over one contiguous run
 * of axes, laid out as {@link ClReduce} does: the input is seen as {@code (outer, R, inner)} and
 * one work group per output element scans strided slices of its {@code R} elements. Each work item
 * keeps a (value, position) pair and the group combines the pairs as a tree in local memory; a
 * position over all of a large input runs in two passes (pairs per work group, then one group over
 * them). The combination decides by the pair alone, never by which item holds it, so the answer is
 * the CPU's whatever the order: a NaN beats any number and, among NaNs, the smaller position wins
 * (NumPy's first NaN); otherwise the strictly larger (smaller) value wins and equal values, signed
 * zeros included, keep the smaller position. A work item with no element holds position -1, which
 * loses to everything. Floats compare in their own type, integers and bool as {@code long}; the
 * output is int64.
 */
final class ClArgReduce implements DeviceKernel {
    private final ClDevice device;
    private final int first;
    private final int last;
    private final DType val;
    private final String source;
    private final int localSize;
    private final String name;
    private final Reduce.Kind kind;
    private final Object where;
    /** The most partial pairs of the first pass of a two-pass position. */
    private static final int MAX_PARTIALS = 1024;

    /** Leaves the better of the pairs at {@code lid} and {@code lid + s} at {@code lid}, for every {@code s} down to 1. */
    private static final String TREE = """
                sv[lid] = bv;
                si[lid] = bi;
                barrier(CLK_LOCAL_MEM_FENCE);
                for (int s = get_local_size(0) / 2; s > 0; s >>= 1) {
                    if (lid < s && better(sv[lid + s], si[lid + s], sv[lid], si[lid])) {
                        sv[lid] = sv[lid + s];
                        si[lid] = si[lid + s];
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
            """;

    private ClArgReduce(ClDevice device, Reduce op, DType in, int first, int last, Object where) {
        this.device = device;
        this.first = first;
        this.last = last;
        this.name = op.name();
        this.where = where;
        this.kind = op.reduceKind();
        this.val = in.isFloat() ? in : DType.INT64;
        String t = OpenClRenderer.cType(val);
        String x = OpenClRenderer.cType(in);
        String beats = kind == Reduce.Kind.ARGMAX ? ">" : "<";
        this.localSize = ClReduce.localSize(device);
        this.source = OpenClRenderer.preamble(Set.of(val))
                // (av, ai) better than (bv, bi): the rules of the class comment, position -1 being empty
                + "inline int better(" + t + " av, long ai, " + t + " bv, long bi) {\n"
                + "    if (ai < 0) return 0;\n"
                + "    if (bi < 0) return 1;\n"
                + "    const int an = av != av;\n"
                + "    const int bn = bv != bv;\n"
                + "    if (an || bn) return an && (!bn || ai < bi);\n"
                + "    return av " + beats + " bv || (av == bv && ai < bi);\n"
                + "}\n"
                + "__kernel void st_arg(__global const " + x + "* restrict x, __global long* restrict out,"
                + " const int R, const int inner, __local " + t + "* sv, __local long* si) {\n"
                + "    const int o = get_group_id(0);\n"
                + "    const int lid = get_local_id(0);\n"
                + "    const int L = get_local_size(0);\n"
                + "    const long base = (long)(o / inner) * R * inner + o % inner;\n"
                + "    " + t + " bv = 0;\n"
                + "    long bi = -1;\n"
                + "    for (int j = lid; j < R; j += L) {\n"
                + "        const " + t + " v = (" + t + ")x[base + (long)j * inner];\n"
                + "        if (better(v, j, bv, bi)) { bv = v; bi = j; }\n"
                + "    }\n"
                + TREE
                + "    if (lid == 0) out[o] = si[0];\n"
                + "}\n"
                + "__kernel void st_arg_partial(__global const " + x + "* restrict x, __global " + t
                + "* restrict pv, __global long* restrict pi, const long R, __local " + t + "* sv, __local long* si) {\n"
                + "    const int lid = get_local_id(0);\n"
                + "    const long step = get_global_size(0);\n"
                + "    " + t + " bv = 0;\n"
                + "    long bi = -1;\n"
                + "    for (long j = get_global_id(0); j < R; j += step) {\n"
                + "        const " + t + " v = (" + t + ")x[j];\n"
                + "        if (better(v, j, bv, bi)) { bv = v; bi = j; }\n"
                + "    }\n"
                + TREE
                + "    if (lid == 0) { pv[get_group_id(0)] = sv[0]; pi[get_group_id(0)] = si[0]; }\n"
                + "}\n"
                + "__kernel void st_arg_final(__global const " + t + "* restrict pv, __global const long* restrict pi,"
                + " __global long* restrict out, const int G, __local " + t + "* sv, __local long* si) {\n"
                + "    const int lid = get_local_id(0);\n"
                + "    " + t + " bv = 0;\n"
                + "    long bi = -1;\n"
                + "    for (int j = lid; j < G; j += get_local_size(0)) {\n"
                + "        if (better(pv[j], pi[j], bv, bi)) { bv = pv[j]; bi = pi[j]; }\n"
                + "    }\n"
                + TREE
                + "    if (lid == 0) out[0] = si[0];\n"
                + "}\n";
    }

    /** The kernel for an argmax/argmin {@code node}, or null when its axes are not one contiguous run or it needs fp64 the device lacks. */
    static ClArgReduce forNode(Apply node, ClDevice device) {
        Reduce op = (Reduce) node.op();
        DType in = node.inputs().get(0).type().dtype();
        if (!device.supportsFp64() && in == DType.FLOAT64) {
            return null;
        }
        int rank = node.inputs().get(0).type().rank();
        // nothing reduced gives R = 1: every position 0
        int[] run = ClReduce.contiguousRun(op.reducedAxes(rank));
        return run == null ? null : new ClArgReduce(device, op, in, run[0], run[1], node.createdAt());
    }

    @Override
    public DeviceArray run(DeviceArray[] in, Allocator alloc) {
        int[] shape = in[0].shape();
        for (int a = first; a <= last; a++) {
            if (shape[a] == 0) {
                // the CPU kernel's error (IndexReduceKernel), word for word
                String k = kind.name().toLowerCase(Locale.ROOT);
                throw new ShapeMismatchException(name + ": cannot take the " + k + " over axis " + a
                        + " of input shape " + NDArray.shapeToString(shape) + ", which has length 0; an empty run"
                        + " has no position of an extreme (node created at " + where + ")");
            }
        }
        ClReduce.Layout layout = ClReduce.Layout.of(shape, first, last);
        int r = layout.r();
        int inner = layout.inner();
        DeviceArray out = alloc.allocate(DType.INT64, layout.outShape());
        int groups = layout.outer() * inner;
        if (groups == 0) {
            return out;
        }
        long sv = (long) localSize * ClDevice.elementSize(val);
        long si = (long) localSize * Long.BYTES;
        if (groups == 1 && r > 2 * localSize) {
            int partials = Math.min(MAX_PARTIALS, (r + localSize - 1) / localSize);
            DeviceArray pv = alloc.allocate(val, new int[] {partials});
            DeviceArray pi = alloc.allocate(DType.INT64, new int[] {partials});
            int rr = r;
            device.launch(source, "st_arg_partial", new long[] {(long) partials * localSize}, new long[] {localSize},
                    args -> args.buffer(in[0]).buffer(pv).buffer(pi).i64(rr).local(sv).local(si));
            device.launch(source, "st_arg_final", new long[] {localSize}, new long[] {localSize},
                    args -> args.buffer(pv).buffer(pi).buffer(out).i32(partials).local(sv).local(si));
            return out;
        }
        int rr = r;
        int in1 = Math.max(inner, 1);
        device.launch(source, "st_arg", new long[] {(long) groups * localSize}, new long[] {localSize},
                args -> args.buffer(in[0]).buffer(out).i32(rr).i32(in1).local(sv).local(si));
        return out;
    }
}
