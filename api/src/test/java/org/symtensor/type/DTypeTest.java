package org.symtensor.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DTypeTest {

    // ------------------------------------------------------------ upcast (NumPy array promotion)

    /** Each row is NumPy's {@code np.result_type(a, b)} for arrays of those dtypes. */
    @ParameterizedTest(name = "upcast({0}, {1}) = {2}")
    @CsvSource({
        "bool,    bool,    bool",
        "bool,    int8,    int8",
        "bool,    uint8,   uint8",
        "bool,    float32, float32",
        "int8,    int8,    int8",
        "int8,    int16,   int16",
        "int8,    uint8,   int16",
        "int16,   uint8,   int16",
        "int32,   uint8,   int32",
        "int64,   uint8,   int64",
        "int32,   int64,   int64",
        "int8,    float32, float32",
        "uint8,   float32, float32",
        "int16,   float32, float32",
        "int32,   float32, float64",
        "int64,   float32, float64",
        "int8,    float64, float64",
        "float32, float64, float64",
        "float32, float32, float32",
    })
    void upcast_followsNumpyArrayPromotion_inBothOrders(String a, String b, String expected) {
        DType da = DType.fromName(a);
        DType db = DType.fromName(b);
        DType want = DType.fromName(expected);
        assertThat(DType.upcast(da, db)).isEqualTo(want);
        assertThat(DType.upcast(db, da)).isEqualTo(want);
    }

    @Test
    void upcast_int32WithFloat32_isFloat64() {
        assertThat(DType.upcast(DType.INT32, DType.FLOAT32)).isEqualTo(DType.FLOAT64);
    }

    @Test
    void upcast_int8WithUint8_isInt16() {
        assertThat(DType.upcast(DType.INT8, DType.UINT8)).isEqualTo(DType.INT16);
    }

    @Test
    void upcast_uint8WithInt32_isInt32() {
        assertThat(DType.upcast(DType.UINT8, DType.INT32)).isEqualTo(DType.INT32);
    }

    @Test
    void upcast_overSeveralDtypes_foldsLeftToRight() {
        // int8 + uint8 = int16; int16 + float32 = float32; float32 + int32 = float64
        assertThat(DType.upcast(DType.INT8, DType.UINT8, DType.FLOAT32)).isEqualTo(DType.FLOAT32);
        assertThat(DType.upcast(DType.INT8, DType.UINT8, DType.FLOAT32, DType.INT32)).isEqualTo(DType.FLOAT64);
        assertThat(DType.upcast(DType.BOOL)).isEqualTo(DType.BOOL);
    }

    @Test
    void canHoldAll_isTrueOnlyWithoutDowncast() {
        assertThat(DType.FLOAT64.canHoldAll(DType.INT32)).isTrue();
        assertThat(DType.FLOAT32.canHoldAll(DType.INT16)).isTrue();
        assertThat(DType.FLOAT32.canHoldAll(DType.INT32)).isFalse();
        assertThat(DType.INT16.canHoldAll(DType.UINT8)).isTrue();
        assertThat(DType.INT8.canHoldAll(DType.UINT8)).isFalse();
        assertThat(DType.INT32.canHoldAll(DType.FLOAT32)).isFalse();
    }

    // ------------------------------------------------------------ upgradeToFloat

    @ParameterizedTest(name = "{0}.upgradeToFloat() = {1}")
    @CsvSource({
        "bool,    float32",
        "int8,    float32",
        "uint8,   float32",
        "int16,   float32",
        "int32,   float64",
        "int64,   float64",
        "float32, float32",
        "float64, float64",
    })
    void upgradeToFloat_followsTheano(String in, String expected) {
        assertThat(DType.fromName(in).upgradeToFloat()).isEqualTo(DType.fromName(expected));
    }

    // ------------------------------------------------------------ literal autocast

    @Test
    void ofLiteral_integer_takesSmallestSignedTypeFromInt8() {
        assertThat(DType.ofLiteral(0L)).isEqualTo(DType.INT8);
        assertThat(DType.ofLiteral(1L)).isEqualTo(DType.INT8);
        assertThat(DType.ofLiteral(127L)).isEqualTo(DType.INT8);
        assertThat(DType.ofLiteral(-128L)).isEqualTo(DType.INT8);
        assertThat(DType.ofLiteral(128L)).isEqualTo(DType.INT16);
        assertThat(DType.ofLiteral(-129L)).isEqualTo(DType.INT16);
        assertThat(DType.ofLiteral(255L)).isEqualTo(DType.INT16); // never uint8: Theano autocasts to signed types
        assertThat(DType.ofLiteral(300L)).isEqualTo(DType.INT16);
        assertThat(DType.ofLiteral(32767L)).isEqualTo(DType.INT16);
        assertThat(DType.ofLiteral(32768L)).isEqualTo(DType.INT32);
        assertThat(DType.ofLiteral(2147483647L)).isEqualTo(DType.INT32);
        assertThat(DType.ofLiteral(2147483648L)).isEqualTo(DType.INT64);
        assertThat(DType.ofLiteral(Long.MIN_VALUE)).isEqualTo(DType.INT64);
    }

    @Test
    void ofLiteral_float_isFloat32WhenExactElseFloat64() {
        assertThat(DType.ofLiteral(1.5)).isEqualTo(DType.FLOAT32);
        assertThat(DType.ofLiteral(0.25)).isEqualTo(DType.FLOAT32);
        assertThat(DType.ofLiteral(1.0)).isEqualTo(DType.FLOAT32);
        assertThat(DType.ofLiteral(0.1)).isEqualTo(DType.FLOAT64);
        assertThat(DType.ofLiteral(Math.PI)).isEqualTo(DType.FLOAT64);
        assertThat(DType.ofLiteral(1e40)).isEqualTo(DType.FLOAT64); // overflows float32
        assertThat(DType.ofLiteral(16777217.0)).isEqualTo(DType.FLOAT64); // 2^24 + 1 has no float32
        assertThat(DType.ofLiteral(Double.NaN)).isEqualTo(DType.FLOAT32);
        assertThat(DType.ofLiteral(Double.POSITIVE_INFINITY)).isEqualTo(DType.FLOAT32);
    }

    @Test
    void holdsExactly_checksRangeAndIntegrality() {
        assertThat(DType.BOOL.holdsExactly(0)).isTrue();
        assertThat(DType.BOOL.holdsExactly(1)).isTrue();
        assertThat(DType.BOOL.holdsExactly(2)).isFalse();

        assertThat(DType.INT8.holdsExactly(127)).isTrue();
        assertThat(DType.INT8.holdsExactly(-128)).isTrue();
        assertThat(DType.INT8.holdsExactly(128)).isFalse();
        assertThat(DType.INT8.holdsExactly(1.5)).isFalse();

        assertThat(DType.UINT8.holdsExactly(255)).isTrue();
        assertThat(DType.UINT8.holdsExactly(256)).isFalse();
        assertThat(DType.UINT8.holdsExactly(-1)).isFalse();

        assertThat(DType.INT16.holdsExactly(-32768)).isTrue();
        assertThat(DType.INT16.holdsExactly(32768)).isFalse();

        assertThat(DType.INT32.holdsExactly(2147483647.0)).isTrue();
        assertThat(DType.INT32.holdsExactly(2147483648.0)).isFalse();

        assertThat(DType.INT64.holdsExactly(-0x1p63)).isTrue();
        assertThat(DType.INT64.holdsExactly(0x1p63)).isFalse();
        assertThat(DType.INT64.holdsExactly(Double.NaN)).isFalse();

        assertThat(DType.FLOAT32.holdsExactly(0.5)).isTrue();
        assertThat(DType.FLOAT32.holdsExactly(0.1)).isFalse();
        assertThat(DType.FLOAT32.holdsExactly(Double.NaN)).isTrue();

        assertThat(DType.FLOAT64.holdsExactly(0.1)).isTrue();
    }

    // ------------------------------------------------------------ names and kinds

    @Test
    void fromName_acceptsTheanoNamesShortNamesAndEnumNames() {
        assertThat(DType.fromName("float32")).isEqualTo(DType.FLOAT32);
        assertThat(DType.fromName(" Float64 ")).isEqualTo(DType.FLOAT64);
        assertThat(DType.fromName("f32")).isEqualTo(DType.FLOAT32);
        assertThat(DType.fromName("i64")).isEqualTo(DType.INT64);
        assertThat(DType.fromName("u8")).isEqualTo(DType.UINT8);
        assertThat(DType.fromName("INT16")).isEqualTo(DType.INT16);
        assertThat(DType.fromName("bool")).isEqualTo(DType.BOOL);
    }

    @Test
    void fromName_unknownName_failsNamingItAndTheKnownDtypes() {
        assertThatThrownBy(() -> DType.fromName("complex64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'complex64'")
                .hasMessageContaining("float32")
                .hasMessageContaining("int8");
    }

    @Test
    void toString_isTheanoName() {
        assertThat(DType.FLOAT32).hasToString("float32");
        assertThat(DType.UINT8).hasToString("uint8");
        assertThat(DType.BOOL.theanoName()).isEqualTo("bool");
    }

    @Test
    void kinds_classifyBoolIntegerAndFloat() {
        assertThat(DType.BOOL.isBool()).isTrue();
        assertThat(DType.BOOL.isInteger()).isFalse();
        assertThat(DType.BOOL.isFloat()).isFalse();
        assertThat(DType.UINT8.isInteger()).isTrue();
        assertThat(DType.INT64.isInteger()).isTrue();
        assertThat(DType.FLOAT32.isFloat()).isTrue();
        assertThat(DType.FLOAT32.isInteger()).isFalse();
        assertThat(DType.INT16.bits()).isEqualTo(16);
    }

    @Test
    void dtypesOf_mapsMarkersToDtypes() {
        assertThat(DTypes.of(F32.class)).isEqualTo(DType.FLOAT32);
        assertThat(DTypes.of(F64.class)).isEqualTo(DType.FLOAT64);
        assertThat(DTypes.of(I8.class)).isEqualTo(DType.INT8);
        assertThat(DTypes.of(I16.class)).isEqualTo(DType.INT16);
        assertThat(DTypes.of(I32.class)).isEqualTo(DType.INT32);
        assertThat(DTypes.of(I64.class)).isEqualTo(DType.INT64);
        assertThat(DTypes.of(U8.class)).isEqualTo(DType.UINT8);
        assertThat(DTypes.of(Bool.class)).isEqualTo(DType.BOOL);
    }
}
