package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.Arrays;
import org.symtensor.SymbolicFunction;
import org.symtensor.scan.Scan;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I32;
import org.symtensor.type.I64;

/**
 * Shared state and loops compiled at javac time: the tutorial's accumulator (a shared variable
 * and an {@code update(...)} statement), one gradient step on a shared weight matrix, and scan for
 * {@code A ** k} with a lambda and with a method reference. It prints what {@link Tutorial} and
 * {@link Loops} print for the same computations.
 */
public final class CompiledStateAndLoops {
    /** The accumulator's state: read in bodies through a javac-time stand-in, the real variable at run time. */
    static final SharedScalar<I32> STATE = shared(0, "state");

    /** Weights updated by {@link #sgdStep}. */
    static final SharedMatrix<F64> W = shared(new double[][] {{1, 2}, {3, 4}}, "W");

    private CompiledStateAndLoops() {}

    /** Returns the old state and adds {@code inc} to it. */
    @SymbolicFunction
    static Scalar<I32> accumulate(Scalar<I32> inc) {
        update(STATE, STATE.plus(inc));
        return STATE;
    }

    /** Returns the old state and subtracts {@code dec}: a second function over the same shared variable. */
    @SymbolicFunction
    static Scalar<I32> decrement(Scalar<I32> dec) {
        update(STATE, STATE.minus(dec));
        return STATE;
    }

    /** One gradient step on {@code sum((W x)^2)} with learning rate 0.1; returns the cost before the step. */
    @SymbolicFunction
    static Scalar<F64> sgdStep(Vector<F64> x) {
        Scalar<F64> cost = W.dot(x).sqr().sum();
        Matrix<F64> gW = grad(cost, W);
        update(W, W.minus(gW.times(0.1)));
        return cost;
    }

    /** {@code A ** k}: scan with a lambda step, keeping only the last state. */
    @SymbolicFunction
    static Vector<F64> power(Vector<F64> a, Scalar<I64> k) {
        return Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate((prior, base) -> prior.times(base)).last();
    }

    /** The step of {@link #powerByReference}, itself a symbolic function. */
    @SymbolicFunction
    static Vector<F64> timesStep(Vector<F64> prior, Vector<F64> base) {
        return prior.times(base);
    }

    /** {@code A ** k} again, the step given as a method reference. */
    @SymbolicFunction
    static Vector<F64> powerByReference(Vector<F64> a, Scalar<I64> k) {
        var r = Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate(CompiledStateAndLoops::timesStep);
        return r.last();
    }

    /** The total of a vector through the general scan: a block lambda over the step's argument list. */
    @SymbolicFunction
    static Scalar<F64> total(Vector<F64> v) {
        var running = scan(s -> {
            var x = (Scalar<F64>) s.get(0);
            return x.plus((Scalar<F64>) s.get(1));
        }, sequences(v), outputsInfo(constant(0.0)));
        return (Scalar<F64>) running.last(0);
    }

    public static void main(String[] args) {
        System.out.println("== Shared state and loops, compiled at javac time");
        STATE.setValue(0);
        System.out.println("accumulate(1) = " + CompiledStateAndLoopsSymbolic.accumulate().call(1));
        System.out.println("accumulate(300) = " + CompiledStateAndLoopsSymbolic.accumulate().call(300));
        System.out.println("state.getValue() = " + STATE.getValue());
        System.out.println("decrement(2) = " + CompiledStateAndLoopsSymbolic.decrement().call(2) + ", state = "
                + STATE.getValue());
        double[] x = {1, 1};
        System.out.println("sgdStep([1, 1]): cost = " + CompiledStateAndLoopsSymbolic.sgdStep().call(x)
                + ", then " + CompiledStateAndLoopsSymbolic.sgdStep().call(x) + "; W = " + W.getValue());
        double[] a = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        System.out.println("A ** 10 for A = [0..9] = "
                + Arrays.toString(CompiledStateAndLoopsSymbolic.power().call(a, 10L)));
        System.out.println("by method reference     = "
                + Arrays.toString(CompiledStateAndLoopsSymbolic.powerByReference().call(a, 10L)));
        System.out.println("total([1, 2, 3, 4]) = " + CompiledStateAndLoopsSymbolic.total().call(new double[] {1, 2, 3, 4}));
    }
}
