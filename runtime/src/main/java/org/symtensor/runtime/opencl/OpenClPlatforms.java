package org.symtensor.runtime.opencl;

import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetPlatformIDs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jocl.CL;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.symtensor.error.SymtensorException;

/**
 * Finds the OpenCL devices of this machine once per process: every device of every platform,
 * numbered in platform order ({@code opencl0} is the first). When there is no ICD loader or no
 * platform, {@link #problem()} says so and which packages provide one.
 */
public final class OpenClPlatforms {
    /** What to install, for the message of a machine without OpenCL. */
    static final String INSTALL_HINT = "install an OpenCL ICD loader and a driver: on a CPU-only Debian or Ubuntu"
            + " machine `apt-get install ocl-icd-libopencl1 pocl-opencl-icd` (PoCL, a CPU driver), on a GPU machine"
            + " the vendor's OpenCL driver (NVIDIA: the driver's libnvidia-compute / nvidia-opencl-icd package;"
            + " AMD: ROCm's OpenCL runtime; Intel: intel-opencl-icd); `clinfo` lists what the loader sees";

    private static volatile OpenClPlatforms instance;

    private final List<ClDevice> devices;
    private final String problem;

    private OpenClPlatforms(List<ClDevice> devices, String problem) {
        this.devices = devices;
        this.problem = problem;
    }

    /** The devices of this process (found on first use). */
    public static OpenClPlatforms get() {
        OpenClPlatforms p = instance;
        if (p == null) {
            synchronized (OpenClPlatforms.class) {
                p = instance;
                if (p == null) {
                    p = discover();
                    instance = p;
                }
            }
        }
        return p;
    }

    private static OpenClPlatforms discover() {
        try {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            clGetPlatformIDs(0, null, n);
            if (n[0] == 0) {
                return new OpenClPlatforms(List.of(), noPlatformMessage("the OpenCL loader lists no platform"));
            }
            cl_platform_id[] platforms = new cl_platform_id[n[0]];
            clGetPlatformIDs(platforms.length, platforms, null);
            List<ClDevice> found = new ArrayList<>();
            for (cl_platform_id p : platforms) {
                int[] nd = new int[1];
                try {
                    clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
                } catch (org.jocl.CLException e) {
                    continue; // a platform without devices (CL_DEVICE_NOT_FOUND)
                }
                cl_device_id[] ids = new cl_device_id[nd[0]];
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
                for (cl_device_id id : ids) {
                    found.add(new ClDevice("opencl" + found.size(), p, id));
                }
            }
            if (found.isEmpty()) {
                return new OpenClPlatforms(List.of(), noPlatformMessage("the OpenCL platforms have no devices"));
            }
            return new OpenClPlatforms(Collections.unmodifiableList(found), null);
        } catch (org.jocl.CLException | LinkageError e) {
            return new OpenClPlatforms(List.of(), noPlatformMessage("no OpenCL platform could be loaded (" + e + ")"));
        }
    }

    /** The message for a machine without a usable OpenCL platform. */
    static String noPlatformMessage(String what) {
        return what + "; " + INSTALL_HINT;
    }

    /** Null when at least one device exists; else what is missing and how to install it. */
    public String problem() {
        return problem;
    }

    public List<ClDevice> devices() {
        return devices;
    }

    /** Whether the machine has an OpenCL device (for tests and reports). */
    public static boolean available() {
        return get().problem == null;
    }

    /** {@code opencl} or {@code openclN}: the device, or a SymtensorException naming what exists. */
    public ClDevice device(String name) {
        if (problem != null) {
            throw new SymtensorException("device '" + name + "': " + problem);
        }
        int index = indexOf(name);
        if (index < 0 || index >= devices.size()) {
            List<String> names = new ArrayList<>();
            for (ClDevice d : devices) {
                names.add(d.name() + " (" + d.description() + ")");
            }
            throw new SymtensorException("device '" + name + "' does not exist; this machine has " + names);
        }
        return devices.get(index);
    }

    /** The index in {@code openclN} ({@code opencl} alone is 0), or -1 when the name is not of that form. */
    static int indexOf(String name) {
        if (!name.startsWith("opencl")) {
            return -1;
        }
        String digits = name.substring("opencl".length());
        if (digits.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
