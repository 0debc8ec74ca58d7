package org.symtensor.rewrite;

import static org.symtensor.rewrite.RewriteTesting.*;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.type.DType;

class CanonicalizeTest {
    private static final RuleSet RULES = Canonicalize.rules();
    private final Variable x = dmatrix("x");
    private final Variable y = dmatrix("y");

    @Test
    void mulOne_onEitherSide_isX() {
        assertRewrites(RULES, e(ScalarOp.MUL, x, c(1, DType.FLOAT64)), x);
        assertRewrites(RULES, e(ScalarOp.MUL, c(1, DType.FLOAT64), x), x);
    }

    @Test
    void mulOne_wideningTheDtype_castsX() {
        Variable i = var(DType.INT32, "i", -1);
        assertRewrites(RULES, e(ScalarOp.MUL, i, c(1, DType.FLOAT64)), Ops.cast(i, DType.FLOAT64));
    }

    @Test
    void mulOne_byALargerConstant_keepsTheBroadcast() {
        Variable row = var(DType.FLOAT64, "row", 1, 3);
        Variable ones = Ops.constant(org.symtensor.value.NDArray.full(DType.FLOAT64, 1, 2, 3));
        assertUnchanged(RULES, e(ScalarOp.MUL, row, ones));
    }

    @Test
    void addZero_subZero_andDivOne_areX() {
        assertRewrites(RULES, e(ScalarOp.ADD, c(0, DType.FLOAT64), x), x);
        assertRewrites(RULES, e(ScalarOp.ADD, x, c(0, DType.FLOAT64)), x);
        assertRewrites(RULES, e(ScalarOp.SUB, x, c(0, DType.FLOAT64)), x);
        assertRewrites(RULES, e(ScalarOp.TRUE_DIV, x, c(1, DType.FLOAT64)), x);
    }

    @Test
    void zeroMinusX_isNotX() {
        assertUnchanged(RULES, e(ScalarOp.SUB, c(0, DType.FLOAT64), x));
    }

    @Test
    void fill_byATensorOfUnknownShape_isTheValue_becauseOnlyDeclaredAxesStretch() {
        // y of run-time shape (1, 6) against x of (4, 6) is a shape error, not a stretch: fill(x, y) is y
        assertRewrites(RULES, e(ScalarOp.SECOND, x, y), y);
    }

    @Test
    void fill_ofARowByAMatrix_isKept_becauseTheRowStretches() {
        Variable row = var(DType.FLOAT64, "row", 1, -1);
        assertUnchanged(RULES, e(ScalarOp.SECOND, x, row));
    }

    @Test
    void fill_byARowOfKnownLength_isTheValue() {
        Variable row = var(DType.FLOAT64, "row", 1, 3);
        Variable b = var(DType.FLOAT64, "b", -1, 3);
        assertRewrites(RULES, e(ScalarOp.SECOND, row, b), b);
    }

