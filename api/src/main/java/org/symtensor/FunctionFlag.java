package org.symtensor;

/**
 * A switch of {@link T#function}: how strict input conversion is, what an unused input does, the
 * function's name and the device it runs on.
 */
public final class FunctionFlag implements FunctionOption {
    /** What {@code function} does with an input that no output, update or given needs (Theano's on_unused_input). */
    public enum UnusedInput { RAISE, WARN, IGNORE }

    private final Boolean allowInputDowncast;
    private final UnusedInput onUnusedInput;
    private final String name;
    private final String device;

    private FunctionFlag(Boolean allowInputDowncast, UnusedInput onUnusedInput, String name, String device) {
        this.allowInputDowncast = allowInputDowncast;
        this.onUnusedInput = onUnusedInput;
        this.name = name;
        this.device = device;
    }

    public static FunctionFlag allowInputDowncast() {
        return new FunctionFlag(true, null, null, null);
    }

    public static FunctionFlag onUnusedInput(UnusedInput policy) {
        return new FunctionFlag(null, policy, null, null);
    }

    public static FunctionFlag name(String functionName) {
        return new FunctionFlag(null, null, functionName, null);
    }

    /** Runs this function on {@code deviceName} ({@code cpu}, {@code opencl0}, ...) whatever the device flag says. */
    public static FunctionFlag device(String deviceName) {
        return new FunctionFlag(null, null, null, java.util.Objects.requireNonNull(deviceName, "device"));
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

    public String deviceSetting() {
        return device;
    }
}
