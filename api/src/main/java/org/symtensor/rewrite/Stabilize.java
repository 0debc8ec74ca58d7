package org.symtensor.rewrite;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.TensorType;

/**
 * The {@code stabilize} set: expressions that lose precision or overflow in floating point
 * replaced by the special functions that compute them accurately (Theano's local_log1p,
 * local_expm1, the sigmoid rules local_inv_1_plus_exp, local_1msigmoid and
 * local_exp_over_1_plus_exp, and the softplus rules). The sigmoid rules also reach the terms that
 * autodiff writes for {@code 1/(1+exp(-z))}, so a logistic cost and its gradient stay finite for
 * |z| up to about 700 in float64. The graph has no softmax op yet, so the
 * log-softmax rule has nothing to match.
 *
 * <table>
 * <caption>rules</caption>
 * <tr><td>log1p</td><td>{@code log(1+x), log(x+1) → log1p(x)}</td></tr>
 * <tr><td>expm1</td><td>{@code exp(x)-1 → expm1(x)}</td></tr>
 * <tr><td>log_sigmoid</td><td>{@code log(sigmoid(x)) → -softplus(-x)}</td></tr>
 * <tr><td>log_one_minus_sigmoid</td><td>{@code log(1-sigmoid(x)), log1p(-sigmoid(x)) → -softplus(x)}</td></tr>
 * <tr><td>sigmoid</td><td>{@code 1/(1+exp(-x)) → sigmoid(x)}, {@code 1/(1+exp(x)) → sigmoid(-x)}</td></tr>
 * <tr><td>one_minus_sigmoid</td><td>{@code 1-sigmoid(x), (-sigmoid(x))+1, 1+(-sigmoid(x)) → sigmoid(-x)}</td></tr>
 * <tr><td>log_div_exp</td><td>{@code log(exp(z)/s) → z - log(s)}: {@code log(softmax(x))} becomes the
 *     log-softmax, finite where the softmax underflows to 0</td></tr>
 * <tr><td>softplus</td><td>{@code log1p(exp(x)) → softplus(x)} (so {@code log(1+exp(x))} too, after log1p)</td></tr>
 * <tr><td>exp_over_1_plus_exp</td><td>{@code exp(x)/(1+exp(x)) → sigmoid(x)},
 *     {@code (y/(1+exp(x)))*exp(x), exp(x)*(y/(1+exp(x))) → y*sigmoid(x)}</td></tr>
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
                .add("one_minus_sigmoid", OpKind.ELEMWISE, Stabilize::oneMinusSigmoid)
                .add("exp_over_1_plus_exp", OpKind.ELEMWISE, Stabilize::expOverOnePlusExp)
                .add("log_div_exp", OpKind.ELEMWISE, Stabilize::logDivExp)
                .add("softplus", OpKind.ELEMWISE, Stabilize::softplus)
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

    /**
     * {@code log(exp(z) / s) → z - log(s)}: softmax is {@code exp(z) / sum(exp(z))} with z the
     * shifted logits, so its log becomes the log-softmax, which stays finite (≈ z) where the softmax
     * itself underflows to 0. z and exp(z) have one shape, so both sides broadcast against s alike.
     */
    static Variable logDivExp(Apply node) {
        if (Patterns.scalarOp(node) != ScalarOp.LOG) {
            return null;
        }
        Apply div = Patterns.elemwise(node.inputs().get(0), ScalarOp.TRUE_DIV);
        Apply exp = div == null ? null : Patterns.elemwise(div.inputs().get(0), ScalarOp.EXP);
        if (exp == null) {
            return null;
        }
        Variable s = div.inputs().get(1);
        Variable r = Ops.elemwise(ScalarOp.SUB, exp.inputs().get(0), Ops.elemwise(ScalarOp.LOG, s));
        return Patterns.fit(r, node.output().type());
    }

    /** {@code log1p(exp(x)) → softplus(x)}, which neither overflows for large x nor loses small values. */
    static Variable softplus(Apply node) {
        Apply exp = Patterns.scalarOp(node) == ScalarOp.LOG1P ? Patterns.elemwise(node.inputs().get(0), ScalarOp.EXP) : null;
        return exp == null ? null : Patterns.unaryAs(ScalarOp.SOFTPLUS, exp.inputs().get(0), node.output().type());
    }

    static Variable logSigmoid(Apply node) {
        Apply sig = Patterns.scalarOp(node) == ScalarOp.LOG ? Patterns.elemwise(node.inputs().get(0), ScalarOp.SIGMOID) : null;
        return sig == null ? null : negSoftplus(sig.inputs().get(0), true, node.output().type());
    }

    static Variable logOneMinusSigmoid(Apply node) {
        if (Patterns.scalarOp(node) == ScalarOp.LOG1P) {
            Apply neg = Patterns.elemwise(node.inputs().get(0), ScalarOp.NEG);
            Apply sig = neg == null ? null : Patterns.elemwise(neg.inputs().get(0), ScalarOp.SIGMOID);
            return sig == null ? null : negSoftplus(sig.inputs().get(0), false, node.output().type());
        }
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
            in = negated(in);
        }
        Variable r = Ops.elemwise(ScalarOp.NEG, Ops.elemwise(ScalarOp.SOFTPLUS, in));
        return r.type().equals(want) ? r : null;
    }

    /** {@code -v}, written as u when v is {@code -u}, so that rules never stack negations. */
    private static Variable negated(Variable v) {
        Apply neg = Patterns.elemwise(v, ScalarOp.NEG);
        return neg != null ? neg.inputs().get(0) : Ops.elemwise(ScalarOp.NEG, v);
    }

    /** The argument t of {@code v = 1 + exp(t)} or {@code exp(t) + 1}, else null. */
    private static Variable onePlusExpArg(Variable v) {
        Variable e = onePlus(v);
        Apply exp = e == null ? null : Patterns.elemwise(e, ScalarOp.EXP);
        return exp == null ? null : exp.inputs().get(0);
    }

    /** {@code 1/(1+exp(t)) → sigmoid(-t)}: {@code sigmoid(x)} for the logistic function as written, {@code 1/(1+exp(-x))}. */
    static Variable sigmoid(Apply node) {
        if (Patterns.scalarOp(node) != ScalarOp.TRUE_DIV || !Patterns.isConstant(node.inputs().get(0), 1)) {
            return null;
        }
        Variable t = onePlusExpArg(node.inputs().get(1));
        return t == null ? null : Patterns.unaryAs(ScalarOp.SIGMOID, negated(t), node.output().type());
    }

    /** {@code 1-sigmoid(x) → sigmoid(-x)}, in the forms {@code 1-s}, {@code (-s)+1} and {@code 1+(-s)}. */
    static Variable oneMinusSigmoid(Apply node) {
        ScalarOp op = Patterns.scalarOp(node);
        Variable s = null;
        if (op == ScalarOp.SUB && Patterns.isConstant(node.inputs().get(0), 1)) {
            s = node.inputs().get(1);
        } else if (op == ScalarOp.ADD) {
            Variable rest = onePlus(node.output());
            Apply neg = rest == null ? null : Patterns.elemwise(rest, ScalarOp.NEG);
            s = neg == null ? null : neg.inputs().get(0);
        }
        Apply sig = s == null ? null : Patterns.elemwise(s, ScalarOp.SIGMOID);
        if (sig == null || !sig.output().type().equals(node.output().type())) {
            return null;
        }
        return Ops.elemwise(ScalarOp.SIGMOID, negated(sig.inputs().get(0)));
    }

    /**
     * {@code exp(x)/(1+exp(x)) → sigmoid(x)}, and the product autodiff writes for the logistic
     * function, {@code (y/(1+exp(x)))*exp(x) → y*sigmoid(x)}: the quotient and the factor overflow
     * separately for large x, the sigmoid does not.
     */
    static Variable expOverOnePlusExp(Apply node) {
        ScalarOp op = Patterns.scalarOp(node);
        if (op == ScalarOp.TRUE_DIV) {
            Apply exp = Patterns.elemwise(node.inputs().get(0), ScalarOp.EXP);
            Variable t = onePlusExpArg(node.inputs().get(1));
            return exp != null && t == exp.inputs().get(0) ? Patterns.unaryAs(ScalarOp.SIGMOID, t, node.output().type()) : null;
        }
        if (op != ScalarOp.MUL) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            Apply exp = Patterns.elemwise(node.inputs().get(i), ScalarOp.EXP);
            Apply div = Patterns.elemwise(node.inputs().get(1 - i), ScalarOp.TRUE_DIV);
            if (exp == null || div == null || onePlusExpArg(div.inputs().get(1)) != exp.inputs().get(0)) {
                continue;
            }
            Variable sig = Ops.elemwise(ScalarOp.SIGMOID, exp.inputs().get(0));
            Variable y = div.inputs().get(0);
            Variable r = Ops.elemwise(ScalarOp.MUL, i == 0 ? sig : y, i == 0 ? y : sig);
            if (r.type().equals(node.output().type())) {
                return r;
            }
        }
        return null;
    }
}
