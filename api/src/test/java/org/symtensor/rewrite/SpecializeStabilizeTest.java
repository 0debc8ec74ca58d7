package org.symtensor.rewrite;

import static org.symtensor.rewrite.RewriteTesting.*;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;

class SpecializeStabilizeTest {
    private static final RuleSet SPECIALIZE = Specialize.rules();
    private static final RuleSet STABILIZE = Stabilize.rules();
    private final Variable x = dmatrix("x");

    private Variable pow(double e) {
        return e(ScalarOp.POW, x, c(e, DType.FLOAT64));
    }

    @Test
    void powOfSpecialExponents_isTheSpecialOp() {
        assertRewrites(SPECIALIZE, pow(2), e(ScalarOp.SQR, x));
        assertRewrites(SPECIALIZE, pow(0.5), e(ScalarOp.SQRT, x));
        assertRewrites(SPECIALIZE, pow(-1), e(ScalarOp.RECIPROCAL, x));
        assertRewrites(SPECIALIZE, pow(1), x);
    }

    @Test
    void powOfOtherExponents_isKept() {
        assertUnchanged(SPECIALIZE, pow(3));
    }

    @Test
    void powOfAnInteger_castsBeforeTheSpecialOp() {
        Variable i = var(DType.INT16, "i", -1);
        assertRewrites(SPECIALIZE, e(ScalarOp.POW, i, c(0.5, DType.FLOAT32)),
                e(ScalarOp.SQRT, Ops.cast(i, DType.FLOAT32)));
    }

    @Test
    void integerPowMinusOne_isNotAReciprocal() {
        Variable i = var(DType.INT32, "i", -1);
        assertUnchanged(SPECIALIZE, e(ScalarOp.POW, i, c(-1, DType.INT32)));
    }

    @Test
    void oneOverX_isReciprocal() {
        assertRewrites(SPECIALIZE, e(ScalarOp.TRUE_DIV, c(1, DType.FLOAT64), x), e(ScalarOp.RECIPROCAL, x));
    }

    @Test
    void twoTimesX_staysAMultiplication() {
        assertUnchanged(SPECIALIZE, e(ScalarOp.MUL, c(2, DType.FLOAT64), x));
    }