    @Test
    void mulDiv_ofUnknownNonBroadcastableLengths_cancels_becauseTheRunTimeRequiresThemEqual() {
        assertRewrites(RULES, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, x, y), x), y);
        assertRewrites(RULES, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, x, y), y), x);
    }

    @Test
    void divMul_cancelsTheDivisorAgainstAFactorOfTheOtherProduct() {
        Variable g = dmatrix("g");
        Variable s = dmatrix("s");
        Variable t = dmatrix("t");
        assertRewrites(RULES, e(ScalarOp.MUL, e(ScalarOp.TRUE_DIV, g, s), e(ScalarOp.MUL, s, t)), e(ScalarOp.MUL, g, t));
        assertRewrites(RULES, e(ScalarOp.MUL, e(ScalarOp.MUL, t, s), e(ScalarOp.TRUE_DIV, g, s)), e(ScalarOp.MUL, t, g));
        assertRewrites(RULES, e(ScalarOp.MUL, e(ScalarOp.TRUE_DIV, g, s), s), g);
    }

    @Test
    void divMul_whereTheDroppedDivisorWouldStretchTheResult_isKept() {
        Variable g = var(DType.FLOAT64, "g", 1, -1);
        Variable s = dmatrix("s");
        assertUnchanged(RULES, e(ScalarOp.MUL, e(ScalarOp.TRUE_DIV, g, s), s));
    }

    @Test
    void divSelf_isFillOfOne() {
        assertRewrites(RULES, e(ScalarOp.TRUE_DIV, x, x), e(ScalarOp.SECOND, x, c(1, DType.FLOAT64)));
    }

    @Test
    void divSelf_ofARow_keepsTheRowsShape() {
        Variable row = var(DType.FLOAT64, "row", 1, -1);
        assertRewrites(RULES, e(ScalarOp.TRUE_DIV, row, row), e(ScalarOp.SECOND, row, c(1, DType.FLOAT64)));
    }

    @Test
    void subSelf_isFillOfZero() {
        assertRewrites(RULES, e(ScalarOp.SUB, x, x), e(ScalarOp.SECOND, x, c(0, DType.FLOAT64)));
    }

    @Test
    void mulZero_isFillOfZero() {
        assertRewrites(RULES, e(ScalarOp.MUL, c(0, DType.FLOAT64), x), e(ScalarOp.SECOND, x, c(0, DType.FLOAT64)));
    }

    @Test
    void negNeg_isX() {
        assertRewrites(RULES, e(ScalarOp.NEG, e(ScalarOp.NEG, x)), x);
    }

    @Test
    void mulDiv_cancelsTheDivisor() {
        Variable a = var(DType.FLOAT64, "a", 2, 3);
        Variable b = var(DType.FLOAT64, "b", 2, 3);
        assertRewrites(RULES, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, a, b), a), b);
        assertRewrites(RULES, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, a, b), b), a);
    }

    @Test
    void mulDiv_ofIntegers_isLeftAlone() {
        Variable i = var(DType.INT32, "i", -1);
        Variable j = var(DType.INT32, "j", -1);
        assertUnchanged(RULES, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, i, j), i));
    }

    @Test
    void mulDiv_whereYBroadcasts_isLeftAlone() {
        Variable row = var(DType.FLOAT64, "row", 1, -1);
        assertUnchanged(RULES, e(ScalarOp.TRUE_DIV, e(ScalarOp.MUL, x, row), x));
    }

    @Test
    void fill_whoseValueHasTheOutputType_isTheValue() {
        Variable a = var(DType.FLOAT64, "a", 2, 3);
        Variable b = var(DType.FLOAT64, "b", 2, 3);
        assertRewrites(RULES, e(ScalarOp.SECOND, a, b), b);
    }

    @Test
    void fill_ofAScalar_staysAFill() {
        assertUnchanged(RULES, e(ScalarOp.SECOND, x, c(0, DType.FLOAT64)));
    }

    @Test
    void identityCast_isX() {
        Variable cast = Apply.output(Elemwise.cast(DType.FLOAT64), x);
        assertRewrites(RULES, cast, x);
    }

    @Test
    void castOfLosslessCast_isOneCast() {
        Variable i = var(DType.INT16, "i", -1);
        Variable twice = Ops.cast(Ops.cast(i, DType.INT32), DType.FLOAT32);
        assertRewrites(RULES, twice, Ops.cast(i, DType.FLOAT32));
    }

    @Test
    void castBackToTheInputDtype_isX() {
        Variable i = var(DType.INT16, "i", -1);
        assertRewrites(RULES, Ops.cast(Ops.cast(i, DType.FLOAT64), DType.INT16), i);
    }

    @Test
    void castOfLossyCast_isKept() {
        Variable d = dvector("d");
        assertUnchanged(RULES, Ops.cast(Ops.cast(d, DType.INT32), DType.FLOAT64));
    }

    @Test
    void gradMarks_areRemoved() {
        for (GradMark.Kind k : GradMark.Kind.values()) {
            assertRewrites(RULES, Apply.output(GradMark.of(k, "why"), x), x);
        }
    }

    @Test
    void negAMinusB_isMinusTheSum() {
        assertRewrites(RULES, e(ScalarOp.SUB, e(ScalarOp.NEG, x), y), e(ScalarOp.NEG, e(ScalarOp.ADD, x, y)));
    }

    @Test
    void aMinusNegB_isKept() {
        assertUnchanged(RULES, e(ScalarOp.SUB, x, e(ScalarOp.NEG, y)));
    }

    @Test
    void negTimesB_onEitherSide_isMinusTheProduct() {
        assertRewrites(RULES, e(ScalarOp.MUL, e(ScalarOp.NEG, x), y), e(ScalarOp.NEG, e(ScalarOp.MUL, x, y)));
        assertRewrites(RULES, e(ScalarOp.MUL, x, e(ScalarOp.NEG, y)), e(ScalarOp.NEG, e(ScalarOp.MUL, x, y)));
    }

    @Test
    void negTimesNeg_isTheProduct() {
        assertRewrites(RULES, e(ScalarOp.MUL, e(ScalarOp.NEG, x), e(ScalarOp.NEG, y)), e(ScalarOp.MUL, x, y));
    }
}
