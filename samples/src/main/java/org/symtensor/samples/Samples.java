package org.symtensor.samples;

/** Runs every sample in order: what the README's first command runs. */
public final class Samples {
    private Samples() {}

    public static void main(String[] args) {
        Tutorial.main(args);
        Derivatives.main(args);
        Performance.main(args);
    }
}
