package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.symtensor.ir.Variable;

/**
 * The optimization pipeline: which whole-graph passes run, in which order, for each {@link Mode}.
 * {@link #pipeline} is the one place that lists them. A pass is either the merge pass or a
 * {@link RuleSet} run to a fixed point by the {@link RewriteEngine}.
 */
public final class Optimizer {
    /** How a function is optimized and checked, Theano's {@code mode}. */
    public enum Mode {
        /** Every rewrite: merge, canonicalize (with constant folding and shape rules), scan memory saving, stabilize, specialize, fusion, merge. */
        FAST_RUN,
        /** Merge, constant folding and scan memory saving only: the graph compiles fast and runs as written. */
        FAST_COMPILE,
        /** FAST_RUN, and every call also runs the unoptimized graph and throws on any difference. */
        DEBUG_MODE,
        /** FAST_RUN, and every kernel's float outputs are checked for NaN and infinity. */
        NAN_GUARD,
        /** No rewrite at all: the graph runs exactly as built (the reference for tests). */
        NONE;

        /** The mode named by a flag value ({@code fast_run}, {@code DEBUG_MODE}); an unknown name is an error listing the known ones. */
        public static Mode fromName(String name) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            for (Mode m : values()) {
                if (m.name().equals(n)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode '" + name + "'; expected one of FAST_RUN, FAST_COMPILE,"
                    + " DEBUG_MODE, NAN_GUARD, NONE");
        }

        /** The mode whose rewrites this mode runs (checking modes optimize as FAST_RUN). */
        public Mode rewrites() {
            switch (this) {
                case FAST_RUN:
                case DEBUG_MODE:
                case NAN_GUARD:
                    return FAST_RUN;
                case FAST_COMPILE:
                    return FAST_COMPILE;
                case NONE:
                    return NONE;
            }
            throw new AssertionError(this);
        }
    }

    /** One named whole-graph pass: outputs in, rewritten outputs out (same count, same order). */
    public static final class Pass {
        private final String name;
        private final UnaryOperator<List<Variable>> body;

        private Pass(String name, UnaryOperator<List<Variable>> body) {
            this.name = name;
            this.body = body;
        }

        public static Pass of(String name, UnaryOperator<List<Variable>> body) {
            return new Pass(name, body);
        }

        /** A rule set run to a fixed point. */
        public static Pass of(RuleSet rules) {
            return new Pass(rules.name(), outputs -> RewriteEngine.rewrite(outputs, rules));
        }

        public String name() {
            return name;
        }

        public List<Variable> run(List<Variable> outputs) {
            return body.apply(outputs);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Pass MERGE = Pass.of("merge", Merge::merge);
    /** Canonical forms, folding and shape rules feed each other, so they run to one fixed point together. */
    private static final Pass CANONICALIZE = Pass.of(RuleSet.union("canonicalize",
            Canonicalize.rules(), ConstantFolding.rules(), ShapeRules.rules()));
    private static final Pass FOLD = Pass.of(ConstantFolding.rules());
    private static final Pass STABILIZE = Pass.of(Stabilize.rules());
    private static final Pass SPECIALIZE = Pass.of(Specialize.rules());
    /** Elementwise chains into one composite each, run block by block (a whole-graph pass: it counts readers). */
    private static final Pass FUSE = Pass.of("fusion", Fusion::fuse);
    /** A stacked scan output read only as {@code [-1]} becomes the loop variant that keeps the last state (counts readers). */
    private static final Pass SCAN_SAVE_MEMORY = Pass.of("scan_save_memory", ScanSaveMemory::rewrite);

    private Optimizer() {}

    /** The passes {@code mode} runs, in order: the whole pipeline in one place. */
    public static List<Pass> pipeline(Mode mode) {
        if (mode == Mode.NAN_GUARD) {
            // no fusion: the guard then names the very elementwise op that made a NaN
            return List.of(MERGE, CANONICALIZE, SCAN_SAVE_MEMORY, STABILIZE, SPECIALIZE, MERGE);
        }
        switch (mode.rewrites()) {
            case FAST_RUN:
                return List.of(
                        MERGE,
                        CANONICALIZE,
                        // after canonicalize, which folds the index -1 to a constant and merges duplicate readers
                        SCAN_SAVE_MEMORY,
                        STABILIZE,
                        SPECIALIZE,
                        // after specialize, so that the special ops fuse too
                        FUSE,
                        MERGE);
            case FAST_COMPILE:
                return List.of(MERGE, FOLD, SCAN_SAVE_MEMORY);
            case NONE:
                return List.of();
            case DEBUG_MODE:
            case NAN_GUARD:
                break;
        }
        throw new AssertionError(mode);
    }

    /** {@code outputs} optimized as {@code mode} says. */
    public static List<Variable> optimize(List<Variable> outputs, Mode mode) {
        return run(outputs, pipeline(mode));
    }

    /** {@code outputs} through {@code passes} in order (tests add or replace passes this way). */
    public static List<Variable> run(List<Variable> outputs, List<Pass> passes) {
        List<Variable> current = new ArrayList<>(outputs);
        for (Pass p : passes) {
            List<Variable> next = p.run(current);
            if (next.size() != current.size()) {
                throw new IllegalStateException("optimizer pass " + p.name() + " returned " + next.size()
                        + " outputs for " + current.size());
            }
            current = next;
        }
        return current;
    }
}
