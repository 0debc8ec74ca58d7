package org.symtensor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.dvector;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.shared;
import static org.symtensor.T.sharedMatrix;
import static org.symtensor.T.sharedVector;
import static org.symtensor.T.softmax;
import static org.symtensor.T.softplus;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.train.Params;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** The serialized IR format: round trips checked against plain-Java arithmetic, and its errors. */
class GraphIrTest {
    private static NDArray random(SplittableRandom r, int... shape) {
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, r.nextDouble(-1, 1));
        }
        return a;
    }

    @Test
    void mlpGraphRoundTripsAndComputesWhatPlainJavaComputes() {
        SplittableRandom r = new SplittableRandom(3);
        NDArray w1 = random(r, 3, 5), b1 = random(r, 5), w2 = random(r, 5, 2), b2 = random(r, 2), xv = random(r, 4, 3);
        SharedMatrix<F64> W1 = sharedMatrix(w1, F64.class, "W1");
        SharedVector<F64> B1 = sharedVector(b1, F64.class, "b1");
        SharedMatrix<F64> W2 = sharedMatrix(w2, F64.class, "W2");
        SharedVector<F64> B2 = sharedVector(b2, F64.class, "b2");
        Matrix<F64> x = dmatrix("x");
        // dimshuffle, a constant, a reduction, dot and elementwise ops in one graph
        Matrix<F64> h = x.dot(W1).plus(B1.dimshuffle("x", 0)).maximum(0.0).times(2.0);
        Matrix<F64> p = softmax(h.dot(W2).plus(B2));
        Params params = Params.of(W1, B1, W2, B2);
        FunctionRecipe recipe = FunctionRecipe.graph(params, List.of(x), p);
        FunctionRecipe.Model m = recipe.build();
        assertThat(m.params()).extracting(Variable::name).containsExactly("W1", "b1", "W2", "b2");
        assertThat(m.data()).extracting(Variable::name).containsExactly("x");
        Function f = Compiled.forward(recipe);
        double[][] got = f.call(w1, b1, w2, b2, xv).toDoubleMatrix();
        for (int i = 0; i < 4; i++) {
            double[] hid = new double[5];
            for (int j = 0; j < 5; j++) {
                double s = b1.getDouble(j);
                for (int k = 0; k < 3; k++) {
                    s += xv.getDoubleAt(i, k) * w1.getDoubleAt(k, j);
                }
                hid[j] = Math.max(s, 0) * 2;
            }
            double[] z = new double[2];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 2; c++) {
                z[c] = b2.getDouble(c);
                for (int j = 0; j < 5; j++) {
                    z[c] += hid[j] * w2.getDoubleAt(j, c);
                }
                max = Math.max(max, z[c]);
            }
            double total = Math.exp(z[0] - max) + Math.exp(z[1] - max);
            for (int c = 0; c < 2; c++) {
                assertThat(got[i][c]).isCloseTo(Math.exp(z[c] - max) / total, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        // writing the rebuilt graph again gives the same bytes: nothing is lost or added by a round trip
        byte[] again = GraphIr.write(concat(m.params(), m.data()), m.outputs());
        assertThat(again).isEqualTo(recipe.graphBytes());
    }

    private static List<Variable> concat(List<Variable> a, List<Variable> b) {
        List<Variable> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void constantsOfEveryDtypeRoundTripExactly() {
        for (DType d : DType.values()) {
            NDArray v = NDArray.zeros(d, 2, 3);
            for (int i = 0; i < 6; i++) {
                v.setDouble(i, d == DType.BOOL ? i % 2 : d == DType.UINT8 ? 250 + i : -2.75 + i * 1.5);
            }
            Constant c = new Constant(v);
            GraphIr.Graph g = GraphIr.read(GraphIr.write(List.of(), List.of(c)));
            Constant back = (Constant) g.outputs().get(0);
            assertThat(back.value().dtype()).isEqualTo(d);
            assertThat(back.value().shape()).containsExactly(2, 3);
            for (int i = 0; i < 6; i++) {
                assertThat(back.value().getDouble(i)).as("%s[%d]", d, i).isEqualTo(v.getDouble(i));
            }
        }
    }

    @Test
    void logisticLossGraphRoundTripsWithItsGradient() {
        SharedVector<F64> w = sharedVector(NDArray.of(new double[] {0.5, -1}), F64.class, "w");
        SharedScalar<F64> b = shared(0.25, "b");
        Matrix<F64> x = dmatrix("x");
        Vector<F64> y = dvector("y");
        Vector<F64> z = x.dot(w).plus(b);
        Vector<F64> loss = softplus(z).minus(y.times(z));
        FunctionRecipe recipe = FunctionRecipe.graph(Params.of(w, b), List.of(x, y), loss);
        Function g = Compiled.gradient(recipe, "test");
        NDArray xv = NDArray.of(new double[][] {{1, 2}, {-3, 0.5}});
        NDArray yv = NDArray.of(new double[] {1, 0});
        List<NDArray> out = g.callAll(w.getValue(), b.getValue(), xv, yv);
        double lossSum = 0, gb = 0;
        double[] gw = new double[2];
        for (int i = 0; i < 2; i++) {
            double zi = xv.getDoubleAt(i, 0) * 0.5 - xv.getDoubleAt(i, 1) + 0.25;
            lossSum += Math.log1p(Math.exp(zi)) - yv.getDouble(i) * zi;
            double err = 1 / (1 + Math.exp(-zi)) - yv.getDouble(i);
            gw[0] += err * xv.getDoubleAt(i, 0);
            gw[1] += err * xv.getDoubleAt(i, 1);
            gb += err;
        }
        assertThat(out.get(0).toDouble()).isCloseTo(lossSum, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out.get(1).getDouble(0)).isCloseTo(gw[0], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out.get(1).getDouble(1)).isCloseTo(gw[1], org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out.get(2).toDouble()).isCloseTo(gb, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anotherVersionIsRefusedWithBothVersionNumbers() {
        Vector<F64> x = dvector("x");
        byte[] bytes = GraphIr.write(List.of(x.variable()), List.of(x.times(2.0).variable()));
        ByteBuffer.wrap(bytes).putInt(4, GraphIr.VERSION + 1);
        assertThatThrownBy(() -> GraphIr.read(bytes)).isInstanceOf(IrFormatException.class)
                .hasMessageContaining("IR format version " + (GraphIr.VERSION + 1))
                .hasMessageContaining("reads version " + GraphIr.VERSION);
    }

    @Test
    void otherBytesAndTruncatedGraphsAreRefused() {
        assertThatThrownBy(() -> GraphIr.read(new byte[] {1, 2, 3, 4, 0, 0, 0, 1})).isInstanceOf(IrFormatException.class)
                .hasMessageContaining("bad magic number 0x01020304");
        Vector<F64> x = dvector("x");
        byte[] bytes = GraphIr.write(List.of(x.variable()), List.of(softplus(x).variable()));
        assertThatThrownBy(() -> GraphIr.read(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IrFormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void anUnsupportedOpKindIsNamed() {
        Vector<F64> x = dvector("x");
        Scalar<F64> first = x.get(0);
        assertThatThrownBy(() -> GraphIr.write(List.of(x.variable()), List.of(first.variable())))
                .isInstanceOf(IrFormatException.class).hasMessageContaining("op kind INDEX")
                .hasMessageContaining("not supported by IR format version 1");
    }

    @Test
    void aLeafThatIsNotAnInputIsNamed() {
        SharedVector<F64> hidden = sharedVector(NDArray.of(new double[] {1, 2}), F64.class, "hidden");
        Vector<F64> x = dvector("x");
        Vector<F64> other = dvector("other");
        assertThatThrownBy(() -> FunctionRecipe.graph(Params.of(), List.of(x), x.plus(hidden)))
                .isInstanceOf(IrFormatException.class).hasMessageContaining("shared variable 'hidden'");
        assertThatThrownBy(() -> FunctionRecipe.graph(Params.of(), List.of(x), x.plus(other)))
                .isInstanceOf(IrFormatException.class).hasMessageContaining("input 'other'");
        Tensor<F64> unused = Tensors.wrap(x.variable());
        assertThat(unused.variable()).isSameAs(x.variable());
    }
}
