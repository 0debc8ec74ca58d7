package org.symtensor.train.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.symtensor.function.FunctionSpec;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.ArgumentBinder;
import org.symtensor.runtime.BoundFunction;
import org.symtensor.runtime.link.Plan;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.value.NDArray;

/**
 * A compiled function that times every node it runs; made by {@link Profiler#profile}. It calls
 * like any function (arguments bound and checked first, updates committed together after every
 * kernel succeeded) and accumulates per-node time and calls until {@link #reset()}.
 */
public final class ProfiledFunction extends BoundFunction {
    private final Schedule schedule;
    private final List<Variable> optimizedOutputs;
    private final List<Profiler.NodeStats> stats;
    private final SharedValue[] updateTargets;
    private final int outputCount;
    private final LongAdder calls = new LongAdder();
    private final LongAdder callNanos = new LongAdder();

    ProfiledFunction(FunctionSpec spec, ArgumentBinder binder, Schedule schedule, List<Variable> optimizedOutputs,
            List<Profiler.NodeStats> stats) {
        super(spec, binder);
        this.schedule = schedule;
        this.optimizedOutputs = List.copyOf(optimizedOutputs);
        this.stats = List.copyOf(stats);
        this.updateTargets = spec.updateTargets().toArray(new SharedValue[0]);
        this.outputCount = spec.outputs().size();
        requireLocked(schedule.plan());
    }

    @Override
    public Plan plan() {
        return schedule.plan();
    }

    @Override
    protected NDArray[] execute(NDArray[] arguments) {
        long t0 = System.nanoTime();
        NDArray[] results = schedule.run(arguments);
        for (int j = 0; j < updateTargets.length; j++) {
            updateTargets[j].set(results[outputCount + j]);
        }
        callNanos.add(System.nanoTime() - t0);
        calls.increment();
        return results;
    }

    @Override
    public List<Variable> optimizedOutputs() {
        return optimizedOutputs;
    }

    /** What was measured since the function was made or last reset. */
    public Profile profile() {
        List<Profile.Row> rows = new ArrayList<>();
        for (Profiler.NodeStats s : stats) {
            rows.add(new Profile.Row(s.position, s.node, s.nanos.sum(), s.calls.sum()));
        }
        String name = spec().name() == null ? "function" : spec().name();
        return new Profile(name, calls.sum(), callNanos.sum(), rows);
    }

    /** Forgets every measurement. */
    public void reset() {
        for (Profiler.NodeStats s : stats) {
            s.reset();
        }
        calls.reset();
        callNanos.reset();
    }
}
