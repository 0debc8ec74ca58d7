package org.symtensor.runtime.opencl;

import org.symtensor.ir.Apply;
import org.symtensor.ir.RandomChecks;
import org.symtensor.ir.RandomOp;
import org.symtensor.runtime.random.Philox;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The device kernel of a {@link RandomOp} draw of uniform, normal (float32 or float64) or integer
 * samples: Philox-4x32-10 in OpenCL C over the counter scheme of {@link Philox}, one work item per
 * block, each writing the elements {@link org.symtensor.runtime.random.Draws} takes from that
 * block's four words (four float32 uniforms or normals, two float64 uniforms, normals or integers).
 * The state, the size and the parameters are read and checked on the host exactly as the CPU kernel
 * does, and the next state (the counter advanced by the blocks the draw reads) is computed there;
 * only the sample lives on the device. Contraction into fused multiply-adds is off, so uniforms and
 * integers are bit-identical to the CPU's; normals use the device's {@code log}, {@code sqrt},
 * {@code cos} and {@code sin} (the CPU uses fdlibm), so they agree within a few ulps.
 */
final class ClRandom {
    private static final String SOURCE = """
            #pragma OPENCL EXTENSION cl_khr_fp64 : enable
            #pragma OPENCL FP_CONTRACT OFF
            #define M0 0xD2511F53u
            #define M1 0xCD9E8D57u
            #define W0 0x9E3779B9u
            #define W1 0xBB67AE85u
            /* philox4x32_10 of block b of the draw from (key, stream, counter), as Philox.block */
            inline uint4 st_philox(ulong key, ulong stream, ulong counter, ulong b) {
                ulong c = counter + b;
                uint c0 = (uint)c, c1 = (uint)(c >> 32), c2 = (uint)stream, c3 = (uint)(stream >> 32);
                uint k0 = (uint)key, k1 = (uint)(key >> 32);
                for (int r = 0; r < 10; r++) {
                    uint h0 = mul_hi(M0, c0), l0 = M0 * c0;
                    uint h1 = mul_hi(M1, c2), l1 = M1 * c2;
                    uint n0 = h1 ^ c1 ^ k0;
                    uint n2 = h0 ^ c3 ^ k1;
                    c1 = l1; c3 = l0; c0 = n0; c2 = n2;
                    k0 += W0; k1 += W1;
                }
                return (uint4)(c0, c1, c2, c3);
            }
            inline double st_u24(uint w) { return (double)(w >> 8) * 0x1p-24; }
            inline double st_u53(uint lo, uint hi) { return (double)((((ulong)hi << 32) | lo) >> 11) * 0x1p-53; }
            inline float st_to_float(double v, double low, double high) {
                float x = (float)v;
                if (x >= high && low < high) {
                    x = nextafter((float)high, (float)-INFINITY);
                    if (x >= high) x = nextafter(x, (float)-INFINITY);
                }
                return x;
            }
            inline double st_to_double(double v, double low, double high) {
                return v >= high && low < high ? nextafter(high, (double)-INFINITY) : v;
            }
            __kernel void st_uniform_f32(__global float* out, const int n, const ulong key, const ulong stream,
                    const ulong counter, const double low, const double high) {
                const int b = get_global_id(0);
                const uint4 w = st_philox(key, stream, counter, b);
                const uint ws[4] = {w.s0, w.s1, w.s2, w.s3};
                const double span = high - low;
                for (int j = 0; j < 4 && 4 * b + j < n; j++) {
                    const double t = span * st_u24(ws[j]);
                    out[4 * b + j] = st_to_float(low + t, low, high);
                }
            }
            __kernel void st_uniform_f64(__global double* out, const int n, const ulong key, const ulong stream,
                    const ulong counter, const double low, const double high) {
                const int b = get_global_id(0);
                const uint4 w = st_philox(key, stream, counter, b);
                const double span = high - low;
                const double t0 = span * st_u53(w.s0, w.s1);
                out[2 * b] = st_to_double(low + t0, low, high);
                if (2 * b + 1 < n) {
                    const double t1 = span * st_u53(w.s2, w.s3);
                    out[2 * b + 1] = st_to_double(low + t1, low, high);
                }
            }
            /* Box-Muller as Draws: r = sqrt(-2 ln(1 - u1)); mean + std * r * cos(2 pi u2), then sin */
            inline double2 st_box_muller(double u1, double u2, double mean, double std) {
                const double r = sqrt(-2 * log(1 - u1));
                const double a = 0x1.921fb54442d18p2 * u2;
                const double sr = std * r;
                const double c = sr * cos(a);
                const double s = sr * sin(a);
                return (double2)(mean + c, mean + s);
            }
            __kernel void st_normal_f32(__global float* out, const int n, const ulong key, const ulong stream,
                    const ulong counter, const double mean, const double std) {
                const int b = get_global_id(0);
                const uint4 w = st_philox(key, stream, counter, b);
                const double2 p = st_box_muller(st_u24(w.s0), st_u24(w.s1), mean, std);
                const double2 q = st_box_muller(st_u24(w.s2), st_u24(w.s3), mean, std);
                const int i = 4 * b;
                out[i] = (float)p.s0;
                if (i + 1 < n) out[i + 1] = (float)p.s1;
                if (i + 2 < n) out[i + 2] = (float)q.s0;
                if (i + 3 < n) out[i + 3] = (float)q.s1;
            }
            __kernel void st_normal_f64(__global double* out, const int n, const ulong key, const ulong stream,
                    const ulong counter, const double mean, const double std) {
                const int b = get_global_id(0);
                const uint4 w = st_philox(key, stream, counter, b);
                const double2 p = st_box_muller(st_u53(w.s0, w.s1), st_u53(w.s2, w.s3), mean, std);
                out[2 * b] = p.s0;
                if (2 * b + 1 < n) out[2 * b + 1] = p.s1;
            }
            /* low + umulhi64(x64, range); range 0 (all 2^64 values) takes x64 as is */
            __kernel void st_integers(__global long* out, const int n, const ulong key, const ulong stream,
                    const ulong counter, const long low, const ulong range) {
                const int b = get_global_id(0);
                const uint4 w = st_philox(key, stream, counter, b);
                const ulong x0 = ((ulong)w.s1 << 32) | w.s0;
                out[2 * b] = (long)((ulong)low + (range == 0 ? x0 : mul_hi(x0, range)));
                if (2 * b + 1 < n) {
                    const ulong x1 = ((ulong)w.s3 << 32) | w.s2;
                    out[2 * b + 1] = (long)((ulong)low + (range == 0 ? x1 : mul_hi(x1, range)));
                }
            }
            """;

