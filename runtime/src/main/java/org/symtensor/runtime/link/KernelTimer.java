package org.symtensor.runtime.link;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.symtensor.function.Profile;
import org.symtensor.ir.Apply;
import org.symtensor.value.NDArray;

/**
 * The linker's half of Theano's {@code profile=True}: a {@link Schedule.KernelSource} that wraps the
 * kernel of every step of one {@link Plan} in a timer (two {@code System.nanoTime()} calls per node
 * and call) and keeps per-node totals, plus the time of whole calls that the function reports with
 * {@link #callFinished}. Nodes outside the plan (DEBUG_MODE's reference schedule) run untimed.
 * Totals are {@link LongAdder}s, so a profiled function keeps the thread contract of any other.
 */
public final class KernelTimer implements Schedule.KernelSource {
    private final Schedule.KernelSource inner;
    private final Map<Apply, Integer> positions = new IdentityHashMap<>();
    private final NodeTotals[] totals;
    private final LongAdder calls = new LongAdder();
    private final LongAdder callNanos = new LongAdder();

    /** Times the kernels {@code inner} gives for the steps of {@code plan}. */
    public KernelTimer(Schedule.KernelSource inner, Plan plan) {
        this.inner = inner;
        this.totals = new NodeTotals[plan.steps.length];
        for (int t = 0; t < totals.length; t++) {
            Apply node = plan.steps[t].node();
            positions.put(node, t);
            totals[t] = new NodeTotals(node);
        }
    }

    @Override
    public Kernel kernelFor(Apply node) {
        Kernel kernel = inner.kernelFor(node);
        Integer position = positions.get(node);
        return position == null ? kernel : new TimedKernel(kernel, totals[position]);
    }

    /** Adds one call of the whole function that took {@code nanos}. */
    public void callFinished(long nanos) {
        callNanos.add(nanos);
        calls.increment();
    }

    /** What was measured so far, one row per step in schedule order, for the function named {@code name}. */
    public Profile profile(String name) {
        List<Profile.Row> rows = new ArrayList<>(totals.length);
        for (int t = 0; t < totals.length; t++) {
            rows.add(new Profile.Row(t, totals[t].node, totals[t].nanos.sum(), totals[t].calls.sum()));
        }
        return Profile.of(name, calls.sum(), callNanos.sum(), rows);
    }

    private static final class NodeTotals {
        final Apply node;
        final LongAdder nanos = new LongAdder();
        final LongAdder calls = new LongAdder();

        NodeTotals(Apply node) {
            this.node = node;
        }

        void add(long elapsed) {
            nanos.add(elapsed);
            calls.increment();
        }
    }

    private static final class TimedKernel implements Kernel {
        private final Kernel inner;
        private final NodeTotals totals;

        TimedKernel(Kernel inner, NodeTotals totals) {
            this.inner = inner;
            this.totals = totals;
        }

        @Override
        public NDArray[] run(NDArray[] inputs) {
            long t0 = System.nanoTime();
            try {
                return inner.run(inputs);
            } finally {
                totals.add(System.nanoTime() - t0);
            }
        }

        @Override
        public NDArray[] run(NDArray[] inputs, int[] donors) {
            long t0 = System.nanoTime();
            try {
                return inner.run(inputs, donors);
            } finally {
                totals.add(System.nanoTime() - t0);
            }
        }

        @Override
        public NDArray[] run(NDArray[] inputs, int[] donors, NDArray[] recycled) {
            long t0 = System.nanoTime();
            try {
                return inner.run(inputs, donors, recycled);
            } finally {
                totals.add(System.nanoTime() - t0);
            }
        }
    }
}
