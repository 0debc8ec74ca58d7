package org.symtensor.samples;

import org.symtensor.function.Mode;
import static org.symtensor.T.*;

import org.symtensor.function.Function;
import org.symtensor.error.NanGuardException;
import org.symtensor.print.Printer;
import org.symtensor.function.Mode;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/** The graph optimizer: what a compiled function really runs, the modes, and the NaN guard. */
public final class Optimization {
    private Optimization() {}

    public static void main(String[] args) {
        System.out.println("== Optimization");
        Scalar<F64> x = dscalar("x");
        Scalar<F64> g = grad(x.pow(2), x);
        System.out.println("gradient as written: " + pp(g));
        Function f = function(inputs(x), g);
        System.out.println("gradient as run:     " + f.ppOptimized()); // (2.0 * x)

        Vector<F64> v = dvector("v");
        Function logistic = function(inputs(v), div(1, exp(v.unaryMinus()).plus(1)));
        System.out.println("logistic as run:     " + logistic.ppOptimized()); // sigmoid(v)
        Function softLog = function(inputs(v), log(sigmoid(v)));
        System.out.println("log(sigmoid(v)) as run: " + softLog.ppOptimized() + " = "
                + softLog.call(new double[] {-800}));
        System.out.print(Printer.debugprint(softLog.optimizedOutputs()));

        Function checked = function(inputs(v), log(v).times(2), mode(Mode.DEBUG_MODE));
        System.out.println("DEBUG_MODE result: " + checked.call(new double[] {1, Math.E}));
        Function guarded = function(inputs(v), log(v).times(2), mode(Mode.NAN_GUARD));
        try {
            guarded.call(new double[] {1, -1});
        } catch (NanGuardException e) {
            System.out.println(e.getMessage());
        }
    }
}
