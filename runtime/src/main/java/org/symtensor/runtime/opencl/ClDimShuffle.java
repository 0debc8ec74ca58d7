package org.symtensor.runtime.opencl;

import org.symtensor.ir.DimShuffle;
import org.symtensor.type.DType;

/**
 * The device kernel of a {@link DimShuffle}: when the kept axes stay in order (only broadcastable
 * axes are dropped or inserted) it is a reshape of the same buffer, free; otherwise (a transpose)
 * a gather kernel copies through the permuted strides.
 */
final class ClDimShuffle implements DeviceKernel {
    private static final ElementwiseSource.Mode[] STRIDED = {ElementwiseSource.Mode.STRIDED};

    private final ClDevice device;
    private final int[] pattern;
    private final boolean inOrder;
    private final java.util.Map<String, String> sources = new java.util.concurrent.ConcurrentHashMap<>();

    ClDimShuffle(DimShuffle op, ClDevice device) {
        this.device = device;
        this.pattern = op.pattern();
        int last = -1;
        boolean ordered = true;
        for (int p : pattern) {
            if (p != DimShuffle.NEW_AXIS) {
                ordered &= p > last;
                last = p;
            }
        }
        this.inOrder = ordered;
    }

    @Override
    public DeviceArray run(DeviceArray[] in, Allocator alloc) {
        DeviceArray x = in[0];
        int[] xs = x.shape();
        int[] outShape = new int[pattern.length];
        int[] xStrides = ElementwiseSource.cStrides(xs);
        int[] strides = new int[pattern.length];
        for (int i = 0; i < pattern.length; i++) {
            outShape[i] = pattern[i] == DimShuffle.NEW_AXIS ? 1 : xs[pattern[i]];
            strides[i] = pattern[i] == DimShuffle.NEW_AXIS ? 0 : xStrides[pattern[i]];
        }
        if (inOrder || x.size() <= 1) {
            return x.reshape(outShape);
        }
        DType t = x.dtype();
        String src = sources.computeIfAbsent(t.name(), unused -> ElementwiseSource.source(new DType[] {t}, STRIDED,
                pattern.length, t, t == DType.FLOAT64 ? "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n" : "", "", "a0"));
        DeviceArray out = alloc.allocate(t, outShape);
        ElementwiseSource.launch(device, src, in, STRIDED, new int[][] {strides}, out);
        return out;
    }
}
