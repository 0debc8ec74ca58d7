package org.symtensor;

/** A switch of {@link T#function}: how strict input conversion is, and what an unused input does. */
public final class FunctionFlag implements FunctionOption {
    /** What {@code function} does with an input that no output, update or given needs (Theano's on_unused_input). */
    public enum UnusedInput { RAISE, WARN, IGNORE }

    private final Boolean allowInputDowncast;
    private final UnusedInput onUnusedInput;
    private final String name;

    private FunctionFlag(Boolean allowInputDowncast, UnusedInput onUnusedInput, String name) {
        this.allowInputDowncast = allowInputDowncast;
        this.onUnusedInput = onUnusedInput;
        this.name = name;
    }

    public static FunctionFlag allowInputDowncast() {
        return new FunctionFlag(true, null, null);
    }

    public static FunctionFlag onUnusedInput(UnusedInput policy) {
        return new FunctionFlag(null, policy, null);
    }

    public static FunctionFlag name(String functionName) {
        return new FunctionFlag(null, null, functionName);
    }

    /** Null when this flag does not set it. */
    public Boolean allowInputDowncastSetting() {
        return allowInputDowncast;
    }

    public UnusedInput onUnusedInputSetting() {
        return onUnusedInput;
    }

    public String nameSetting() {
        return name;
    }
}
