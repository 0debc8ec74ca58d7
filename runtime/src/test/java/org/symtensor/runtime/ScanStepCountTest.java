package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.TypeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.scan.Scan;
import org.symtensor.scan.ScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I64;

/**
 * How many steps a scan runs, and the errors when that number is wrong: {@code nSteps} beyond a
 * sequence fails when the function is called (PyTensor raises there too, naming the sequence; it
 * never silently runs fewer steps), a negative or non-integer {@code nSteps} fails, and a stacked
 * output too large for a Java array fails before anything is allocated.
 */
@SuppressWarnings("unchecked") // the list form of scan hands the step untyped handles
class ScanStepCountTest {
    private static ScanResult<Tensor<?>, Tensor<?>> doubled(Tensor<?> sequence, Object steps) {
        return scan(a -> ((Scalar<F64>) a.get(0)).times(2), sequences(sequence),
                steps instanceof Scalar<?> k ? nSteps(k) : nSteps((Long) steps));
    }

    @Test
    void nStepsLargerThanTheSequence_isAnErrorAtCallTime_namingNStepsTheSequenceAndItsLength() {
        Vector<F64> xs = dvector("xs");
        Function f = function(inputs(xs), doubled(xs, 10L).output());
        assertThatThrownBy(() -> f.call(new double[] {1, 2, 3, 4})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("nSteps is 10").hasMessageContaining("sequence 0 'xs'")
                .hasMessageContaining("length 4");
    }

    @Test
    void symbolicNSteps_upToTheSequenceLength_runsThatManySteps_beyondIsAnError() {
        Vector<F64> xs = dvector("xs");
        Scalar<I64> k = lscalar("k");
        Function f = function(inputs(xs, k), doubled(xs, k).output());
        double[] x = {1, 2, 3, 4};
        assertThat(f.call(x, 3L).toDoubleArray()).containsExactly(2, 4, 6);
        assertThat(f.call(x, 4L).toDoubleArray()).containsExactly(2, 4, 6, 8);
        assertThat(f.call(x, 0L).toDoubleArray()).isEmpty();
        assertThatThrownBy(() -> f.call(x, 5L)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("nSteps is 5").hasMessageContaining("xs").hasMessageContaining("length 4");
    }

    @Test
    void nStepsBeyondWhatTheSequenceTapsAllow_isAnError_namingTheTapSpan() {
        Vector<F64> xs = dvector("xs");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> ((Scalar<F64>) a.get(0)).minus((Scalar<F64>) a.get(1)),
                sequences(taps(xs, 1, -1)), nSteps(4));
        Function f = function(inputs(xs), r.output());
        assertThatThrownBy(() -> f.call(new double[] {1, 2, 3, 4, 5})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("nSteps is 4").hasMessageContaining("xs").hasMessageContaining("length 5")
                .hasMessageContaining("span 2").hasMessageContaining("enough for 3 steps");
        assertThat(function(inputs(xs), scan(a -> ((Scalar<F64>) a.get(0)).minus((Scalar<F64>) a.get(1)),
                sequences(taps(xs, 1, -1)), nSteps(3)).output()).call(new double[] {1, 2, 4, 8, 16}).toDoubleArray())
                .containsExactly(3, 6, 12);
    }

    @Test
    void nStepsLargerThanAReversedSequence_namesTheUsersSequence() {
        Vector<F64> xs = dvector("xs");
        ScanResult<Tensor<?>, Tensor<?>> r = scan(a -> ((Scalar<F64>) a.get(0)).times(2), sequences(xs), nSteps(3),
                goBackwards());
        Function f = function(inputs(xs), r.output());
        assertThatThrownBy(() -> f.call(new double[] {1, 2})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("xs").hasMessageContaining("length 2");
    }

    @Test
    void negativeConstantNSteps_isAnInvalidValueWhenTheLoopIsBuilt() {
        Scalar<F64> x0 = dscalar("x0");
        assertThatThrownBy(() -> scan(a -> ((Scalar<F64>) a.get(0)).times(2), outputsInfo(x0), nSteps(-3)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("nSteps is -3");
    }

    @Test
    void negativeSymbolicNSteps_isAnInvalidValueAtCallTime_evenMinusOne_andWithSequences() {
        Vector<F64> xs = dvector("xs");
        Scalar<I64> k = lscalar("k");
        Function f = function(inputs(xs, k), doubled(xs, k).output());
        assertThatThrownBy(() -> f.call(new double[] {1, 2}, -1L)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("nSteps is -1");
    }

    @Test
    void floatNSteps_isATypeErrorWhenTheLoopIsBuilt_namingTheArgument() {
        Scalar<F64> x0 = dscalar("x0");
        Scalar<F32> n = fscalar("n");
        assertThatThrownBy(() -> scan(a -> ((Scalar<F64>) a.get(0)).times(2), outputsInfo(x0), nSteps(n)))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("nSteps").hasMessageContaining("n")
                .hasMessageContaining("float32");
        assertThatThrownBy(() -> scan((Scalar<F64> x) -> x.times(2), outputsInfo(x0), nSteps(n)))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("nSteps");
        assertThatThrownBy(() -> Scan.from(x0).steps(n).iterate(x -> x.times(2)))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("nSteps");
    }

    @Test
    void nStepsOfMaxIntKeepingEveryStep_isAShapeErrorBeforeAllocating_notAnOutOfMemoryError() {
        Scalar<F64> x0 = dscalar("x0");
        Function scalarLoop = function(inputs(x0), scan((Scalar<F64> x) -> x.times(2), outputsInfo(x0),
                nSteps(Integer.MAX_VALUE)).outputs());
        assertThatThrownBy(() -> scalarLoop.call(1.0)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2147483648 rows").hasMessageContaining("2147483647");

        Vector<F64> v0 = dvector("v0");
        Function vectorLoop = function(inputs(v0), scan((Vector<F64> v) -> v.times(2), outputsInfo(v0),
                nSteps(1_000_000_000)).outputs());
        assertThatThrownBy(() -> vectorLoop.call(new double[] {1, 2, 3})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("(1000000001, 3)").hasMessageContaining("3000000003 elements")
                .hasMessageContaining("2147483647");
    }

    @Test
    void nStepsBeyondTwoToThe31_keepingOnlyTheLast_isAnInvalidValue_notATruncatedLoop() {
        Matrix<F64> m0 = dmatrix("m0");
        Function f = function(inputs(m0), Scan.from(m0).steps(1L << 40).iterate(m -> m.times(2)).last());
        assertThatThrownBy(() -> f.call((Object) new double[][] {{1}})).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("nSteps is 1099511627776");
    }
}
