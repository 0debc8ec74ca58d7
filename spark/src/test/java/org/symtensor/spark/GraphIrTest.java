package org.symtensor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.sharedTensor4;
import static org.symtensor.T.relu;
import static org.symtensor.T.log;
import static org.symtensor.T.ifelse;
import static org.symtensor.T.dropout;
import static org.symtensor.T.cumsum;
import static org.symtensor.T.lscalar;
import static org.symtensor.T.argmax;
import static org.symtensor.T.argmin;
import static org.symtensor.T.all;
import static org.symtensor.T.any;
import static org.symtensor.T.erfinv;
import static org.symtensor.T.invert;
import static org.symtensor.T.cbrt;
import static org.symtensor.T.arctan2;
import static org.symtensor.T.slogdet;
import static org.symtensor.T.solve;
import static org.symtensor.T.inverse;
import static org.symtensor.T.det;
import static org.symtensor.T.cholesky;
import static org.symtensor.T.dtensor4;
import static org.symtensor.T.conv2d;
import static org.symtensor.T.maxPool2d;
import static org.symtensor.T.avgPool2d;
import static org.symtensor.T.reshape;
import static org.symtensor.T.concatenate;
import static org.symtensor.T.alloc;
import static org.symtensor.T.arange;
import static org.symtensor.T.specifyShape;
import static org.symtensor.T.take;
import static org.symtensor.T.booleanMask;
import static org.symtensor.T.lvector;
import static org.symtensor.T.argsort;
import static org.symtensor.T.argtopk;
import static org.symtensor.T.topk;
import static org.symtensor.T.takeAlongAxis;
import static org.symtensor.T.outputs;
import static org.symtensor.T.onUnusedInput;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.dsl.LinAlgFunctions;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionInput;
import org.symtensor.grad.GradOptions;
import org.symtensor.grad.Gradients;
import org.symtensor.ir.AdvancedIncSubtensor;
import org.symtensor.ir.AdvancedSubtensor;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Cumulative;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Indexing;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVector;
import org.symtensor.random.RandomStreams;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.train.Params;
import org.symtensor.train.Sgd;
import org.symtensor.type.Bool;
import org.symtensor.type.DType;
import org.symtensor.type.I64;
import org.symtensor.type.TensorType;
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
                .hasMessageContaining("reads versions 1 to " + GraphIr.VERSION);
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
    void opKindsWithInnerGraphsAreRefusedWithTheSymbolicRecipeNamed() {
        Vector<F64> x = dvector("x");
        Tensor<F64> chosen = ifelse(x.sum().gt(0.0), x.times(2.0), x);
        assertThatThrownBy(() -> GraphIr.write(List.of(x.variable()), List.of(chosen.variable())))
                .isInstanceOf(IrFormatException.class).hasMessageContaining("op kind IFELSE")
                .hasMessageContaining("inner graphs").hasMessageContaining("FunctionRecipe.symbolic");
        Tensor<F64> dropped = dropout(x, 0.5, new RandomStreams(1));
        assertThatThrownBy(() -> GraphIr.write(List.of(x.variable()), List.of(dropped.variable())))
                .isInstanceOf(IrFormatException.class).hasMessageContaining("op kind RANDOM")
                .hasMessageContaining("random generator state").hasMessageContaining("FunctionRecipe.symbolic");
    }

    @Test
    void theCpuOptimizersSoftmaxNodeIsRefused_theGraphAsBuiltIsCarried() {
        Matrix<F64> x = dmatrix("x");
        Variable node = org.symtensor.ir.Softmax.apply(x.variable(), 1);
        assertThatThrownBy(() -> GraphIr.write(List.of(x.variable()), List.of(node)))
                .isInstanceOf(IrFormatException.class).hasMessageContaining("op kind SOFTMAX")
                .hasMessageContaining("CPU optimizer").hasMessageContaining("before optimization");
        assertRoundTrip(vars(x), List.of(softmax(x).variable()), EnumSet.of(OpKind.REDUCE, OpKind.ELEMWISE),
                random(new SplittableRandom(5), 3, 4));
    }

    @Test
    void aVersion1StreamIsStillReadButMayNotHoldLaterOpKinds() {
        Vector<F64> x = dvector("x");
        byte[] old = GraphIr.write(List.of(x.variable()), List.of(softplus(x).sum().variable()));
        ByteBuffer.wrap(old).putInt(4, 1);
        GraphIr.Graph g = GraphIr.read(old);
        NDArray xv = NDArray.of(new double[] {0.5, -2, 3});
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += Math.log1p(Math.exp(xv.getDouble(i)));
        }
        assertThat(compile(g.inputs(), g.outputs()).call(xv).toDouble())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        byte[] newer = GraphIr.write(List.of(x.variable()), List.of(cumsum(x).variable()));
        ByteBuffer.wrap(newer).putInt(4, 1);
        assertThatThrownBy(() -> GraphIr.read(newer)).isInstanceOf(IrFormatException.class)
                .hasMessageContaining("op kind 'CUMULATIVE' is not part of IR format version 1");
    }

    @Test
    void damagedOpParametersAreAFormatErrorNamingTheKind() {
        Matrix<F64> x = dmatrix("x");
        byte[] bytes = GraphIr.write(List.of(x.variable()), List.of(cumsum(x, 1).variable()));
        // the CUMULATIVE kind name "SUM" follows the op kind; make it an unknown name of the same length
        int at = indexOf(bytes, "CUMULATIVE".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + 10 + 2;
        bytes[at] = 'X';
        assertThatThrownBy(() -> GraphIr.read(bytes)).isInstanceOf(IrFormatException.class)
                .hasMessageContaining("unknown cumulative kind 'XUM'");
    }

    @Test
    void parametersAFactoryRefusesAreAFormatErrorWithTheFactorysReason() {
        Tensor4<F64> x = dtensor4("x");
        Tensor<F64> pooled = maxPool2d(x, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, true);
        byte[] bytes = GraphIr.write(List.of(x.variable()), List.of(pooled.variable()));
        // POOL2D, "MAX", "FORWARD", window, stride and pad (3 x (4 + 8) bytes), then ignoreBorder
        int at = indexOf(bytes, "POOL2D".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + 6 + 5 + 9 + 36;
        assertThat(bytes[at]).isEqualTo((byte) 1);
        bytes[at] = 0;
        assertThatThrownBy(() -> GraphIr.read(bytes)).isInstanceOf(IrFormatException.class)
                .hasMessageContaining("parameters of op kind POOL2D are invalid")
                .hasMessageContaining("needs ignoreBorder=true");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    // ---- round trips of the op kinds added in version 2: the rebuilt graph computes what the original does

    private static Function compile(List<Variable> ins, List<Variable> outs) {
        FunctionInput[] in = new FunctionInput[ins.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = Tensors.wrap(ins.get(i));
        }
        Tensor<?>[] out = new Tensor<?>[outs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Tensors.wrap(outs.get(i));
        }
        return function(inputs(in), outputs(out), onUnusedInput(FunctionFlag.UnusedInput.IGNORE));
    }

    /**
     * Writes the graph, reads it back, checks that the rebuilt graph holds the {@code kinds} and writes
     * to the same bytes, then runs both on {@code values}: every output equal in dtype, shape and value.
     */
    private static void assertRoundTrip(List<Variable> ins, List<Variable> outs, Set<OpKind> kinds, NDArray... values) {
        byte[] bytes = GraphIr.write(ins, outs);
        GraphIr.Graph g = GraphIr.read(bytes);
        Set<OpKind> seen = EnumSet.noneOf(OpKind.class);
        for (Apply a : Graphs.toposort(g.outputs())) {
            seen.add(a.op().kind());
        }
        assertThat(seen).containsAll(kinds);
        assertThat(GraphIr.write(g.inputs(), g.outputs())).isEqualTo(bytes);
        List<NDArray> want = compile(ins, outs).callAll(values);
        List<NDArray> got = compile(g.inputs(), g.outputs()).callAll(values);
        assertThat(got).hasSameSizeAs(want);
        for (int o = 0; o < want.size(); o++) {
            NDArray a = want.get(o).contiguous();
            NDArray b = got.get(o).contiguous();
            assertThat(b.dtype()).as("output %d dtype", o).isEqualTo(a.dtype());
            assertThat(b.shape()).as("output %d shape", o).containsExactly(a.shape());
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.getDouble(i)).as("output %d [%d]", o, i).isEqualTo(a.getDouble(i));
            }
        }
    }

    private static List<Variable> vars(Tensor<?>... ts) {
        List<Variable> v = new java.util.ArrayList<>();
        for (Tensor<?> t : ts) {
            v.add(t.variable());
        }
        return v;
    }

    @Test
    void basicAndIncrementedIndexingRoundTrip() {
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = dmatrix("y");
        Scalar<I64> i = lscalar("i");
        Variable row = Indexing.index(x.variable(), 0, i.variable());
        Variable cols = Indexing.slice(x.variable(), 1, Indexing.at(1), null, 2);
        Variable inc = Indexing.incSlice(x.variable(), y.variable(), 1, null, Indexing.at(3), 2);
        Variable incRow = Indexing.incIndex(x.variable(), row, 0, Indexing.at(0));
        SplittableRandom r = new SplittableRandom(5);
        assertRoundTrip(vars(x, y, i), List.of(row, cols, inc, incRow), EnumSet.of(OpKind.INDEX, OpKind.INC_INDEX),
                random(r, 3, 5), random(r, 3, 2), NDArray.of(-1L));
    }

    @Test
    void compositesWithAndWithoutAReduceTailRoundTrip() {
        Variable a = new Variable(TensorType.of(DType.FLOAT64), "a");
        Variable b = new Variable(TensorType.of(DType.FLOAT64), "b");
        Variable inner = Ops.elemwise(ScalarOp.ADD, Ops.elemwise(ScalarOp.MUL, a, Ops.elemwise(ScalarOp.EXP, b)),
                Ops.constant(0.75, DType.FLOAT64));
        Variable narrowed = Ops.cast(inner, DType.FLOAT32);
        Composite program = Composite.of(List.of(a, b), narrowed);
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> y = dmatrix("y");
        Variable fused = Apply.output(program, x.variable(), y.variable());
        Variable rowSums = Apply.output(program.withReduce(Reduce.of(Reduce.Kind.SUM, new int[] {1})), x.variable(),
                y.variable());
        Variable largest = Apply.output(program.withReduce(Reduce.of(Reduce.Kind.MAX, null)), x.variable(), y.variable());
        SplittableRandom r = new SplittableRandom(6);
        assertRoundTrip(vars(x, y), List.of(fused, rowSums, largest), EnumSet.of(OpKind.COMPOSITE), random(r, 3, 4),
                random(r, 3, 4));
    }

    @Test
    void newReduceKindsAndScalarOpsRoundTrip() {
        Matrix<F64> x = dmatrix("x");
        Matrix<Bool> pos = x.gt(0.0);
        SplittableRandom r = new SplittableRandom(7);
        assertRoundTrip(vars(x), vars(argmax(x, 1), argmin(x, 0), all(pos, 1), any(pos, 0), erfinv(x.times(0.5)),
                invert(pos), cbrt(x), arctan2(x, x.plus(2.0))), EnumSet.of(OpKind.REDUCE, OpKind.ELEMWISE),
                random(r, 4, 3));
    }

    @Test
    void linearAlgebraRoundTrips() {
        Matrix<F64> a = dmatrix("a");
        Vector<F64> b = dvector("b");
        LinAlgFunctions.Slogdet<F64> sl = slogdet(a);
        NDArray av = NDArray.of(new double[][] {{4, 1, 0.5}, {1, 3, -0.25}, {0.5, -0.25, 2}});
        assertRoundTrip(vars(a, b), vars(solve(a, b), inverse(a), det(a), sl.sign(), sl.logAbsDet(), cholesky(a)),
                EnumSet.of(OpKind.LINALG), av, NDArray.of(new double[] {1, -2, 0.5}));
    }

    @Test
    void convolutionAndPoolingWithTheirGradientsRoundTrip() {
        Tensor4<F64> x = dtensor4("x");
        Tensor4<F64> w = dtensor4("w");
        Conv2d geometry = Conv2d.of(Conv2d.Variant.FORWARD, new int[] {2, 1}, new int[] {1, 2}, 2, Conv2d.Padding.EXPLICIT,
                new int[] {1, 0, 2, 1});
        Variable y = Conv2d.forward(geometry, x.variable(), w.variable());
        Tensor4<F64> w2 = dtensor4("w2");
        Tensor4<F64> same = conv2d(x, w2, "same");
        Tensor<F64> pooled = maxPool2d(Tensors.<F64>wrap(y), new int[] {2, 2}, new int[] {1, 2}, new int[] {1, 0}, true);
        Tensor<F64> avg = avgPool2d(Tensors.<F64>wrap(y), new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, true, false);
        Variable loss = Apply.output(Reduce.of(Reduce.Kind.SUM, null),
                pooled.times(pooled).plus(0.0).variable());
        Variable loss2 = Apply.output(Reduce.of(Reduce.Kind.SUM, null), avg.variable());
        Variable total = Ops.elemwise(ScalarOp.ADD, loss, loss2);
        List<Variable> grads = Gradients.grad(total, List.of(x.variable(), w.variable()), GradOptions.defaults());
        SplittableRandom r = new SplittableRandom(8);
        assertRoundTrip(vars(x, w, w2), List.of(y, same.variable(), pooled.variable(), avg.variable(), grads.get(0),
                grads.get(1)), EnumSet.of(OpKind.CONV2D, OpKind.POOL2D), random(r, 2, 4, 6, 7), random(r, 4, 2, 3, 2),
                random(r, 3, 4, 3, 3));
        // the gradient variants travel too
        Set<String> variants = new java.util.HashSet<>();
        for (Apply a : Graphs.toposort(GraphIr.read(GraphIr.write(vars(x, w), grads)).outputs())) {
            if (a.op() instanceof Conv2d c) {
                variants.add("conv " + c.variant());
            } else if (a.op() instanceof org.symtensor.ir.Pool2d p) {
                variants.add("pool " + p.mode() + " " + p.variant());
            }
        }
        assertThat(variants).contains("conv GRAD_INPUT", "conv GRAD_FILTERS", "pool MAX GRAD", "pool AVG_EXC_PAD GRAD");
    }

    @Test
    void shapeAndConstructionOpsRoundTrip() {
        Matrix<F64> x = dmatrix("x");
        Vector<F64> v = dvector("v");
        Scalar<I64> n = lscalar("n");
        Tensor<F64> reshaped = reshape(x, 2, -1);
        Matrix<F64> joined = concatenate(0, x, x.times(2.0));
        Tensor<F64> filled = alloc(v, n, n);
        Vector<I64> range = arange(n);
        Vector<F64> steps = arange(0.5, 3.0, 0.75);
        Matrix<F64> pinned = specifyShape(x, 3, 4);
        SplittableRandom r = new SplittableRandom(9);
        assertRoundTrip(vars(x, v, n), vars(reshaped, joined, filled, range, steps, pinned),
                EnumSet.of(OpKind.RESHAPE, OpKind.JOIN, OpKind.ALLOC, OpKind.ARANGE, OpKind.SPECIFY_SHAPE),
                random(r, 3, 4), random(r, 3), NDArray.of(3L));
    }

    @Test
    void advancedIndexingAndItsIncrementsRoundTrip() {
        Matrix<F64> x = dmatrix("x");
        Vector<I64> idx = lvector("idx");
        Matrix<F64> y = dmatrix("y");
        Matrix<F64> taken = take(x, idx, 1);
        Vector<F64> masked = booleanMask(x, x.gt(0.0));
        Variable added = Apply.output(AdvancedIncSubtensor.inc(AdvancedSubtensor.take(1)), x.variable(), y.variable(),
                idx.variable());
        Variable set = Apply.output(AdvancedIncSubtensor.set(AdvancedSubtensor.take(1)), x.variable(), y.variable(),
                idx.variable());
        // the gradient of take adds into zeros: an advanced increment
        List<Variable> g = Gradients.grad(Apply.output(Reduce.of(Reduce.Kind.SUM, null),
                taken.times(taken).variable()), List.of(x.variable()), GradOptions.defaults());
        SplittableRandom r = new SplittableRandom(10);
        assertRoundTrip(vars(x, idx, y), List.of(taken.variable(), masked.variable(), added, set, g.get(0)),
                EnumSet.of(OpKind.ADVANCED_INDEX, OpKind.ADVANCED_INC), random(r, 3, 4),
                NDArray.of(new long[] {3, 0, 3}), random(r, 3, 3));
    }

    @Test
    void cumulativeSortAndTakeAlongAxisRoundTrip() {
        Matrix<F64> x = dmatrix("x");
        Variable reversedProd = Apply.output(Cumulative.of(Cumulative.Kind.PROD, 0, true), x.variable());
        Matrix<I64> order = argsort(x, 1);
        Matrix<I64> best = argtopk(x, 2, 0);
        Tensor<F64> top = topk(x, 2, 1);
        Matrix<F64> sorted = takeAlongAxis(x, order, 1);
        List<Variable> g = Gradients.grad(Apply.output(Reduce.of(Reduce.Kind.SUM, null),
                sorted.times(sorted).variable()), List.of(x.variable()), GradOptions.defaults());
        SplittableRandom r = new SplittableRandom(11);
        assertRoundTrip(vars(x), List.of(cumsum(x, 1).variable(), reversedProd, order.variable(), best.variable(),
                top.variable(), sorted.variable(), g.get(0)),
                EnumSet.of(OpKind.CUMULATIVE, OpKind.SORT, OpKind.TAKE_ALONG), random(r, 4, 5));
    }

    /** A 4x4 one-channel image per row: conv2d, relu, max pooling, flatten, dense, softmax, cross-entropy. */
    private record ConvNet(SharedTensor4<F64> filters, SharedMatrix<F64> w, SharedVector<F64> b, Params params,
            Matrix<F64> x, Matrix<F64> y, Matrix<F64> probabilities, Vector<F64> rowLoss) {
        static ConvNet build() {
            SplittableRandom r = new SplittableRandom(12);
            SharedTensor4<F64> filters = sharedTensor4(random(r, 2, 1, 3, 3), F64.class, "filters");
            SharedMatrix<F64> w = sharedMatrix(random(r, 8, 3), F64.class, "w");
            SharedVector<F64> b = sharedVector(random(r, 3), F64.class, "b");
            Matrix<F64> x = dmatrix("x");
            Matrix<F64> y = dmatrix("y");
            Tensor4<F64> images = reshape(x, -1, 1, 4, 4);
            Tensor4<F64> features = maxPool2d(relu(conv2d(images, filters, "same")), new int[] {2, 2});
            Matrix<F64> p = softmax(reshape(features, -1, 8).dot(w).plus(b));
            Vector<F64> loss = y.times(log(p)).sum(1).unaryMinus();
            return new ConvNet(filters, w, b, Params.of(filters, w, b), x, y, p, loss);
        }
    }

    /** Rows of 16 pixels then a one-hot label of 3 classes, from a fixed rule. */
    private static List<NDArray> imageRows(int n) {
        SplittableRandom r = new SplittableRandom(13);
        List<NDArray> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] v = new double[16 + 3];
            double top = 0, left = 0;
            for (int j = 0; j < 16; j++) {
                v[j] = r.nextDouble(-1, 1);
                top += j < 8 ? v[j] : 0;
                left += j % 4 < 2 ? v[j] : 0;
            }
            v[16 + (top > 0.5 ? 0 : left > 0 ? 1 : 2)] = 1;
            rows.add(NDArray.of(v));
        }
        return rows;
    }

    @Test
    void aConvNetRoundTripsAndItsSparkTrainingStepsEqualTheLocalOnes() {
        ConvNet net = ConvNet.build();
        SplittableRandom r = new SplittableRandom(14);
        NDArray xv = random(r, 5, 16);
        NDArray yv = NDArray.zeros(DType.FLOAT64, 5, 3);
        for (int i = 0; i < 5; i++) {
            yv.setDouble(i * 3 + i % 3, 1);
        }
        // the driver's function reads the shared parameters; the rebuilt one takes them as its first inputs
        FunctionRecipe forward = FunctionRecipe.graph(net.params(), List.of(net.x(), net.y()), net.probabilities(),
                net.rowLoss());
        Set<OpKind> seen = EnumSet.noneOf(OpKind.class);
        for (Apply a : Graphs.toposort(forward.build().outputs())) {
            seen.add(a.op().kind());
        }
        assertThat(seen).contains(OpKind.CONV2D, OpKind.POOL2D, OpKind.RESHAPE, OpKind.DOT);
        List<NDArray> want = function(inputs(net.x(), net.y()), outputs(net.probabilities(), net.rowLoss())).callAll(xv, yv);
        List<NDArray> got = Compiled.forward(forward).callAll(net.filters().getValue(), net.w().getValue(),
                net.b().getValue(), xv, yv);
        for (int o = 0; o < 2; o++) {
            assertThat(got.get(o).shape()).containsExactly(want.get(o).shape());
            for (int i = 0; i < want.get(o).size(); i++) {
                assertThat(got.get(o).getDouble(i)).as("output %d [%d]", o, i).isEqualTo(want.get(o).getDouble(i));
            }
        }

        int n = 48;
        int batch = 16;
        long seed = 3;
        List<NDArray> rows = imageRows(n);
        Map<String, NDArray> start = net.params().values();
        // the local loop: the mean loss of each minibatch, plain SGD, the minibatches the trainer draws
        Scalar<F64> meanLoss = net.rowLoss().mean();
        Function step = function(inputs(net.x(), net.y()), outputs(meanLoss), Sgd.of(0.2).minimize(meanLoss, net.params()));
        for (long s = 0; s < BatchOrder.batches(n, batch); s++) {
            List<Integer> idx = SparkTrainerTest.batchRows(n, batch, seed, 0, s);
            double[][] xb = new double[idx.size()][];
            double[][] yb = new double[idx.size()][];
            for (int k = 0; k < idx.size(); k++) {
                double[] v = rows.get(idx.get(k)).toDoubleArray();
                xb[k] = Arrays.copyOfRange(v, 0, 16);
                yb[k] = Arrays.copyOfRange(v, 16, 19);
            }
            step.call(NDArray.of(xb), NDArray.of(yb));
        }
        Map<String, NDArray> expected = net.params().values();

        net.params().setValues(start);
        FunctionRecipe recipe = FunctionRecipe.graph(net.params(), List.of(net.x(), net.y()), net.rowLoss());
        SparkTrainer.Result result = SparkTrainer.of(recipe, net.params(), Sgd.of(0.2)).epochs(1).batchSize(batch)
                .seed(seed).columns(16, 3).fit(LocalSpark.context().parallelize(rows, 2));
        assertThat(result.steps()).isEqualTo(3);
        Map<String, NDArray> trained = net.params().values();
        for (String name : expected.keySet()) {
            NDArray a = expected.get(name);
            NDArray c = trained.get(name);
            assertThat(c).as(name).isNotNull();
            boolean moved = false;
            for (int i = 0; i < a.size(); i++) {
                assertThat(c.getDouble(i)).as("%s[%d]", name, i)
                        .isCloseTo(a.getDouble(i), org.assertj.core.data.Offset.offset(1e-9));
                moved |= a.getDouble(i) != start.get(name).getDouble(i);
            }
            assertThat(moved).as("%s was trained", name).isTrue();
        }
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
