package org.symtensor.train;

import static org.symtensor.T.shared;

import org.symtensor.tensor.SharedScalar;
import org.symtensor.type.F64;

/**
 * A learning rate held in a float64 shared scalar that optimizer graphs read (cast to each parameter's
 * dtype), so changing it, by hand with {@link #set} or by a schedule with {@link #step}, takes effect
 * at the next call without recompiling. One instance may drive several optimizers.
 */
public final class LearningRate {
    private final SharedScalar<F64> variable;
    private final LrSchedule schedule;

    private LearningRate(LrSchedule schedule) {
        this.schedule = schedule;
        this.variable = shared(schedule.at(0), "lr");
    }

    /** A constant rate (change it with {@link #set}). */
    public static LearningRate of(double rate) {
        return new LearningRate(LrSchedule.constant(rate));
    }

    /** A rate that follows {@code schedule}; it holds {@code schedule.at(0)} until {@link #step} is called. */
    public static LearningRate of(LrSchedule schedule) {
        return new LearningRate(schedule);
    }

    /** The shared scalar the graphs read. */
    public SharedScalar<F64> variable() {
        return variable;
    }

    public double get() {
        return variable.getValue().toDouble();
    }

    /** Sets the rate now (a schedule's next {@link #step} overrides it). */
    public void set(double rate) {
        variable.setValue(rate);
    }

    /** Sets the rate to the schedule's value for {@code step} and returns it. */
    public double step(long step) {
        double r = schedule.at(step);
        variable.setValue(r);
        return r;
    }

    public LrSchedule schedule() {
        return schedule;
    }
}
