package org.symtensor.runtime.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * One OpenCL device with its context and in-order command queue (made on first use), and the
 * process-wide cache of its programs: a program is built once per distinct source (keyed by the
 * source's SHA-256) and its kernels are reused by every function. Transfers are blocking;
 * kernels are enqueued in order, so a download sees every kernel enqueued before it.
 */
public final class ClDevice {
    private final String name;
    private final cl_platform_id platform;
    private final cl_device_id id;
    private final String description;
    private final boolean fp64;
    private final long maxWorkGroupSize;
    private final Map<String, cl_program> programs = new ConcurrentHashMap<>();
    private final Map<String, cl_kernel> kernels = new ConcurrentHashMap<>();
    private volatile cl_context context;
    private volatile cl_command_queue queue;

    ClDevice(String name, cl_platform_id platform, cl_device_id id) {
        this.name = name;
        this.platform = platform;
        this.id = id;
        this.description = infoString(CL_DEVICE_NAME).trim() + ", " + infoString(CL_DEVICE_VERSION).trim();
        this.fp64 = infoString(CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64");
        long[] wg = new long[1];
        clGetDeviceInfo(id, CL_DEVICE_MAX_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(wg), null);
        this.maxWorkGroupSize = wg[0];
    }

    private String infoString(int param) {
        long[] size = new long[1];
        clGetDeviceInfo(id, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(id, param, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), StandardCharsets.UTF_8);
    }

    /** {@code opencl0}, ... */
    public String name() {
        return name;
    }

    /** The driver's device name and OpenCL version. */
    public String description() {
        return description;
    }

    /** Whether the device computes in double ({@code cl_khr_fp64}); float64 nodes run on the host otherwise. */
    public boolean supportsFp64() {
        return fp64;
    }

    long maxWorkGroupSize() {
        return maxWorkGroupSize;
    }

    @SuppressWarnings("deprecation") // clCreateCommandQueue works on OpenCL 1.2 drivers too
    private void open() {
        if (queue != null) {
            return;
        }
        synchronized (this) {
            if (queue == null) {
                cl_context_properties props = new cl_context_properties();
                props.addProperty(CL_CONTEXT_PLATFORM, platform);
                cl_context ctx = clCreateContext(props, 1, new cl_device_id[] {id}, null, null, null);
                context = ctx;
                queue = clCreateCommandQueue(ctx, id, 0, null);
            }
        }
    }

    /** The kernel {@code kernelName} of the program {@code source}, building the program on first use. */
    cl_kernel kernel(String source, String kernelName) {
        String key = sha256(source) + "/" + kernelName;
        cl_kernel k = kernels.get(key);
        if (k == null) {
            cl_program p = program(source);
            k = kernels.computeIfAbsent(key, unused -> clCreateKernel(p, kernelName, null));
        }
        return k;
    }

    /** Builds {@code source} once per process; a build failure carries the build log and the source. */
    cl_program program(String source) {
        open();
        return programs.computeIfAbsent(sha256(source), unused -> build(source));
    }

    private cl_program build(String source) {
        cl_program p = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            clBuildProgram(p, 1, new cl_device_id[] {id}, "", null, null);
        } catch (CLException e) {
            String log = buildLog(p);
            clReleaseProgram(p);
            throw new OpenClBuildException(name + " (" + description + ")", log, source, e);
        }
        return p;
    }

    private String buildLog(cl_program p) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(p, id, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] buf = new byte[(int) size[0]];
            clGetProgramBuildInfo(p, id, CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
            return new String(buf, 0, Math.max(0, buf.length - 1), StandardCharsets.UTF_8);
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required on every JVM", e);
        }
    }

    /** A fresh, uninitialised device array. */
    DeviceArray allocate(DType dtype, int[] shape) {
        open();
        long bytes = Math.max(1, (long) DeviceArray.sizeOf(shape) * elementSize(dtype));
        cl_mem mem = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, null, null);
        return new DeviceArray(this, new ClBuffer(mem), dtype, shape);
    }

    /** Copies a host array to a fresh device array (blocking). */
    DeviceArray upload(NDArray x) {
        open();
        NDArray c = x.contiguous();
        long bytes = (long) c.size() * elementSize(c.dtype());
        cl_mem mem = bytes == 0
                ? clCreateBuffer(context, CL_MEM_READ_WRITE, 1, null, null)
                : clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, bytes, pointer(c.data()), null);
        return new DeviceArray(this, new ClBuffer(mem), c.dtype(), c.shape());
    }

    /** Copies a device array into a fresh host array (blocking, after every kernel enqueued before). */
    NDArray download(DeviceArray a) {
        NDArray out = NDArray.zeros(a.dtype(), a.shape());
        long bytes = (long) out.size() * elementSize(a.dtype());
        if (bytes > 0) {
            clEnqueueReadBuffer(queue, a.buffer().mem(), CL_TRUE, 0, bytes, pointer(out.data()), 0, null, null);
        }
        return out;
    }

    /** Enqueues {@code k} over {@code global} work items ({@code local} may be null: the driver picks). */
    void launch(cl_kernel k, long[] global, long[] local) {
        for (long g : global) {
            if (g == 0) {
                return;
            }
        }
        clEnqueueNDRangeKernel(queue, k, global.length, null, global, local, 0, null, null);
    }

    /** Waits until every enqueued command has finished (for timing). */
    public void finish() {
        if (queue != null) {
            clFinish(queue);
        }
    }

    static int elementSize(DType d) {
        return switch (d) {
            case BOOL, INT8, UINT8 -> 1;
            case INT16 -> 2;
            case INT32, FLOAT32 -> 4;
            case INT64, FLOAT64 -> 8;
        };
    }

    private static Pointer pointer(Object data) {
        if (data instanceof float[]) {
            return Pointer.to((float[]) data);
        } else if (data instanceof double[]) {
            return Pointer.to((double[]) data);
        } else if (data instanceof int[]) {
            return Pointer.to((int[]) data);
        } else if (data instanceof long[]) {
            return Pointer.to((long[]) data);
        } else if (data instanceof short[]) {
            return Pointer.to((short[]) data);
        }
        return Pointer.to((byte[]) data);
    }

    @Override
    public String toString() {
        return name + " (" + description + ")";
    }
}
