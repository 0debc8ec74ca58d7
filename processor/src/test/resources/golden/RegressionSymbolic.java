package test;

import java.util.List;
import javax.annotation.processing.Generated;
import org.symtensor.T;
import org.symtensor.function.Function;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
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
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The compiled {@code @SymbolicFunction} methods of {@link Regression}: graph builders and typed functions.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class RegressionSymbolic {
    private RegressionSymbolic() {
    }

    /**
     * The graph of {@link Regression#predict}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Vector<F64> predictGraph(Matrix<F64> x, Vector<F64> w, Scalar<F64> b) {
        SourceLocation.at("Regression.java", 14, "test.Regression.predict");
        return T.sigmoid(x.dot(w).plus(b));
    }

    /**
     * The compiled {@link Regression#predict}.
     */
    public static PredictFunction predict() {
        return PredictFunction.INSTANCE;
    }

    /**
     * The graph of {@link Regression#meanLogistic}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Scalar<F64> meanLogisticGraph(Matrix<F64> x) {
        SourceLocation.at("Regression.java", 19, "test.Regression.meanLogistic");
        return T.mean(T.div(1, T.exp(x.unaryMinus()).plus(1)));
    }

    /**
     * The compiled {@link Regression#meanLogistic}.
     */
    public static MeanLogisticFunction meanLogistic() {
        return MeanLogisticFunction.INSTANCE;
    }

    /**
     * {@link Regression#predict}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class PredictFunction {
        private static final PredictFunction INSTANCE = new PredictFunction();

        private PredictFunction() {
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
        public NDArray call(NDArray x, NDArray w, NDArray b) {
            if (x.dtype() == DType.FLOAT64 && x.rank() == 2
                    && w.dtype() == DType.FLOAT64 && w.rank() == 1
                    && b.dtype() == DType.FLOAT64 && b.rank() == 0
                    && Kernel.LINKED != null) {
                return Kernel.LINKED.call(x, w, b);
            }
            return function().call(new Object[] {x, w, b});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public double[] call(double[][] x, double[] w, double b) {
            return call(NDArray.of(x), NDArray.of(w), NDArray.of(b)).toDoubleArray();
        }

        /**
         * The optimized graph of {@link Regression#predict}, written at javac time by the pipeline that
         * {@code function()} runs, and linked once into the runtime's schedule.
         */
        private static final class Kernel {
            static final Linker.Linked LINKED = link();

            private Kernel() {
            }

            private static Linker.Linked link() {
                Variable x = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "x");
                Variable w = new Variable(TensorType.ofRank(DType.FLOAT64, 1), "w");
                Variable b = new Variable(TensorType.ofRank(DType.FLOAT64, 0), "b");
                SourceLocation.at("Regression.java", 14, "test.Regression.predict");
                Variable n0_ = Apply.output(Dot.INSTANCE, x, w);
                Variable n1_ = Apply.output(DimShuffle.of(-1), b);
                Variable n2_ = Apply.output(Composite.program(List.of(DType.FLOAT64, DType.FLOAT64), List.of(), List.of(
                                Composite.Step.of(Elemwise.of(ScalarOp.ADD), DType.FLOAT64, 0, 1),
                                Composite.Step.of(Elemwise.of(ScalarOp.SIGMOID), DType.FLOAT64, 2))), n0_, n1_);
                return Linker.link(List.of(x, w, b), List.of(n2_), T.compileOptions());
            }
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Matrix<F64> x = new Matrix<>(new Variable(TensorType.ofRank(DType.FLOAT64, 2), "x"));
                Vector<F64> w = new Vector<>(new Variable(TensorType.ofRank(DType.FLOAT64, 1), "w"));
                Scalar<F64> b = new Scalar<>(new Variable(TensorType.ofRank(DType.FLOAT64, 0), "b"));
                return T.function(T.inputs(x, w, b), predictGraph(x, w, b));
            }
        }
    }

    /**
     * {@link Regression#meanLogistic}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class MeanLogisticFunction {
        private static final MeanLogisticFunction INSTANCE = new MeanLogisticFunction();

        private MeanLogisticFunction() {
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
        public double call(double[][] x) {
            return call(NDArray.of(x)).toDouble();
        }

        /**
         * The optimized graph of {@link Regression#meanLogistic}, written at javac time by the pipeline that
         * {@code function()} runs, and linked once into the runtime's schedule.
         */
        private static final class Kernel {
            static final Linker.Linked LINKED = link();

            private Kernel() {
            }

            private static Linker.Linked link() {
                Variable x = new Variable(TensorType.ofRank(DType.FLOAT64, 2), "x");
                SourceLocation.at("Regression.java", 19, "test.Regression.meanLogistic");
                Variable n0_ = Apply.output(Composite.program(List.of(DType.FLOAT64), List.of(), List.of(
                                Composite.Step.of(Elemwise.of(ScalarOp.SIGMOID), DType.FLOAT64, 0))).withReduce(Reduce.of(Reduce.Kind.MEAN, null)), x);
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
                return T.function(T.inputs(x), meanLogisticGraph(x));
            }
        }
    }
}
