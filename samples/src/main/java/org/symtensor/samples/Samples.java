package org.symtensor.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the samples: all of them in order (what the README's first command runs), or those named by
 * the system property {@code sample} or the first argument: {@code -Dsample=Rnn},
 * {@code -Dsample=Tutorial,Loops}; {@code -Dsample=list} lists them. Names ignore case.
 */
public final class Samples {
    private Samples() {}

    /** One runnable sample: its class's simple name, a line on what it shows, and its main. */
    record Sample(String name, String summary, Consumer<String[]> main) {}

    /** Every sample, in the order a new user reads them. */
    static final List<Sample> ALL = List.of(
            new Sample("Tutorial", "Theano's tutorial, first half: algebra, logistic, defaults, shared variables", Tutorial::main),
            new Sample("Derivatives", "gradients, Jacobian, Hessian, R- and L-operators", Derivatives::main),
            new Sample("TutorialCompiled", "the tutorial again as @SymbolicFunction methods, compiled by javac", TutorialCompiled::main),
            new Sample("CompiledKernels", "javac-time kernels with products, reductions and transposes", CompiledKernels::main),
            new Sample("LogisticRegression", "Theano's \"A real example\": logistic regression trained with grad", LogisticRegression::main),
            new Sample("OpLibrary", "the op library: slicing, indexing, reductions, sorting, linear algebra, bitwise ops", OpLibrary::main),
            new Sample("Digits", "an MLP on the UCI handwritten digits with the training kit (10 epochs here; Digits alone runs 30)", Digits::quick),
            new Sample("DigitsConv", "a conv net (conv2d, relu, maxPool2d, dense, softmax) on the same digits (4 epochs here; 8 alone)", DigitsConv::quick),
            new Sample("Optimization", "what a compiled function runs: the optimizer, modes, the NaN guard", Optimization::main),
            new Sample("RandomNumbers", "random streams, default updates, seeding, saving and restoring state", RandomNumbers::main),
            new Sample("Loops", "scan: A**k, polynomials, Fibonacci with taps, a Jacobian row by row", Loops::main),
            new Sample("CompiledStateAndLoops", "shared state, updates and scan in @SymbolicFunction methods", CompiledStateAndLoops::main),
            new Sample("Rnn", "a tanh RNN trained by backpropagation through time on the adding problem", Rnn::main),
            new Sample("OpenClSample", "the same graph on an OpenCL device (skips without a platform)", OpenClSample::main),
            new Sample("Performance", "fused elementwise chains, OpenBLAS products, optimized against not", Performance::main));

    public static void main(String[] args) {
        String wanted = System.getProperty("sample", args.length > 0 ? args[0] : "");
        if (wanted.equalsIgnoreCase("list")) {
            System.out.println(list());
            return;
        }
        for (Sample s : select(wanted)) {
            s.main().accept(new String[0]);
        }
    }

    /**
     * The samples named in {@code names} (comma-separated, any case), in that order; every sample
     * when blank. An unknown name fails with the list of names.
     */
    static List<Sample> select(String names) {
        if (names.isBlank()) {
            return ALL;
        }
        List<Sample> selected = new ArrayList<>();
        for (String name : names.split(",")) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            Sample found = ALL.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no sample named '" + name.strip()
                            + "'; run one of these with -Dsample=NAME:\n" + list()));
            selected.add(found);
        }
        return selected;
    }

    /** One line per sample: its name and what it shows. */
    static String list() {
        StringBuilder b = new StringBuilder();
        for (Sample s : ALL) {
            b.append(String.format("  %-22s %s%n", s.name(), s.summary()));
        }
        return b.toString().stripTrailing();
    }
}
