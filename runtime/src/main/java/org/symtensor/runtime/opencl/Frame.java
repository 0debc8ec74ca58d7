package org.symtensor.runtime.opencl;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The values of one call on the device backend: each slot holds a host array, a device array,
 * or both, and moves between them only when a step needs the other side (once per slot).
 * Device memory made during the call is recorded so the call can free what it does not keep.
 */
final class Frame implements DeviceKernel.Allocator {
    /** Told when a host value was uploaded, so constants and shared values can keep their copy. */
    @FunctionalInterface
    interface UploadHook {
        /** Returns true when the upload was adopted (kept beyond this call). */
        boolean adopt(int slot, NDArray host, DeviceArray uploaded);
    }

    private final ClDevice device;
    private final UploadHook hook;
    final NDArray[] host;
    final DeviceArray[] dev;
    final List<ClBuffer> created = new ArrayList<>();

    Frame(ClDevice device, int slots, UploadHook hook) {
        this.device = device;
        this.hook = hook;
        this.host = new NDArray[slots];
        this.dev = new DeviceArray[slots];
    }

    /** The slot's value on the host, downloaded on first need. */
    NDArray host(int slot) {
        NDArray h = host[slot];
        if (h == null) {
            h = dev[slot].toHost();
            host[slot] = h;
        }
        return h;
    }

    /** The slot's value on the device, uploaded on first need. */
    DeviceArray device(int slot) {
        DeviceArray d = dev[slot];
        if (d == null) {
            d = device.upload(host[slot]);
            dev[slot] = d;
            if (!hook.adopt(slot, host[slot], d)) {
                created.add(d.buffer());
            }
        }
        return d;
    }

    int[] shape(int slot) {
        return host[slot] != null ? host[slot].shape() : dev[slot].shape();
    }

    void putHost(int slot, NDArray v) {
        host[slot] = v;
        dev[slot] = null;
    }

    void putDevice(int slot, DeviceArray v) {
        dev[slot] = v;
        host[slot] = null;
    }

    @Override
    public DeviceArray allocate(DType dtype, int[] shape) {
        DeviceArray d = device.allocate(dtype, shape);
        created.add(d.buffer());
        return d;
    }
}
