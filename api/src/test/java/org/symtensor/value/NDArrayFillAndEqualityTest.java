package org.symtensor.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symtensor.type.DType;

/** {@link NDArray#full} writes every element, and {@link NDArray#equals} compares every element, for every dtype. */
class NDArrayFillAndEqualityTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void full_everyDtype_fillsEveryElement(DType dt) {
        NDArray a = NDArray.full(dt, 1, 3, 5);

        assertThat(a.size()).isEqualTo(15);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.getDouble(i)).as("element %d of full(%s, 1)", i, dt).isEqualTo(1.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = "BOOL", mode = EnumSource.Mode.EXCLUDE)
    void full_everyNumericDtype_fillsEveryElementWithTheValueNotZeroOrOne(DType dt) {
        NDArray a = NDArray.full(dt, 7, 2, 9);

        for (int i = 0; i < a.size(); i++) {
            assertThat(a.getLong(i)).as("element %d of full(%s, 7)", i, dt).isEqualTo(7L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void full_ofAnEmptyShape_isEmptyWithThatShape(DType dt) {
        NDArray a = NDArray.full(dt, 1, 0, 4);

        assertThat(a.size()).isZero();
        assertThat(a.shape()).containsExactly(0, 4);
        assertThat(a.dtype()).isEqualTo(dt);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void equals_everyDtype_seesADifferenceInTheLastElement(DType dt) {
        NDArray a = NDArray.zeros(dt, 2, 3);
        NDArray b = NDArray.zeros(dt, 2, 3);
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());

        b.setDouble(5, 1);

        assertThat(a).isNotEqualTo(b);
        assertThat(b).isNotEqualTo(a);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void equals_everyDtype_seesADifferenceInTheFirstElement(DType dt) {
        NDArray a = NDArray.zeros(dt, 4);
        NDArray b = NDArray.zeros(dt, 4);

        b.setDouble(0, 1);

        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void equals_floats_treatsNaNAsEqualToNaNButNotToANumber(DType dt) {
        NDArray a = NDArray.full(dt, Double.NaN, 3);
        NDArray b = NDArray.full(dt, Double.NaN, 3);
        NDArray c = NDArray.full(dt, Double.NaN, 3);
        c.setDouble(1, 0);

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(c).isNotEqualTo(a);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void equals_aTransposedView_comparesByLogicalElementNotStorage(DType dt) {
        NDArray m = NDArray.zeros(dt, 2, 3);
        m.setDouble(1, 1); // (0, 1)
        NDArray t = m.transpose();
        NDArray expected = NDArray.zeros(dt, 3, 2);
        expected.setDouble(2, 1); // (1, 0)
        NDArray wrong = NDArray.zeros(dt, 3, 2);
        wrong.setDouble(1, 1); // (0, 1): the storage order, not the view's

        assertThat(t).isEqualTo(expected);
        assertThat(t).isNotEqualTo(wrong);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DType.class)
    void equals_sameDataOtherShapeOrOtherDtype_isNotEqual(DType dt) {
        NDArray a = NDArray.zeros(dt, 2, 3);

        assertThat(a).isNotEqualTo(NDArray.zeros(dt, 3, 2));
        assertThat(a).isNotEqualTo(NDArray.zeros(dt, 6));
        DType other = dt == DType.FLOAT64 ? DType.FLOAT32 : DType.FLOAT64;
        assertThat(a).isNotEqualTo(NDArray.zeros(other, 2, 3));
        assertThat(a).isNotEqualTo("not an array");
        assertThat(a).isNotEqualTo(null);
    }
}
