package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.List;
import java.util.Map;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;

/**
 * The first half of Theano's tutorial, line for line, with Symtensor's dynamic API: basic algebra,
 * the logistic function, default values and shared variables. Run it with the README's first command.
 */
public final class Tutorial {
    private Tutorial() {}

    public static void main(String[] args) {
        basicAlgebra();
        logisticFunction();
        defaultValue();
        sharedVariables();
    }

    /** "Baby steps - algebra": adding two scalars, then two matrices. */
    static void basicAlgebra() {
        System.out.println("== Basic algebra");
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> z = x.plus(y);
        System.out.println("pp(z) = " + pp(z));
        Function f = function(inputs(x, y), z);
        System.out.println("f(2, 3) = " + f.call(2.0, 3.0));
        System.out.println("f(16.3, 12.1) = " + f.call(16.3, 12.1));
        System.out.println("z.eval({x: 16.3, y: 12.1}) = " + z.eval(Map.of(x, 16.3, y, 12.1)));

        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");
        Function g = function(inputs(a, b), a.plus(b));
        System.out.println("g([[1, 2], [3, 4]], [[10, 20], [30, 40]]) = "
                + g.call(new double[][] {{1, 2}, {3, 4}}, new double[][] {{10, 20}, {30, 40}}));
    }

    /** "More examples - logistic function": two equivalent forms, elementwise over a matrix. */
    static void logisticFunction() {
        System.out.println("== Logistic function");
        Matrix<F64> x = dmatrix("x");
        Matrix<F64> s = div(1, exp(x.unaryMinus()).plus(1));
        Function logistic = function(inputs(x), s);
        double[][] data = {{0, 1}, {-1, -2}};
        System.out.println("logistic([[0, 1], [-1, -2]]) = " + logistic.call((Object) data));
        Matrix<F64> s2 = tanh(x.div(2)).plus(1).div(2);
        Function logistic2 = function(inputs(x), s2);
        System.out.println("(1 + tanh(x / 2)) / 2     = " + logistic2.call((Object) data));

        Matrix<F64> a = dmatrix("a");
        Matrix<F64> b = dmatrix("b");
        Matrix<F64> diff = a.minus(b);
        Function f = function(inputs(a, b), outputs(diff, diff.abs(), diff.sqr()));
        List<?> r = f.callAll(new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 1}, {2, 3}});
        System.out.println("diff, |diff|, diff^2 = " + r);
    }

    /** "Setting a default value for an argument". */
    static void defaultValue() {
        System.out.println("== Default values");
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Function f = function(inputs(x, in(y).withDefault(1)), x.plus(y));
        System.out.println("f(10) = " + f.call(10f));
        System.out.println("f(10, 2) = " + f.call(10f, 2f));
        Scalar<F32> w = fscalar("w");
        Function g = function(inputs(x, in(y).withDefault(1), in(w).withDefault(2).named("w_by_name")),
                x.plus(y).times(w));
        System.out.println("g(33) = " + g.call(33f));
        System.out.println("g(33, 2) = " + g.call(33f, 2f));
        System.out.println("g(33, w_by_name=1) = " + g.call(Map.of("w_by_name", 1f), 33f));
        System.out.println("g(33, w_by_name=1, y=0) = " + g.call(Map.of("w_by_name", 1f, "y", 0f), 33f));
    }

    /** "Using shared variables": an accumulator, then givens. */
    static void sharedVariables() {
        System.out.println("== Shared variables");
        SharedScalar<I32> state = shared(0, "state");
        Scalar<I32> inc = iscalar("inc");
        Function accumulator = function(inputs(inc), state, updates(update(state, state.plus(inc))));
        System.out.println("accumulator(1) = " + accumulator.call(1));
        System.out.println("accumulator(300) = " + accumulator.call(300));
        System.out.println("state.getValue() = " + state.getValue());
        state.setValue(-1);
        System.out.println("after state.setValue(-1): accumulator(3) = " + accumulator.call(3));
        System.out.println("state.getValue() = " + state.getValue());

        Function decrementor = function(inputs(inc), state, updates(update(state, state.minus(inc))));
        System.out.println("decrementor(2) = " + decrementor.call(2) + ", state = " + state.getValue());

        Scalar<I32> foo = scalar(I32.class, "foo");
        Scalar<I32> fn = state.times(2).plus(inc);
        Function skipShared = function(inputs(inc, foo), fn, givens(given(state, foo)));
        System.out.println("skipShared(1, 3) = " + skipShared.call(1, 3) + " (state is still " + state.getValue() + ")");
    }
}
