package org.symtensor.ir;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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
 *
 * <p><b>Threads.</b> Each shared value has a lock and a creation number ({@link #id}); whoever
 * reads and then writes it (a function call with updates, random draws) holds the lock from the
 * read to the write, and every holder of several locks takes them in increasing {@code id}
 * ({@link SharedLocks}), so no update is lost and no two calls deadlock. {@link #get} and
 * {@link #set} take the lock too, so they wait for a call that holds it and never see part of
 * its updates. The lock is reentrant: code holding it may call {@code get} and {@code set}.
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

    private static final AtomicLong CREATED = new AtomicLong();

    /** An NDArray (host only) or a Resident (device copy, host mirror made on demand). */
    private volatile Object state;
    private volatile Variable defaultUpdate;
    private final long id = CREATED.getAndIncrement();
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Whether the stored host value may be held outside the runtime: true once {@link #get} handed
     * it out, and for every value stored by {@link #set} or {@link #setDevice} (the caller has it);
     * false only for a value a compiled function made and stored with {@link #replace}. Guarded by
     * {@link #lock}.
     */
    private boolean handedOut = true;

    public SharedValue(TensorType type, NDArray value, String name) {
        super(type, null, 0, name, SourceLocation.capture());
        this.state = value;
    }

    /**
     * The creation number of this shared value, unique in the process: the global order in which
     * {@link SharedLocks} takes locks.
     */
    public long id() {
        return id;
    }

    /** The lock of this value: held by a call from reading it to storing its update ({@link SharedLocks}). */
    ReentrantLock lock() {
        return lock;
    }

    /** The stored value itself (no copy); downloads a device-resident value once. Waits for a call that holds the lock. */
    public NDArray get() {
        lock.lock();
        try {
            handedOut = true;
            Object s = state;
            return s instanceof NDArray ? (NDArray) s : ((Resident) s).host();
        } finally {
            lock.unlock();
        }
    }

    /**
     * For a backend's call that holds this value's lock ({@link SharedLocks}): the stored value, as
     * {@link #get}, without recording that it was handed out (the call keeps no reference past its
     * end). A caller that does not hold the lock gets {@link #get}.
     */
    public NDArray peek() {
        if (!lock.isHeldByCurrentThread()) {
            return get();
        }
        Object s = state;
        return s instanceof NDArray ? (NDArray) s : ((Resident) s).host();
    }

    /**
     * For a backend's call that holds this value's lock: stores {@code v}, an array the call made
     * and that nothing else holds, and returns the value it replaces when nothing outside the
     * runtime can hold that one either (it was stored by an earlier {@code replace} and never handed
     * out by {@link #get}), so that the backend may write a later value into it; else null. A
     * caller that does not hold the lock gets {@link #set} (and null). This is how a training step
     * reuses the arrays of its parameters: the value {@code get} returns is never written again.
     */
    public NDArray replace(NDArray v) {
        if (!lock.isHeldByCurrentThread()) {
            set(v);
            return null;
        }
        Object old = state;
        boolean free = !handedOut && old instanceof NDArray && old != v && ((NDArray) old).data() != v.data();
        state = v;
        handedOut = false;
        return free ? (NDArray) old : null;
    }

    /**
     * Replaces the stored value (no copy, no check: callers check first); any device copy is dropped.
     * Waits for a call that holds the lock, so the call's update does not overwrite this value.
     */
    public void set(NDArray v) {
        lock.lock();
        try {
            state = v;
            handedOut = true;
        } finally {
            lock.unlock();
        }
    }

    /** The current value's device copy, or null when the value lives on the host only. */
    public DeviceCopy deviceCopy() {
        Object s = state;
        return s instanceof Resident ? ((Resident) s).device : null;
    }

    /** Makes a device copy the value (an update computed on the device); the host array is made on the next get. */
    public void setDevice(DeviceCopy copy) {
        lock.lock();
        try {
            state = new Resident(copy, null);
            handedOut = true;
        } finally {
            lock.unlock();
        }
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
