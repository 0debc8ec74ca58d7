package test;

import java.util.List;
import javax.annotation.processing.Generated;
import org.symtensor.T;
import org.symtensor.function.Function;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Dot;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.SourceLocation;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.Linker;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The compiled {@code @SymbolicFunction} methods of {@link Tutorial}: graph builders and typed functions.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class TutorialSymbolic {
    private TutorialSymbolic() {
    }

    /**
     * The graph of {@link Tutorial#logistic}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Matrix<F64> logisticGraph(Matrix<F64> x) {
        SourceLocation.at("Tutorial.java", 17, "test.Tutorial.logistic");
        return T.div(1, T.exp(x.unaryMinus()).plus(1));
    }

    /**
     * The compiled {@link Tutorial#logistic}.
     */
    public static LogisticFunction logistic() {
        return LogisticFunction.INSTANCE;
    }

    /**
     * The graph of {@link Tutorial#add}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Scalar<F32> addGraph(Scalar<F32> x, Scalar<F32> y) {
        SourceLocation.at("Tutorial.java", 22, "test.Tutorial.add");
        return x.plus(y);
    }

    /**
     * The compiled {@link Tutorial#add}.
     */
    public static AddFunction add() {
        return AddFunction.INSTANCE;
    }

    /**
     * The graph of {@link Tutorial#stats}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Tutorial.Stats statsGraph(Matrix<F64> m, Vector<F64> v) {
        SourceLocation.at("Tutorial.java", 29, "test.Tutorial.stats");
        Vector<F64> h = m.dot(v);
        SourceLocation.at("Tutorial.java", 30, "test.Tutorial.stats");
        var rows = m.mean(1);
        SourceLocation.at("Tutorial.java", 31, "test.Tutorial.stats");
        return new Tutorial.Stats(T.sum(h).plus(logisticGraph(m).sum()), rows.times((2 * 3)));
    }

    /**
     * The compiled {@link Tutorial#stats}.
     */
    public static StatsFunction stats() {
        return StatsFunction.INSTANCE;
    }

    /**
     * The graph of {@link Tutorial#scale}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Tensor3<F32> scaleGraph(Tensor3<F32> t, Scalar<F32> k) {
        SourceLocation.at("Tutorial.java", 36, "test.Tutorial.scale");
        return t.times(k).plus(-0.5);
    }

    /**
     * The compiled {@link Tutorial#scale}.
     */
    public static ScaleFunction scale() {
        return ScaleFunction.INSTANCE;
    }

    /**
     * {@link Tutorial#logistic}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class LogisticFunction {
        private static final LogisticFunction INSTANCE = new LogisticFunction();

        private LogisticFunction() {
        }

        /**
         * The runtime function of the same graph, built once; inputs are named after the parameters.
         */
        public Function function() {
            return Compiled.FUNCTION;
        }

        /**
         * Calls with arrays; arguments of other dtypes are converted under Theano's rules.
         */
        public NDArray call(NDArray x) {
            if (x.dtype() == DType.FLOAT64 && x.rank() == 2
                    && Kernel.LINKED != null) {
                return Kernel.LINKED.call(x);
            }
            return function().call(new Object[] {x});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public double[][] call(double[][] x) {
            return call(NDArray.of(x)).toDoubleMatrix();
        }

        /**
         * The optimized graph of {@link Tutorial#logistic}, written at javac time by the pipeline that
         * {@code function()} runs, and linked once into the runtime's schedule.
         */
        private static final class Kernel {
            static final Linker.Linked LINKED = link();

            private Kernel() {
            }

            private static Linker.Linked link() {
                Variable x = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "x");
                SourceLocation.at("Tutorial.java", 17, "test.Tutorial.logistic");
                Variable n0_ = Apply.output(Elemwise.of(ScalarOp.SIGMOID), x);
                return Linker.link(List.of(x), List.of(n0_), T.compileOptions());
            }
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Matrix<F64> x = new Matrix<>(new Variable(TensorType.ofRank(DType.FLOAT64, 2), "x"));
                return T.function(T.inputs(x), logisticGraph(x));
            }
        }
    }

    /**
     * {@link Tutorial#add}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class AddFunction {
        private static final AddFunction INSTANCE = new AddFunction();

        private AddFunction() {
        }

        /**
         * The runtime function of the same graph, built once; inputs are named after the parameters.
         */
        public Function function() {
            return Compiled.FUNCTION;
        }

        /**
         * Calls with arrays; arguments of other dtypes are converted under Theano's rules.
         */
        public NDArray call(NDArray x, NDArray y) {
            if (x.dtype() == DType.FLOAT32 && x.rank() == 0
                    && y.dtype() == DType.FLOAT32 && y.rank() == 0
                    && Kernel.LINKED != null) {
                return Kernel.LINKED.call(x, y);
            }
            return function().call(new Object[] {x, y});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public float call(float x, float y) {
            return call(NDArray.of(x), NDArray.of(y)).toFloat();
        }

        /**
         * Calls with the trailing parameters at their {@code @Default} values.
         */
        public float call(float x) {
            return call(x, 1.0f);
        }

        /**
         * The optimized graph of {@link Tutorial#add}, written at javac time by the pipeline that
         * {@code function()} runs, and linked once into the runtime's schedule.
         */
        private static final class Kernel {
            static final Linker.Linked LINKED = link();

            private Kernel() {
            }

            private static Linker.Linked link() {
                Variable x = new Variable(TensorType.ofRank(DType.FLOAT32, 0), "x");
                Variable y = new Variable(TensorType.ofRank(DType.FLOAT32, 0), "y");
                SourceLocation.at("Tutorial.java", 22, "test.Tutorial.add");
                Variable n0_ = Apply.output(Elemwise.of(ScalarOp.ADD), x, y);
                return Linker.link(List.of(x, y), List.of(n0_), T.compileOptions());
            }
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Scalar<F32> x = new Scalar<>(new Variable(TensorType.ofRank(DType.FLOAT32, 0), "x"));
                Scalar<F32> y = new Scalar<>(new Variable(TensorType.ofRank(DType.FLOAT32, 0), "y"));
                return T.function(T.inputs(x, T.in(y).withDefault(1.0f)), addGraph(x, y));
            }
        }
    }

    /**
     * {@link Tutorial#stats}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class StatsFunction {
        private static final StatsFunction INSTANCE = new StatsFunction();

        private StatsFunction() {
        }

        /**
         * The runtime function of the same graph, built once; inputs are named after the parameters.
         */
        public Function function() {
            return Compiled.FUNCTION;
        }

        /**
         * Calls with arrays; arguments of other dtypes are converted under Theano's rules.
         */
        public List<NDArray> call(NDArray m, NDArray v) {
            if (m.dtype() == DType.FLOAT64 && m.rank() == 2
                    && v.dtype() == DType.FLOAT64 && v.rank() == 1
                    && Kernel.LINKED != null) {
                return Kernel.LINKED.callAll(m, v);
            }
            return function().callAll(new Object[] {m, v});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public Values call(double[][] m, double[] v) {
            List<NDArray> r = call(NDArray.of(m), NDArray.of(v));
            return new Values(r.get(0).toDouble(), r.get(1).toDoubleArray());
        }

        /**
         * The values of {@link Tutorial.Stats}'s components after a call.
         */
        public static record Values(double total, double[] rowMeans) {
        }

        /**
         * The optimized graph of {@link Tutorial#stats}, written at javac time by the pipeline that
         * {@code function()} runs, and linked once into the runtime's schedule.
         */
        private static final class Kernel {
            static final Linker.Linked LINKED = link();

            private Kernel() {
            }

            private static Linker.Linked link() {
                Variable m = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "m");
                Variable v = new Variable(TensorType.ofRank(DType.FLOAT64, 1), "v");
                Variable c0_ = new Constant(NDArray.wrap(DType.FLOAT64, new int[] {}, new double[] {6.0}));
                SourceLocation.at("Tutorial.java", 29, "test.Tutorial.stats");
                Variable n1_ = Apply.output(Dot.INSTANCE, m, v);
                SourceLocation.at("Tutorial.java", 31, "test.Tutorial.stats");
                Variable n2_ = Apply.output(Reduce.of(Reduce.Kind.SUM, null), n1_);
                Variable n3_ = Apply.output(Composite.program(List.of(DType.FLOAT64), List.of(), List.of(
                                Composite.Step.of(Elemwise.of(ScalarOp.SIGMOID), DType.FLOAT64, 0))).withReduce(Reduce.of(Reduce.Kind.SUM, null)), m);
                Variable n4_ = Apply.output(Elemwise.of(ScalarOp.ADD), n2_, n3_);
                SourceLocation.at("Tutorial.java", 30, "test.Tutorial.stats");
                Variable n5_ = Apply.output(Reduce.of(Reduce.Kind.MEAN, new int[] {1}), m);
                SourceLocation.at("Tutorial.java", 31, "test.Tutorial.stats");
                Variable n6_ = Apply.output(DimShuffle.of(-1), c0_);
                Variable n7_ = Apply.output(Elemwise.of(ScalarOp.MUL), n5_, n6_);
                return Linker.link(List.of(m, v), List.of(n4_, n7_), T.compileOptions());
            }
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Matrix<F64> m = new Matrix<>(new Variable(TensorType.ofRank(DType.FLOAT64, 2), "m"));
                Vector<F64> v = new Vector<>(new Variable(TensorType.ofRank(DType.FLOAT64, 1), "v"));
                Tutorial.Stats r = statsGraph(m, v);
                return T.function(T.inputs(m, v), T.outputs(r.total(), r.rowMeans()));
            }
        }
    }

    /**
     * {@link Tutorial#scale}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class ScaleFunction {
        private static final ScaleFunction INSTANCE = new ScaleFunction();

        private ScaleFunction() {
        }

        /**
         * The runtime function of the same graph, built once; inputs are named after the parameters.
         */
        public Function function() {
            return Compiled.FUNCTION;
        }

        /**
         * Calls with arrays; arguments of other dtypes are converted under Theano's rules.
         */
        public NDArray call(NDArray t, NDArray k) {
            if (t.dtype() == DType.FLOAT32 && t.rank() == 3
                    && k.dtype() == DType.FLOAT32 && k.rank() == 0
                    && Kernel.LINKED != null) {
                return Kernel.LINKED.call(t, k);
            }
            return function().call(new Object[] {t, k});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public NDArray call(NDArray t, float k) {
            return call(t, NDArray.of(k));
        }

        /**
         * The optimized graph of {@link Tutorial#scale}, written at javac time by the pipeline that
         * {@code function()} runs, and linked once into the runtime's schedule.
         */
        private static final class Kernel {
            static final Linker.Linked LINKED = link();

            private Kernel() {
            }

            private static Linker.Linked link() {
                Variable t = new Variable(TensorType.ofRank(DType.FLOAT32, 3), "t");
                Variable k = new Variable(TensorType.ofRank(DType.FLOAT32, 0), "k");
                SourceLocation.at("Tutorial.java", 36, "test.Tutorial.scale");
                Variable n0_ = Apply.output(DimShuffle.of(-1, -1, -1), k);
                Variable n1_ = Apply.output(Composite.program(List.of(DType.FLOAT32, DType.FLOAT32), List.of(NDArray.wrap(DType.FLOAT32, new int[] {}, new float[] {-0.5f})), List.of(
                                Composite.Step.of(Elemwise.of(ScalarOp.MUL), DType.FLOAT32, 0, 1),
                                Composite.Step.of(Elemwise.of(ScalarOp.ADD), DType.FLOAT32, 3, 2))), t, n0_);
                return Linker.link(List.of(t, k), List.of(n1_), T.compileOptions());
            }
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Tensor3<F32> t = new Tensor3<>(new Variable(TensorType.ofRank(DType.FLOAT32, 3), "t"));
                Scalar<F32> k = new Scalar<>(new Variable(TensorType.ofRank(DType.FLOAT32, 0), "k"));
                return T.function(T.inputs(t, k), scaleGraph(t, k));
            }
        }
    }
}
