package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * {@code einsum} and {@code tensordot} against a brute-force einsum written here (a loop over every
 * assignment of the letters), their gradients by finite differences in float64, float32, and bad
 * subscripts, axes and shapes.
 */
class ContractionsTest {
    /** Lengths of the letters the tests use: every letter its own length, so a mixed-up axis shows. */
    private static int len(char c) {
        return switch (c) {
            case 'i' -> 3;
            case 'j' -> 4;
            case 'k' -> 2;
            case 'b' -> 2;
            case 'l' -> 5;
            default -> throw new IllegalArgumentException("no length for " + c);
        };
    }

    private static NDArray random(String letters, long seed) {
        int[] shape = letters.chars().map(c -> len((char) c)).toArray();
        NDArray x = NDArray.zeros(DType.FLOAT64, shape);
        Random r = new Random(seed);
        for (int i = 0; i < x.size(); i++) {
            x.setDouble(i, Math.round(r.nextGaussian() * 100) / 50.0);
        }
        return x;
    }

    /** The oracle: for every assignment of the letters, add the product of the operands' entries into the output. */
    private static NDArray bruteForce(String spec, List<NDArray> ops) {
        String[] io = spec.split("->", -1);
        String[] ins = io[0].split(",");
        String out = io[1];
        StringBuilder letters = new StringBuilder();
        for (char c : io[0].replace(",", "").toCharArray()) {
            if (letters.indexOf(String.valueOf(c)) < 0) {
                letters.append(c);
            }
        }
        int[] lengths = new int[letters.length()];
        for (int k = 0; k < ins.length; k++) {
            for (int p = 0; p < ins[k].length(); p++) {
                lengths[letters.indexOf(String.valueOf(ins[k].charAt(p)))] = ops.get(k).shape(p);
            }
        }
        int[] outShape = out.chars().map(c -> lengths[letters.indexOf(String.valueOf((char) c))]).toArray();
        NDArray result = NDArray.zeros(DType.FLOAT64, outShape);
        int[] v = new int[letters.length()];
        while (true) {
            double prod = 1;
            for (int k = 0; k < ins.length; k++) {
                int[] idx = new int[ins[k].length()];
                for (int p = 0; p < idx.length; p++) {
                    idx[p] = v[letters.indexOf(String.valueOf(ins[k].charAt(p)))];
                }
                prod *= ops.get(k).getDoubleAt(idx);
            }
            int[] oi = new int[out.length()];
            for (int p = 0; p < oi.length; p++) {
                oi[p] = v[letters.indexOf(String.valueOf(out.charAt(p)))];
            }
            result.setDoubleAt(result.getDoubleAt(oi) + prod, oi);
            int d = v.length - 1;
            while (d >= 0 && ++v[d] == lengths[d]) {
                v[d--] = 0;
            }
            if (d < 0) {
                return result;
            }
        }
    }

    /** A float64 input of the rank, its lengths unknown until called. */
    private static Tensor<F64> input(String name, int rank) {
        return switch (rank) {
            case 1 -> dvector(name);
            case 2 -> dmatrix(name);
            case 3 -> dtensor3(name);
            default -> throw new IllegalArgumentException("rank " + rank);
        };
    }

