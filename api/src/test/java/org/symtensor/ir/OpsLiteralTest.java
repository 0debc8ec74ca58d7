package org.symtensor.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

class OpsLiteralTest {

    // ------------------------------------------------------------ Theano's autocast of literals

    @Test
    void literal_300_isInt16() {
        Constant c = Ops.literal(300);
        assertThat(c.type()).isEqualTo(TensorType.of(DType.INT16));
        assertThat(c.value().getDouble(0)).isEqualTo(300.0);
    }

    @Test
    void literal_1_isInt8() {
        assertThat(Ops.literal(1).type().dtype()).isEqualTo(DType.INT8);
        assertThat(Ops.literal(-128).type().dtype()).isEqualTo(DType.INT8);
    }

    @Test
    void literal_largeIntegers_areInt32ThenInt64() {
        assertThat(Ops.literal(70000).type().dtype()).isEqualTo(DType.INT32);
        assertThat(Ops.literal(1L << 40).type().dtype()).isEqualTo(DType.INT64);
        assertThat(Ops.literal(1L << 40).value().getLong(0)).isEqualTo(1L << 40);
    }

    @Test
    void literal_1point5_isFloat32() {
        Constant c = Ops.literal(1.5);
        assertThat(c.type().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(c.value().getDouble(0)).isEqualTo(1.5);
    }

    @Test
    void literal_0point1_isFloat64() {
        assertThat(Ops.literal(0.1).type().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Ops.literal(0.1).value().getDouble(0)).isEqualTo(0.1);
    }

    @Test
    void literal_javaFloat_isTreatedAsAFloatLiteral() {
        assertThat(Ops.literal(2.0f).type().dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void literal_isAScalarConstantWithoutOwner() {
        Constant c = Ops.literal(3);
        assertThat(c.owner()).isNull();
        assertThat(c.type().rank()).isZero();
    }

    // ------------------------------------------------------------ literals meeting a tensor

    @Test
    void literalFor_1_withFloat32_keepsFloat32() {
        assertThat(Ops.literalFor(1, DType.FLOAT32).type().dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void literalFor_inexactFloat_withFloat32_keepsFloat32() {
        // float32 x + 0.1 stays float32 (Theano's custom cast policy)
        Constant c = Ops.literalFor(0.1, DType.FLOAT32);
        assertThat(c.type().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(c.value().getDouble(0)).isEqualTo((double) 0.1f);
    }

    @Test
    void literalFor_beyondFloat32Range_withFloat32_isFloat64NotInfinity() {
        assertThat(Ops.literalFor(1e300, DType.FLOAT32).type().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Ops.literalFor(1e300, DType.FLOAT32).value().getDouble(0)).isEqualTo(1e300);
        assertThat(Ops.literalFor(1e-300, DType.FLOAT32).type().dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Ops.literalFor(Double.POSITIVE_INFINITY, DType.FLOAT32).type().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Ops.literalFor(Double.NaN, DType.FLOAT32).type().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Ops.literalFor(1e300, DType.FLOAT64).type().dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void literalFor_300_withInt8_isInt16SoTheOpUpcasts() {
        Constant c = Ops.literalFor(300, DType.INT8);
        assertThat(c.type().dtype()).isEqualTo(DType.INT16);
        Variable x = new Variable(TensorType.ofRank(DType.INT8, 1), "x");
        assertThat(Ops.elemwise(ScalarOp.ADD, x, c).type().dtype()).isEqualTo(DType.INT16);
    }

    @Test
    void literalFor_fittingInteger_takesTheIntegerDtype() {
        assertThat(Ops.literalFor(2, DType.INT8).type().dtype()).isEqualTo(DType.INT8);
        assertThat(Ops.literalFor(200, DType.UINT8).type().dtype()).isEqualTo(DType.UINT8);
        assertThat(Ops.literalFor(-1, DType.INT64).type().dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void literalFor_fractionWithInteger_takesTheFloatAutocast() {
        assertThat(Ops.literalFor(1.5, DType.INT32).type().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Ops.literalFor(0.1, DType.INT32).type().dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void literalFor_tooLargeForInt32_isInt64() {
        assertThat(Ops.literalFor(1e10, DType.INT32).type().dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void literalFor_withBool_neverTakesBool() {
        assertThat(Ops.literalFor(1, DType.BOOL).type().dtype()).isEqualTo(DType.INT8);
    }

    @Test
    void constant_ofExactDtype_holdsTheValue() {
        Constant c = Ops.constant(7, DType.INT16);
        assertThat(c.type()).isEqualTo(TensorType.of(DType.INT16));
        assertThat(c.value().getLong(0)).isEqualTo(7L);
        assertThat(c.isAll(7)).isTrue();
        assertThat(c.isAll(6)).isFalse();
    }

    // ------------------------------------------------------------ requireSameDtype

    @Test
    void requireSameDtype_differentDtypes_failNamingBoth() {
        Variable a = new Variable(TensorType.of(DType.FLOAT32), "a");
        Variable b = new Variable(TensorType.of(DType.FLOAT64), "b");
        assertThatThrownBy(() -> Ops.requireSameDtype("plus", a, b))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("plus")
                .hasMessageContaining("'a' is float32")
                .hasMessageContaining("'b' is float64")
                .hasMessageContaining("cast");
    }
}
