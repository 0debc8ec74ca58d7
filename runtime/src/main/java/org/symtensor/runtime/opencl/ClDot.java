package org.symtensor.runtime.opencl;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The device kernels of {@code Dot} for float32 and float64 operands of one dtype: a GEMM tiled
 * in local memory ({@code 64×64} output tiles, {@code 16×16} work items computing {@code 4×4}
 * each, {@code 16}-deep slices of K), one work item per row for matrix·vector, one per column for
 * vector·matrix (and vector·vector as vector·(k×1)). A stack of rows {@code (b×m×k)} is the
 * matrix {@code (bm×k)}; device arrays are contiguous, so that is a reshape.
 */
final class ClDot implements DeviceKernel {
    private static final String GEMM = """
            #define TSM 64
            #define TSN 64
            #define TSK 16
            __kernel __attribute__((reqd_work_group_size(16, 16, 1)))
            void st_gemm(const int M, const int N, const int K,
                         __global const T* restrict A, __global const T* restrict B, __global T* restrict C) {
                const int tx = get_local_id(0);
                const int ty = get_local_id(1);
                const int tid = ty * 16 + tx;
                const int rowBase = get_group_id(1) * TSM;
                const int colBase = get_group_id(0) * TSN;
                __local T As[TSK][TSM];
                __local T Bs[TSK][TSN];
                T acc[4][4];
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) acc[i][j] = (T)0;
                for (int t = 0; t < K; t += TSK) {
                    for (int l = 0; l < 4; l++) {
                        const int e = tid + l * 256;
                        const int am = e / TSK, ak = e % TSK;
                        const int gm = rowBase + am, gk = t + ak;
                        As[ak][am] = (gm < M && gk < K) ? A[(long)gm * K + gk] : (T)0;
                        const int bk = e / TSN, bn = e % TSN;
                        const int gk2 = t + bk, gn = colBase + bn;
                        Bs[bk][bn] = (gk2 < K && gn < N) ? B[(long)gk2 * N + gn] : (T)0;
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                    for (int k = 0; k < TSK; k++) {
                        T a[4], b[4];
                        for (int i = 0; i < 4; i++) a[i] = As[k][ty + i * 16];
                        for (int j = 0; j < 4; j++) b[j] = Bs[k][tx + j * 16];
                        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) acc[i][j] = fma(a[i], b[j], acc[i][j]);
                    }
                    barrier(CLK_LOCAL_MEM_FENCE);
                }
                for (int i = 0; i < 4; i++) {
                    const int gm = rowBase + ty + i * 16;
                    for (int j = 0; j < 4; j++) {
                        const int gn = colBase + tx + j * 16;
                        if (gm < M && gn < N) C[(long)gm * N + gn] = acc[i][j];
                    }
                }
            }
            __kernel void st_gemv(const int M, const int K, __global const T* restrict A, __global const T* restrict x,
                                  __global T* restrict y) {
                const int i = get_global_id(0);
                if (i >= M) return;
                T acc = (T)0;
                const __global T* row = A + (long)i * K;
                for (int k = 0; k < K; k++) acc = fma(row[k], x[k], acc);
                y[i] = acc;
            }
            __kernel void st_gevm(const int K, const int N, __global const T* restrict x, __global const T* restrict B,
                                  __global T* restrict y) {
                const int j = get_global_id(0);
                if (j >= N) return;
                T acc = (T)0;
                for (int k = 0; k < K; k++) acc = fma(x[k], B[(long)k * N + j], acc);
                y[j] = acc;
            }
            """;

    private final Apply node;
    private final ClDevice device;
    private final DType dtype;
    private final String source;

    private ClDot(Apply node, ClDevice device, DType dtype) {
        this.node = node;
        this.device = device;
        this.dtype = dtype;
        String pre = dtype == DType.FLOAT64 ? "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n" : "";
        this.source = pre + "#define T " + (dtype == DType.FLOAT64 ? "double" : "float") + "\n" + GEMM;
    }

    /** The kernel for {@code node}, or null when its operands are not both float32 or both float64 (with fp64). */
    static ClDot forNode(Apply node, ClDevice device) {
        DType a = node.inputs().get(0).type().dtype();
        DType b = node.inputs().get(1).type().dtype();
        if (a != b || !a.isFloat() || (a == DType.FLOAT64 && !device.supportsFp64()) || device.maxWorkGroupSize() < 256) {
            return null;
        }
        return new ClDot(node, device, a);
    }

    @Override
    public DeviceArray run(DeviceArray[] in, Allocator alloc) {
        DeviceArray a = in[0];
        DeviceArray b = in[1];
        int[] as = a.shape();
        int[] bs = b.shape();
        int k = as[as.length - 1];
        if (bs[0] != k) {
            throw new ShapeMismatchException("dot: inner dimensions differ: shapes " + NDArray.shapeToString(as) + " and "
                    + NDArray.shapeToString(bs) + " (node created at " + node.createdAt() + ")");
        }
        int rows = rowsOf(as, a.size(), k);
        int[] outShape = java.util.Arrays.copyOf(as, as.length - 1 + (bs.length - 1));
        if (bs.length == 2) {
            outShape[outShape.length - 1] = bs[1];
        }
        DeviceArray out = alloc.allocate(dtype, outShape);
        if (out.size() == 0) {
            return out;
        }
        if (bs.length == 2 && as.length >= 2) {
            int n = bs[1];
            device.launch(source, "st_gemm", new long[] {(n + 63L) / 64 * 16, (rows + 63L) / 64 * 16},
                    new long[] {16, 16}, args -> args.i32(rows).i32(n).i32(k).buffer(a).buffer(b).buffer(out));
        } else if (bs.length == 2) {
            int n = bs[1];
            device.launch(source, "st_gevm", new long[] {n}, null,
                    args -> args.i32(k).i32(n).buffer(a).buffer(b).buffer(out));
        } else if (as.length >= 2) {
            device.launch(source, "st_gemv", new long[] {rows}, null,
                    args -> args.i32(rows).i32(k).buffer(a).buffer(b).buffer(out));
        } else {
            device.launch(source, "st_gevm", new long[] {1}, null,
                    args -> args.i32(k).i32(1).buffer(a).buffer(b).buffer(out));
        }
        return out;
    }

    /** The rows of {@code a} seen as a matrix {@code (rows, k)}; counted from the shape when {@code k} is 0. */
    private static int rowsOf(int[] as, int size, int k) {
        if (k != 0) {
            return size / k;
        }
        int rows = 1;
        for (int d = 0; d < as.length - 1; d++) {
            rows *= as[d];
        }
        return rows;
    }
}
