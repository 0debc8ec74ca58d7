package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.symtensor.ir.Variable;

/**
 * The optimization pipeline: which whole-graph passes run, in which order, for each {@link Level}.
 * {@link #pipeline} is the one place that lists them. A pass is either the merge pass or a
 * {@link RuleSet} run to a fixed point by the {@link RewriteEngine}.
 */
public final class Optimizer {
    /**
     * How much to rewrite: every rewrite, the cheap ones, or none. Checks made while a function runs
     * (DEBUG_MODE, NAN_GUARD) are the linker's business, not the optimizer's: the function's mode
     * ({@code org.symtensor.function.Mode}) maps to a level here.
     */
    public enum Level {
        /** Merge, canonicalize (with constant folding and shape rules), scan memory saving, stabilize, specialize, fusion, merge. */
        FAST_RUN,
        /** Merge, constant folding and scan memory saving only: the graph compiles fast and runs as written. */
        FAST_COMPILE,
        /** No rewrite at all: the graph runs exactly as built. */
        NONE
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

    /**
     * The passes of {@code level}, in order: the whole pipeline in one place. Without {@code fuse}
     * elementwise chains stay separate nodes (NAN_GUARD then names the very op that made a NaN).
     */
    public static List<Pass> pipeline(Level level, boolean fuse) {
        return switch (level) {
            case FAST_RUN -> fuse
                    ? List.of(
                            MERGE,
                            CANONICALIZE,
                            // after canonicalize, which folds the index -1 to a constant and merges duplicate readers
                            SCAN_SAVE_MEMORY,
                            STABILIZE,
                            SPECIALIZE,
                            // after specialize, so that the special ops fuse too
                            FUSE,
                            MERGE)
                    : List.of(MERGE, CANONICALIZE, SCAN_SAVE_MEMORY, STABILIZE, SPECIALIZE, MERGE);
            case FAST_COMPILE -> List.of(MERGE, FOLD, SCAN_SAVE_MEMORY);
            case NONE -> List.of();
        };
    }

    /** {@code outputs} optimized at {@code level}, fusion included. */
    public static List<Variable> optimize(List<Variable> outputs, Level level) {
        return run(outputs, pipeline(level, true));
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
