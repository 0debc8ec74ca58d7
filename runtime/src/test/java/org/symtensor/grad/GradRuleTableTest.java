package org.symtensor.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.grad.GradCheck.e;
import static org.symtensor.grad.GradCheck.mat;
import static org.symtensor.grad.GradCheck.scalar;
import static org.symtensor.grad.GradCheck.vec;
import static org.symtensor.grad.GradCheck.verify;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.T;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Eye;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.IfElse;
import org.symtensor.ir.Indexing;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.random.RandomStreams;
import org.symtensor.random.Size;
import org.symtensor.rewrite.Fusion;
import org.symtensor.scan.Scan;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * The gradient table is complete: every {@link ScalarOp} and every {@link OpKind} has its gradient
 * rule checked against central finite differences here, or is declared not differentiable with the
 * reason, and then its gradient is checked to be exactly zero. Both tables are switch expressions
 * with no default, so an op added without a case here does not compile, and each case runs.
 */
class GradRuleTableTest {
    /** Points in (0.2, 2.2): inside every unary op's domain and away from kinks. */
    private static final NDArray POSITIVE = mat(new double[] {0.3, 0.7, 1.1}, new double[] {1.6, 2.1, 0.45});
    /** Mixed signs, away from zero and from integers. */
    private static final NDArray MIXED = mat(new double[] {-0.7, 0.4, 1.3}, new double[] {-2.2, 0.9, -0.35});

    /** What the test does with an op. */
    private sealed interface GradCase permits FiniteDifferences, NotDifferentiable, NoRule {}

    /** Checks the rule of {@code fn}'s op against finite differences at each tuple of points. */
    private record FiniteDifferences(Function<List<Variable>, Variable> fn, List<NDArray[]> points) implements GradCase {}

    /**
     * The op has no derivative to check ({@code reason}); the gradient of {@code probe(x)}, a float64
     * expression of a float64 matrix x through the op, must then be exactly zero.
     */
    /** An op with no gradient rule: asking for its gradient fails with a GradientException that says {@code reason}. */
    private record NoRule(String reason, Function<Variable, Variable> probe) implements GradCase {}

    private record NotDifferentiable(String reason, Function<Variable, Variable> probe) implements GradCase {}

    private static FiniteDifferences fd(Function<List<Variable>, Variable> fn, NDArray... points) {
        return new FiniteDifferences(fn, List.<NDArray[]>of(points));
    }

    private static FiniteDifferences unary(ScalarOp op, NDArray... pointSets) {
        return new FiniteDifferences(in -> e(op, in.get(0)), Arrays.stream(pointSets).map(p -> new NDArray[] {p}).toList());
    }

    private static FiniteDifferences binary(ScalarOp op, NDArray x, NDArray y) {
        return fd(in -> e(op, in.get(0), in.get(1)), x, y);
    }

    private static Variable f64(Variable v) {
        return Ops.cast(v, DType.FLOAT64);
    }

    private static Variable c(double v) {
        return Ops.constant(v, DType.FLOAT64);
    }

