package org.symtensor.runtime.opencl;

import org.symtensor.ir.SharedValue;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * A C-contiguous array in one device's memory: a buffer, a dtype and a shape. Never written after
 * the kernel that made it finished, so several values (a reshaped view, a shared variable and an
 * update result) may share one buffer safely. It is the {@link SharedValue.DeviceCopy} that keeps
 * shared variables on the device between calls.
 */
public final class DeviceArray implements SharedValue.DeviceCopy {
    private final ClDevice device;
    private final ClBuffer buffer;
    private final DType dtype;
    private final int[] shape;

    DeviceArray(ClDevice device, ClBuffer buffer, DType dtype, int[] shape) {
        this.device = device;
        this.buffer = buffer;
        this.dtype = dtype;
        this.shape = shape.clone();
    }

    @Override
    public Object owner() {
        return device;
    }

    @Override
    public NDArray toHost() {
        return device.download(this);
    }

    ClDevice device() {
        return device;
    }

    ClBuffer buffer() {
        return buffer;
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    int rank() {
        return shape.length;
    }

    int size() {
        return sizeOf(shape);
    }

    /** The same buffer with another shape of equal size (no copy). */
    DeviceArray reshape(int[] newShape) {
        return new DeviceArray(device, buffer, dtype, newShape);
    }

    static int sizeOf(int[] shape) {
        return NDArray.elementCount(shape);
    }

    @Override
    public String toString() {
        return "DeviceArray[" + dtype + NDArray.shapeToString(shape) + " on " + device.name() + "]";
    }
}
