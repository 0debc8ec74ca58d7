package org.symtensor.function;


/**
 * A switch of {@link org.symtensor.T#function}: how strict input conversion is, what an unused input does, the
 * function's name, its optimization {@link Mode}, the device it runs on and whether it is profiled.
 */
public final class FunctionFlag implements FunctionOption {
    /** What {@code function} does with an input that no output, update or given needs (Theano's on_unused_input). */
    public enum UnusedInput { RAISE, WARN, IGNORE }

    private final Boolean allowInputDowncast;
    private final UnusedInput onUnusedInput;
    private final String name;
    private final Mode mode;
    private final String device;
    private final boolean profile;

    private FunctionFlag(Boolean allowInputDowncast, UnusedInput onUnusedInput, String name) {
        this(allowInputDowncast, onUnusedInput, name, null, null, false);
    }

    private FunctionFlag(Boolean allowInputDowncast, UnusedInput onUnusedInput, String name, Mode mode,
            String device, boolean profile) {
        this.profile = profile;
        this.allowInputDowncast = allowInputDowncast;
        this.onUnusedInput = onUnusedInput;
        this.name = name;
        this.mode = mode;
        this.device = device;
    }

    /** How the function is optimized and checked; without it the {@code mode} flag of {@link org.symtensor.config.Config} decides. */
    public static FunctionFlag mode(Mode mode) {
        return new FunctionFlag(null, null, null, java.util.Objects.requireNonNull(mode, "mode"), null, false);
    }

    /** The device this function runs on ({@code cpu}, {@code opencl0}, ...); without it the {@code device} flag decides. */
    public static FunctionFlag device(String deviceName) {
        return new FunctionFlag(null, null, null, null, java.util.Objects.requireNonNull(deviceName, "device"), false);
    }

    /**
     * Theano's {@code profile=True}: the function times every apply node it runs, and
     * {@link Function#profile()} returns the per-node table. CPU backend only.
     */
    public static FunctionFlag profile() {
        return new FunctionFlag(null, null, null, null, null, true);
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

    public Mode modeSetting() {
        return mode;
    }

    public String deviceSetting() {
        return device;
    }

    /** True when this flag asks for a profiled function. */
    public boolean profileSetting() {
        return profile;
    }
}
