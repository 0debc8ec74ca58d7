package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.I16;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.I8;
import org.symtensor.type.IntegerMarker;
import org.symtensor.type.U8;
import org.symtensor.value.NDArray;

/**
 * The bitwise ops and shifts (and integer {@code pow}): NumPy's values for every integer dtype
 * from the committed {@code integer_expected.txt} (written by
 * {@code runtime/src/test/python/make_integer_expected.py}), hand-computed values where NumPy's are
 * platform-defined (shift counts past the width), the dtype rules, and the refusals.
 */
class BitwiseTest {
    record Group(String op, String dtype, List<long[]> rows) {
        @Override
        public String toString() {
            return op + " " + dtype;
        }
    }

    static Stream<Group> numpyGroups() throws IOException {
        Map<String, Group> groups = new LinkedHashMap<>();
        try (var in = BitwiseTest.class.getResourceAsStream("integer_expected.txt")) {
            assertThat(in).as("integer_expected.txt on the test class path").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                long[] row = new long[f.length - 2];
                for (int i = 2; i < f.length; i++) {
                    row[i - 2] = Long.parseLong(f[i]);
                }
                groups.computeIfAbsent(f[0] + " " + f[1], k -> new Group(f[0], f[1], new ArrayList<>())).rows().add(row);
            }
        }
        return groups.values().stream();
    }

    private static <D extends IntegerMarker> Tensor<?> build(String op, Vector<D> a, Vector<D> b) {
        return switch (op) {
            case "bitwise_and" -> bitwiseAnd(a, b);
            case "bitwise_or" -> bitwiseOr(a, b);
            case "bitwise_xor" -> bitwiseXor(a, b);
            case "invert" -> invert(a);
            case "left_shift" -> leftShift(a, b);
            case "right_shift" -> rightShift(a, b);
            case "pow" -> a.pow(b);
            default -> throw new AssertionError(op);
        };
    }

    private static Vector<? extends IntegerMarker> input(DType dt, String name) {
        return switch (dt) {
            case INT8 -> vector(I8.class, name);
            case INT16 -> vector(I16.class, name);
            case INT32 -> vector(I32.class, name);
            case INT64 -> vector(I64.class, name);
            case UINT8 -> vector(U8.class, name);
            default -> throw new AssertionError(dt);
        };
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("numpyGroups")
    void everyIntegerOp_inEveryIntegerDtype_matchesNumPy(Group g) {
        DType dt = DType.valueOf(g.dtype().toUpperCase(java.util.Locale.ROOT));
        Vector<IntegerMarker> a = (Vector<IntegerMarker>) input(dt, "a");
        Vector<IntegerMarker> b = (Vector<IntegerMarker>) input(dt, "b");
        int arity = g.rows().get(0).length - 1;
        int n = g.rows().size();
        long[] av = new long[n];
        long[] bv = new long[n];
        for (int i = 0; i < n; i++) {
            av[i] = g.rows().get(i)[0];
            bv[i] = arity > 1 ? g.rows().get(i)[1] : 0;
        }
        Tensor<?> out = build(g.op(), a, b);
        assertThat(out.variable().type().dtype()).as("the dtype rule keeps " + dt).isEqualTo(dt);
        NDArray r = (arity > 1 ? function(inputs(a, b), out) : function(inputs(a), out))
                .call(arity > 1 ? new Object[] {NDArray.of(av).astype(dt), NDArray.of(bv).astype(dt)}
                        : new Object[] {NDArray.of(av).astype(dt)});
        for (int i = 0; i < n; i++) {
            long want = g.rows().get(i)[arity];
            assertThat(r.getLong(i)).as("%s %s(%d, %d)", dt, g.op(), av[i], bv[i]).isEqualTo(want);
        }
    }

    @Test
    void handComputedValues_andShiftsPastTheWidth() {
        Vector<I32> a = ivector("a");
        Vector<I32> b = ivector("b");
        List<NDArray> r = function(inputs(a, b), outputs(bitwiseAnd(a, b), bitwiseOr(a, b), bitwiseXor(a, b), invert(a),
                leftShift(a, b), rightShift(a, b))).callAll(new int[] {12, -8, 1, -1, 1}, new int[] {10, 3, 31, 40, 32});
        assertThat(r.get(0).toIntArray()).containsExactly(8, 0, 1, -1 & 40, 0);
        assertThat(r.get(1).toIntArray()).containsExactly(14, -5, 31, -1, 33);
        assertThat(r.get(2).toIntArray()).containsExactly(6, -5, 30, ~40, 33);
        assertThat(r.get(3).toIntArray()).containsExactly(-13, 7, -2, 0, -2);
        // 1 << 31 wraps to int32's minimum; 1 << 32 and -1 << 40 shift everything out of 32 bits
        assertThat(r.get(4).toIntArray()).containsExactly(12 << 10, -64, Integer.MIN_VALUE, 0, 0);
        // >> fills with the sign: -1 >> 40 stays -1, 1 >> 32 is 0
        assertThat(r.get(5).toIntArray()).containsExactly(0, -1, 0, -1, 0);
        Vector<I64> l = lvector("l");
        NDArray s = function(inputs(l), outputs(leftShift(l, 64), rightShift(l, 64), rightShift(l, 63), bitwiseAnd(l, 0xFF)))
                .callAll(new long[] {-5, 7}).get(0);
        assertThat(s.toLongArray()).containsExactly(0, 0);
        List<NDArray> s2 = function(inputs(l), outputs(rightShift(l, 64), rightShift(l, 63), bitwiseAnd(l, 0xFF), leftShift(l, -1)))
                .callAll(new long[] {-5, 0x1234});
        assertThat(s2.get(0).toLongArray()).containsExactly(-1, 0);
        assertThat(s2.get(1).toLongArray()).containsExactly(-1, 0);
        assertThat(s2.get(2).toLongArray()).containsExactly(0xFB, 0x34);
        assertThat(s2.get(3).toLongArray()).containsExactly(0, 0); // a negative count shifts nothing in
        Vector<U8> u = vector(U8.class, "u");
        NDArray ui = function(inputs(u), invert(u)).call(NDArray.of(new long[] {0, 5, 255}).astype(DType.UINT8));
        assertThat(ui.toLongArray()).containsExactly(255, 250, 0);
    }

    @Test
    void invertOfBool_isTheLogicalNot_andTheTypedFormsKeepTheirHandles() {
        Vector<Bool> p = vector(Bool.class, "p");
        Tensor<Bool> np = invert(p);
        assertThat(function(inputs(p), np).call(new boolean[] {true, false}).toJava()).isEqualTo(new boolean[] {false, true});
        Matrix<I8> m = matrix(I8.class, "m");
        Matrix<I8> k = bitwiseXor(m, leftShift(m, 1));
        Scalar<I16> sc = scalar(I16.class, "sc");
        Scalar<I16> inv = invert(sc);
        assertThat(k.variable().type().dtype()).isEqualTo(DType.INT8);
        assertThat(inv.variable().type().dtype()).isEqualTo(DType.INT16);
        // bool bitwise ops at the IR level are the logical ones
        assertThat(Ops.elemwise(ScalarOp.BITWISE_AND, p.variable(), p.variable()).type().dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void floatsAndBoolWhereRefused_areDtypeErrors_namingTheInput_andLiteralsMustFit() {
        Vector<F64> x = dvector("x");
        Vector<I32> i = ivector("i");
        for (ScalarOp op : new ScalarOp[] {ScalarOp.BITWISE_AND, ScalarOp.BITWISE_OR, ScalarOp.BITWISE_XOR, ScalarOp.LEFT_SHIFT,
                ScalarOp.RIGHT_SHIFT}) {
            assertThatThrownBy(() -> Ops.elemwise(op, i.variable(), x.variable())).as(op.name())
                    .isInstanceOf(DTypeMismatchException.class).hasMessageContaining(op.theanoName())
                    .hasMessageContaining("'x'").hasMessageContaining("float64").hasMessageContaining("integer");
        }
        assertThatThrownBy(() -> Ops.elemwise(ScalarOp.INVERT, x.variable())).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("invert");
        Vector<Bool> p = vector(Bool.class, "p");
        assertThatThrownBy(() -> Ops.elemwise(ScalarOp.LEFT_SHIFT, p.variable(), p.variable()))
                .isInstanceOf(DTypeMismatchException.class).hasMessageContaining("bool").hasMessageContaining("an integer dtype");
        assertThatThrownBy(() -> Ops.elemwise(ScalarOp.INVERT, p.variable())).isInstanceOf(DTypeMismatchException.class);
        Vector<I8> b = bvector("b");
        assertThatThrownBy(() -> bitwiseAnd(b, 300)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("300").hasMessageContaining("int8");
        for (ScalarOp op : ScalarOp.values()) {
            assertThat(op.accepts(DType.FLOAT32)).as(op.name()).isEqualTo(op.dtypeRule() != ScalarOp.DTypeRule.BITWISE
                    && op.dtypeRule() != ScalarOp.DTypeRule.INTEGER);
        }
    }

    @Test
    void bitwiseOps_haveNoGradient() {
        Vector<F64> x = dvector("x");
        Vector<I64> asInt = cast(x, I64.class);
        Scalar<F64> cost = cast(bitwiseXor(asInt, leftShift(asInt, 2)), F64.class).sum().plus(x.sum());
        assertThat(function(inputs(x), grad(cost, x)).call(new double[] {1, 2}).toDoubleArray()).containsExactly(1, 1);
    }

    @Test
    void printing_namesTheNumPyFunctions() {
        Vector<I32> a = ivector("a");
        assertThat(pp(leftShift(bitwiseAnd(a, a), a))).isEqualTo("left_shift(bitwise_and(a, a), a)");
    }
}