    /** The case of each scalar op. */
    private static GradCase scalarCase(ScalarOp op) {
        return switch (op) {
            case ADD, SUB, MUL, TRUE_DIV, MAXIMUM, MINIMUM -> binary(op, MIXED, POSITIVE);
            // x / y stays away from integers: 2.3/1.5, 5.7/2, -1.2/0.7, 4.1/-1.6; floor's derivative is 0 there
            case INT_DIV, MOD -> binary(op, vec(2.3, 5.7, -1.2, 4.1), vec(1.5, 2.0, 0.7, -1.6));
            case POW -> binary(op, POSITIVE, MIXED);
            case NEG, ABS, SQR, CBRT, EXP, EXPM1, TANH, SIGMOID, SOFTPLUS, RECIPROCAL, SIGN, IDENTITY -> unary(op, POSITIVE, MIXED);
            case SQRT, LOG, LOG1P, LOG2, LOG10 -> unary(op, POSITIVE);
            case SIN, COS, TAN, ARCTAN, SINH, COSH, ARCSINH, EXP2 -> unary(op, POSITIVE, MIXED);
            // rounding is piecewise constant: MIXED stays away from integers, where it jumps
            case CEIL, FLOOR, ROUND, TRUNC -> unary(op, POSITIVE, MIXED);
            // the domain (-1, 1)
            case ARCSIN, ARCCOS, ARCTANH -> unary(op, vec(-0.7, 0.4, 0.9, -0.35));
            // the domain (1, inf)
            case ARCCOSH -> unary(op, vec(1.3, 2.2, 5.0, 1.05));
            case ARCTAN2 -> binary(op, MIXED, POSITIVE);
            case ERF, ERFC -> unary(op, MIXED);
            case ERFINV -> unary(op, vec(-0.7, 0.4, 0.9, -0.35));
            case GAMMALN, DIGAMMA -> unary(op, POSITIVE, vec(-0.7, -1.3, -2.2, -0.35));
            case TRIGAMMA -> new NoRule("no gradient rule", x -> e(op, x));
            case LT, LE, GT, GE, EQ, NEQ -> new NotDifferentiable("a comparison is piecewise constant with a bool result",
                    x -> f64(e(op, x, c(0.5))));
            case ISNAN, ISINF, ISFINITE -> new NotDifferentiable("a test of a value has a bool result",
                    x -> f64(e(op, x)));
            case AND, OR, XOR -> new NotDifferentiable("logic on truth values has a bool result",
                    x -> f64(e(op, e(ScalarOp.GT, x, c(0)), e(ScalarOp.LT, x, c(2)))));
            case NOT -> new NotDifferentiable("logic on truth values has a bool result",
                    x -> f64(e(op, e(ScalarOp.GT, x, c(0)))));
            case SWITCH -> fd(in -> e(op, Ops.constant(NDArray.of(new boolean[] {true, false, true})),
                    e(ScalarOp.SQR, in.get(0)), e(ScalarOp.EXP, in.get(1))), vec(0.5, -1.5, 2.0), vec(0.1, 0.2, 0.3));
            case SECOND -> fd(in -> e(op, in.get(0), e(ScalarOp.SQR, in.get(1))), POSITIVE, scalar(1.5));
            case CAST -> fd(in -> e(ScalarOp.SQR, Apply.output(Elemwise.cast(DType.FLOAT64), in.get(0))), MIXED);
            case BITWISE_AND, BITWISE_OR, BITWISE_XOR, LEFT_SHIFT, RIGHT_SHIFT -> new NotDifferentiable(
                    "bitwise operations take and give integers", x -> f64(e(op, Ops.cast(x, DType.INT64), Ops.constant(3, DType.INT64))));
            case INVERT -> new NotDifferentiable("bitwise operations take and give integers",
                    x -> f64(e(op, Ops.cast(x, DType.INT64))));
        };
    }

    /** The reason {@code op} is declared not differentiable, or null when finite differences check it (read by OpsDocTest). */
    static String notDifferentiableReason(ScalarOp op) {
        GradCase c = scalarCase(op);
        return c instanceof NotDifferentiable n ? n.reason() : c instanceof NoRule r ? "no rule: " + r.reason() : null;
    }

