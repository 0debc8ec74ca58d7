package org.symtensor.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.symtensor.type.TensorType;

/**
 * One application of an {@link Op} to input variables, producing output variables. Immutable:
 * rewrites build new applies instead of editing old ones.
 */
public final class Apply {
    private final Op op;
    private final List<Variable> inputs;
    private final List<Variable> outputs;
    private final SourceLocation createdAt;

    private Apply(Op op, List<Variable> inputs, SourceLocation createdAt) {
        this.op = op;
        this.inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        this.createdAt = createdAt;
        List<TensorType> types = op.outputTypes(this.inputs);
        List<Variable> outs = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            outs.add(new Variable(types.get(i), this, i, null, createdAt));
        }
        this.outputs = Collections.unmodifiableList(outs);
    }

    /** Applies {@code op}, checking the inputs' types and inferring the outputs'. */
    public static Apply of(Op op, List<Variable> inputs) {
        return new Apply(op, inputs, SourceLocation.capture());
    }

    /** Applies {@code op} and returns its only output. */
    public static Variable output(Op op, Variable... inputs) {
        Apply a = of(op, List.of(inputs));
        return a.outputs.get(0);
    }

    /** The same op on other inputs, keeping this node's source location (cloning and rewriting). */
    public Apply withInputs(List<Variable> newInputs) {
        return new Apply(op, newInputs, createdAt);
    }

    public Op op() {
        return op;
    }

    public List<Variable> inputs() {
        return inputs;
    }

    public List<Variable> outputs() {
        return outputs;
    }

    public Variable output() {
        return outputs.get(0);
    }

    public SourceLocation createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return op.name() + inputs;
    }
}
