package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.Arrays;
import org.symtensor.function.Function;
import org.symtensor.scan.Scan;
import org.symtensor.scan.ScanResult;
import org.symtensor.scan.TypedScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I64;

/**
 * Theano's tutorial section "Loop": scan for A**k, a polynomial from its coefficients, a sum,
 * Fibonacci with taps, and the Jacobian computed row by row with scan.
 */
public final class Loops {
    private Loops() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        System.out.println("== Loops");
        // A ** k by repeated elementwise multiplication, in the typed form: the step must return the
        // state's own type. Reading the stack only through get(-1) makes the optimizer keep O(1) states, not k
        Vector<F64> a = dvector("A");
        Scalar<I64> k = lscalar("k");
        TypedScanResult<Vector<F64>, Matrix<F64>> power = scan((Vector<F64> prior, Vector<F64> base) -> prior.times(base),
                outputsInfo(onesLike(a)), nonSequences(a), nSteps(k));
        Function aPowK = function(inputs(a, k), power.outputs().get(-1));
        System.out.println("A ** 10 for A = [0..9] = " + aPowK.call(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10L));
        // the same with the builder, whose last() asks for the last state directly
        Vector<F64> viaBuilder = Scan.from(onesLike(a)).nonSequences(a).steps(k).iterate((prior, base) -> prior.times(base)).last();
        System.out.println("A ** 3 for A = [1, 2] = " + function(inputs(a, k), viaBuilder).call(new double[] {1, 2}, 3L));

        // a polynomial: sequences are the coefficients and their powers, x a non-sequence
        Vector<F64> coefficients = dvector("coefficients");
        Scalar<F64> x = dscalar("x");
        ScanResult<Tensor<?>, Tensor<?>> terms = scan(s -> ((Scalar<F64>) s.get(0))
                .times(((Scalar<F64>) s.get(2)).pow(cast((Scalar<I64>) s.get(1), F64.class))),
                sequences(coefficients, arange(10_000)), nonSequences(x));
        Function polynomial = function(inputs(coefficients, x), ((Vector<F64>) terms.output()).sum());
        System.out.println("1 + 0*3 + 2*3^2 = " + polynomial.call(new double[] {1, 0, 2}, 3.0));

        // accumulation into a scalar, typed: the running sum, and its final value
        Vector<F64> v = dvector("v");
        Vector<F64> running = scan((Scalar<F64> entry, Scalar<F64> acc) -> acc.plus(entry),
                sequences(v), outputsInfo(constant(0.0))).outputs();
        Function sum = function(inputs(v), outputs(running, running.get(-1)));
        System.out.println("running sum of [1, 2, 3, 4] and total = " + sum.callAll(new double[] {1, 2, 3, 4}));

        // a typed map: each entry squared, stacked back into a vector
        Vector<F64> squares = scan((Scalar<F64> entry) -> entry.sqr(), sequences(v)).outputs();
        System.out.println("squares of [1, 2, 3] = " + function(inputs(v), squares).call((Object) new double[] {1, 2, 3}));

        // Fibonacci: the output looks two steps back, so its initial value holds the last two values
        org.symtensor.tensor.Vector<I64> init = lvector("init");
        ScanResult<Tensor<?>, Tensor<?>> fib = scan(s -> ((Scalar<I64>) s.get(0)).plus((Scalar<I64>) s.get(1)),
                outputsInfo(taps(init, -2, -1)), nSteps(10));
        System.out.println("Fibonacci after 0, 1 = " + Arrays.toString(function(inputs(init), fib.output())
                .call(new long[] {0, 1}).toLongArray()));

        // the Jacobian with scan, as in the tutorial: one gradient per entry of y
        Vector<F64> xv = dvector("x");
        Vector<F64> y = xv.pow(2);
        ScanResult<Tensor<?>, Tensor<?>> rows = scan(s -> grad(((Vector<F64>) s.get(1)).get((Scalar<?>) s.get(0)),
                (Vector<F64>) s.get(2)), sequences(arange(2)), nonSequences(y, xv));
        System.out.println("jacobian(x ** 2) at [4, 4] with scan = " + function(inputs(xv), rows.output())
                .call((Object) new double[] {4, 4}));

        // ifelse computes only the branch taken; where computes both
        Scalar<F64> p = dscalar("p");
        Scalar<F64> q = dscalar("q");
        Function lazy = function(inputs(p, q), ifelse(p.lt(q), p.times(2), q.times(3)));
        System.out.println("ifelse(1 < 2, 1 * 2, 2 * 3) = " + lazy.call(1.0, 2.0));
    }
}
