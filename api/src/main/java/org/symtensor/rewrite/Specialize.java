package org.symtensor.rewrite;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.ScalarOp;

/**
 * The {@code specialize} set: general ops with a constant argument replaced by the cheaper
 * special op that computes the same value (Theano's local_pow_specialize). Multiplications by 2
 * stay multiplications: {@code 2*x} is as cheap as {@code x+x}.
 *
 * <table>
 * <caption>rules</caption>
 * <tr><td>pow_specialize</td><td>{@code x**2 → sqr(x)}, {@code x**0.5 → sqrt(x)}, {@code x**-1 → reciprocal(x)}, {@code x**1 → x}</td></tr>
 * <tr><td>one_over</td><td>{@code 1/x → reciprocal(x)}</td></tr>
 * </table>
 */
public final class Specialize {
    private Specialize() {}

    public static RuleSet rules() {
        return RuleSet.builder("specialize")
                .add("pow_specialize", OpKind.ELEMWISE, Specialize::powSpecialize)
                .add("one_over", OpKind.ELEMWISE, Specialize::oneOver)
                .build();
    }

    static Variable powSpecialize(Apply node) {
        if (Patterns.scalarOp(node) != ScalarOp.POW) {
            return null;
        }
        Double e = Patterns.constantValue(node.inputs().get(1));
        Variable x = node.inputs().get(0);
        if (e == null) {
            return null;
        }
        if (e == 1) {
            return Patterns.fit(x, node.output().type());
        }
        ScalarOp op = e == 2 ? ScalarOp.SQR : e == 0.5 ? ScalarOp.SQRT : e == -1 ? ScalarOp.RECIPROCAL : null;
        return op == null ? null : Patterns.unaryAs(op, x, node.output().type());
    }

    static Variable oneOver(Apply node) {
        if (Patterns.scalarOp(node) != ScalarOp.TRUE_DIV || !Patterns.isConstant(node.inputs().get(0), 1)) {
            return null;
        }
        return Patterns.unaryAs(ScalarOp.RECIPROCAL, node.inputs().get(1), node.output().type());
    }
}
