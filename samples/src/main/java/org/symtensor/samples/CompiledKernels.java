package org.symtensor.samples;

import static org.symtensor.T.*;

import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;

/**
 * Kernels written at javac time for graphs with products, reductions and transposes: the processor
 * optimizes each method below with the pipeline {@code function()} runs and writes the optimized
 * graph into {@code CompiledKernelsSymbolic} (a nested {@code Kernel} per method), linked once into
 * the runtime's schedule, so a call builds no graph and gives what {@code function()} gives, bit
 * for bit. It prints a logistic-regression prediction and the mean logistic.
 */
public final class CompiledKernels {
    private CompiledKernels() {}

    /** Logistic-regression prediction: {@code sigmoid(x·w + b)}. */
    @SymbolicFunction
    static Vector<F64> predict(Matrix<F64> x, Vector<F64> w, Scalar<F64> b) {
        return sigmoid(x.dot(w).plus(b));
    }

    /** The mean of the logistic function over a matrix. */
    @SymbolicFunction
    static Scalar<F64> meanLogistic(Matrix<F64> x) {
        return mean(div(1, exp(x.unaryMinus()).plus(1)));
    }

    /** Vector · vector. */
    @SymbolicFunction
    static Scalar<F64> dotVV(Vector<F64> a, Vector<F64> b) {
        return a.dot(b);
    }

    /** Matrix · vector. */
    @SymbolicFunction
    static Vector<F64> dotMV(Matrix<F64> a, Vector<F64> b) {
        return a.dot(b);
    }

    /** Vector · matrix. */
    @SymbolicFunction
    static Vector<F64> dotVM(Vector<F64> a, Matrix<F64> b) {
        return a.dot(b);
    }

    /** Matrix · matrix, in float32. */
    @SymbolicFunction
    static Matrix<F32> dotMM(Matrix<F32> a, Matrix<F32> b) {
        return a.dot(b);
    }

    /** Row sums plus the column maxima's sum. */
    @SymbolicFunction
    static Vector<F64> reductions(Matrix<F64> m) {
        return m.sum(1).plus(m.max(0).sum()).plus(m.min());
    }

    /** A transpose inside an elementwise chain. */
    @SymbolicFunction
    static Matrix<F64> transposed(Matrix<F64> m) {
        return exp(m.transpose().times(0.5)).minus(1);
    }

    /** A product feeding a chain that uses it twice and two reductions. */
    @SymbolicFunction
    static Matrix<F32> mixed(Matrix<F32> a, Matrix<F32> b) {
        Matrix<F32> p = a.dot(b);
        return exp(p.minus(p.max())).times(p.mean());
    }

    /** A chain that broadcasts a row over a matrix. */
    @SymbolicFunction
    static Matrix<F64> addRow(Matrix<F64> m, Vector<F64> v) {
        return m.plus(v.dimshuffle("x", 0)).times(2);
    }

    public static void main(String[] args) {
        System.out.println("== Kernels for products and reductions, compiled at javac time");
        double[] p = CompiledKernelsSymbolic.predict().call(new double[][] {{1, 2}, {-1, 0.5}}, new double[] {0.5, -0.25}, 0.1);
        System.out.printf("predict: [%.4f, %.4f]%n", p[0], p[1]);
        System.out.printf("meanLogistic: %.4f%n", CompiledKernelsSymbolic.meanLogistic().call(new double[][] {{0, 1}, {-1, -2}}));
    }
}