    /** The cases of each op kind ({@code ELEMWISE} is the scalar table above). */
    @SuppressWarnings("unchecked")
    private static List<GradCase> kindCases(OpKind kind) {
        return switch (kind) {
            case ELEMWISE -> Arrays.stream(ScalarOp.values()).map(GradRuleTableTest::scalarCase).toList();
            case DIMSHUFFLE -> List.of(fd(in -> e(ScalarOp.MUL, Ops.transpose(in.get(0)), Ops.dimshuffle(in.get(1), 0, -1)),
                    MIXED, vec(0.5, -1.0, 2.0)));
            case REDUCE -> Arrays.stream(Reduce.Kind.values()).<GradCase>map(k -> Reduce.isIndexOrLogic(k)
                    ? new NotDifferentiable("a position or a truth value is piecewise constant, with an int64 or bool result",
                            x -> f64(Ops.reduce(k, x, 1)))
                    : fd(in -> Ops.reduce(k, e(ScalarOp.SQR, in.get(0)), 1), MIXED)).toList();
            case DOT -> List.of(fd(in -> Ops.dot(in.get(0), in.get(1)), MIXED, mat(new double[] {1.1, -0.4},
                    new double[] {0.9, 2.2}, new double[] {-1.3, 0.5})));
            // the shape is an integer: the product's gradient is the shape, nothing flows through it
            case SHAPE -> List.of(fd(in -> e(ScalarOp.MUL, in.get(0), f64(Ops.shape(in.get(0), 1))), MIXED));
            case EYE -> List.of(fd(in -> Ops.dot(Apply.output(Eye.of(DType.FLOAT64), Ops.shape(in.get(0), 0)), in.get(0)),
                    MIXED));
            case GRAD_MARK -> List.of(new NotDifferentiable("the mark replaces the derivative by design (zeroGrad)",
                    x -> Apply.output(GradMark.of(GradMark.Kind.ZERO, null), x)));
            case RANDOM -> List.of(new NotDifferentiable("a draw is not differentiable in its state, size or parameters",
                    x -> new RandomStreams(5).normal(F64.class, Size.of(4), (Scalar<F64>) Tensors.<F64>wrap(
                            Ops.reduce(Reduce.Kind.SUM, x)), T.constant(1.0)).variable()));
            case SCAN -> List.of(fd(in -> {
                Vector<F64> h0 = (Vector<F64>) Tensors.<F64>wrap(in.get(0));
                Matrix<F64> w = (Matrix<F64>) Tensors.<F64>wrap(in.get(1));
                return Scan.from(h0).nonSequences(w).steps(3).iterate((h, ww) -> T.tanh(h.dot(ww))).last().variable();
            }, vec(0.1, -0.2, 0.3), mat(new double[] {0.5, -0.3, 0.1}, new double[] {0.2, 0.4, -0.6},
                    new double[] {-0.1, 0.3, 0.2})));
            case INDEX -> List.of(fd(in -> e(ScalarOp.EXP, Indexing.index(in.get(0), 0, 1)), MIXED),
                    fd(in -> e(ScalarOp.SQR, Indexing.slice(in.get(0), 1, Ops.constant(NDArray.of(1L)), null, 1)), MIXED));
            case INC_INDEX -> List.of(fd(in -> e(ScalarOp.SQR, Indexing.incSlice(in.get(0), in.get(1), 1,
                    Ops.constant(NDArray.of(1L)), null, 1)), MIXED, mat(new double[] {0.5, -1.0}, new double[] {2.0, 0.25})));
            case IFELSE -> List.of(fd(in -> IfElse.build(Ops.constant(NDArray.of(true)), e(ScalarOp.SQR, in.get(0)),
                    e(ScalarOp.EXP, in.get(0))), MIXED), fd(in -> IfElse.build(Ops.constant(NDArray.of(false)),
                    e(ScalarOp.SQR, in.get(0)), e(ScalarOp.EXP, in.get(0))), MIXED));
            case COMPOSITE -> List.of(fd(in -> composite(e(ScalarOp.TRUE_DIV, c(1), e(ScalarOp.ADD, c(1),
                    e(ScalarOp.EXP, e(ScalarOp.NEG, e(ScalarOp.MUL, in.get(0), in.get(1))))))), MIXED, POSITIVE));
            case LINALG -> linAlgCases();
            case CONV2D -> org.symtensor.runtime.ConvCases.conv2dVariants().stream()
                    .<GradCase>map(v -> new FiniteDifferences(v.fn(), List.<NDArray[]>of(v.points()))).toList();
            case POOL2D -> org.symtensor.runtime.ConvCases.pool2dVariants().stream()
                    .<GradCase>map(v -> new FiniteDifferences(v.fn(), List.<NDArray[]>of(v.points()))).toList();
            // the 2×3 point as 3×2 (an inferred length) and as (3, 2) read from its own shape
            case RESHAPE -> List.of(fd(in -> e(ScalarOp.SQR, org.symtensor.ir.ShapeOps.reshape(in.get(0), 3, -1)), MIXED),
                    fd(in -> e(ScalarOp.SIN, org.symtensor.ir.ShapeOps.reshape(in.get(0),
                            List.of(Ops.shape(in.get(0), 1), Ops.shape(in.get(0), 0)))), MIXED));
            // each input gets its block of g: joined along rows and along columns
            case JOIN -> List.of(fd(in -> e(ScalarOp.SQR, org.symtensor.ir.JoinOps.concatenate(0, List.of(in.get(0),
                    e(ScalarOp.SIN, in.get(1)), in.get(0)))), MIXED, mat(new double[] {0.5, -1.0, 0.2})),
                    fd(in -> e(ScalarOp.SIN, org.symtensor.ir.JoinOps.concatenate(-1, List.of(in.get(0), in.get(1)))),
                            MIXED, mat(new double[] {0.5}, new double[] {-1.5})));
            // a row broadcast down 3 rows, and a scalar filling a 2×2: g summed over the broadcast axes
            case ALLOC -> List.of(fd(in -> e(ScalarOp.SIN, e(ScalarOp.MUL, org.symtensor.ir.FillOps.alloc(in.get(0),
                    List.of(Ops.constant(NDArray.of(3L)), Ops.shape(in.get(0), 0))), c(1.5))), vec(0.5, -1.0, 2.0)),
                    fd(in -> e(ScalarOp.SQR, org.symtensor.ir.FillOps.alloc(in.get(0), List.of(Ops.constant(NDArray.of(2L)),
                            Ops.constant(NDArray.of(2L))))), scalar(0.7)));
            // d/dstart = Σ g, d/dstep = Σ g·i (Theano's rule); the length stays fixed near the points
            case ARANGE -> List.of(fd(in -> e(ScalarOp.SIN, org.symtensor.ir.FillOps.arange(in.get(0),
                    Ops.constant(2.05, DType.FLOAT64), in.get(1))), scalar(0.3), scalar(0.4)));
            case SPECIFY_SHAPE -> List.of(fd(in -> e(ScalarOp.SQR, org.symtensor.ir.FillOps.specifyShape(in.get(0), 2, -1)),
                    MIXED));
            // repeated indices: their gradients add up
            case ADVANCED_INDEX -> List.of(fd(in -> e(ScalarOp.SQR, Apply.output(org.symtensor.ir.AdvancedSubtensor.take(1),
                    in.get(0), Ops.constant(NDArray.of(new long[] {2, 0, -1})))), MIXED),
                    fd(in -> e(ScalarOp.SIN, Apply.output(org.symtensor.ir.AdvancedSubtensor.mask(), in.get(0),
                            Ops.constant(NDArray.of(new boolean[][] {{true, false, true}, {false, true, true}})))), MIXED));
            case ADVANCED_INC -> List.of(fd(in -> e(ScalarOp.SQR, Apply.output(org.symtensor.ir.AdvancedIncSubtensor.inc(
                    org.symtensor.ir.AdvancedSubtensor.take(0)), in.get(0), in.get(1), Ops.constant(NDArray.of(new long[] {1, 1})))),
                    MIXED, mat(new double[] {0.5, -1.0, 2.0}, new double[] {0.25, 1.5, -0.5})),
                    fd(in -> e(ScalarOp.SQR, Apply.output(org.symtensor.ir.AdvancedIncSubtensor.set(
                            org.symtensor.ir.AdvancedSubtensor.take(1)), in.get(0), in.get(1),
                            Ops.constant(NDArray.of(new long[] {2, 0})))), MIXED, mat(new double[] {0.5, -1.0},
                            new double[] {0.25, 1.5})));
            case CUMULATIVE -> List.of(fd(in -> org.symtensor.ir.AxisOps.cumulative(
                            org.symtensor.ir.Cumulative.Kind.SUM, e(ScalarOp.SQR, in.get(0)), 1), MIXED),
                    fd(in -> org.symtensor.ir.AxisOps.cumulative(org.symtensor.ir.Cumulative.Kind.PROD, in.get(0), 0), MIXED),
                    fd(in -> Apply.output(org.symtensor.ir.Cumulative.of(org.symtensor.ir.Cumulative.Kind.PROD, 1, true),
                            in.get(0)), POSITIVE));
            case SORT -> List.of(new NotDifferentiable("sorting positions are integers, piecewise constant in x",
                    x -> f64(org.symtensor.ir.AxisOps.argsort(x, 1))));
            // sort and topk values are gathers by the argsort positions; the scatter-add is the gather's adjoint
            case TAKE_ALONG -> List.of(fd(in -> e(ScalarOp.SQR, org.symtensor.ir.AxisOps.sort(in.get(0), 1)), MIXED),
                    fd(in -> e(ScalarOp.EXP, org.symtensor.ir.AxisOps.topk(in.get(0), 2, 0)), MIXED),
                    fd(in -> e(ScalarOp.SQR, Apply.output(org.symtensor.ir.TakeAlongAxis.of(
                            org.symtensor.ir.TakeAlongAxis.Mode.SCATTER_ADD, 1), Ops.constant(NDArray.zeros(DType.FLOAT64, 2, 3)),
                            in.get(0), Ops.constant(NDArray.of(new long[][] {{2, 0, 2}, {1, 1, 0}})))), MIXED));
            // weighted by a ramp so that the gradient is not the zero a plain sum of a softmax has
            case SOFTMAX -> List.of(fd(in -> e(ScalarOp.MUL, org.symtensor.ir.Softmax.apply(in.get(0), 1),
                            Ops.constant(mat(new double[] {1, -2, 3}, new double[] {0.5, 2, -1}))), MIXED),
                    fd(in -> e(ScalarOp.SQR, org.symtensor.ir.Softmax.apply(in.get(0), 0)), MIXED));
        };
    }

