package org.symtensor.runtime.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I64;

/**
 * The indexing and construction lines of Theano's tutorial pages, in Symtensor: {@code P[::-1]},
 * {@code arange} with a symbolic bound, {@code set_subtensor}, {@code stack}; each checked by hand.
 */
class TheanoTutorialShapesTest {
    @Test
    void polynomial_withArangeOfASymbolicLength() {
        // Theano: components = coefficients * x ** arange(n); value = components.sum()
        Vector<F64> coefficients = dvector("coefficients");
        Scalar<F64> x = dscalar("x");
        Vector<F64> powers = cast(arange(coefficients.shape(0)), F64.class);
        Scalar<F64> polynomial = coefficients.times(zerosLike(powers).plus(x).pow(powers)).sum();

        double r = function(inputs(coefficients, x), polynomial).call(new double[] {1, 0, 2}, 3.0).toDouble();

        assertThat(r).isEqualTo(1 + 0 * 3 + 2 * 9);
    }

    @Test
    void reversedSequence_PColonColonMinusOne() {
        Matrix<F32> p = fmatrix("P");

        Matrix<F32> reversed = p.get(slice(null, null, -1));

        float[][] r = function(inputs(p), reversed).call((Object) new float[][] {{1, 2}, {3, 4}, {5, 6}}).toFloatMatrix();
        assertThat(r).isEqualTo(new float[][] {{5, 6}, {3, 4}, {1, 2}});
    }

    @Test
    void setSubtensorAndIncSubtensor_ofTheBasicTensorPage() {
        // Theano: r = set_subtensor(x[10:], 5); s = inc_subtensor(x[[0, 0]], 1)
        Vector<F32> x = fvector("x");
        float[] xs = new float[12];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }

        float[] r = function(inputs(x), setSubtensor(x, 5, slice(10, null))).call((Object) xs).toFloatArray();
        float[] s = function(inputs(x), incSubtensor(x, 1, indices(0, 0))).call((Object) xs).toFloatArray();

        for (int i = 0; i < 12; i++) {
            assertThat(r[i]).isEqualTo(i >= 10 ? 5 : i);
            assertThat(s[i]).isEqualTo(i == 0 ? 2 : i);
        }
    }

    @Test
    void stack_ofScalarsAndOfVectors() {
        // Theano: stack([a, b, c]) of scalars is a vector; of vectors, a matrix
        Scalar<I64> a = lscalar("a");
        Vector<F64> u = dvector("u");

        Vector<I64> abc = stack(a, a.times(2), a.times(3));
        Matrix<F64> rows = stack(0, u, u.times(10));

        assertThat(function(inputs(a), abc).call(7L).toLongArray()).containsExactly(7, 14, 21);
        assertThat(function(inputs(u), rows).call((Object) new double[] {1, 2}).toDoubleMatrix())
                .isEqualTo(new double[][] {{1, 2}, {10, 20}});
    }
}
