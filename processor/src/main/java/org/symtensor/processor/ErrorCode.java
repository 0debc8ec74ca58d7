package org.symtensor.processor;

/**
 * Every code the processor puts in front of an error message, the one list of them: a message
 * reads {@code [Sym/ShapeMismatch] ...} ({@link #tag()}), and the code stays stable across
 * releases, so users and tests can match on it. Owned by the diagnostics stage ({@link Diagnostics}).
 */
public enum ErrorCode {
    /** The {@code @SymbolicFunction} method is not static. */
    NOT_STATIC("NotStatic"),
    /** A parameter is not a rank-specific handle ({@code Scalar} ... {@code Tensor4}) with a concrete dtype. */
    BAD_PARAMETER_TYPE("BadParameterType"),
    /** The return type is not such a handle, nor a record whose components are; or the body returns something else. */
    BAD_RETURN_TYPE("BadReturnType"),
    /** {@code @Default} on a non-scalar parameter, or a value the parameter's dtype cannot hold. */
    BAD_DEFAULT("BadDefault"),
    /**
     * The body uses a construct or a call the processor cannot interpret (a loop, a call outside the
     * DSL, a field that is not a static final, non-private shared variable, {@code update(...)} in a
     * called method or a lambda, a method reference to a method that is not symbolic).
     */
    NOT_SYMBOLIC("NotSymbolic"),
    /**
     * The DSL rejected a dtype while the body was interpreted ({@code div} of an int matrix, a scan
     * step that would downcast its state), or an update, a cast or the returned value has the wrong dtype.
     */
    DTYPE_MISMATCH("DTypeMismatch"),
    /** The DSL rejected a rank or a shape; or an update or a cast has the wrong rank. */
    SHAPE_MISMATCH("ShapeMismatch"),
    /** {@code grad} of a cost that is not a scalar. */
    NON_SCALAR_COST("NonScalarCost"),
    /** Any other gradient that cannot be built (a non-float cost, an undefined gradient, ...). */
    GRADIENT("Gradient"),
    /** No output and no update depends on a parameter. */
    UNUSED_PARAMETER("UnusedParameter"),
    /** The body makes a free variable ({@code dvector("z")}) that is not a parameter. */
    FREE_VARIABLE("FreeVariable"),
    /** Any other error the DSL raised; two symbolic methods with one name; a wrong argument count. */
    INVALID("Invalid"),
    /**
     * Two classes would generate a class of the same name ({@code A.B} and {@code A_B} both give
     * {@code A_BSymbolic}), or a generated name is taken by a class of the sources.
     */
    NAME_CLASH("NameClash"),
    /** javac's trees are not reachable (an IDE wrapper that could not be unwrapped). */
    ENVIRONMENT("Environment"),
    /** A bug in the processor (or in the DSL it calls): the message carries the stack trace to report. */
    INTERNAL("Internal");

    private final String code;

    ErrorCode(String name) {
        this.code = "Sym/" + name;
    }

    /** {@code Sym/NotSymbolic}. */
    public String code() {
        return code;
    }

    /** {@code [Sym/NotSymbolic]}: how a message starts. */
    public String tag() {
        return "[" + code + "]";
    }

    @Override
    public String toString() {
        return code;
    }
}
