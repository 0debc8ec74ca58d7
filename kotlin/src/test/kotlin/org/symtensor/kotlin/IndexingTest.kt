package org.symtensor.kotlin

import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import org.symtensor.T.dmatrix
import org.symtensor.T.dtensor3
import org.symtensor.T.dvector
import org.symtensor.T.function
import org.symtensor.T.inputs
import org.symtensor.T.lscalar
import org.symtensor.tensor.Matrix
import org.symtensor.tensor.Scalar
import org.symtensor.tensor.Vector
import org.symtensor.type.F64

class IndexingTest {
    private val m: Matrix<F64> = dmatrix("m")
    private val data = arrayOf(doubleArrayOf(0.0, 1.0, 2.0), doubleArrayOf(10.0, 11.0, 12.0), doubleArrayOf(20.0, 21.0, 22.0))
    private val v: Vector<F64> = dvector("v")
    private val seq = doubleArrayOf(0.0, 1.0, 2.0, 3.0, 4.0)

    @Test
    fun twoIndices_areOneElement() {
        val e: Scalar<F64> = m[1, 2]
        val last: Scalar<F64> = m[-1, -1]
        assertThat(evalAt(m, data, e)).containsExactly(12.0)
        assertThat(evalAt(m, data, last)).containsExactly(22.0)
    }

    @Test
    fun intVariables_indexToo() {
        val i = 2
        val row: Vector<F64> = m[i]
        assertThat(evalAt(m, data, row)).containsExactly(20.0, 21.0, 22.0)
        assertThat(evalAt(v, seq, v[i])).containsExactly(2.0)
    }

    @Test
    fun symbolicIndices_selectAtRunTime() {
        val i = lscalar("i")
        val j = lscalar("j")
        val f = function(inputs(m, i, j), m[i, j])
        assertThat(f.call(data, 2L, 0L).values()).containsExactly(20.0)
    }

    @Test
    fun rangesSliceAsPython_withTheEndExcludedForUntil() {
        val firstTwoRows: Matrix<F64> = m[0 until 2]
        assertThat(evalAt(m, data, firstTwoRows)).containsExactly(0.0, 1.0, 2.0, 10.0, 11.0, 12.0)
        assertThat(evalAt(v, seq, v[1..3])).containsExactly(1.0, 2.0, 3.0)
        assertThat(evalAt(v, seq, v[0 until 5 step 2])).containsExactly(0.0, 2.0, 4.0)
        assertThat(evalAt(v, seq, v[3 downTo 0])).containsExactly(3.0, 2.0, 1.0, 0.0)
        assertThat(evalAt(v, seq, v[3 downTo 1])).containsExactly(3.0, 2.0, 1.0)
    }

    @Test
    fun slices_withNegativeBoundsAndSteps() {
        assertThat(evalAt(v, seq, v[slice(-2)])).containsExactly(3.0, 4.0)
        assertThat(evalAt(v, seq, v[slice(step = -1)])).containsExactly(4.0, 3.0, 2.0, 1.0, 0.0)
        assertThat(evalAt(v, seq, v[slice(1, -1)])).containsExactly(1.0, 2.0, 3.0)
    }

    @Test
    fun rowsAndColumns_mixIndicesAndSlices() {
        val block: Matrix<F64> = m[1..2, 0 until 2]
        val column: Vector<F64> = m[Slice.ALL, 1]
        val partOfRow: Vector<F64> = m[0, 1..2]
        val partOfColumn: Vector<F64> = m[0 until 2, 2]
        assertThat(evalAt(m, data, block)).containsExactly(10.0, 11.0, 20.0, 21.0)
        assertThat(evalAt(m, data, column)).containsExactly(1.0, 11.0, 21.0)
        assertThat(evalAt(m, data, partOfRow)).containsExactly(1.0, 2.0)
        assertThat(evalAt(m, data, partOfColumn)).containsExactly(2.0, 12.0)
    }

    @Test
    fun tensor3_indicesDropAxes() {
        val t = dtensor3("t")
        val value = Array(2) { a -> Array(2) { b -> DoubleArray(2) { c -> (100 * a + 10 * b + c).toDouble() } } }
        assertThat(evalAt(t, value, t[1, 0, 1])).containsExactly(101.0)
        assertThat(evalAt(t, value, t[0, 1])).containsExactly(10.0, 11.0)
        assertThat(evalAt(t, value, t[1 until 2][0, 0])).containsExactly(100.0, 101.0)
    }

    @Test
    fun negativeRange_failsSayingToUseSlice() {
        assertThatThrownBy { v[-2..-1] }
            .isInstanceOf(IllegalArgumentException::class.java)
            .hasMessageContaining("has a negative index")
            .hasMessageContaining("slice(-2)")
    }

    @Test
    fun zeroStep_fails() {
        assertThatThrownBy { slice(step = 0) }
            .isInstanceOf(IllegalArgumentException::class.java)
            .hasMessage("a slice's step cannot be 0")
    }
}
