package org.symtensor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.shared;
import static org.symtensor.T.sharedTensor3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.error.ArgumentException;
import org.symtensor.function.Function;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor3;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.train.npy.NpyFormatException;
import org.symtensor.train.npy.Npz;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

class ParamsTest {
    @TempDir
    Path tmp;

    final SharedMatrix<F64> w = shared(new double[][] {{1, 2}, {3, 4}, {5, 6}}, "W");
    final SharedVector<F64> b = shared(new double[] {0.5, -0.5}, "b");
    final SharedScalar<F32> s = shared(2f, "s");
    final SharedTensor3<F32> k = sharedTensor3(NDArray.zeros(DType.FLOAT32, 2, 1, 3), F32.class, "k");
    final Params params = Params.of(w, b, s, k);

    @Test
    void count_addsTheElementsOfEveryRankAndDtype() {
        assertThat(params.size()).isEqualTo(4);
        assertThat(params.count()).isEqualTo(6 + 2 + 1 + 6);
        assertThat(params.names()).containsExactly("W", "b", "s", "k");
    }

    @Test
    void grad_isTypedLikeEachParameter_andHasTheHandDerivedValue() {
        // cost = Σ W² + Σ b·(1, 2); ∂/∂W = 2W, ∂/∂b = (1, 2)
        Scalar<F64> cost = w.sqr().sum().plus(b.times(T64.vector(1, 2)).sum());
        Params p = Params.of(w, b);
        Grads g = p.grad(cost);
        Matrix<F64> gw = g.get(w); // no cast: the parameter's own handle type
        Vector<F64> gb = g.get(b);
        Function f = function(inputs(), outputs(gw, gb));
        var out = f.callAll();
        assertThat(out.get(0).toDoubleMatrix()).isEqualTo(new double[][] {{2, 4}, {6, 8}, {10, 12}});
        assertThat(out.get(1).toDoubleArray()).containsExactly(1, 2);
        assertThat(g.get("b").rank()).isEqualTo(1);
    }

    @Test
    void grad_ofATensor3Parameter_isATensor3() {
        Scalar<F32> cost = k.sqr().sum();
        Tensor3<F32> gk = Params.of(k).grad(cost).get(k);
        assertThat(gk.dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void grad_ofAParameterTheCostIgnores_failsNamingIt() {
        assertThatThrownBy(() -> params.grad(w.sum()))
                .hasMessageContaining("the cost does not depend on 'b'");
    }

    @Test
    void grads_get_ofAnotherVariable_failsNamingTheParameters() {
        SharedVector<F64> other = shared(new double[] {1}, "other");
        Grads g = Params.of(b).grad(b.sum());
        assertThatThrownBy(() -> g.get(other)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'other' is not one of the parameters [b]");
    }

    @Test
    void zerosLike_makesZerosOfEachShapeAndDtype_underPrefixedNames() {
        Params z = params.zerosLike("m/");
        assertThat(z.names()).containsExactly("m/W", "m/b", "m/s", "m/k");
        for (int i = 0; i < 4; i++) {
            NDArray orig = params.list().get(i).getValue();
            NDArray zero = z.list().get(i).getValue();
            assertThat(zero.dtype()).isEqualTo(orig.dtype());
            assertThat(zero.shape()).isEqualTo(orig.shape());
            for (int e = 0; e < zero.size(); e++) {
                assertThat(zero.getDouble(e)).isZero();
            }
        }
        assertThat(z.list().get(1)).isInstanceOf(SharedVector.class);
    }

    @Test
    void of_unnamedOrDuplicateNames_fail() {
        SharedVector<F64> unnamed = shared(new double[] {1}, null);
        assertThatThrownBy(() -> Params.of(unnamed)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("parameter #0 (").hasMessageContaining("has no name");
        SharedVector<F64> b2 = shared(new double[] {1}, "b");
        assertThatThrownBy(() -> Params.of(b, b2)).hasMessageContaining("the name 'b' is used twice");
        assertThatThrownBy(() -> Params.of(b, b)).hasMessageContaining("the same variable is listed twice");
    }

    @Test
    void saveThenLoad_restoresEveryValueExactly() {
        Path f = tmp.resolve("p.npz");
        params.save(f);
        Map<String, NDArray> saved = params.values();
        w.setValue(new double[][] {{0, 0}, {0, 0}, {0, 0}});
        s.setValue(9f);
        params.load(f);
        assertThat(params.values()).isEqualTo(saved);
        assertThat(Npz.read(f).keySet()).containsExactly("W", "b", "s", "k");
    }

    @Test
    void load_shapeMismatch_failsAndChangesNothing() {
        Path f = tmp.resolve("bad.npz");
        Npz.write(f, Map.of("W", NDArray.zeros(DType.FLOAT64, 2, 3), "b", NDArray.of(new double[] {7, 7}),
                "s", NDArray.of(1f), "k", NDArray.zeros(DType.FLOAT32, 2, 1, 3)));
        Map<String, NDArray> before = params.values();
        assertThatThrownBy(() -> params.load(f)).isInstanceOfSatisfying(CheckpointMismatchException.class,
                e -> assertThat(e.problems()).containsExactly("'W' is float64 (2, 3), the parameter is float64 (3, 2)"))
                .hasMessageContaining("no parameter was changed");
        assertThat(params.values()).isEqualTo(before); // b would have become (7, 7)
    }

    @Test
    void load_dtypeMismatchAndMissingName_listBothAndChangeNothing() {
        Path f = tmp.resolve("bad.npz");
        Npz.write(f, Map.of("W", NDArray.zeros(DType.FLOAT32, 3, 2), "b", NDArray.of(new double[] {7, 7}),
                "k", NDArray.zeros(DType.FLOAT32, 2, 1, 3)));
        Map<String, NDArray> before = params.values();
        assertThatThrownBy(() -> params.load(f)).isInstanceOfSatisfying(CheckpointMismatchException.class,
                e -> assertThat(e.problems()).containsExactly("'W' is float32 (3, 2), the parameter is float64 (3, 2)",
                        "'s' is missing"));
        assertThat(params.values()).isEqualTo(before);
    }

    @Test
    void load_truncatedFile_failsAndChangesNothing() throws Exception {
        Path f = tmp.resolve("p.npz");
        params.save(f);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 2));
        Map<String, NDArray> before = params.values();
        assertThatThrownBy(() -> params.load(f)).isInstanceOf(NpyFormatException.class);
        assertThat(params.values()).isEqualTo(before);
    }

    @Test
    void load_notANpzFile_failsAndChangesNothing() throws Exception {
        Path f = tmp.resolve("p.npz");
        Files.writeString(f, "not a zip");
        Map<String, NDArray> before = params.values();
        assertThatThrownBy(() -> params.load(f)).isInstanceOfSatisfying(NpyFormatException.class,
                e -> assertThat(e.problem()).isEqualTo(NpyFormatException.Problem.BAD_MAGIC));
        assertThat(params.values()).isEqualTo(before);
    }

    @Test
    void and_concatenates_andToStringSummarizes() {
        Params all = Params.of(w).and(Params.of(b));
        assertThat(all.names()).containsExactly("W", "b");
        assertThat(all.toString()).isEqualTo("Params[W float64(3, 2), b float64(2,); 8 scalars]");
        SharedVariable<?> got = all.get("b");
        assertThat(got).isSameAs(b);
        assertThatThrownBy(() -> all.get("x")).hasMessageContaining("no parameter named 'x'; the names are [W, b]");
    }

    /** Small typed constants for the tests. */
    static final class T64 {
        static Vector<F64> vector(double... v) {
            return org.symtensor.T.constant(v);
        }
    }
}
