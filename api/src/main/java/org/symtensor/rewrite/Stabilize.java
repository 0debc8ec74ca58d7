package org.symtensor.rewrite;

import org.symtensor.graph.Apply;
import org.symtensor.graph.Variable;
import org.symtensor.op.OpKind;
import org.symtensor.op.Ops;
import org.symtensor.op.ScalarOp;
import org.symtensor.type.TensorType;

/**
 * The {@code stabilize} set: expressions that lose precision or overflow in floating point
 * replaced by the special functions that compute them accurately (Theano's local_log1p,
 * local_expm1, local_sigm and the softplus rules). The graph has no softmax op yet, so the
 * log-softmax rule has nothing to match.
 *
 * <table>
 * <caption>rules</caption>
 * <tr><td>log1p</td><td>{@code log(1+x), log(x+1) → log1p(x)}</td></tr>
 * <tr><td>expm1</td><td>{@code exp(x)-1 → expm1(x)}</td></tr>
 * <tr><td>log_sigmoid</td><td>{@code log(sigmoid(x)) → -softplus(-x)}</td></tr>
 * <tr><td>log_one_minus_sigmoid</td><td>{@code log(1-sigmoid(x)) → -softplus(x)}</td></tr>
 * <tr><td>sigmoid</td><td>{@code 1/(1+exp(-x)) → sigmoid(x)}</td></tr>
 * </table>
 */
public final class Stabilize {
    private Stabilize() {}

    public static RuleSet rules() {
        return RuleSet.builder("stabilize")
                .add("log1p", OpKind.ELEMWISE, Stabilize::log1p)
                .add("expm1", OpKind.ELEMWISE, Stabilize::expm1)
                .add("log_sigmoid", OpKind.ELEMWISE, Stabilize::logSigmoid)
                .add("log_one_minus_sigmoid", OpKind.ELEMWISE, Stabilize::logOneMinusSigmoid)
                .add("sigmoid", OpKind.ELEMWISE, Stabilize::sigmoid)
                .build();
    }

    /** The non-constant operand of {@code v = 1 + x} or {@code x + 1}, else null. */
    private static Variable onePlus(Variable v) {
        Apply add = Patterns.elemwise(v, ScalarOp.ADD);
        if (add == null) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            if (Patterns.isConstant(add.inputs().get(i), 1)
                    && add.inputs().get(1 - i).type().shape().length == add.output().type().rank()
                    && java.util.Arrays.equals(add.inputs().get(1 - i).type().shape(), add.output().type().shape())) {
                return add.inputs().get(1 - i);
            }
        }
        return null;
    }

    static Variable log1p(Apply node) {
        Variable x = Patterns.scalarOp(node) == ScalarOp.LOG ? onePlus(node.inputs().get(0)) : null;
        return x == null ? null : Patterns.unaryAs(ScalarOp.LOG1P, x, node.output().type());
    }

    static Variable expm1(Apply node) {
        if (Patterns.scalarOp(node) != ScalarOp.SUB || !Patterns.isConstant(node.inputs().get(1), 1)) {
            return null;
        }
        Apply exp = Patterns.elemwise(node.inputs().get(0), ScalarOp.EXP);
        return exp == null ? null : Patterns.unaryAs(ScalarOp.EXPM1, exp.inputs().get(0), node.output().type());
    }

    static Variable logSigmoid(Apply node) {
        Apply sig = Patterns.scalarOp(node) == ScalarOp.LOG ? Patterns.elemwise(node.inputs().get(0), ScalarOp.SIGMOID) : null;
        return sig == null ? null : negSoftplus(sig.inputs().get(0), true, node.output().type());
    }

    static Variable logOneMinusSigmoid(Apply node) {
        if (Patterns.scalarOp(node) != ScalarOp.LOG) {
            return null;
        }
        Apply sub = Patterns.elemwise(node.inputs().get(0), ScalarOp.SUB);
        if (sub == null || !Patterns.isConstant(sub.inputs().get(0), 1)
                || !sub.inputs().get(1).type().equals(sub.output().type())) {
            return null;
        }
        Apply sig = Patterns.elemwise(sub.inputs().get(1), ScalarOp.SIGMOID);
        return sig == null ? null : negSoftplus(sig.inputs().get(0), false, node.output().type());
    }

    /** {@code -softplus(-x)} or {@code -softplus(x)} in exactly {@code want}'s type, or null. */
    private static Variable negSoftplus(Variable x, boolean negateInside, TensorType want) {
        if (!want.dtype().isFloat() || !Patterns.lossless(x.type().dtype(), want.dtype())) {
            return null;
        }
        Variable in = Ops.cast(x, want.dtype());
        if (negateInside) {
            in = Ops.elemwise(ScalarOp.NEG, in);
        }
        Variable r = Ops.elemwise(ScalarOp.NEG, Ops.elemwise(ScalarOp.SOFTPLUS, in));
        return r.type().equals(want) ? r : null;
    }

    static Variable sigmoid(Apply node) {
        if (Patterns.scalarOp(node) != ScalarOp.TRUE_DIV || !Patterns.isConstant(node.inputs().get(0), 1)) {
            return null;
        }
        Variable e = onePlus(node.inputs().get(1));
        Apply exp = e == null ? null : Patterns.elemwise(e, ScalarOp.EXP);
        Apply neg = exp == null ? null : Patterns.elemwise(exp.inputs().get(0), ScalarOp.NEG);
        return neg == null ? null : Patterns.unaryAs(ScalarOp.SIGMOID, neg.inputs().get(0), node.output().type());
    }
}
