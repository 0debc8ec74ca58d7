package org.symtensor.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.symtensor.function.Update;
import org.symtensor.function.Updates;
import org.symtensor.ir.Apply;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Scan;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;

/**
 * What {@code scan} returns: the outputs stacked on a leading axis (one row per step, in the order
 * the steps ran, without the initial values) and the shared-variable {@link #updates()} to pass to
 * {@code function(..., updates)}. {@link #last()} is the final step alone, computed by a variant of
 * the loop that keeps O(1) steps instead of O(n).
 *
 * @param <S> the handle of one step's value of the first output ({@code Vector<F64>})
 * @param <R> the handle of its stacked form ({@code Matrix<F64>})
 */
public final class ScanResult<S extends Tensor<?>, R extends Tensor<?>> {
    private final Apply node;
    private final List<Variable> outputs;
    private final List<SharedValue> updateTargets;
    private final int userOutputs;
    private final Function<Variable, S> wrapStep;
    private final Function<Variable, R> wrapStacked;

    ScanResult(Apply node, List<Variable> outputs, List<SharedValue> updateTargets, int userOutputs,
            Function<Variable, S> wrapStep, Function<Variable, R> wrapStacked) {
        this.node = node;
        this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        this.updateTargets = Collections.unmodifiableList(new ArrayList<>(updateTargets));
        this.userOutputs = userOutputs;
        this.wrapStep = wrapStep;
        this.wrapStacked = wrapStacked;
    }

    /** The same result seen through other handle types (the typed builder's last step). */
    <S2 extends Tensor<?>, R2 extends Tensor<?>> ScanResult<S2, R2> typed(Function<Variable, S2> step, Function<Variable, R2> stacked) {
        return new ScanResult<>(node, outputs, updateTargets, userOutputs, step, stacked);
    }

    /** The first output, stacked: {@code (n, ...)}. */
    public R output() {
        requireOutput(0);
        return wrapStacked.apply(outputs.get(0));
    }

    /** Output {@code j}, stacked. */
    public Tensor<?> output(int j) {
        requireOutput(j);
        return Tensors.wrap(outputs.get(j));
    }

    /** Every output, stacked, in the order of {@code outputsInfo}. */
    public List<Tensor<?>> outputs() {
        List<Tensor<?>> r = new ArrayList<>();
        for (int j = 0; j < userOutputs; j++) {
            r.add(output(j));
        }
        return r;
    }

    /** The first output's value after the last step; the loop behind it keeps only the last steps. */
    public S last() {
        return wrapStep.apply(lastVariable(0));
    }

    /** Output {@code j}'s value after the last step. */
    public Tensor<?> last(int j) {
        return Tensors.wrap(lastVariable(j));
    }

    private Variable lastVariable(int j) {
        requireOutput(j);
        Scan op = (Scan) node.op();
        if (op.keep(j) == Scan.Keep.LAST) {
            return node.outputs().get(j);
        }
        return Apply.of(op.withKeep(j, Scan.Keep.LAST), node.inputs()).outputs().get(j);
    }

    /** The updates of the shared variables that the step updated, to pass to {@code function}. */
    public Updates updates() {
        List<Update> list = new ArrayList<>();
        for (int k = 0; k < updateTargets.size(); k++) {
            list.add(Update.of(updateTargets.get(k), node.outputs().get(userOutputs + k)));
        }
        return Updates.of(list);
    }

    /** The loop's node in the graph (for inspection). */
    public Apply node() {
        return node;
    }

    private void requireOutput(int j) {
        if (j < 0 || j >= userOutputs) {
            throw new IndexOutOfBoundsException("scan has " + userOutputs + " outputs, asked for output " + j);
        }
    }
}