    private ClRandom() {}

    /** Whether the draw of {@code node} runs on {@code device}: uniform, normal and integers; floats need fp64. */
    static boolean supported(Apply node, ClDevice device) {
        RandomOp op = (RandomOp) node.op();
        return switch (op.distribution()) {
            case UNIFORM, NORMAL -> device.supportsFp64();
            case INTEGERS -> true;
            case BINOMIAL, CHOICE, PERMUTATION, MULTINOMIAL, SHUFFLE_ROWS -> false;
        };
    }

    /** The step of a supported draw: state, size and parameters on the host, the sample on the device. */
    static Step step(Apply node, ClDevice device, int[] ins, int[] outs) {
        RandomOp op = (RandomOp) node.op();
        return new Step(node, ins, outs) {
            @Override
            void run(Frame f) {
                NDArray state = f.host(ins[0]);
                RandomChecks.checkState(op, state, node.createdAt());
                int rank = op.rank();
                Long[] dims = new Long[rank];
                for (int i = 0; i < rank; i++) {
                    dims[i] = f.host(ins[1 + i]).getLong(0);
                }
                NDArray[] params = new NDArray[op.paramCount()];
                for (int k = 0; k < params.length; k++) {
                    params[k] = f.host(ins[1 + rank + k]);
                }
                RandomChecks.check(op, dims, params, node.createdAt());
                int[] shape = new int[rank];
                int count = 1;
                for (int i = 0; i < rank; i++) {
                    shape[i] = (int) (long) dims[i];
                    count *= shape[i];
                }
                long key = state.getLong(0);
                long stream = state.getLong(1);
                long counter = state.getLong(2);
                DeviceArray sample = f.allocate(op.dtype(), shape);
                long next = draw(device, op, sample, count, key, stream, counter, params);
                f.putHost(outs[0], NDArray.of(new long[] {key, stream, next}));
                f.putDevice(outs[1], sample);
            }

            @Override
            boolean onDevice() {
                return true;
            }
        };
    }

    /** Enqueues the draw into {@code out} and returns the next counter, as the CPU's {@code Draws} does. */
    private static long draw(ClDevice device, RandomOp op, DeviceArray out, int n, long key, long stream, long counter,
            NDArray[] params) {
        boolean f32 = op.dtype() == DType.FLOAT32;
        long pairs = (n + 1L) / 2;
        // kernel, elements per block, words read (Draws: one word per float32 uniform, two per
        // float64 uniform or integer, two per float32 normal pair, four per float64 normal pair)
        Plan p = switch (op.distribution()) {
            case UNIFORM -> f32 ? new Plan("st_uniform_f32", 4, n) : new Plan("st_uniform_f64", 2, 2L * n);
            case NORMAL -> f32 ? new Plan("st_normal_f32", 4, 2 * pairs) : new Plan("st_normal_f64", 2, 4 * pairs);
            case INTEGERS -> new Plan("st_integers", 2, 2L * n);
            case BINOMIAL, CHOICE, PERMUTATION, MULTINOMIAL, SHUFFLE_ROWS ->
                    throw new AssertionError("no device kernel for " + op.distribution());
        };
        device.launch(SOURCE, p.kernel(), new long[] {(n + p.perBlock() - 1) / p.perBlock()}, null, args -> {
            Args a = args.buffer(out).i32(n).i64(key).i64(stream).i64(counter);
            if (op.distribution() == RandomOp.Distribution.INTEGERS) {
                long low = params[0].getLong(0);
                a.i64(low).i64(params[1].getLong(0) - low + 1);
            } else {
                a.f64(params[0].getDouble(0)).f64(params[1].getDouble(0));
            }
        });
        return counter + Philox.blocksFor(p.words());
    }

    private record Plan(String kernel, int perBlock, long words) {}
}
