package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.symtensor.T.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symtensor.error.ArgumentException;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** Calling compiled functions: Theano's tutorial, defaults, keywords, argument counts, outputs. */
class FunctionCallTest {

    @Test
    void function_addTwoDscalars_returnsTheirSum() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Function f = function(inputs(x, y), x.plus(y));

        NDArray r = f.call(2.0, 3.0);

        assertThat(r.rank()).isZero();
        assertThat(r.toDouble()).isEqualTo(5.0);
        assertThat(f.call(16.3, 12.1).toDouble()).isCloseTo(28.4, within(1e-12));
    }

    @Test
    void function_isServedByTheCpuCompiler() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), x.times(2));

        assertThat(f).isInstanceOf(CompiledFunction.class);
        assertThat(f.spec().inputs()).extracting(in -> in.variable()).containsExactly(x.variable());
    }

    @Test
    void function_logisticOnDmatrix_matchesMathExp() {
        Matrix<F64> x = dmatrix("x");
        Function logistic = function(inputs(x), div(1, exp(x.unaryMinus()).plus(1)));
        double[][] in = {{0, 1}, {-1, -2}};

        double[][] out = logistic.call((Object) in).toDoubleMatrix();

        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(out[i][j]).isCloseTo(1 / (1 + Math.exp(-in[i][j])), within(1e-15));
            }
        }
        assertThat(out[0][0]).isEqualTo(0.5);
    }

    @Test
    void function_defaultValue_isUsedWhenTheArgumentIsLeftOut() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Function f = function(inputs(x, in(y).withDefault(1)), x.plus(y));

        NDArray r = f.call(10f);

        assertThat(r.dtype()).hasToString("float32");
        assertThat(r.toFloat()).isEqualTo(11f);
        assertThat(f.call(10f, 5f).toFloat()).isEqualTo(15f);
    }

    @Test
    void function_doubleLiteralDefaultOnFscalar_takesTheInputsDtype() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Function f = function(inputs(x, in(y).withDefault(0.1)), x.plus(y));

        assertThat(f.call(1f).toFloat()).isEqualTo(1f + 0.1f);
    }

    @Test
    void call_keywordArguments_bindByInputName() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Function f = function(inputs(x, in(y).withDefault(1.0)), x.minus(y));

        assertThat(f.call(Map.of("x", 10.0, "y", 4.0)).toDouble()).isEqualTo(6.0);
        assertThat(f.call(Map.of("y", 4.0), 10.0).toDouble()).isEqualTo(6.0);
        assertThat(f.call(Map.of("x", 10.0)).toDouble()).isEqualTo(9.0);
        assertThat(f.callAll(Map.of("y", 2.5), 10.0)).extracting(NDArray::toDouble).containsExactly(7.5);
    }

    @Test
    void call_keywordOfRenamedInput_usesTheNewName() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(in(x).named("alpha")), x.times(3));

        assertThat(f.call(Map.of("alpha", 2.0)).toDouble()).isEqualTo(6.0);
    }

    @Test
    void call_unknownKeyword_failsListingTheKnownNames() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Function f = function(inputs(x, y), x.plus(y), FunctionFlag.name("f"));

        assertThatThrownBy(() -> f.call(Map.of("z", 1.0), 2.0))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("function 'f'")
                .hasMessageContaining("'z'")
                .hasMessageContaining("(x, y)");
    }

    @Test
    void call_inputGivenByPositionAndKeyword_fails() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Function f = function(inputs(x, y), x.plus(y));

        assertThatThrownBy(() -> f.call(Map.of("x", 1.0), 2.0, 3.0))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("expects 2 arguments (x, y)");
        assertThatThrownBy(() -> f.call(Map.of("x", 1.0), 2.0))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'x' is given both by position (#0) and by keyword");
    }

    @Test
    void call_tooManyArguments_failsWithExpectedAndGivenCounts() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Function f = function(inputs(x, y), x.plus(y));

        assertThatThrownBy(() -> f.call(1.0, 2.0, 3.0))
                .isInstanceOf(ArgumentException.class)
                .hasMessage("function expects 2 arguments (x, y), got 3");
    }

    @Test
    void call_missingRequiredArgument_failsNamingFunctionAndInput() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> y = dscalar("y");
        Scalar<F64> z = dscalar("z");
        Function f = function(inputs(x, y, in(z).withDefault(0)), x.plus(y).plus(z), FunctionFlag.name("f"));

        assertThatThrownBy(() -> f.call(1.0))
                .isInstanceOf(ArgumentException.class)
                .hasMessage("function 'f' expects 2 to 3 arguments (x, y, z=0), got 1; missing 'y'");
        assertThatThrownBy(() -> f.call(Map.of("z", 1.0)))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("got 0 positional arguments and keywords [z]; missing 'x', 'y'");
    }

    @Test
    void callAll_twoOutputs_returnsBothInOrder() {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), outputs(x.plus(1), x.times(2)));

        List<NDArray> r = f.callAll((Object) new double[] {1, 2, 3});

        assertThat(r).hasSize(2);
        assertThat(r.get(0).toDoubleArray()).containsExactly(2, 3, 4);
        assertThat(r.get(1).toDoubleArray()).containsExactly(2, 4, 6);
    }

    @Test
    void call_functionWithTwoOutputs_failsPointingToCallAll() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), outputs(x.plus(1), x.times(2)));

        assertThatThrownBy(() -> f.call(1.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has 2 outputs")
                .hasMessageContaining("callAll");
    }

    @Test
    void call_outputThatIsAnInput_returnsACopyTheCallerMayMutate() {
        Vector<F64> x = dvector("x");
        Function f = function(inputs(x), outputs(x, x.plus(0)));
        NDArray arg = NDArray.of(new double[] {1, 2});

        List<NDArray> r = f.callAll(arg);
        r.get(0).setDouble(0, 99);

        assertThat(arg.toDoubleArray()).containsExactly(1, 2);
        assertThat(r.get(1).toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void call_outputThatIsAConstant_doesNotExposeTheConstant() {
        Vector<F64> c = constant(new double[] {1, 2});
        Function f = function(inputs(), c);

        f.call().setDouble(0, 99);

        assertThat(f.call().toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void call_manyTimes_reusesTheScheduleWithFreshResults() {
        Scalar<F32> x = fscalar("x");
        Scalar<F32> y = fscalar("y");
        Function f = function(inputs(x, y), x.plus(y));
        float expected = 0;
        NDArray last = null;

        for (int i = 0; i < 1000; i++) {
            NDArray r = f.call((float) i, 0.5f);
            assertThat(r).isNotSameAs(last);
            last = r;
            expected = i + 0.5f;
        }

        assertThat(last.toFloat()).isEqualTo(expected);
    }
}
