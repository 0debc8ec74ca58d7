package org.symtensor.error;


/** {@code verifyGrad} found an analytic gradient that disagrees with finite differences. */
public final class GradientCheckException extends SymtensorException {
    private final int input;
    private final int element;
    private final double analytic;
    private final double numeric;

    /** Made by the facade ({@code T}); user code calls the facade. */
    public static GradientCheckException of(int input, int element, double analytic, double numeric, double tolerance) {
        return new GradientCheckException(input, element, analytic, numeric, tolerance);
    }

    GradientCheckException(int input, int element, double analytic, double numeric, double tolerance) {
        super("verifyGrad: the gradient of input #" + input + " at flat index " + element + " is " + analytic
                + " symbolically but " + numeric + " by finite differences (tolerance " + tolerance + ")");
        this.input = input;
        this.element = element;
        this.analytic = analytic;
        this.numeric = numeric;
    }

    public int input() {
        return input;
    }

    public int element() {
        return element;
    }

    public double analytic() {
        return analytic;
    }

    public double numeric() {
        return numeric;
    }
}
