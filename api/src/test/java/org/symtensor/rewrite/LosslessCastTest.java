package org.symtensor.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.rewrite.RewriteTesting.*;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;

/**
 * {@code Patterns.lossless}, which guards every rewrite that drops or merges a cast, against an
 * independent table written from the value ranges of the dtypes: a cast is lossless when every
 * value of the source is a value of the target.
 */
class LosslessCastTest {
    private static final RuleSet CANONICALIZE = Canonicalize.rules();

    /** Smallest and largest value of an integer dtype; bool is {0, 1}. */
    private static BigInteger[] range(DType d) {
        return switch (d) {
            case BOOL -> new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
            case UINT8 -> new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(255)};
            case INT8 -> new BigInteger[] {BigInteger.valueOf(Byte.MIN_VALUE), BigInteger.valueOf(Byte.MAX_VALUE)};
            case INT16 -> new BigInteger[] {BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE)};
            case INT32 -> new BigInteger[] {BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)};
            case INT64 -> new BigInteger[] {BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)};
            case FLOAT32, FLOAT64 -> throw new IllegalArgumentException(d + " is not an integer dtype");
        };
    }

    /** The oracle: integers fit a float when their magnitude is within 2^mantissa; floats never fit an integer. */
    private static boolean expectedLossless(DType from, DType to) {
        if (from == to) {
            return true;
        }
        boolean fromFloat = from == DType.FLOAT32 || from == DType.FLOAT64;
        boolean toFloat = to == DType.FLOAT32 || to == DType.FLOAT64;
        if (fromFloat) {
            return from == DType.FLOAT32 && to == DType.FLOAT64;
        }
        BigInteger[] r = range(from);
        if (toFloat) {
            BigInteger exact = BigInteger.TWO.pow(to == DType.FLOAT32 ? 24 : 53);
            return r[0].abs().compareTo(exact) <= 0 && r[1].compareTo(exact) <= 0;
        }
        BigInteger[] t = range(to);
        return t[0].compareTo(r[0]) <= 0 && r[1].compareTo(t[1]) <= 0;
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(DType.class)
    void lossless_everyPairOfDtypes_agreesWithTheValueRanges(DType from) {
        for (DType to : DType.values()) {
            assertThat(Patterns.lossless(from, to)).as("lossless(%s -> %s)", from, to)
                    .isEqualTo(expectedLossless(from, to));
        }
    }

    @Test
    void castCast_float64ThroughFloat32_isKeptBecauseFloat32RoundsValues() {
        Variable d = dvector("d");
        assertUnchanged(CANONICALIZE, Ops.cast(Ops.cast(d, DType.FLOAT32), DType.FLOAT64));
    }

    @Test
    void castCast_int32ThroughInt8_isKeptBecauseInt8Wraps() {
        Variable i = var(DType.INT32, "i", -1);
        assertUnchanged(CANONICALIZE, Ops.cast(Ops.cast(i, DType.INT8), DType.INT32));
    }

    @Test
    void castCast_int32ThroughFloat32_isKeptBecauseFloat32HasA24BitMantissa() {
        Variable i = var(DType.INT32, "i", -1);
        assertUnchanged(CANONICALIZE, Ops.cast(Ops.cast(i, DType.FLOAT32), DType.INT64));
    }

    @Test
    void castCast_int8ThroughUint8_isKeptBecauseNegativesWrap() {
        Variable i = var(DType.INT8, "i", -1);
        assertUnchanged(CANONICALIZE, Ops.cast(Ops.cast(i, DType.UINT8), DType.INT16));
    }

    @Test
    void castCast_float32ThroughFloat64_isOneCast() {
        Variable f = var(DType.FLOAT32, "f", -1);
        assertRewrites(CANONICALIZE, Ops.cast(Ops.cast(f, DType.FLOAT64), DType.INT32), Ops.cast(f, DType.INT32));
    }

    @Test
    void expm1_ofAFloat32InputWithAFloat64Result_isNotRewrittenThroughALossyCast() {
        // exp(x_f64) - 1 in float32 output would need a float64 -> float32 cast of x: not lossless
        Variable d = dvector("d");
        Variable f = Ops.cast(e(ScalarOp.SUB, e(ScalarOp.EXP, d), c(1, DType.FLOAT64)), DType.FLOAT32);
        Variable got = RewriteEngine.rewrite(java.util.List.of(f), Stabilize.rules()).get(0);
        assertThat(got.type().dtype()).isEqualTo(DType.FLOAT32);
    }
}
