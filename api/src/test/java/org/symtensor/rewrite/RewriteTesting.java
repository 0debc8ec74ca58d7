package org.symtensor.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.print.Printer;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/** Shared builders and the structural assertion of the rewrite tests. */
final class RewriteTesting {
    private RewriteTesting() {}

    static Variable dmatrix(String name) {
        return new Variable(TensorType.ofRank(DType.FLOAT64, 2), name);
    }

    static Variable dvector(String name) {
        return new Variable(TensorType.ofRank(DType.FLOAT64, 1), name);
    }

    static Variable var(DType dtype, String name, int... shape) {
        return new Variable(TensorType.of(dtype, shape), name);
    }

    static Variable c(double v, DType dtype) {
        return Ops.constant(v, dtype);
    }

    static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    /** Asserts that {@code rules} rewrite {@code input} into a graph equal to {@code expected}. */
    static void assertRewrites(RuleSet rules, Variable input, Variable expected) {
        Variable got = RewriteEngine.rewrite(List.of(input), rules).get(0);
        assertThat(EqualComputations.equalComputations(List.of(got), List.of(expected)))
                .as("%s rewrote %s into %s, expected %s", rules.name(), Printer.pp(input), Printer.pp(got),
                        Printer.pp(expected))
                .isTrue();
    }

    /** Asserts that no rule of {@code rules} changes {@code input}. */
    static void assertUnchanged(RuleSet rules, Variable input) {
        Variable got = RewriteEngine.rewrite(List.of(input), rules).get(0);
        assertThat(got).as("%s changed %s into %s", rules.name(), Printer.pp(input), Printer.pp(got)).isSameAs(input);
    }
}
