package org.symtensor.runtime.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.symtensor.function.CompileOptions;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * One OpenCL device with its context and in-order command queue (made on first use), and the
 * process-wide cache of its programs: a program is built once per distinct source and its kernels
 * are reused by every function. The cache is bounded (flag {@code clCacheSize}, 64 programs by
 * default) and evicts the least recently used program; an evicted program and its kernels are
 * released as soon as no launch is using them, and built again if a function needs them later.
 * Transfers are blocking; kernels are enqueued in order, so a download sees every kernel enqueued
 * before it. Safe for any number of threads: OpenCL's enqueue calls are, and each kernel object is
 * locked while its arguments are set and it is enqueued ({@link #launch}).
 */
public final class ClDevice {
    private final String name;
    private final cl_platform_id platform;
    private final cl_device_id id;
    private final String description;
    private final boolean fp64;
    private final long maxWorkGroupSize;
    /** Programs by source, least recently used first; also the lock of every program's {@code users}. */
    private final LinkedHashMap<String, Program> cache = new LinkedHashMap<>(16, 0.75f, true);
    private int capacity = CompileOptions.DEFAULT_CL_CACHE_SIZE;
    private final AtomicLong released = new AtomicLong();
    private final Object buildLock = new Object();
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

    /**
     * Bounds the program cache to {@code programs} programs (at least 1), evicting the least recently
     * used ones now if it holds more. The OpenCL backend sets it from {@code clCacheSize} at each
     * compilation on this device, so the most recent compilation's flag is the bound.
     */
    void setCacheCapacity(int programs) {
        if (programs < 1) {
            throw new IllegalArgumentException("the OpenCL program cache holds at least 1 program, got " + programs);
        }
        List<Program> free = new ArrayList<>();
        synchronized (cache) {
            capacity = programs;
            evictOverCapacity(free);
        }
        freeAll(free);
    }

    /** How many programs the cache may hold. */
    int cacheCapacity() {
        synchronized (cache) {
            return capacity;
        }
    }

    /** How many programs the cache holds now (built or being built). */
    int cachedPrograms() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** How many programs, with their kernels, this device has released after evicting them. */
    long releasedPrograms() {
        return released.get();
    }

    /**
     * Sets the arguments of the kernel {@code kernelName} of the program {@code source} and enqueues
     * it over {@code global} work items ({@code local} may be null: the driver picks); nothing
     * happens when {@code global} has a zero. The program is built on first use and cached. The
     * kernel object is locked from the first argument to the enqueue, since its arguments are state
     * of the object and two threads must not interleave them; and the program stays alive (not
     * released by an eviction) until the enqueue returned.
     */
    void launch(String source, String kernelName, long[] global, long[] local, Consumer<Args> arguments) {
        for (long g : global) {
            if (g == 0) {
                return;
            }
        }
        Program p = acquire(source);
        try {
            cl_kernel k = p.kernel(kernelName);
            synchronized (k) {
                arguments.accept(new Args(k));
                clEnqueueNDRangeKernel(queue, k, global.length, null, global, local, 0, null, null);
            }
        } finally {
            release(p);
        }
    }

    /** Builds {@code source} into the cache if it is not there (a build failure carries the build log and the source). */
    void program(String source) {
        Program p = acquire(source);
        try {
            p.built();
        } finally {
            release(p);
        }
    }

    /** The cached program of {@code source}, made most recently used and counted as in use. */
    private Program acquire(String source) {
        open();
        List<Program> free = new ArrayList<>();
        Program p;
        synchronized (cache) {
            p = cache.get(source);
            if (p == null) {
                p = new Program(source);
                cache.put(source, p);
                evictOverCapacity(free);
            }
            p.users++;
        }
        freeAll(free);
        return p;
    }

    /** Ends one use of {@code p}; frees it if it was evicted meanwhile and this was the last use. */
    private void release(Program p) {
        boolean free;
        synchronized (cache) {
            p.users--;
            free = p.evicted && p.users == 0;
        }
        if (free) {
            p.free();
        }
    }

    /** Removes least recently used programs until the cache fits; those no launch uses go to {@code free}. */
    private void evictOverCapacity(List<Program> free) {
        Iterator<Program> lru = cache.values().iterator();
        while (cache.size() > capacity && lru.hasNext()) {
            Program old = lru.next();
            lru.remove();
            old.evicted = true;
            if (old.users == 0) {
                free.add(old);
            }
        }
    }

    private void freeAll(List<Program> free) {
        for (Program p : free) {
            p.free();
        }
    }

    /**
     * One cached program and its kernels. {@code users} and {@code evicted} are guarded by the cache's
     * lock; the build and the kernels by the program itself. Freed once: after its eviction, when no
     * launch uses it.
     */
    private final class Program {
        final String source;
        int users;
        boolean evicted;
        private cl_program program;
        private final Map<String, cl_kernel> kernels = new HashMap<>();

        Program(String source) {
            this.source = source;
        }

        /** The built program, building it on first use; a failed build is dropped from the cache. */
        synchronized cl_program built() {
            if (program == null) {
                try {
                    program = build(source);
                } catch (RuntimeException e) {
                    synchronized (cache) {
                        cache.remove(source, this);
                    }
                    throw e;
                }
            }
            return program;
        }

        synchronized cl_kernel kernel(String name) {
            cl_kernel k = kernels.get(name);
            if (k == null) {
                k = clCreateKernel(built(), name, null);
                kernels.put(name, k);
            }
            return k;
        }

        synchronized void free() {
            // commands enqueued with these kernels may still be pending on the in-order queue: the
            // specification keeps released objects alive for them, but drivers (PoCL) have crashed
            // when a program went away under a queued launch, so wait for the queue first
            clFinish(queue);
            for (cl_kernel k : kernels.values()) {
                clReleaseKernel(k);
            }
            kernels.clear();
            if (program != null) {
                clReleaseProgram(program);
                program = null;
                released.incrementAndGet();
            }
        }
    }

    /**
     * Builds one program at a time per device: after an eviction, the evicted program may still be
     * building while a new entry of the same source starts its build, and two such builds at once
     * have failed on PoCL inside its on-disk kernel cache ("unable to rename temporary ...").
     */
    private cl_program build(String source) {
        synchronized (buildLock) {
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
