package org.symtensor.ir;

import java.util.List;
import org.symtensor.type.TensorType;

/**
 * An identity in the forward pass that changes what flows backwards: Theano's
 * {@code zero_grad}, {@code disconnected_grad} and {@code grad_undefined}. The optimizer removes it
 * before execution; the CPU kernel passes its input through.
 */
public final class GradMark implements Op {
    /** What the gradient through the mark is. */
    public enum Kind {
        /** The gradient is zero, and the input still counts as connected. */
        ZERO,
        /** No gradient flows: the input is disconnected from the cost through this path. */
        DISCONNECTED,
        /** The gradient is undefined: reaching it while differentiating is an error. */
        UNDEFINED
    }

    private final Kind markKind;
    private final String reason;

    private GradMark(Kind markKind, String reason) {
        this.markKind = markKind;
        this.reason = reason;
    }

    public static GradMark of(Kind kind, String reason) {
        return new GradMark(kind, reason);
    }

    public Kind markKind() {
        return markKind;
    }

    /** Why the gradient is undefined (for the error message), or null. */
    public String reason() {
        return reason;
    }

    @Override
    public OpKind kind() {
        return OpKind.GRAD_MARK;
    }

    @Override
    public String name() {
        return switch (markKind) {
            case ZERO -> "ZeroGrad";
            case DISCONNECTED -> "DisconnectedGrad";
            case UNDEFINED -> "GradUndefined";
        };
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        return List.of(inputs.get(0).type());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradMark && ((GradMark) o).markKind == markKind
                && java.util.Objects.equals(((GradMark) o).reason, reason);
    }

    @Override
    public int hashCode() {
        return markKind.hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
