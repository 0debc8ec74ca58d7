package org.symtensor.grad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symtensor.error.GradientException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;

/**
 * The gradient table: one rule per op, giving the gradients of an apply's inputs from the
 * gradient {@code g} of its output (vector-Jacobian products). Rules are written for a batch of
 * {@code batch} leading axes on {@code g}, so the same table computes gradients ({@code batch = 0})
 * and Jacobians ({@code batch = 1}). A null entry means no gradient flows to that input.
 */
final class GradRules {
    private GradRules() {}

    static List<Variable> inputGrads(Apply a, List<Variable> outputGrads, int batch) {
        Variable g = outputGrads.get(0);
        return switch (a.op().kind()) {
            case ELEMWISE -> elemwise(a, (Elemwise) a.op(), g);
            case DIMSHUFFLE -> List.of(dimshuffle(a, ((DimShuffle) a.op()).pattern(), g, batch));
            case REDUCE -> List.of(reduce(a, (Reduce) a.op(), g, batch));
            case DOT -> dot(a, g, batch);
            case SHAPE, EYE -> nulls(a);
            case GRAD_MARK -> List.of(gradMark(a, (GradMark) a.op(), g));
            case RANDOM -> nulls(a); // a draw is not differentiable in its state, size or parameters
            case SCAN -> ScanGrad.inputGrads(a, outputGrads, batch);
            case INDEX -> ControlGrads.subtensor(a, g, batch);
            case INC_INDEX -> ControlGrads.incSubtensor(a, g, batch);
            case IFELSE -> ControlGrads.ifElse(a, g, batch);
            case COMPOSITE -> composite(a, g, batch);
            case LINALG -> LinAlgGrads.inputGrads(a, outputGrads, batch);
            case CONV2D -> ConvGrads.conv2d(a, g, batch);
            case POOL2D -> ConvGrads.pool2d(a, g, batch);
            case RESHAPE -> ShapeGrads.reshape(a, g, batch);
            case JOIN -> ShapeGrads.join(a, g, batch);
            case ALLOC -> ShapeGrads.alloc(a, g, batch);
            case ARANGE -> ShapeGrads.arange(a, g, batch);
            case SPECIFY_SHAPE -> List.of(g);
            case ADVANCED_INDEX -> ShapeGrads.advancedSubtensor(a, g, batch);
            case ADVANCED_INC -> ShapeGrads.advancedIncSubtensor(a, g, batch);
            case CUMULATIVE -> AxisOpGrads.cumulative(a, (org.symtensor.ir.Cumulative) a.op(), g, batch);
            case SORT -> nulls(a); // positions: integers, piecewise constant
            case TAKE_ALONG -> AxisOpGrads.takeAlong(a, (org.symtensor.ir.TakeAlongAxis) a.op(), g, batch);
            case SOFTMAX -> List.of(org.symtensor.ir.Softmax.gradient(a.output(), g, ((org.symtensor.ir.Softmax) a.op()).axis(), batch));
        };
    }

    /**
     * A fused node's gradient is that of the elementwise graph it stands for: expand it over the
     * outer inputs and run this table backwards through the expansion.
     */
    private static List<Variable> composite(Apply a, Variable g, int batch) {
        Variable out = ((org.symtensor.ir.Composite) a.op()).expand(a.inputs());
        java.util.Map<Variable, List<Variable>> contributions = new java.util.IdentityHashMap<>();
        contributions.computeIfAbsent(out, k -> new ArrayList<>()).add(g);
        List<Apply> order = org.symtensor.ir.Graphs.toposort(List.of(out));
        for (int i = order.size() - 1; i >= 0; i--) {
            Apply node = order.get(i);
            List<Variable> gs = contributions.get(node.output());
            if (gs == null) {
                continue;
            }
            Variable gOut = gs.get(0);
            for (int k = 1; k < gs.size(); k++) {
                gOut = Ops.elemwise(ScalarOp.ADD, gOut, gs.get(k));
            }
            List<Variable> ins = inputGrads(node, List.of(gOut), batch);
            for (int j = 0; j < ins.size(); j++) {
                Variable in = node.inputs().get(j);
                if (ins.get(j) != null && in.type().dtype().isFloat()) {
                    contributions.computeIfAbsent(in, k -> new ArrayList<>()).add(Gradients.fitTo(ins.get(j), in.type(), batch));
                }
            }
        }
        List<Variable> result = new ArrayList<>();
        java.util.Set<Variable> done = org.symtensor.ir.Graphs.identitySet();
        for (Variable x : a.inputs()) {
            // an input passed twice gets its whole gradient once: the caller adds per position
            List<Variable> gs = done.add(x) ? contributions.get(x) : null;
            Variable sum = null;
            for (Variable gi : gs == null ? List.<Variable>of() : gs) {
                sum = sum == null ? gi : Ops.elemwise(ScalarOp.ADD, sum, gi);
            }
            result.add(sum);
        }
        return result;
    }

