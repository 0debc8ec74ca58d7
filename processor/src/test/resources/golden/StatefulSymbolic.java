package test;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;
import org.symtensor.T;
import org.symtensor.function.Function;
import org.symtensor.function.Update;
import org.symtensor.function.Updates;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.SourceLocation;
import org.symtensor.ir.Variable;
import org.symtensor.runtime.Linker;
import org.symtensor.scan.Scan;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The compiled {@code @SymbolicFunction} methods of {@link Stateful}: graph builders and typed functions.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class StatefulSymbolic {
    private StatefulSymbolic() {
    }

    /**
     * The graph of {@link Stateful#accumulate}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     * Each {@code update(...)} of the body is added to {@code updates}; pass them to {@code function}.
     */
    public static Scalar<I32> accumulateGraph(Scalar<I32> inc, List<Update> updates) {
        SourceLocation.at("Stateful.java", 19, "test.Stateful.accumulate");
        updates.add(T.update(Stateful.STATE, Stateful.STATE.plus(inc)));
        SourceLocation.at("Stateful.java", 20, "test.Stateful.accumulate");
        return Stateful.STATE;
    }

    /**
     * The compiled {@link Stateful#accumulate}.
     */
    public static AccumulateFunction accumulate() {
        return AccumulateFunction.INSTANCE;
    }

    /**
     * The graph of {@link Stateful#times}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Vector<F64> timesGraph(Vector<F64> p, Vector<F64> q) {
        SourceLocation.at("Stateful.java", 25, "test.Stateful.times");
        return p.times(q);
    }

    /**
     * The compiled {@link Stateful#times}.
     */
    public static TimesFunction times() {
        return TimesFunction.INSTANCE;
    }

    /**
     * The graph of {@link Stateful#power}: its body's DSL calls, for {@code pp}, {@code grad} and other backends.
     */
    public static Vector<F64> powerGraph(Vector<F64> a, Scalar<I64> k) {
        SourceLocation.at("Stateful.java", 30, "test.Stateful.power");
        var byLambda = Scan.from(T.onesLike(a)).nonSequences(a).steps(k).iterate((prior, b) -> {
                    var next = prior.times(b);
                    return next;
                });
        SourceLocation.at("Stateful.java", 34, "test.Stateful.power");
        return byLambda.last().plus(Scan.from(T.onesLike(a)).nonSequences(a).steps(k).iterate(StatefulSymbolic::timesGraph).last());
    }

    /**
     * The compiled {@link Stateful#power}.
     */
    public static PowerFunction power() {
        return PowerFunction.INSTANCE;
    }

    /**
     * {@link Stateful#accumulate}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class AccumulateFunction {
        private static final AccumulateFunction INSTANCE = new AccumulateFunction();

        private AccumulateFunction() {
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
        public NDArray call(NDArray inc) {
            return function().call(new Object[] {inc});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public int call(int inc) {
            return call(NDArray.of(inc)).toInt();
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Scalar<I32> inc = new Scalar<>(new Variable(TensorType.ofRank(DType.INT32, 0), "inc"));
                List<Update> updates = new ArrayList<>();
                Scalar<I32> out = accumulateGraph(inc, updates);
                return T.function(T.inputs(inc), out, Updates.of(updates));
            }
        }
    }

    /**
     * {@link Stateful#times}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class TimesFunction {
        private static final TimesFunction INSTANCE = new TimesFunction();

        private TimesFunction() {
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
        public NDArray call(NDArray p, NDArray q) {
            if (p.dtype() == DType.FLOAT64 && p.rank() == 1
                    && q.dtype() == DType.FLOAT64 && q.rank() == 1
                    && Kernel.LINKED != null) {
                return Kernel.LINKED.call(p, q);
            }
            return function().call(new Object[] {p, q});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public double[] call(double[] p, double[] q) {
            return call(NDArray.of(p), NDArray.of(q)).toDoubleArray();
        }

        /**
         * The optimized graph of {@link Stateful#times}, written at javac time by the pipeline that
         * {@code function()} runs, and linked once into the runtime's schedule.
         */
        private static final class Kernel {
            static final Linker.Linked LINKED = link();

            private Kernel() {
            }

            private static Linker.Linked link() {
                Variable p = new Variable(TensorType.ofRank(DType.FLOAT64, 1), "p");
                Variable q = new Variable(TensorType.ofRank(DType.FLOAT64, 1), "q");
                SourceLocation.at("Stateful.java", 25, "test.Stateful.times");
                Variable n0_ = Apply.output(Elemwise.of(ScalarOp.MUL), p, q);
                return Linker.link(List.of(p, q), List.of(n0_), T.compileOptions());
            }
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Vector<F64> p = new Vector<>(new Variable(TensorType.ofRank(DType.FLOAT64, 1), "p"));
                Vector<F64> q = new Vector<>(new Variable(TensorType.ofRank(DType.FLOAT64, 1), "q"));
                return T.function(T.inputs(p, q), timesGraph(p, q));
            }
        }
    }

    /**
     * {@link Stateful#power}, compiled: typed calls, and the runtime {@link Function} for keyword calls.
     */
    public static final class PowerFunction {
        private static final PowerFunction INSTANCE = new PowerFunction();

        private PowerFunction() {
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
        public NDArray call(NDArray a, NDArray k) {
            return function().call(new Object[] {a, k});
        }

        /**
         * Calls with plain Java values of the declared dtypes and ranks.
         */
        public double[] call(double[] a, long k) {
            return call(NDArray.of(a), NDArray.of(k)).toDoubleArray();
        }

        /**
         * Holds the runtime function: built when first needed, then reused by every call.
         */
        private static final class Compiled {
            static final Function FUNCTION = build();

            private static Function build() {
                Vector<F64> a = new Vector<>(new Variable(TensorType.ofRank(DType.FLOAT64, 1), "a"));
                Scalar<I64> k = new Scalar<>(new Variable(TensorType.ofRank(DType.INT64, 0), "k"));
                return T.function(T.inputs(a, k), powerGraph(a, k));
            }
        }
    }
}