    /** One case or more per {@link org.symtensor.ir.LinAlg.Kind}, at well-conditioned points (distinct eigenvalues). */
    private static List<GradCase> linAlgCases() {
        NDArray spd = mat(new double[] {4, 1, 0.5}, new double[] {1, 3, 0.2}, new double[] {0.5, 0.2, 2});
        NDArray gen = mat(new double[] {2, -1, 0.5}, new double[] {0.3, 1.5, -0.7}, new double[] {1.1, 0.4, 2.2});
        NDArray tall = mat(new double[] {1.1, -0.4}, new double[] {0.9, 2.2}, new double[] {-1.3, 0.5});
        NDArray batchA = NDArray.of(new double[][][] {{{0.5, -1, 2}, {1.5, 0.3, -0.2}}, {{-0.7, 0.4, 1.1}, {0.9, -1.2, 0.6}}});
        NDArray batchB = NDArray.of(new double[][][] {{{1, 0.2}, {-0.5, 0.8}, {0.3, -1.1}}, {{0.6, 1.4}, {-0.9, 0.1}, {2, -0.3}}});
        java.util.function.BiFunction<org.symtensor.ir.LinAlg.Kind, Integer, Function<List<Variable>, Variable>> out =
                (k, i) -> in -> org.symtensor.ir.LinAlg.apply(k, in.toArray(new Variable[0])).get(i);
        List<GradCase> cases = new java.util.ArrayList<>();
        // a switch expression with no default: a new LinAlg.Kind does not compile until it has its cases here
        for (org.symtensor.ir.LinAlg.Kind k : org.symtensor.ir.LinAlg.Kind.values()) {
            cases.addAll(switch (k) {
                case MATMUL -> List.of(fd(out.apply(k, 0), batchA, batchB),
                        fd(out.apply(k, 0), tall, batchA)); // a matrix broadcast over the batch
                case DIAG -> List.of(fd(out.apply(k, 0), vec(0.5, -1.5, 2.0)));
                case EXTRACT_DIAG, TRIL, INVERSE, DET -> List.of(fd(out.apply(k, 0), gen));
                case SLOGDET -> List.of(fd(out.apply(k, 1), gen));
                case SOLVE -> List.of(fd(out.apply(k, 0), gen, vec(0.5, -1.5, 2.0)), fd(out.apply(k, 0), gen, tall));
                case CHOLESKY -> List.of(fd(out.apply(k, 0), spd));
                case EIGH -> List.of(fd(out.apply(k, 0), spd), fd(out.apply(k, 1), spd));
                case SVD -> List.of(fd(out.apply(k, 0), gen), fd(out.apply(k, 0), tall));
                case SVD_VECTORS -> List.of(fd(out.apply(k, 1), tall),
                        new NoRule("have no gradient", x -> org.symtensor.ir.LinAlg.apply(k, x).get(0)));
                case QR -> List.of(new NoRule("has no gradient", x -> org.symtensor.ir.LinAlg.apply(k, x).get(1)));
                case PINV -> List.of(fd(out.apply(k, 0), tall));
            });
        }
        return cases;
    }

