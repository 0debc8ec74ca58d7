package org.symtensor.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The locks of a fixed set of {@link SharedValue}s, taken together: always in increasing
 * {@link SharedValue#id}, released in the reverse order. Because every holder of several locks
 * takes them in that one global order, two lock sets never deadlock, whichever values they share.
 * A compiled function holds the set of the shared values it reads or updates for the whole of a
 * call (read, compute, store the updates); a function that touches no shared value has the empty
 * set and takes no lock at all. Immutable; one instance serves any number of threads.
 *
 * <p>User code can hold a set too, with {@link #atomically}: the values' {@code get}/{@code set}
 * inside are seen together by every call (read a consistent snapshot of several variables, or
 * restore several at once). Inside, touch only the set's values (their {@code get}/{@code set},
 * functions whose shared values are all in the set): the lock of a value outside it would be
 * taken out of the global order, and two threads doing that could deadlock.
 */
public final class SharedLocks {
    private static final SharedLocks NONE = new SharedLocks(new SharedValue[0]);

    private final SharedValue[] ordered;

    private SharedLocks(SharedValue[] ordered) {
        this.ordered = ordered;
    }

    /** The locks of {@code values} (duplicates count once), in the global order. */
    public static SharedLocks of(Collection<SharedValue> values) {
        Set<SharedValue> distinct = Graphs.identitySet();
        distinct.addAll(values);
        if (distinct.isEmpty()) {
            return NONE;
        }
        SharedValue[] a = distinct.toArray(new SharedValue[0]);
        Arrays.sort(a, Comparator.comparingLong(SharedValue::id));
        return new SharedLocks(a);
    }

    public static SharedLocks of(SharedValue... values) {
        return of(Arrays.asList(values));
    }

    /** The values whose locks this set takes, in the order it takes them. */
    public List<SharedValue> values() {
        return List.of(ordered);
    }

    /** Whether this is the empty set: {@link #lock} and {@link #unlock} then do nothing. */
    public boolean isEmpty() {
        return ordered.length == 0;
    }

    /** Whether {@code v} is one of the values of this set. */
    public boolean contains(SharedValue v) {
        for (SharedValue s : ordered) {
            if (s == v) {
                return true;
            }
        }
        return false;
    }

    /** Takes every lock of the set, in increasing id, waiting for holders as needed. */
    public void lock() {
        SharedValue[] a = ordered;
        for (int i = 0; i < a.length; i++) {
            a[i].lock().lock();
        }
    }

    /** Releases every lock of the set; the calling thread must hold them ({@link #lock}). */
    public void unlock() {
        SharedValue[] a = ordered;
        for (int i = a.length - 1; i >= 0; i--) {
            a[i].lock().unlock();
        }
    }

    /**
     * Runs {@code action} holding every lock of the set and returns its result: no function call
     * that reads or updates one of the values runs meanwhile, so the reads and writes of
     * {@code action} are seen together.
     */
    public <T> T atomically(Supplier<T> action) {
        lock();
        try {
            return action.get();
        } finally {
            unlock();
        }
    }

    /** As {@link #atomically(Supplier)}, for an action without a result. */
    public void atomically(Runnable action) {
        lock();
        try {
            action.run();
        } finally {
            unlock();
        }
    }

    /** The ids of the values, in locking order (for messages and tests). */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (SharedValue s : ordered) {
            names.add(s.describe() + "#" + s.id());
        }
        return "SharedLocks" + names;
    }
}