    private static List<Variable> nulls(Apply a) {
        return Arrays.asList(new Variable[a.inputs().size()]);
    }

    // ---- small builders ---------------------------------------------------------------------

    private static Variable e(ScalarOp op, Variable... in) {
        return Ops.elemwise(op, in);
    }

    private static Variable c(double v, Variable like) {
        return Ops.constant(v, like.type().dtype());
    }

    /** {@code v} as g's float dtype, so rules never mix dtypes silently. */
    private static Variable as(Variable v, Variable g) {
        return Ops.cast(v, g.type().dtype());
    }

    // ---- elementwise ------------------------------------------------------------------------

    private static List<Variable> elemwise(Apply a, Elemwise op, Variable g) {
        List<Variable> in = a.inputs();
        Variable x = as(in.get(0), g);
        Variable y = in.size() > 1 ? as(in.get(1), g) : null;
        Variable z = as(a.output(), g);
        ScalarOp s = op.scalarOp();
        return switch (s) {
            case ADD -> List.of(g, g);
            case SUB -> List.of(g, e(ScalarOp.NEG, g));
            case MUL -> List.of(e(ScalarOp.MUL, g, y), e(ScalarOp.MUL, g, x));
            // d(x/y)/dy = -x/y^2 = -z/y
            case TRUE_DIV -> List.of(e(ScalarOp.TRUE_DIV, g, y),
                    e(ScalarOp.NEG, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, g, z), y)));
            // floor(x/y) is piecewise constant: zero almost everywhere, as in Theano
            case INT_DIV -> List.of(e(ScalarOp.MUL, g, c(0, g)), e(ScalarOp.MUL, g, c(0, g)));
            // x mod y = x - y*floor(x/y)
            case MOD -> List.of(g, e(ScalarOp.NEG, e(ScalarOp.MUL, g, e(ScalarOp.INT_DIV, x, y))));
            // d x^y/dx = y x^(y-1); d x^y/dy = x^y log x
            case POW -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.MUL, y, e(ScalarOp.POW, x, e(ScalarOp.SUB, y, c(1, y))))),
                    e(ScalarOp.MUL, g, e(ScalarOp.MUL, z, e(ScalarOp.LOG, x))));
            case MAXIMUM, MINIMUM -> {
                // the gradient goes to the input that was chosen (to x at ties)
                Variable xChosen = as(e(ScalarOp.EQ, z, x), g);
                Variable yChosen = e(ScalarOp.SUB, c(1, g), xChosen);
                yield List.of(e(ScalarOp.MUL, g, xChosen), e(ScalarOp.MUL, g, yChosen));
            }
            case NEG -> List.of(e(ScalarOp.NEG, g));
            case ABS -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.SIGN, x)));
            case SQR -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.MUL, c(2, g), x)));
            case SQRT -> List.of(e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, g, c(0.5, g)), z));
            // d cbrt(x)/dx = 1/(3 z^2)
            case CBRT -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.MUL, c(3, g), e(ScalarOp.SQR, z))));
            case EXP -> List.of(e(ScalarOp.MUL, g, z));
            case LOG -> List.of(e(ScalarOp.TRUE_DIV, g, x));
            case LOG1P -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.ADD, x, c(1, x))));
            case EXPM1 -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.ADD, z, c(1, z))));
            case TANH -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.SUB, c(1, z), e(ScalarOp.SQR, z))));
            case SIGMOID -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.MUL, z, e(ScalarOp.SUB, c(1, z), z))));
            case SOFTPLUS -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.SIGMOID, x)));
            case RECIPROCAL -> List.of(e(ScalarOp.NEG, e(ScalarOp.MUL, g, e(ScalarOp.SQR, z))));
            case SIGN, CEIL, FLOOR, ROUND, TRUNC -> List.of(e(ScalarOp.MUL, g, c(0, g)));
            case SIN -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.COS, x)));
            case COS -> List.of(e(ScalarOp.NEG, e(ScalarOp.MUL, g, e(ScalarOp.SIN, x))));
            case TAN -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.ADD, c(1, z), e(ScalarOp.SQR, z))));
            // d arcsin(x)/dx = 1/sqrt(1 - x^2) = -d arccos(x)/dx
            case ARCSIN -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.SQRT, e(ScalarOp.SUB, c(1, x), e(ScalarOp.SQR, x)))));
            case ARCCOS -> List.of(e(ScalarOp.NEG, e(ScalarOp.TRUE_DIV, g,
                    e(ScalarOp.SQRT, e(ScalarOp.SUB, c(1, x), e(ScalarOp.SQR, x))))));
            case ARCTAN -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.ADD, c(1, x), e(ScalarOp.SQR, x))));
            case SINH -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.COSH, x)));
            case COSH -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.SINH, x)));
            case ARCSINH -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.SQRT, e(ScalarOp.ADD, e(ScalarOp.SQR, x), c(1, x)))));
            case ARCCOSH -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.SQRT, e(ScalarOp.SUB, e(ScalarOp.SQR, x), c(1, x)))));
            case ARCTANH -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.SUB, c(1, x), e(ScalarOp.SQR, x))));
            // arctan2(y, x): d/dy = x/(x^2 + y^2), d/dx = -y/(x^2 + y^2)
            case ARCTAN2 -> {
                Variable r2 = e(ScalarOp.ADD, e(ScalarOp.SQR, x), e(ScalarOp.SQR, y));
                yield List.of(e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, g, y), r2),
                        e(ScalarOp.NEG, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, g, x), r2)));
            }
            case LOG2 -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.MUL, x, c(Math.log(2), x))));
            case LOG10 -> List.of(e(ScalarOp.TRUE_DIV, g, e(ScalarOp.MUL, x, c(Math.log(10), x))));
            case EXP2 -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.MUL, z, c(Math.log(2), z))));
            // d erf(x)/dx = 2/sqrt(pi) e^(-x^2) = -d erfc(x)/dx
            case ERF -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.MUL, c(2 / Math.sqrt(Math.PI), x),
                    e(ScalarOp.EXP, e(ScalarOp.NEG, e(ScalarOp.SQR, x))))));
            case ERFC -> List.of(e(ScalarOp.NEG, e(ScalarOp.MUL, g, e(ScalarOp.MUL, c(2 / Math.sqrt(Math.PI), x),
                    e(ScalarOp.EXP, e(ScalarOp.NEG, e(ScalarOp.SQR, x)))))));
            // d erfinv(x)/dx = sqrt(pi)/2 e^(erfinv(x)^2)
            case ERFINV -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.MUL, c(Math.sqrt(Math.PI) / 2, z),
                    e(ScalarOp.EXP, e(ScalarOp.SQR, z)))));
            case GAMMALN -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.DIGAMMA, x)));
            case DIGAMMA -> List.of(e(ScalarOp.MUL, g, e(ScalarOp.TRIGAMMA, x)));
            // the next polygamma is not in the table; Theano's tri_gamma has no gradient either
            case TRIGAMMA -> throw new GradientException("tri_gamma has no gradient rule (the tetragamma function is"
                    + " not an op); differentiate gammaln or psi at most twice");
            // piecewise constant with a bool result: no gradient flows
            case LT, LE, GT, GE, EQ, NEQ, AND, OR, NOT, XOR, ISNAN, ISINF, ISFINITE -> nulls(a);
            case SWITCH -> {
                Variable cond = in.get(0);
                Variable zero = c(0, g);
                yield Arrays.asList(null, e(ScalarOp.SWITCH, cond, g, zero), e(ScalarOp.SWITCH, cond, zero, g));
            }
            // only b's values reach the output; a gives the shape
            case SECOND -> Arrays.asList(null, g);
            case CAST, IDENTITY -> List.of(g);
            // integer in, integer out: nothing to differentiate
            case BITWISE_AND, BITWISE_OR, BITWISE_XOR, INVERT, LEFT_SHIFT, RIGHT_SHIFT -> nulls(a);
        };
    }

    // ---- structure --------------------------------------------------------------------------

    private static Variable dimshuffle(Apply a, int[] p, Variable g, int batch) {
        int inRank = a.inputs().get(0).type().rank();
        List<Integer> newAxes = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == DimShuffle.NEW_AXIS) {
                newAxes.add(batch + i);
            } else {
                kept.add(p[i]);
            }
        }
        Variable h = g;
        if (!newAxes.isEmpty()) {
            // the inserted axes have length 1: summing them removes them
            h = Ops.reduce(Reduce.Kind.SUM, g, newAxes.stream().mapToInt(Integer::intValue).toArray());
        }
        int[] back = new int[batch + inRank];
        for (int i = 0; i < batch; i++) {
            back[i] = i;
        }
        for (int axis = 0; axis < inRank; axis++) {
            int pos = kept.indexOf(axis);
            back[batch + axis] = pos < 0 ? DimShuffle.NEW_AXIS : batch + pos;
        }
        return Ops.dimshuffle(h, back);
    }

    /** Re-inserts the reduced axes of a reduction's output (batch axes kept in front). */
    private static int[] expandPattern(boolean[] reduced, int batch) {
        int[] pattern = new int[batch + reduced.length];
        int k = 0;
        for (int i = 0; i < batch; i++) {
            pattern[i] = k++;
        }
        for (int axis = 0; axis < reduced.length; axis++) {
            pattern[batch + axis] = reduced[axis] ? DimShuffle.NEW_AXIS : k++;
        }
        return pattern;
    }

    private static Variable reduce(Apply a, Reduce op, Variable g, int batch) {
        Variable x = a.inputs().get(0);
        if (!x.type().dtype().isFloat()) {
            return null;
        }
        int rank = x.type().rank();
        boolean[] reduced = op.reducedAxes(rank);
        Variable gExp = Ops.dimshuffle(g, expandPattern(reduced, batch));
        Variable xg = as(x, g);
        return switch (op.reduceKind()) {
            case SUM -> e(ScalarOp.SECOND, xg, gExp);
            case MEAN -> {
                Variable count = c(1, g);
                for (int axis = 0; axis < rank; axis++) {
                    if (reduced[axis]) {
                        count = e(ScalarOp.MUL, count, as(Ops.shape(x, axis), g));
                    }
                }
                yield e(ScalarOp.TRUE_DIV, e(ScalarOp.SECOND, xg, gExp), count);
            }
            case MAX, MIN -> {
                Variable zExp = Ops.dimshuffle(as(a.output(), g), expandPattern(reduced, 0));
                Variable chosen = as(e(ScalarOp.EQ, xg, zExp), g);
                yield e(ScalarOp.MUL, chosen, gExp);
            }
            case PROD -> e(ScalarOp.MUL, gExp, prodGrad(xg, reduced));
            // a position or a truth value: piecewise constant, with an integer or bool result
            case ARGMAX, ARGMIN, ALL, ANY -> null;
        };
    }

    /**
     * d prod/dx_i over each reduced group, Theano's way, so that an input exactly zero gives no NaN:
     * with no zero in the group it is prod / x_i; with exactly one, the zero element gets the
     * product of the others and the rest get 0; with two or more, every element gets 0. The zeros
     * that make a value 0 are kept as factors ({@code zeroSum}, the sum of the group's zero inputs,
     * is 0 with gradient 1 at each of them), so the gradient of this gradient is right at zeros too.
     */
    private static Variable prodGrad(Variable x, boolean[] reduced) {
        int[] axes = new int[countTrue(reduced)];
        for (int axis = 0, k = 0; axis < reduced.length; axis++) {
            if (reduced[axis]) {
                axes[k++] = axis;
            }
        }
        int[] back = expandPattern(reduced, 0);
        Variable zero = c(0, x);
        Variable one = c(1, x);
        Variable isZero = e(ScalarOp.EQ, x, zero);
        Variable nonZero = e(ScalarOp.SWITCH, isZero, one, x);   // x with its zeros as ones: no division by 0
        Variable prodNonZero = Ops.dimshuffle(as(Ops.reduce(Reduce.Kind.PROD, nonZero, axes), x), back);
        Variable zeros = Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, as(isZero, x), axes), back);
        Variable zeroSum = Ops.dimshuffle(Ops.reduce(Reduce.Kind.SUM, e(ScalarOp.SWITCH, isZero, x, zero), axes), back);
        Variable zerosAre0 = e(ScalarOp.EQ, zeros, zero);
        Variable zerosAre1 = e(ScalarOp.EQ, zeros, one);
        Variable zerosAre2 = e(ScalarOp.EQ, zeros, c(2, x));
        // x_i != 0: prod / x_i times the other zeros (none: 1; one: that zero; more: 0)
        Variable atNonZero = e(ScalarOp.MUL, e(ScalarOp.TRUE_DIV, prodNonZero, nonZero),
                e(ScalarOp.SWITCH, zerosAre0, one, e(ScalarOp.SWITCH, zerosAre1, zeroSum, zero)));
        // x_i == 0: the product of the non-zeros times the other zeros
        Variable atZero = e(ScalarOp.MUL, prodNonZero,
                e(ScalarOp.SWITCH, zerosAre1, one, e(ScalarOp.SWITCH, zerosAre2, e(ScalarOp.SUB, zeroSum, x), zero)));
        return e(ScalarOp.SWITCH, isZero, atZero, atNonZero);
    }

    private static int countTrue(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static List<Variable> dot(Apply a, Variable g, int batch) {
        Variable x = as(a.inputs().get(0), g);
        Variable y = as(a.inputs().get(1), g);
        int rx = x.type().rank();
        int ry = y.type().rank();
        Variable gx;
        Variable gy;
        if (rx == 2 && ry == 2) {
            gx = Ops.dot(g, Ops.transpose(y));
            gy = batch == 0 ? Ops.dot(Ops.transpose(x), g) : Ops.dimshuffle(Ops.dot(Ops.dimshuffle(g, 0, 2, 1), x), 0, 2, 1);
        } else if (rx == 2) {
            // (m×k)·(k): gx = outer(g, y), gy = g·x
            gx = e(ScalarOp.MUL, Ops.dimshuffle(g, appendAxis(batch + 1)), y);
            gy = Ops.dot(g, x);
        } else if (ry == 2) {
            // (k)·(k×n): gx = g·yᵀ, gy = outer(x, g)
            gx = Ops.dot(g, Ops.transpose(y));
            gy = e(ScalarOp.MUL, Ops.dimshuffle(x, 0, DimShuffle.NEW_AXIS), Ops.dimshuffle(g, insertBeforeLast(batch + 1)));
        } else {
            Variable gCol = Ops.dimshuffle(g, appendAxis(batch));
            gx = e(ScalarOp.MUL, gCol, y);
            gy = e(ScalarOp.MUL, gCol, x);
        }
        return List.of(gx, gy);
    }

    /** (0, 1, ..., r-1, x). */
    private static int[] appendAxis(int rank) {
        int[] p = new int[rank + 1];
        for (int i = 0; i < rank; i++) {
            p[i] = i;
        }
        p[rank] = DimShuffle.NEW_AXIS;
        return p;
    }

    /** (0, ..., r-2, x, r-1). */
    private static int[] insertBeforeLast(int rank) {
        int[] p = new int[rank + 1];
        for (int i = 0; i < rank - 1; i++) {
            p[i] = i;
        }
        p[rank - 1] = DimShuffle.NEW_AXIS;
        p[rank] = rank - 1;
        return p;
    }

    private static Variable gradMark(Apply a, GradMark mark, Variable g) {
        return switch (mark.markKind()) {
            case ZERO -> e(ScalarOp.MUL, g, c(0, g));
            case DISCONNECTED -> null;
            case UNDEFINED -> throw new GradientException("the gradient is undefined"
                    + (mark.reason() != null ? " (" + mark.reason() + ")" : "") + " at " + a.op().name()
                    + " applied to " + a.inputs().get(0).describe() + ", created at " + a.createdAt()
                    + "; wrap the path in disconnectedGrad(...) or zeroGrad(...) if no gradient should flow there");
        };
    }
}
