package org.symtensor.rewrite;

import java.util.Arrays;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * The small matchers and builders the rule sets share: which scalar op made a variable, the value
 * of a constant that holds one number everywhere (looking through broadcasting dimshuffles), and
 * how to make a candidate replacement fit the exact type of what it replaces or give up.
 */
final class Patterns {
    private Patterns() {}

    /** The apply that made {@code v} when it is an elementwise {@code op}, else null. */
    static Apply elemwise(Variable v, ScalarOp op) {
        Apply a = v.owner();
        if (a != null && a.op() instanceof Elemwise && ((Elemwise) a.op()).scalarOp() == op) {
            return a;
        }
        return null;
    }

    /** The scalar op of an elementwise node (null for other kinds). */
    static ScalarOp scalarOp(Apply node) {
        return node.op() instanceof Elemwise ? ((Elemwise) node.op()).scalarOp() : null;
    }

    /**
     * The single value every element of {@code v} holds, when {@code v} is a non-empty constant or a
     * dimshuffle that only adds or drops broadcastable axes of one; null otherwise.
     */
    static Double constantValue(Variable v) {
        Variable c = v;
        while (c.owner() != null && c.owner().op() instanceof DimShuffle) {
            c = c.owner().inputs().get(0);
        }
        if (!(c instanceof Constant)) {
            return null;
        }
        Constant k = (Constant) c;
        if (k.value().size() == 0) {
            return null;
        }
        double first = k.value().getDouble(0);
        return k.isAll(first) ? first : null;
    }

    /** Whether {@code v} is a constant (through broadcasting) equal to {@code value} everywhere. */
    static boolean isConstant(Variable v, double value) {
        Double c = constantValue(v);
        return c != null && c == value;
    }

    /**
     * {@code candidate} when it has exactly {@code want}'s dtype and static shape; a cast of it when
     * only the dtype differs and the cast is lossless; null when the shapes differ (the replacement
     * would broadcast differently) or the cast could lose values.
     */
    /**
     * Whether broadcasting against {@code by} can never make {@code v} longer. Run-time broadcasting
     * follows the static pattern (only an axis declared broadcastable, static length 1, stretches;
     * a run-time length 1 elsewhere is a shape error), so on each axis either {@code by} is declared
     * broadcastable (it takes {@code v}'s length), or {@code v} is not: then both are
     * non-broadcastable and the run time already insists that their lengths agree, whether they are
     * known or unknown. Only a {@code v} declared broadcastable against a {@code by} that is not can
     * be stretched.
     */
    static boolean cannotStretch(Variable by, Variable v) {
        if (by == v) {
            return true;
        }
        for (int axis = 0; axis < by.type().rank(); axis++) {
            if (!by.type().isBroadcastable(axis) && v.type().isBroadcastable(axis)) {
                return false;
            }
        }
        return true;
    }

    static Variable fit(Variable candidate, TensorType want) {
        TensorType got = candidate.type();
        if (!Arrays.equals(got.shape(), want.shape())) {
            return null;
        }
        if (got.dtype() == want.dtype()) {
            return candidate;
        }
        return lossless(got.dtype(), want.dtype()) ? Ops.cast(candidate, want.dtype()) : null;
    }

    /** Whether every value of {@code from} converts to {@code to} exactly. */
    static boolean lossless(DType from, DType to) {
        if (from == to || from == DType.BOOL) {
            return true;
        }
        if (to.isFloat()) {
            int mantissa = to == DType.FLOAT32 ? 24 : 53;
            return from.isFloat() ? from.bits() <= to.bits() : from.bits() < mantissa;
        }
        if (from.isFloat() || to == DType.BOOL) {
            return false;
        }
        if (from == DType.UINT8) {
            return to.bits() > 8;
        }
        return to != DType.UINT8 && to.bits() >= from.bits();
    }

    /** A scalar op of one input applied to {@code x} cast to the dtype of the output it replaces, when the type fits. */
    static Variable unaryAs(ScalarOp op, Variable x, TensorType want) {
        if (!lossless(x.type().dtype(), want.dtype())) {
            return null;
        }
        Variable r = Ops.elemwise(op, Ops.cast(x, want.dtype()));
        return r.type().equals(want) ? r : null;
    }

    /** A constant of {@code value} broadcast to {@code want} through Theano's fill: {@code second(like, value)}. */
    static Variable filled(Variable like, double value, TensorType want) {
        Variable r = Ops.elemwise(ScalarOp.SECOND, like, Ops.constant(value, want.dtype()));
        return r.type().equals(want) ? r : null;
    }
}
