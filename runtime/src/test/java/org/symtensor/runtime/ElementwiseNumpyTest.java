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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.FloatingMarker;
import org.symtensor.type.I32;
import org.symtensor.value.NDArray;

/**
 * The elementwise math of issue 13 against NumPy: inputs and NumPy's outputs in float64 and float32
 * come from {@code elementwise_expected.txt}, written by
 * {@code runtime/src/test/python/make_elementwise_expected.py} (the test never runs Python). Each
 * (op, dtype) group runs as one vector through {@code function(...)} on the CPU.
 */
class ElementwiseNumpyTest {
    /** Ops whose results are exact (rounding, tests, selection): bit-for-bit as NumPy, NaN as NaN. */
    private static final Set<String> EXACT = Set.of("ceil", "floor", "round", "trunc", "isnan", "isinf", "isfinite",
            "clip");
    /** Allowed distance in units in the last place of the expected value, elsewhere. */
    private static final int ULPS = 4;
    /**
     * The special functions: 8 ulps, and an absolute 2e-15 (float64) or 1e-7 (float32) near their
     * zeros (gammaln at 1 and 2, digamma at 1.46), where the absolute error of the method shows.
     */
    private static final Set<String> SPECIAL = Set.of("erf", "erfc", "erfinv", "gammaln", "digamma", "trigamma");

    record Group(String op, String dtype, List<double[]> rows) {
        @Override
        public String toString() {
            return op + " " + dtype;
        }
    }

