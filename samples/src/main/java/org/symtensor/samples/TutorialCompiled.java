package org.symtensor.samples;

import static org.symtensor.T.*;

import java.util.Map;
import org.symtensor.Default;
import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/**
 * The tutorial again, compiled at javac time: each {@code @SymbolicFunction} below becomes a graph
 * builder and a typed function in the generated {@code TutorialCompiledSymbolic}, and the
 * elementwise ones a loop in a generated kernel class. It prints what {@link Tutorial} prints.
 */
public final class TutorialCompiled {
    private TutorialCompiled() {}

    /** Adding two scalars. */
    @SymbolicFunction
    static Scalar<F64> addScalars(Scalar<F64> x, Scalar<F64> y) {
        return x.plus(y);
    }

    /** Adding two matrices. */
    @SymbolicFunction
    static Matrix<F64> addMatrices(Matrix<F64> a, Matrix<F64> b) {
        return a.plus(b);
    }

    /** The logistic function {@code 1 / (1 + e^-x)}, elementwise. */
    @SymbolicFunction
    static Matrix<F64> logistic(Matrix<F64> x) {
        return div(1, exp(x.unaryMinus()).plus(1));
    }

    /** The same function through tanh: {@code (1 + tanh(x / 2)) / 2}. */
    @SymbolicFunction
    static Matrix<F64> logistic2(Matrix<F64> x) {
        var half = x.div(2);
        return tanh(half).plus(1).div(2);
    }

    /** Several outputs: a record of handles. */
    record Differences(Matrix<F64> diff, Matrix<F64> absDiff, Matrix<F64> sqrDiff) {}

    @SymbolicFunction
    static Differences differences(Matrix<F64> a, Matrix<F64> b) {
        Matrix<F64> diff = a.minus(b);
        return new Differences(diff, diff.abs(), diff.sqr());
    }

    /** A default value: y is 1 when left out. */
    @SymbolicFunction
    static Scalar<F32> add(Scalar<F32> x, @Default("1") Scalar<F32> y) {
        return x.plus(y);
    }

    /** Two defaults; {@code w} can also be passed by name through {@code function()}. */
    @SymbolicFunction
    static Scalar<F32> addTimes(Scalar<F32> x, @Default("1") Scalar<F32> y, @Default("2") Scalar<F32> w) {
        return x.plus(y).times(w);
    }

    /** A product and a reduction run through the runtime's compiled function; calls reuse other symbolic methods. */
    @SymbolicFunction
    static Scalar<F64> meanLogistic(Matrix<F64> w, Vector<F64> v) {
        Vector<F64> h = w.dot(v);
        return sum(h.sqr()).plus(logistic(w).mean());
    }

    /** A derivative in a body: {@code d(x^2)/dx}, built by grad at javac time. */
    @SymbolicFunction
    static Scalar<F64> gradSquare(Scalar<F64> x) {
        return grad(x.pow(2), x);
    }

    /** The gradient of {@code sum(logistic(x))}, reusing the symbolic logistic above. */
    @SymbolicFunction
    static Matrix<F64> gradLogistic(Matrix<F64> x) {
        return grad(logistic(x).sum(), x);
    }

    public static void main(String[] args) {
        System.out.println("== Compiled at javac time");
        System.out.println("addScalars(2, 3) = " + TutorialCompiledSymbolic.addScalars().call(2.0, 3.0));
        System.out.println("addScalars(16.3, 12.1) = " + TutorialCompiledSymbolic.addScalars().call(16.3, 12.1));
        double[][] sum = TutorialCompiledSymbolic.addMatrices().call(new double[][] {{1, 2}, {3, 4}},
                new double[][] {{10, 20}, {30, 40}});
        System.out.println("addMatrices([[1, 2], [3, 4]], [[10, 20], [30, 40]]) = " + NDArray.of(sum));
        double[][] data = {{0, 1}, {-1, -2}};
        System.out.println("logistic([[0, 1], [-1, -2]]) = "
                + NDArray.of(TutorialCompiledSymbolic.logistic().call(data)));
        System.out.println("(1 + tanh(x / 2)) / 2     = "
                + NDArray.of(TutorialCompiledSymbolic.logistic2().call(data)));
        System.out.println("pp(logisticGraph(x)) = " + pp(TutorialCompiledSymbolic.logisticGraph(dmatrix("x"))));
        TutorialCompiledSymbolic.DifferencesFunction.Values d = TutorialCompiledSymbolic.differences()
                .call(new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 1}, {2, 3}});
        System.out.println("diff, |diff|, diff^2 = " + NDArray.of(d.diff()) + ", "
                + NDArray.of(d.absDiff()) + ", " + NDArray.of(d.sqrDiff()));
        System.out.println("add(10) = " + TutorialCompiledSymbolic.add().call(10f));
        System.out.println("add(10, 2) = " + TutorialCompiledSymbolic.add().call(10f, 2f));
        System.out.println("addTimes(33) = " + TutorialCompiledSymbolic.addTimes().call(33f));
        System.out.println("addTimes(33, 2) = " + TutorialCompiledSymbolic.addTimes().call(33f, 2f));
        System.out.println("addTimes(33, w=1) = "
                + TutorialCompiledSymbolic.addTimes().function().call(Map.of("w", 1f), 33f));
        System.out.println("meanLogistic([[1, 0], [0, 1]], [1, 2]) = " + TutorialCompiledSymbolic.meanLogistic()
                .call(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 2}));
        System.out.println("d(x^2)/dx at 4 = " + TutorialCompiledSymbolic.gradSquare().call(4.0));
        System.out.println("d(x^2)/dx at 94.2 = " + TutorialCompiledSymbolic.gradSquare().call(94.2));
        System.out.println("grad of sum(logistic(x)) at [[0, 1], [-1, -2]] = "
                + NDArray.of(TutorialCompiledSymbolic.gradLogistic().call(data)));
    }
}
