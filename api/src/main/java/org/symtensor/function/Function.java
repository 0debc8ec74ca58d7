package org.symtensor.function;

import java.util.List;
import java.util.Map;
import org.symtensor.function.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * A compiled function: built once by {@link org.symtensor.T#function}, called many times. Arguments are Java
 * numbers, (nested) primitive arrays or {@link NDArray}s, converted to each input's dtype under
 * Theano's rules; all of them are checked before anything runs or any shared value changes.
 *
 * <h2>Threads</h2>
 * A function may be called from any number of threads at once. The contract:
 * <ul>
 *   <li><b>Each call is atomic with respect to the shared variables it touches.</b> A call holds
 *       the lock of every shared variable it reads or updates (random generator states included)
 *       from the moment it reads their values until all its updates are stored. Calls that share a
 *       variable therefore run one after the other, so no update is lost (8 threads each adding 1
 *       10,000 times to an accumulator leave exactly 80,000), every random draw is new (two calls
 *       never read the same generator state), and no call, {@code getValue} or {@code setValue}
 *       sees some of a call's updates without the others.</li>
 *   <li><b>Calls without shared state run in parallel</b>: a function that reads and updates no
 *       shared variable takes no lock; calls whose shared variables are disjoint do not wait for
 *       each other either.</li>
 *   <li>{@code getValue}/{@code setValue} of one variable take that variable's lock, so they wait
 *       for a call in progress, and a {@code setValue} is never overwritten by the update of a call
 *       that read the older value. Two separate {@code getValue}s are two steps: another call may
 *       run between them. To read (or set) several variables as one step, compile a function whose
 *       outputs are those variables, or use {@link org.symtensor.ir.SharedLocks#atomically}.</li>
 *   <li>A function with stateful inputs ({@link In#withUpdate}) also serializes its own calls and
 *       its {@code setValue}s: each call reads the inputs' values and stores their updates as one
 *       step, so no update of a stateful input is lost either.</li>
 *   <li>Locks are taken in one global order (the variables' creation order), so calls never
 *       deadlock, whatever variables functions share.</li>
 * </ul>
 * The order in which concurrent calls are serialized is the order in which they get the locks, so
 * which thread gets which random numbers is not reproducible; the set of numbers drawn is that of
 * the same number of calls made one after the other. This holds on every backend.
 */
public interface Function {
    /** Calls a function that has one output and returns its value. */
    NDArray call(Object... args);

    /** Calls with keyword arguments (by input name) after the positional ones. */
    NDArray call(Map<String, ?> keywordArgs, Object... positionalArgs);

    /** Calls and returns every output, in order. */
    List<NDArray> callAll(Object... args);

    List<NDArray> callAll(Map<String, ?> keywordArgs, Object... positionalArgs);

    /**
     * Calls and writes output {@code i} into {@code outputs[i]} instead of returning new arrays
     * (one destination per output, each with the output's dtype and shape; a view is fine). On the
     * CPU backend the kernel that computes an output writes straight into a whole contiguous
     * destination, and the function reuses its intermediate buffers from call to call, so a steady
     * loop allocates no large arrays. A wrong count, a null, a wrong dtype or rank (or a length the
     * output's type fixes) is an error before anything runs; a run-time shape that differs is a
     * {@link org.symtensor.error.ShapeMismatchException} before any destination is written (and,
     * on the CPU backend, before shared variables are updated). Arguments follow the destinations,
     * as for {@link #call}. The default computes the outputs and copies them.
     */
    default void callInto(NDArray[] outputs, Object... args) {
        CallInto.requireDestinations(spec(), outputs);
        CallInto.deliver(spec(), callAll(args), outputs);
    }

    /**
     * Theano's {@code f.copy(swap=..., delete_updates=...)}: a new function over the same graph,
     * compiled for the same backend and mode. {@code swap(a, b)} makes the copy read and update
     * shared variable {@code b} where this function uses {@code a} (this function is unchanged);
     * {@code deleteUpdates()} drops every update. The copy has value containers of its own,
     * holding copies of this function's current input values, so nothing mutable is shared with
     * the original except the shared variables that both use (which is what a shared variable is).
     */
    Function copy(CopyOption... options);

    /**
     * Theano's {@code f[x]} / {@code f.value[x]}: a copy of the value held for the input whose
     * variable is {@code input} (an input handle, or its {@link In}): the state of a stateful input,
     * or the default of an input with one.
     *
     * @throws IllegalArgumentException if {@code input} is not an input of this function or has no value
     */
    NDArray value(FunctionInput input);

    /** {@link #value(FunctionInput)} for the input with this keyword name. */
    NDArray value(String inputName);

    /**
     * Theano's {@code f[x] = v}: stores {@code value} (converted to the input's type as a call
     * argument would be) as the input's value, used by the following calls that leave it out; for a
     * stateful input this sets its state. Waits for a call of this function that is running.
     */
    void setValue(FunctionInput input, Object value);

    /** {@link #setValue(FunctionInput, Object)} for the input with this keyword name. */
    void setValue(String inputName, Object value);

    /** What was compiled: inputs, outputs and updates after givens. */
    FunctionSpec spec();

    /**
     * The outputs as they run, after the optimizer's rewrites (the spec keeps them as written).
     * Print them with {@code Printer.debugprint(f.optimizedOutputs())}.
     */
    List<org.symtensor.ir.Variable> optimizedOutputs();

    /**
     * Theano's {@code debugprint(f)}: the optimized graph as an indented tree, outputs first and
     * update values after them (each marked {@code (update of name)}); every apply node's line ends
     * with its position in the order the backend runs the nodes
     * ({@code Elemwise{add} [id A] <float64, ()>   3}). This default, for functions that do not
     * know their execution order, prints the optimized outputs without positions.
     */
    default String debugprint() {
        return org.symtensor.print.Printer.debugprint(optimizedOutputs());
    }

    /**
     * Theano's profile of a function compiled with the {@code profile()} option: per apply node, the
     * time spent in its kernel, its calls and its share of the total, since the function was compiled;
     * {@code toString()} prints the table sorted by time.
     *
     * @throws IllegalStateException when the function was compiled without {@code profile()}
     */
    default Profile profile() {
        throw new IllegalStateException("[Sym/NotProfiled] " + (spec().name() == null ? "this function" : spec().name())
                + " was compiled without profiling; compile it with function(..., profile()) to read its profile");
    }

    /** Theano's {@code pp} of each optimized output, one per line: what actually runs. */
    default String ppOptimized() {
        StringBuilder sb = new StringBuilder();
        for (org.symtensor.ir.Variable v : optimizedOutputs()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(org.symtensor.print.Printer.pp(v));
        }
        return sb.toString();
    }
}
