package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.error.MissingInputException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.TypeMismatchException;
import org.symtensor.error.UnusedInputException;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.I32;

/** Every mistake a caller can make with {@code function} and a call, and its message. */
class FunctionErrorsTest {

    @Test
    void call_javaDoubleIntoFscalar_failsWithDtypeMismatchNamingTheInput() {
        Scalar<F32> x = fscalar("x");
        Function f = function(inputs(x), x.times(2), FunctionFlag.name("f"));

        assertThatThrownBy(() -> f.call(0.1))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("input 'x' of function 'f'")
                .hasMessageContaining("float32")
                .hasMessageContaining("float64")
                .hasMessageContaining("allowInputDowncast");
    }

    @Test
    void call_doubleArrayIntoFvector_failsWithDtypeMismatch() {
        Vector<F32> x = fvector("x");
        Function f = function(inputs(x), x.times(2));

        assertThatThrownBy(() -> f.call((Object) new double[] {0.1, 0.2}))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("float32")
                .hasMessageContaining("float64");
    }

    @Test
    void call_withAllowInputDowncast_convertsDoublesToFloat32() {
        Scalar<F32> x = fscalar("x");
        Vector<F32> v = fvector("v");
        Function f = function(inputs(x), x.times(2), allowInputDowncast());
        Function g = function(inputs(v), v.times(2), allowInputDowncast());

        assertThat(f.call(0.1).toFloat()).isEqualTo(0.1f * 2);
        assertThat(g.call((Object) new double[] {0.1, 0.2}).toFloatArray()).containsExactly(0.1f * 2, 0.2f * 2);
    }

    @Test
    void call_intLiteralIntoFscalar_isAcceptedExactly() {
        Scalar<F32> x = fscalar("x");
        Function f = function(inputs(x), x.plus(1));

        assertThat(f.call(41).toFloat()).isEqualTo(42f);
    }

    @Test
    void call_vectorIntoScalarInput_failsWithRankMismatch() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), x.times(2));

        assertThatThrownBy(() -> f.call((Object) new double[] {1, 2}))
                .isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("float64 scalar");
    }

    @Test
    void call_nullArgument_failsNamingTheInput() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), x.times(2));

        assertThatThrownBy(() -> f.call((Object) null))
                .isInstanceOf(org.symtensor.error.ArgumentException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("null");
    }

    @Test
    void function_unusedInput_failsUnlessWarnOrIgnore() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");

        assertThatThrownBy(() -> function(inputs(x, y), x.times(2)))
                .isInstanceOf(UnusedInputException.class)
                .hasMessageContaining("'y'")
                .hasMessageContaining("onUnusedInput");
        Function warn = function(inputs(x, y), x.times(2), onUnusedInput(FunctionFlag.UnusedInput.WARN));
        Function ignore = function(inputs(x, y), x.times(2), onUnusedInput(FunctionFlag.UnusedInput.IGNORE));
        assertThat(warn.call(3.0, 99.0).toDouble()).isEqualTo(6.0);
        assertThat(ignore.call(3.0, 99.0).toDouble()).isEqualTo(6.0);
    }

    @Test
    void function_outputNeedsAnInputNotGiven_failsNamingTheVariable() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");

        assertThatThrownBy(() -> function(inputs(x), x.plus(y)))
                .isInstanceOf(MissingInputException.class)
                .hasMessageContaining("'y'");
    }

    @Test
    void function_badDefault_failsAtCompileNamingTheInput() {
        Scalar<I32> x = iscalar("x");
        Scalar<I32> y = iscalar("y");

        assertThatThrownBy(() -> function(inputs(x, in(y).withDefault(1.5)), x.plus(y)))
                .isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("default value of input 'y'")
                .hasMessageContaining("int32")
                .hasMessageContaining("float64");
        assertThatThrownBy(() -> function(inputs(x, in(y).withDefault(new int[] {1, 2})), x.plus(y)))
                .isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("default value of input 'y'");
    }

    @Test
    void plus_constantsOfDifferentStaticLengths_failsWhileBuildingTheGraph() {
        Vector<F64> a = constant(new double[] {1, 2});
        Vector<F64> b = constant(new double[] {1, 2, 3});

        assertThatThrownBy(() -> a.plus(b))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2")
                .hasMessageContaining("3");
    }

    @Test
    void call_dvectorsOfDifferentLengths_failsAtRunTimeWithShapes() {
        Vector<F64> x = dvector("x");
        Vector<F64> y = dvector("y");
        Function f = function(inputs(x, y), x.plus(y));

        assertThatThrownBy(() -> f.call(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("2")
                .hasMessageContaining("3")
                .hasMessageContaining("created at");
    }
}
