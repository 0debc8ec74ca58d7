package org.symtensor.ir;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The graph node of a shared variable: an input whose value lives in storage that outlasts any
 * one function call. Compiled functions read it at each call and may replace it through updates.
 *
 * <p>A device backend may keep the value in its own memory between calls ({@link DeviceCopy}):
 * {@link #setDevice} makes a device copy the value (the host array is then made lazily, on the
 * next {@link #get}), {@link #cacheDevice} records an uploaded copy of the current host value, and
 * {@link #set} drops any device copy. The state is one volatile reference, so the CPU path pays
 * one type check per read and nothing else.
 */
public final class SharedValue extends Variable {
    /** A copy of a shared value in a backend's memory (an OpenCL buffer, say); immutable once made. */
    public interface DeviceCopy {
        /** The backend context owning the memory: a backend uses only copies it owns. */
        Object owner();

        /** Copies the value into a fresh host array. */
        NDArray toHost();
    }

    /** A value whose current copy is on a device; the host mirror is downloaded once, on demand. */
    private static final class Resident {
        final DeviceCopy device;
        private volatile NDArray host;

        Resident(DeviceCopy device, NDArray host) {
            this.device = device;
            this.host = host;
        }

        NDArray host() {
            NDArray h = host;
            if (h == null) {
                synchronized (this) {
                    h = host;
                    if (h == null) {
                        h = device.toHost();
                        host = h;
                    }
                }
            }
            return h;
        }
    }

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SharedValue.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** An NDArray (host only) or a Resident (device copy, host mirror made on demand). */
    private volatile Object state;
    private volatile Variable defaultUpdate;

    public SharedValue(TensorType type, NDArray value, String name) {
        super(type, null, 0, name, SourceLocation.capture());
        this.state = value;
    }

    /** The stored value itself (no copy); downloads a device-resident value once. */
    public NDArray get() {
        Object s = state;
        return s instanceof NDArray ? (NDArray) s : ((Resident) s).host();
    }

    /** Replaces the stored value (no copy, no check: callers check first); any device copy is dropped. */
    public void set(NDArray v) {
        state = v;
    }

    /** The current value's device copy, or null when the value lives on the host only. */
    public DeviceCopy deviceCopy() {
        Object s = state;
        return s instanceof Resident ? ((Resident) s).device : null;
    }

    /** Makes a device copy the value (an update computed on the device); the host array is made on the next get. */
    public void setDevice(DeviceCopy copy) {
        state = new Resident(copy, null);
    }

    /**
     * Records {@code copy} as the device copy of {@code host} if {@code host} is still the stored
     * value, so the next call need not upload it again; returns whether it was recorded.
     */
    public boolean cacheDevice(NDArray host, DeviceCopy copy) {
        return STATE.compareAndSet(this, host, new Resident(copy, host));
    }

    /**
     * The expression this variable takes after every call of a function whose graph uses it and
     * gives it no explicit update (Theano's {@code default_update}); null when there is none. Random
     * streams set it to the next generator state, so each call draws new numbers.
     */
    public Variable defaultUpdate() {
        return defaultUpdate;
    }

    /** Sets or (with null) clears the default update (no check: callers check dtype and rank first). */
    public void setDefaultUpdate(Variable expression) {
        this.defaultUpdate = expression;
    }

    @Override
    public Variable cloneAsInput() {
        return this;
    }
}
