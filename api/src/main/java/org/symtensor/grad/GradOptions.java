package org.symtensor.grad;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.symtensor.ir.Variable;

/**
 * Theano's options of {@code grad}: variables to treat as constants, what to do when a
 * {@code wrt} variable is not connected to the cost, gradients known in advance, and what a
 * disconnected input's gradient is. Immutable; built with {@link #builder()}.
 */
public final class GradOptions {
    /** What {@code grad} does when the cost does not depend on a {@code wrt} variable. */
    public enum Disconnected { RAISE, WARN, IGNORE }

    /** What a disconnected {@code wrt} variable's gradient is: zeros, or null. */
    public enum ReturnDisconnected { ZERO, NONE }

    private static final GradOptions DEFAULTS = builder().build();

    private final Set<Variable> considerConstant;
    private final Disconnected disconnectedInputs;
    private final Map<Variable, Variable> knownGrads;
    private final ReturnDisconnected returnDisconnected;

    private GradOptions(Builder b) {
        Set<Variable> cc = Collections.newSetFromMap(new IdentityHashMap<>());
        cc.addAll(b.considerConstant);
        this.considerConstant = Collections.unmodifiableSet(cc);
        this.disconnectedInputs = b.disconnectedInputs;
        this.knownGrads = Collections.unmodifiableMap(new LinkedHashMap<>(b.knownGrads));
        this.returnDisconnected = b.returnDisconnected;
    }

    public static GradOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.considerConstant.addAll(considerConstant);
        b.disconnectedInputs = disconnectedInputs;
        b.knownGrads.putAll(knownGrads);
        b.returnDisconnected = returnDisconnected;
        return b;
    }

    public Set<Variable> considerConstant() {
        return considerConstant;
    }

    public Disconnected disconnectedInputs() {
        return disconnectedInputs;
    }

    public Map<Variable, Variable> knownGrads() {
        return knownGrads;
    }

    public ReturnDisconnected returnDisconnected() {
        return returnDisconnected;
    }

    /** Builds {@link GradOptions}. */
    public static final class Builder {
        private final Set<Variable> considerConstant = Collections.newSetFromMap(new IdentityHashMap<>());
        private Disconnected disconnectedInputs = Disconnected.RAISE;
        private final Map<Variable, Variable> knownGrads = new LinkedHashMap<>();
        private ReturnDisconnected returnDisconnected = ReturnDisconnected.ZERO;

        private Builder() {}

        /** No gradient flows into (or through) these variables. */
        public Builder considerConstant(Variable... vs) {
            Collections.addAll(considerConstant, vs);
            return this;
        }

        public Builder disconnectedInputs(Disconnected policy) {
            this.disconnectedInputs = policy;
            return this;
        }

        /** The gradient of the cost with respect to {@code v} is {@code g}: backpropagation starts there too. */
        public Builder knownGrad(Variable v, Variable g) {
            knownGrads.put(v, g);
            return this;
        }

        public Builder returnDisconnected(ReturnDisconnected r) {
            this.returnDisconnected = r;
            return this;
        }

        public GradOptions build() {
            return new GradOptions(this);
        }
    }
}