    /** {@code out} fused into one composite node (checked to be one). */
    private static Variable composite(Variable out) {
        Variable fused = Fusion.fuse(List.of(out)).get(0);
        assertThat(fused.owner().op().kind()).isEqualTo(OpKind.COMPOSITE);
        return fused;
    }

    private static void check(GradCase c) {
        if (c instanceof FiniteDifferences f) {
            f.points().forEach(p -> verify(f.fn(), p));
            return;
        }
        if (c instanceof NoRule r) {
            Matrix<F64> x = T.dmatrix("x");
            Variable cost = Ops.reduce(Reduce.Kind.SUM, r.probe().apply(x.variable()));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> Gradients.grad(cost, List.of(x.variable()), GradOptions.defaults()))
                    .isInstanceOf(org.symtensor.error.GradientException.class).hasMessageContaining(r.reason());
            return;
        }
        NotDifferentiable n = (NotDifferentiable) c;
        assertThat(n.reason()).isNotBlank();
        Matrix<F64> x = T.dmatrix("x");
        Variable cost = Ops.reduce(Reduce.Kind.SUM, n.probe().apply(x.variable()));
        Variable g = Gradients.grad(cost, List.of(x.variable()), GradOptions.defaults()).get(0);
        double[][] v = T.function(T.inputs(x), Tensors.wrap(g))
                .call((Object) new double[][] {{-1.5, 0.25}, {2.5, 3.75}}).toDoubleMatrix();
        assertThat(v).as(n.reason()).isEqualTo(new double[][] {{0, 0}, {0, 0}});
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ScalarOp.class)
    void gradRule_everyScalarOp_isCheckedByFiniteDifferencesOrDeclaredNotDifferentiable(ScalarOp op) {
        check(scalarCase(op));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OpKind.class)
    void gradRule_everyOpKind_isCheckedByFiniteDifferencesOrDeclaredNotDifferentiable(OpKind kind) {
        List<GradCase> cases = kindCases(kind);
        assertThat(cases).isNotEmpty();
        if (kind != OpKind.ELEMWISE) { // the scalar ops run one by one above
            cases.forEach(GradRuleTableTest::check);
        }
    }
}