    static Stream<Group> groups() throws IOException {
        Map<String, Group> groups = new LinkedHashMap<>();
        try (var in = ElementwiseNumpyTest.class.getResourceAsStream("elementwise_expected.txt")) {
            assertThat(in).as("elementwise_expected.txt on the test class path").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                double[] row = new double[f.length - 2];
                for (int i = 2; i < f.length; i++) {
                    row[i - 2] = Double.parseDouble(f[i]);
                }
                groups.computeIfAbsent(f[0] + " " + f[1], k -> new Group(f[0], f[1], new ArrayList<>())).rows().add(row);
            }
        }
        return groups.values().stream();
    }

    /** The DSL call of {@code op} over vectors of one float dtype. */
    private static <D extends FloatingMarker> Tensor<?> build(String op, Vector<D> a, Vector<D> b, Vector<D> c) {
        return switch (op) {
            case "sin" -> sin(a);
            case "cos" -> cos(a);
            case "tan" -> tan(a);
            case "arcsin" -> arcsin(a);
            case "arccos" -> arccos(a);
            case "arctan" -> arctan(a);
            case "sinh" -> sinh(a);
            case "cosh" -> cosh(a);
            case "arcsinh" -> arcsinh(a);
            case "arccosh" -> arccosh(a);
            case "arctanh" -> arctanh(a);
            case "log2" -> log2(a);
            case "log10" -> log10(a);
            case "exp2" -> exp2(a);
            case "ceil" -> ceil(a);
            case "floor" -> floor(a);
            case "round" -> round(a);
            case "trunc" -> trunc(a);
            case "deg2rad" -> deg2rad(a);
            case "rad2deg" -> rad2deg(a);
            case "erf" -> erf(a);
            case "erfc" -> erfc(a);
            case "erfinv" -> erfinv(a);
            case "gammaln" -> gammaln(a);
            case "digamma" -> digamma(a);
            case "trigamma" -> trigamma(a);
            case "isnan" -> isnan(a);
            case "isinf" -> isinf(a);
            case "isfinite" -> isfinite(a);
            case "arctan2" -> arctan2(a, b);
            case "clip" -> clip(a, b, c);
            default -> throw new AssertionError("no DSL call for " + op + " in the test: add one");
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void op_matchesNumpy(Group g) {
        int arity = g.rows().get(0).length - 1;
        int n = g.rows().size();
        double[][] cols = new double[arity][n];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = g.rows().get(i);
            for (int k = 0; k < arity; k++) {
                cols[k][i] = row[k];
            }
            expected[i] = row[arity];
        }
        boolean f32 = g.dtype().equals("float32");
        double[] actual = f32 ? run32(g.op(), arity, cols) : run64(g.op(), arity, cols);
        for (int i = 0; i < n; i++) {
            double e = expected[i];
            double a = actual[i];
            String what = g.op() + "(" + java.util.Arrays.toString(g.rows().get(i)) + ") in " + g.dtype();
            if (Double.isNaN(e) || Double.isInfinite(e) || EXACT.contains(g.op())) {
                assertThat(Double.valueOf(a)).as(what).isEqualTo(Double.valueOf(e)); // boxed: NaN equals NaN, -0.0 is not 0.0
            } else {
                double ulp = f32 ? Math.ulp((float) e) : Math.ulp(e);
                double tol = SPECIAL.contains(g.op()) ? 8 * ulp + (f32 ? 1e-7 : 2e-15) : ULPS * ulp;
                assertThat(Math.abs(a - e)).as(what + " = %s, NumPy %s", a, e).isLessThanOrEqualTo(tol);
            }
        }
    }

    private static double[] run64(String op, int arity, double[][] cols) {
        Vector<F64> a = dvector("a");
        Vector<F64> b = dvector("b");
        Vector<F64> c = dvector("c");
        List<Vector<F64>> ins = List.of(a, b, c).subList(0, arity);
        Tensor<?> out = build(op, a, b, c);
        Object[] args = new Object[arity];
        System.arraycopy(cols, 0, args, 0, arity);
        return values(function(inputs(ins.toArray(new Vector[0])), out).call(args));
    }

    private static double[] run32(String op, int arity, double[][] cols) {
        Vector<F32> a = fvector("a");
        Vector<F32> b = fvector("b");
        Vector<F32> c = fvector("c");
        List<Vector<F32>> ins = List.of(a, b, c).subList(0, arity);
        Tensor<?> out = build(op, a, b, c);
        assertThat(out.variable().type().dtype()).isIn(DType.FLOAT32, DType.BOOL);
        Object[] args = new Object[arity];
        for (int k = 0; k < arity; k++) {
            float[] f = new float[cols[k].length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) cols[k][i];
            }
            args[k] = f;
        }
        return values(function(inputs(ins.toArray(new Vector[0])), out).call(args));
    }

    private static double[] values(NDArray r) {
        return r.toDoubleArray(); // bool as 1 and 0, float32 exactly
    }

    // ---- types, printing, errors ------------------------------------------------------------

    @Test
    void predicates_returnBoolHandlesOfTheSameRank() {
        Matrix<F32> x = fmatrix("x");

        Matrix<Bool> nan = isnan(x);

        assertThat(nan.variable().type().dtype()).isEqualTo(DType.BOOL);
        assertThat(isfinite(ivector("i")).variable().type().dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void isfiniteOfIntegers_isTrueAndIsnanFalse() {
        Vector<I32> i = ivector("i");

        double[] fin = function(inputs(i), isfinite(i)).call((Object) new int[] {1, -5, 0}).toDoubleArray();
        double[] nan = function(inputs(i), isnan(i)).call((Object) new int[] {1, -5, 0}).toDoubleArray();

        assertThat(fin).containsExactly(1, 1, 1);
        assertThat(nan).containsExactly(0, 0, 0);
    }

    @Test
    void logicalXor_isTrueWhereExactlyOneIs() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");

        Vector<Bool> xor = logicalXor(x.gt(0), y.gt(0));
        double[] r = function(inputs(x, y), xor)
                .call(new double[] {1, 1, -1, -1}, new double[] {1, -1, 1, -1}).toDoubleArray();

        assertThat(r).containsExactly(0, 1, 1, 0);
    }

    @Test
    void functions_printAsNumpysNames() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");

        assertThat(pp(arcsinh(x))).isEqualTo("arcsinh(x)");
        assertThat(pp(arctan2(y, x))).isEqualTo("arctan2(y, x)");
        assertThat(pp(round(x))).isEqualTo("round_half_to_even(x)");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void sinOfAnIntegerVectorSeenAsFloat_failsWithDtypeMismatchNamingIt() {
        // javac refuses sin(ivector): only an unchecked cast (or the untyped API) gets an int here
        Vector<F64> bad = (Vector<F64>) (Vector) ivector("counts");

        assertThatThrownBy(() -> sin(bad))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("sin")
                .hasMessageContaining("counts")
                .hasMessageContaining("int32")
                .hasMessageContaining("cast");
    }

    @Test
    void grad_clip_isOneInsideAndAtTheBoundsZeroOutside() {
        Vector<F64> x = dvector("x");

        double[] g = function(inputs(x), grad(sum(clip(x, -1, 2)), x))
                .call((Object) new double[] {-3, -1, 0.5, 2, 5}).toDoubleArray();

        assertThat(g).containsExactly(0, 1, 1, 1, 0);
    }
}
