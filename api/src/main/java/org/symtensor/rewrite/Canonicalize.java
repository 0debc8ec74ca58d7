package org.symtensor.rewrite;

import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * The {@code canonicalize} set: algebraic identities that remove work and put graphs in one form
 * for the later sets. Every rule keeps the exact type (dtype and static shape) of what it replaces
 * or does not fire. As in Theano, {@code x*0}, {@code x-x} and {@code (x*y)/x} assume finite values
 * (and {@code x != 0} for the last): they may turn a NaN or infinity of the original graph into a
 * number, never a number into a different number.
 *
 * <p>Rules that drop an operand ({@code mul_div}, {@code useless_fill}) rely on the run-time
 * broadcasting rule: only an axis declared broadcastable stretches, and non-broadcastable axes of
 * every input must have equal run-time lengths (else the node raises a shape error). So dropping
 * {@code x} from {@code (x*y)/x} cannot shrink the result when {@code y} is not declared
 * broadcastable where {@code x} is not ({@link Patterns#cannotStretch}), even when both lengths
 * are unknown; and {@code x/x} always has {@code x}'s shape.
 *
 * <table>
 * <caption>rules</caption>
 * <tr><td>mul_one</td><td>{@code x*1, 1*x → x}</td></tr>
 * <tr><td>mul_zero</td><td>{@code x*0, 0*x → fill(x, 0)}</td></tr>
 * <tr><td>add_zero</td><td>{@code x+0, 0+x → x}</td></tr>
 * <tr><td>sub_zero</td><td>{@code x-0 → x}</td></tr>
 * <tr><td>sub_self</td><td>{@code x-x → fill(x, 0)}</td></tr>
 * <tr><td>neg_neg</td><td>{@code -(-x) → x}</td></tr>
 * <tr><td>neg_sub</td><td>{@code (-a)-b → -(a+b)}</td></tr>
 * <tr><td>neg_mul</td><td>{@code (-a)*b, a*(-b) → -(a*b)}</td></tr>
 * <tr><td>div_one</td><td>{@code x/1 → x}</td></tr>
 * <tr><td>div_self</td><td>{@code x/x → fill(x, 1)} (float only)</td></tr>
 * <tr><td>mul_div</td><td>{@code (x*y)/x → y}, {@code (x*y)/y → x} (float only) unless {@code y} is declared
 *     broadcastable on an axis where {@code x} is not</td></tr>
 * <tr><td>div_mul</td><td>{@code (y/a)*(a*b), (y/a)*(b*a) → y*b}, {@code (y/a)*a → y}, either operand
 *     order (float only): the gradient of {@code log(sigmoid(x))}, {@code (g/σ(x))*(σ(x)*(1-σ(x)))},
 *     becomes {@code g*(1-σ(x))}, finite where {@code σ(x)} underflows to 0</td></tr>
 * <tr><td>useless_fill</td><td>{@code fill(x, c) → c} when c already has the output's type and x cannot stretch it</td></tr>
 * <tr><td>useless_cast</td><td>{@code cast(x, dtype(x)) → x}</td></tr>
 * <tr><td>cast_cast</td><td>{@code cast(cast(x, a), b) → cast(x, b)} when the inner cast is lossless</td></tr>
 * <tr><td>remove_grad_mark</td><td>{@code zero_grad(x), disconnected_grad(x), grad_undefined(x) → x}</td></tr>
 * </table>
 */
public final class Canonicalize {
    private Canonicalize() {}

    public static RuleSet rules() {
        return RuleSet.builder("canonicalize")
                .add("mul_one", OpKind.ELEMWISE, Canonicalize::mulOne)
                .add("mul_zero", OpKind.ELEMWISE, Canonicalize::mulZero)
                .add("add_zero", OpKind.ELEMWISE, Canonicalize::addZero)
                .add("sub_zero", OpKind.ELEMWISE, Canonicalize::subZero)
                .add("sub_self", OpKind.ELEMWISE, Canonicalize::subSelf)
                .add("neg_neg", OpKind.ELEMWISE, Canonicalize::negNeg)
                .add("neg_sub", OpKind.ELEMWISE, Canonicalize::negSub)
                .add("neg_mul", OpKind.ELEMWISE, Canonicalize::negMul)
                .add("div_one", OpKind.ELEMWISE, Canonicalize::divOne)
                .add("div_self", OpKind.ELEMWISE, Canonicalize::divSelf)
                .add("mul_div", OpKind.ELEMWISE, Canonicalize::mulDiv)
                .add("div_mul", OpKind.ELEMWISE, Canonicalize::divMul)
                .add("useless_fill", OpKind.ELEMWISE, Canonicalize::uselessFill)
                .add("useless_cast", OpKind.ELEMWISE, Canonicalize::uselessCast)
                .add("cast_cast", OpKind.ELEMWISE, Canonicalize::castCast)
                .add("remove_grad_mark", OpKind.GRAD_MARK, node -> node.inputs().get(0))
                .build();
    }

    private static boolean is(Apply node, ScalarOp op) {
        return Patterns.scalarOp(node) == op;
    }

    private static TensorType out(Apply node) {
        return node.output().type();
    }

    static Variable mulOne(Apply node) {
        return is(node, ScalarOp.MUL) ? dropNeutral(node, 1, true) : null;
    }

    static Variable addZero(Apply node) {
        return is(node, ScalarOp.ADD) ? dropNeutral(node, 0, true) : null;
    }

    static Variable subZero(Apply node) {
        return is(node, ScalarOp.SUB) ? dropNeutral(node, 0, false) : null;
    }

    static Variable divOne(Apply node) {
        return is(node, ScalarOp.TRUE_DIV) ? dropNeutral(node, 1, false) : null;
    }

    /** {@code x op n} (and {@code n op x} when commutative) → x, n the neutral element. */
    private static Variable dropNeutral(Apply node, double neutral, boolean commutative) {
        List<Variable> in = node.inputs();
        if (Patterns.isConstant(in.get(1), neutral)) {
            Variable r = Patterns.fit(in.get(0), out(node));
            if (r != null) {
                return r;
            }
        }
        if (commutative && Patterns.isConstant(in.get(0), neutral)) {
            return Patterns.fit(in.get(1), out(node));
        }
        return null;
    }

    static Variable mulZero(Apply node) {
        if (!is(node, ScalarOp.MUL)) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            if (Patterns.isConstant(node.inputs().get(i), 0)) {
                Variable r = Patterns.filled(node.inputs().get(1 - i), 0, out(node));
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    static Variable subSelf(Apply node) {
        if (is(node, ScalarOp.SUB) && node.inputs().get(0) == node.inputs().get(1)) {
            return Patterns.filled(node.inputs().get(0), 0, out(node));
        }
        return null;
    }

    /** {@code x/x → fill(x, 1)}: the output has x's shape, and like Theano it assumes {@code x != 0} and finite. */
    static Variable divSelf(Apply node) {
        if (is(node, ScalarOp.TRUE_DIV) && out(node).dtype().isFloat() && node.inputs().get(0) == node.inputs().get(1)) {
            return Patterns.filled(node.inputs().get(0), 1, out(node));
        }
        return null;
    }

    static Variable negNeg(Apply node) {
        Apply inner = is(node, ScalarOp.NEG) ? Patterns.elemwise(node.inputs().get(0), ScalarOp.NEG) : null;
        return inner == null ? null : Patterns.fit(inner.inputs().get(0), out(node));
    }

    /**
     * Negations move out of subtractions and products, as Theano's canonizer does with is_neg, so
     * that {@code exp((-a)-b)} reads {@code exp(-(a+b))} and the sigmoid rules see one negation.
     * Both are exact in IEEE arithmetic.
     */
    static Variable negSub(Apply node) {
        Apply neg = is(node, ScalarOp.SUB) ? Patterns.elemwise(node.inputs().get(0), ScalarOp.NEG) : null;
        if (neg == null) {
            return null;
        }
        Variable sum = Ops.elemwise(ScalarOp.ADD, neg.inputs().get(0), node.inputs().get(1));
        Variable r = Ops.elemwise(ScalarOp.NEG, sum);
        return r.type().equals(out(node)) ? r : null;
    }

    static Variable negMul(Apply node) {
        if (!is(node, ScalarOp.MUL)) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            Apply neg = Patterns.elemwise(node.inputs().get(i), ScalarOp.NEG);
            if (neg != null) {
                Variable a = neg.inputs().get(0);
                Variable b = node.inputs().get(1 - i);
                Variable r = Ops.elemwise(ScalarOp.NEG, i == 0 ? Ops.elemwise(ScalarOp.MUL, a, b) : Ops.elemwise(ScalarOp.MUL, b, a));
                if (r.type().equals(out(node))) {
                    return r;
                }
            }
        }
        return null;
    }

    static Variable mulDiv(Apply node) {
        if (!is(node, ScalarOp.TRUE_DIV) || !out(node).dtype().isFloat()) {
            return null;
        }
        Variable divisor = node.inputs().get(1);
        Apply mul = Patterns.elemwise(node.inputs().get(0), ScalarOp.MUL);
        if (mul == null || !mul.output().type().dtype().isFloat()) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            if (mul.inputs().get(i) == divisor && Patterns.cannotStretch(divisor, mul.inputs().get(1 - i))) {
                return Patterns.fit(mul.inputs().get(1 - i), out(node));
            }
        }
        return null;
    }

    /**
     * {@code (y/a)*(a*b) → y*b} and {@code (y/a)*a → y}. Like {@code mul_div} it assumes {@code a}
     * finite and nonzero. The replacement must have the product's exact type; then it also has its
     * broadcast pattern, and the dropped {@code a} cannot have stretched anything: where {@code a} is
     * not declared broadcastable neither is the product, so the kept operands' lengths there must
     * already equal {@code a}'s at run time.
     */
    static Variable divMul(Apply node) {
        if (!is(node, ScalarOp.MUL) || !out(node).dtype().isFloat()) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            Apply div = Patterns.elemwise(node.inputs().get(i), ScalarOp.TRUE_DIV);
            if (div == null) {
                continue;
            }
            Variable y = div.inputs().get(0);
            Variable a = div.inputs().get(1);
            Variable other = node.inputs().get(1 - i);
            Variable r = null;
            if (other == a) {
                r = y;
            } else {
                Apply mul = Patterns.elemwise(other, ScalarOp.MUL);
                for (int j = 0; mul != null && j < 2 && r == null; j++) {
                    if (mul.inputs().get(j) == a) {
                        Variable b = mul.inputs().get(1 - j);
                        r = i == 0 ? Ops.elemwise(ScalarOp.MUL, y, b) : Ops.elemwise(ScalarOp.MUL, b, y);
                    }
                }
            }
            if (r != null && r.type().equals(out(node))) {
                return r;
            }
        }
        return null;
    }

    static Variable uselessFill(Apply node) {
        return is(node, ScalarOp.SECOND) && node.inputs().get(1).type().equals(out(node))
                && Patterns.cannotStretch(node.inputs().get(0), node.inputs().get(1)) ? node.inputs().get(1) : null;
    }

    static Variable uselessCast(Apply node) {
        return is(node, ScalarOp.CAST) && node.inputs().get(0).type().equals(out(node)) ? node.inputs().get(0) : null;
    }

    static Variable castCast(Apply node) {
        if (!is(node, ScalarOp.CAST)) {
            return null;
        }
        Apply inner = Patterns.elemwise(node.inputs().get(0), ScalarOp.CAST);
        if (inner == null) {
            return null;
        }
        Variable x = inner.inputs().get(0);
        DType middle = ((Elemwise) inner.op()).castTo();
        return Patterns.lossless(x.type().dtype(), middle) ? Ops.cast(x, out(node).dtype()) : null;
    }
}
