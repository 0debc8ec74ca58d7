package org.symtensor.samples;

/** Runs every sample in order: what the README's first command runs. */
public final class Samples {
    private Samples() {}

    public static void main(String[] args) {
        Tutorial.main(args);
        Derivatives.main(args);
        TutorialCompiled.main(args);
        CompiledKernels.main(args);
        LogisticRegression.main(args);
        Digits.quick(args);
        Optimization.main(args);
        RandomNumbers.main(args);
        Loops.main(args);
        CompiledStateAndLoops.main(args);
        Rnn.main(args);
        OpenClSample.main(args);
        Performance.main(args);
    }
}