    private static void assertSame(NDArray actual, NDArray expected) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.getDouble(i)).as("element %d", i).isCloseTo(expected.getDouble(i), within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ij,jk->ik", "ij,ij->", "bij,bjk->bik", "i,j->ij", "bi,bi->b", "ij,ij->ij", "ij,jk->ki",
        "bij,jk->bik", "ijk,jl->lik", "ij,kj->ikj", "ij,jk->i", "bij,bkj->bik"})
    void einsum_twoOperands_matchesTheBruteForceLoop(String spec) {
        String[] ins = spec.split("->")[0].split(",");
        Tensor<F64> a = input("a", ins[0].length());
        Tensor<F64> b = input("b", ins[1].length());
        NDArray av = random(ins[0], 1);
        NDArray bv = random(ins[1], 2);

        NDArray r = function(inputs(a, b), einsum(spec, a, b)).call(av, bv);

        assertSame(r, bruteForce(spec, List.of(av, bv)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ij->ji", "ij->", "ij->i", "ij->j", "ijk->kij", "ijk->j"})
    void einsum_oneOperand_matchesTheBruteForceLoop(String spec) {
        String in = spec.split("->")[0];
        Tensor<F64> a = input("a", in.length());
        NDArray av = random(in, 3);

        NDArray r = function(inputs(a), einsum(spec, a)).call(av);

        assertSame(r, bruteForce(spec, List.of(av)));
    }

    @Test
    void einsum_traceAndDiagonal_andImplicitOutput() {
        Tensor<F64> a = input("a", 2);
        Tensor<F64> b = input("b", 2);
        double[][] m = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        double[][] n = {{1, 0}, {2, 1}, {0, 3}};

        assertThat(function(inputs(a), einsum("ii->", a)).call((Object) m).toDouble()).isEqualTo(15.0);
        assertThat(function(inputs(a), einsum("ii", a)).call((Object) m).toDouble()).isEqualTo(15.0);
        assertThat(function(inputs(a), einsum("ii->i", a)).call((Object) m).toDoubleArray()).containsExactly(1, 5, 9);
        // implicit: the letters used once, alphabetically: "ij,jk" is "ij,jk->ik"
        NDArray mv = NDArray.of(m);
        NDArray nv = NDArray.of(n);
        assertSame(function(inputs(a, b), einsum("ij,jk", a, b)).call(mv, nv), bruteForce("ij,jk->ik", List.of(mv, nv)));
    }

    @Test
    void tensordot_integerAndAxisLists_matchTheBruteForceLoop() {
        Tensor<F64> a = input("a", 3);
        Tensor<F64> b = input("b", 3);
        NDArray av = random("ijk", 4);
        NDArray bv = random("jkl", 5);
        NDArray cv = random("kjl", 6);

        assertSame(function(inputs(a, b), tensordot(a, b, 2)).call(av, bv), bruteForce("ijk,jkl->il", List.of(av, bv)));
        assertSame(function(inputs(a, b), tensordot(a, b, new int[] {1, 2}, new int[] {1, 0})).call(av, cv),
                bruteForce("ijk,kjl->il", List.of(av, cv)));
        assertSame(function(inputs(a, b), tensordot(a, b, 0)).call(av, bv), bruteForce("ijk,jkl->ijkjkl".replace("jkl->ijkjkl",
                "JKL->ijkJKL"), List.of(av, bv)));
        assertSame(function(inputs(a, b), tensordot(a, b, new int[] {-1}, new int[] {0})).call(av, cv),
                bruteForce("ijk,kjl->ijjl".replace("kjl->ijjl", "kJl->ijJl"), List.of(av, cv)));
    }

    @Test
    void einsum_float32_keepsItsDtype() {
        Tensor<F32> a = fmatrix("a");
        Tensor<F32> b = fmatrix("b");

        NDArray r = function(inputs(a, b), einsum("ij,jk->ik", a, b))
                .call(new float[][] {{1, 2}, {3, 4}}, new float[][] {{5, 6}, {7, 8}});

        assertThat(r.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(r.toFloatMatrix()).isEqualTo(new float[][] {{19, 22}, {43, 50}});
    }

    @Test
    void gradients_byFiniteDifferences() {
        List<String> specs = List.of("ij,jk->ik", "ij,ij->", "bij,bjk->bik", "i,j->ij", "bi,bi->b", "ij,jk->i", "ij->ji",
                "ii->", "ij->i");
        for (String spec : specs) {
            String[] ins = spec.split("->")[0].split(",");
            List<NDArray> points = new ArrayList<>();
            for (int k = 0; k < ins.length; k++) {
                points.add(random(ins[k].equals("ii") ? "jj" : ins[k], 10 + k));
            }
            verifyGrad(in -> ins.length == 1 ? einsum(spec, (Tensor<F64>) in.get(0))
                    : einsum(spec, (Tensor<F64>) in.get(0), (Tensor<F64>) in.get(1)), points, 1e-6, 1e-6);
        }
        verifyGrad(in -> tensordot((Tensor<F64>) in.get(0), (Tensor<F64>) in.get(1), new int[] {1, 2}, new int[] {1, 0}),
                List.of(random("ijk", 7), random("kjl", 8)), 1e-6, 1e-6);
    }

    @Test
    void badSubscripts_andShapes_areSpecificErrors() {
        Tensor<F64> a = input("a", 2);
        Tensor<F64> b = input("b", 2);
        Tensor<F64> p = tensor(F64.class, "p", 2, 3);
        Tensor<F64> q = tensor(F64.class, "q", 4, 5);

        assertThatThrownBy(() -> einsum("ijk,jk->ik", a, b)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'a'").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> einsum("ij,jk->iz", a, b)).isInstanceOf(ArgumentException.class).hasMessageContaining("'z'");
        assertThatThrownBy(() -> einsum("i...,j->ij", a, b)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining("no ellipsis");
        assertThatThrownBy(() -> einsum("ij,jk->ii", a, b)).isInstanceOf(ArgumentException.class).hasMessageContaining("repeats");
        assertThatThrownBy(() -> einsum("ij,jk->ik", p, q)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("'j'").hasMessageContaining("'p'").hasMessageContaining("'q'");
        assertThatThrownBy(() -> tensordot(p, q, 1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("(2, 3)").hasMessageContaining("(4, 5)");
        assertThatThrownBy(() -> tensordot(p, q, new int[] {2}, new int[] {0})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("axis 2").hasMessageContaining("'p'");
        assertThatThrownBy(() -> tensordot(p, q, new int[] {0, 1}, new int[] {0})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("counts must agree");
        assertThatThrownBy(() -> tensordot(p, q, 3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("cannot contract 3 axes");
        assertThatThrownBy(() -> einsum("ij,jk->ik", a, (Tensor<F64>) Tensors.<F64>wrap(fmatrix("f").variable())))
                .isInstanceOf(org.symtensor.error.DTypeMismatchException.class);
    }

    @Test
    void contraction_ofMismatchedLengths_failsWhenRun_namingTheShapes() {
        Tensor<F64> a = input("a", 2);
        Tensor<F64> b = input("b", 2);
        org.symtensor.function.Function f = function(inputs(a, b), einsum("ij,jk->ik", a, b));

        assertThatThrownBy(() -> f.call(new double[2][3], new double[4][2])).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("(2, 3)").hasMessageContaining("(4, 2)");
    }
}
