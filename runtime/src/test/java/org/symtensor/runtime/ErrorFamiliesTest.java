package org.symtensor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.DuplicateUpdateException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.SharedInputException;
import org.symtensor.error.TypeMismatchException;
import org.symtensor.error.UnusedInputException;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;
import org.symtensor.type.I32;

/**
 * Theano's split of errors: what is part of a variable's type (dtype, rank, broadcast pattern) is a
 * {@link TypeMismatchException}; lengths, indices, counts and duplicates are an
 * {@link InvalidValueException}.
 */
class ErrorFamiliesTest {
    @Test
    void families_holdTheirSpecificExceptions() {
        assertThat(TypeMismatchException.class).isAssignableFrom(DTypeMismatchException.class);
        assertThat(TypeMismatchException.class).isAssignableFrom(SharedInputException.class);
        assertThat(InvalidValueException.class).isAssignableFrom(ShapeMismatchException.class);
        assertThat(InvalidValueException.class).isAssignableFrom(DuplicateUpdateException.class);
    }

    @Test
    void wrongRankAtTheFunctionBoundary_isATypeError() {
        Vector<F64> v = dvector("v");
        Function f = function(inputs(v), v.times(2));
        assertThatThrownBy(() -> f.call((Object) new double[][] {{1}}))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("'v'").hasMessageContaining("rank 2");
    }

    @Test
    void lengthsThatDoNotAgree_areAValueError() {
        Vector<F64> a = dvector("a");
        Vector<F64> b = dvector("b");
        Function f = function(inputs(a, b), a.plus(b));
        assertThatThrownBy(() -> f.call(new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void setValueOfTheWrongRank_isATypeError() {
        SharedScalar<I32> s = shared(0, "s");
        assertThatThrownBy(() -> s.setValue(new int[] {1, 2})).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("'s'");
    }

    @Test
    void twoUpdatesOfOneSharedVariable_isADuplicateUpdate() {
        SharedScalar<I32> s = shared(0, "s");
        assertThatThrownBy(() -> function(inputs(), s, updates(update(s, s.plus(1)), update(s, s.plus(2)))))
                .isInstanceOf(DuplicateUpdateException.class).hasMessageContaining("'s'").hasMessageContaining("twice");
    }

    @Test
    void sharedVariableAsAnExplicitInput_saysToUseGivens() {
        SharedScalar<I32> s = shared(0, "s");
        Scalar<I32> k = iscalar("k");
        assertThatThrownBy(() -> function(inputs(k, s), s.plus(k)))
                .isInstanceOf(SharedInputException.class).hasMessageContaining("givens");
    }

    @Test
    void symbolicHandleAsACallArgument_saysThatAValueWasExpected() {
        Scalar<F64> x = dscalar("x");
        Function f = function(inputs(x), x.times(2));
        assertThatThrownBy(() -> f.call(dscalar("y")))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("expects a value")
                .hasMessageContaining("'y'");
    }

    @Test
    void loneMatrixSpreadByVarargs_getsAHint() {
        Matrix<F64> m = dmatrix("m");
        Function f = function(inputs(m), m.times(2));
        double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
        assertThatThrownBy(() -> f.call(rows)).hasMessageContaining("spread by Java's varargs")
                .hasMessageContaining("call((Object) x)");
        assertThat(f.call((Object) rows).shape()).containsExactly(3, 2);
    }

    @Test
    void unusedInput_isNamedWithItsPosition() {
        Scalar<F64> x = dscalar("x");
        Scalar<F64> unused = dscalar("unused");
        assertThatThrownBy(() -> function(inputs(x, unused), x.times(2)))
                .isInstanceOf(UnusedInputException.class).hasMessageContaining("'unused' (position 1)");
    }
}