    @Test
    void logOfOnePlusX_isLog1p() {
        assertRewrites(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.ADD, c(1, DType.FLOAT64), x)), e(ScalarOp.LOG1P, x));
        assertRewrites(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.ADD, x, c(1, DType.FLOAT64))), e(ScalarOp.LOG1P, x));
    }

    @Test
    void expMinusOne_isExpm1() {
        assertRewrites(STABILIZE, e(ScalarOp.SUB, e(ScalarOp.EXP, x), c(1, DType.FLOAT64)), e(ScalarOp.EXPM1, x));
    }

    @Test
    void logSigmoid_isMinusSoftplusOfMinusX() {
        assertRewrites(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.SIGMOID, x)),
                e(ScalarOp.NEG, e(ScalarOp.SOFTPLUS, e(ScalarOp.NEG, x))));
    }

    @Test
    void logOneMinusSigmoid_isMinusSoftplus() {
        assertRewrites(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.SUB, c(1, DType.FLOAT64), e(ScalarOp.SIGMOID, x))),
                e(ScalarOp.NEG, e(ScalarOp.SOFTPLUS, x)));
    }

    @Test
    void oneOverOnePlusExpMinusX_isSigmoid() {
        Variable written = e(ScalarOp.TRUE_DIV, c(1, DType.FLOAT64),
                e(ScalarOp.ADD, c(1, DType.FLOAT64), e(ScalarOp.EXP, e(ScalarOp.NEG, x))));
        assertRewrites(STABILIZE, written, e(ScalarOp.SIGMOID, x));
    }

    @Test
    void logOfTwoPlusX_isKept() {
        assertUnchanged(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.ADD, c(2, DType.FLOAT64), x)));
    }

    private static Variable one() {
        return c(1, DType.FLOAT64);
    }

    private Variable onePlusExp(Variable t) {
        return e(ScalarOp.ADD, e(ScalarOp.EXP, t), one());
    }

    @Test
    void oneOverOnePlusExpOfX_isSigmoidOfMinusX() {
        assertRewrites(STABILIZE, e(ScalarOp.TRUE_DIV, one(), onePlusExp(x)), e(ScalarOp.SIGMOID, e(ScalarOp.NEG, x)));
    }

    @Test
    void logisticAsTheSampleWritesIt_isSigmoidAfterCanonicalize() {
        Variable b = dvector("b");
        Variable written = e(ScalarOp.TRUE_DIV, one(), onePlusExp(e(ScalarOp.SUB, e(ScalarOp.NEG, x), b)));
        Variable canonical = RewriteEngine.rewrite(java.util.List.of(written), Canonicalize.rules()).get(0);
        assertRewrites(STABILIZE, canonical, e(ScalarOp.SIGMOID, e(ScalarOp.ADD, x, b)));
    }

    @Test
    void oneMinusSigmoid_inEachWrittenForm_isSigmoidOfMinusX() {
        Variable s = e(ScalarOp.SIGMOID, x);
        Variable want = e(ScalarOp.SIGMOID, e(ScalarOp.NEG, x));
        assertRewrites(STABILIZE, e(ScalarOp.SUB, one(), s), want);
        assertRewrites(STABILIZE, e(ScalarOp.ADD, e(ScalarOp.NEG, s), one()), want);
        assertRewrites(STABILIZE, e(ScalarOp.ADD, one(), e(ScalarOp.NEG, s)), want);
        assertRewrites(STABILIZE, e(ScalarOp.SUB, one(), e(ScalarOp.SIGMOID, e(ScalarOp.NEG, x))), e(ScalarOp.SIGMOID, x));
    }

    @Test
    void twoMinusSigmoid_isKept() {
        assertUnchanged(STABILIZE, e(ScalarOp.SUB, c(2, DType.FLOAT64), e(ScalarOp.SIGMOID, x)));
    }

    @Test
    void oneMinusSigmoid_broadcastByTheOne_isKept() {
        Variable row = var(DType.FLOAT64, "row", 1, 3);
        Variable ones = Ops.constant(org.symtensor.value.NDArray.full(DType.FLOAT64, 1, 2, 3));
        assertUnchanged(STABILIZE, e(ScalarOp.SUB, ones, e(ScalarOp.SIGMOID, row)));
    }

    @Test
    void expOverOnePlusExp_isSigmoid() {
        assertRewrites(STABILIZE, e(ScalarOp.TRUE_DIV, e(ScalarOp.EXP, x), onePlusExp(x)), e(ScalarOp.SIGMOID, x));
    }

    @Test
    void quotientByOnePlusExpTimesExp_isTimesSigmoid() {
        Variable g = dmatrix("g");
        Variable quotient = e(ScalarOp.TRUE_DIV, g, onePlusExp(x));
        assertRewrites(STABILIZE, e(ScalarOp.MUL, quotient, e(ScalarOp.EXP, x)), e(ScalarOp.MUL, g, e(ScalarOp.SIGMOID, x)));
        assertRewrites(STABILIZE, e(ScalarOp.MUL, e(ScalarOp.EXP, x), quotient), e(ScalarOp.MUL, e(ScalarOp.SIGMOID, x), g));
    }

    @Test
    void quotientByOnePlusExpOfAnotherArgument_isKept() {
        Variable g = dmatrix("g");
        Variable other = dmatrix("other");
        assertUnchanged(STABILIZE, e(ScalarOp.MUL, e(ScalarOp.TRUE_DIV, g, onePlusExp(x)), e(ScalarOp.EXP, other)));
    }

    @Test
    void log1pOfMinusSigmoid_isMinusSoftplus() {
        assertRewrites(STABILIZE, e(ScalarOp.LOG1P, e(ScalarOp.NEG, e(ScalarOp.SIGMOID, x))),
                e(ScalarOp.NEG, e(ScalarOp.SOFTPLUS, x)));
    }

    @Test
    void logOfOneMinusLogistic_isMinusSoftplusWithoutDoubleNegation() {
        // log(1 - 1/(1+exp(-x))): sigmoid, then 1 - sigmoid(x) = sigmoid(-x), then log(sigmoid(-x)) = -softplus(x)
        Variable p = e(ScalarOp.TRUE_DIV, one(), onePlusExp(e(ScalarOp.NEG, x)));
        assertRewrites(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.ADD, e(ScalarOp.NEG, p), one())),
                e(ScalarOp.NEG, e(ScalarOp.SOFTPLUS, x)));
    }

    @Test
    void expMinusAConstantOtherThanOne_isNotExpm1() {
        assertUnchanged(STABILIZE, e(ScalarOp.SUB, e(ScalarOp.EXP, x), c(2, DType.FLOAT64)));
        assertUnchanged(STABILIZE, e(ScalarOp.SUB, e(ScalarOp.EXP, x), c(0, DType.FLOAT64)));
    }

    @Test
    void expMinusAVariable_isNotExpm1() {
        assertUnchanged(STABILIZE, e(ScalarOp.SUB, e(ScalarOp.EXP, x), dmatrix("y")));
    }

    @Test
    void logOfAConstantOtherThanOneMinusSigmoid_isNotMinusSoftplus() {
        assertUnchanged(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.SUB, c(2, DType.FLOAT64), e(ScalarOp.SIGMOID, x))));
        assertUnchanged(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.SUB, dmatrix("y"), e(ScalarOp.SIGMOID, x))));
    }

    @Test
    void logOneMinusSomethingElse_isNotMinusSoftplus() {
        assertUnchanged(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.SUB, c(1, DType.FLOAT64), e(ScalarOp.TANH, x))));
    }

    @Test
    void logSigmoid_ofAnIntegerIntoFloat32_isKeptBecauseTheCastWouldLoseValues() {
        // sigmoid(int32) is float64; log of it stays float64 and the rewrite may cast int32 to float64 exactly
        Variable i = var(DType.INT32, "i", -1);
        assertRewrites(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.SIGMOID, i)),
                e(ScalarOp.NEG, e(ScalarOp.SOFTPLUS, e(ScalarOp.NEG, Ops.cast(i, DType.FLOAT64)))));
    }

    @Test
    void log1pOfExp_isSoftplus() {
        assertRewrites(STABILIZE, e(ScalarOp.LOG1P, e(ScalarOp.EXP, x)), e(ScalarOp.SOFTPLUS, x));
    }

    @Test
    void logOfExpOverS_isXMinusLogS() {
        Variable s = dmatrix("s");
        assertRewrites(STABILIZE, e(ScalarOp.LOG, e(ScalarOp.TRUE_DIV, e(ScalarOp.EXP, x), s)),
                e(ScalarOp.SUB, x, e(ScalarOp.LOG, s)));
    }

    @Test
    void otherOpsOfExpOverS_areKept() {
        Variable s = dmatrix("s");
        assertUnchanged(STABILIZE, e(ScalarOp.TANH, e(ScalarOp.TRUE_DIV, e(ScalarOp.EXP, x), s)));
        assertUnchanged(STABILIZE, e(ScalarOp.SQRT, e(ScalarOp.TRUE_DIV, e(ScalarOp.EXP, x), s)));
    }
}
