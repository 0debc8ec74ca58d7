package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.OpKind;

/**
 * A named set of rules indexed by the op kind they look at: {@code canonicalize},
 * {@code stabilize}, {@code specialize}, {@code fusion}. Immutable once built.
 */
public final class RuleSet {
    private final String name;
    private final Map<OpKind, List<NamedRule>> byKind;

    private RuleSet(String name, Map<OpKind, List<NamedRule>> byKind) {
        this.name = name;
        this.byKind = byKind;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** One set holding the rules of {@code sets} in order (run together so they feed each other). */
    public static RuleSet union(String name, RuleSet... sets) {
        Builder b = builder(name);
        for (RuleSet s : sets) {
            s.byKind.forEach((kind, rules) -> {
                for (NamedRule r : rules) {
                    b.add(s.name + "/" + r.name, kind, r.rule);
                }
            });
        }
        return b.build();
    }

    /** The rules that may match a node of this kind, in the order they were added. */
    public List<NamedRule> rulesFor(OpKind kind) {
        List<NamedRule> r = byKind.get(kind);
        return r == null ? List.of() : r;
    }

    /** A rule with the name that tests and traces use. */
    public static final class NamedRule {
        private final String name;
        private final Rule rule;

        NamedRule(String name, Rule rule) {
            this.name = name;
            this.rule = rule;
        }

        public String name() {
            return name;
        }

        public Rule rule() {
            return rule;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Collects rules for a {@link RuleSet}. */
    public static final class Builder {
        private final String name;
        private final Map<OpKind, List<NamedRule>> byKind = new EnumMap<>(OpKind.class);

        private Builder(String name) {
            this.name = name;
        }

        public Builder add(String ruleName, OpKind kind, Rule rule) {
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new NamedRule(ruleName, rule));
            return this;
        }

        public RuleSet build() {
            Map<OpKind, List<NamedRule>> copy = new EnumMap<>(OpKind.class);
            byKind.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
            return new RuleSet(name, copy);
        }
    }
}
