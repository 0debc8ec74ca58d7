package org.symtensor.runtime.opencl;

import org.symtensor.render.OpenClRenderer;
import org.symtensor.type.DType;

/**
 * Writes the OpenCL program of one elementwise kernel {@code st_elemwise}: one work item per
 * output element; each input is read at the output's index ({@link Mode#SAME}), at 0
 * ({@link Mode#SCALAR}) or through strides passed as arguments ({@link Mode#STRIDED}: broadcasting
 * and transposes), then the rendered scalar program computes the output. Arguments: the inputs,
 * the output, {@code n}, then (when any input is strided) the output's dims 1..R-1 and each
 * strided input's R strides.
 */
final class ElementwiseSource {
    /** How one input is indexed. */
    enum Mode { SAME, SCALAR, STRIDED }

    private ElementwiseSource() {}

    /**
     * @param body statements over the leaves {@code a0..ak} (each of its input's C type), and
     *     {@code result}, an expression of the output's C type
     */
    static String source(DType[] in, Mode[] modes, int rank, DType out, String preamble, String body, String result) {
        StringBuilder s = new StringBuilder(preamble);
        s.append("__kernel void st_elemwise(");
        for (int k = 0; k < in.length; k++) {
            s.append("__global const ").append(OpenClRenderer.cType(in[k])).append("* restrict x").append(k).append(", ");
        }
        s.append("__global ").append(OpenClRenderer.cType(out)).append("* restrict out, const int n");
        boolean strided = false;
        for (Mode m : modes) {
            strided |= m == Mode.STRIDED;
        }
        if (strided) {
            for (int d = 1; d < rank; d++) {
                s.append(", const int d").append(d);
            }
            for (int k = 0; k < in.length; k++) {
                if (modes[k] == Mode.STRIDED) {
                    for (int d = 0; d < rank; d++) {
                        s.append(", const int s").append(k).append('_').append(d);
                    }
                }
            }
        }
        s.append(") {\n    const int gid = get_global_id(0);\n    if (gid >= n) return;\n");
        if (strided) {
            s.append("    int r = gid;\n");
            for (int d = rank - 1; d >= 1; d--) {
                s.append("    const int c").append(d).append(" = r % d").append(d).append("; r /= d").append(d).append(";\n");
            }
            s.append("    const int c0 = r;\n");
        }
        for (int k = 0; k < in.length; k++) {
            s.append("    const ").append(OpenClRenderer.cType(in[k])).append(" a").append(k).append(" = x").append(k).append('[');
            switch (modes[k]) {
                case SAME -> s.append("gid");
                case SCALAR -> s.append('0');
                case STRIDED -> {
                    for (int d = 0; d < rank; d++) {
                        s.append(d == 0 ? "" : " + ").append('c').append(d).append(" * s").append(k).append('_').append(d);
                    }
                }
            }
            s.append("];\n");
        }
        s.append(body);
        s.append("    out[gid] = ").append(result).append(";\n}\n");
        return s.toString();
    }

    /** Launches a kernel made by {@link #source}; {@code strides[k]} is used for strided inputs only. */
    static void launch(ClDevice dev, String source, DeviceArray[] in, Mode[] modes, int[][] strides, DeviceArray out) {
        int[] shape = out.shape();
        int n = out.size();
        dev.launch(source, "st_elemwise", new long[] {n}, null, a -> {
            for (DeviceArray x : in) {
                a.buffer(x);
            }
            a.buffer(out).i32(n);
            boolean anyStrided = false;
            for (Mode m : modes) {
                anyStrided |= m == Mode.STRIDED;
            }
            if (anyStrided) {
                for (int d = 1; d < shape.length; d++) {
                    a.i32(shape[d]);
                }
                for (int i = 0; i < in.length; i++) {
                    if (modes[i] == Mode.STRIDED) {
                        for (int d = 0; d < shape.length; d++) {
                            a.i32(strides[i][d]);
                        }
                    }
                }
            }
        });
    }

    /** C-order strides of a shape, in elements. */
    static int[] cStrides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= shape[d];
        }
        return st;
    }
}
