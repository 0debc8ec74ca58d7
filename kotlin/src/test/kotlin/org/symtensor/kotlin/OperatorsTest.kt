package org.symtensor.kotlin

import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.assertj.core.api.Assertions.within
import org.junit.jupiter.api.Test
import org.symtensor.T.dmatrix
import org.symtensor.T.dscalar
import org.symtensor.T.dvector
import org.symtensor.T.exp
import org.symtensor.T.function
import org.symtensor.T.imatrix
import org.symtensor.T.inputs
import org.symtensor.error.DTypeMismatchException
import org.symtensor.tensor.Matrix
import org.symtensor.tensor.Scalar
import org.symtensor.tensor.Tensor
import org.symtensor.tensor.Vector
import org.symtensor.type.Bool
import org.symtensor.type.F64
import org.symtensor.type.I32
import org.symtensor.value.NDArray

/** The flat values of an array, in row-major order. */
internal fun NDArray.values(): List<Double> = contiguous().let { a -> (0 until a.size()).map { a.getDouble(it) } }

/** Evaluates `out` for one matrix input `x`. */
internal fun evalAt(x: Tensor<*>, value: Any, out: Tensor<*>): List<Double> = function(inputs(x), out).call(value).values()

class OperatorsTest {
    private val x: Matrix<F64> = dmatrix("x")
    private val data = arrayOf(doubleArrayOf(1.0, -2.0), doubleArrayOf(4.0, 0.5))

    @Test
    fun numberOnTheLeft_keepsRankAndDtype_andComputesAsJava() {
        val twice: Matrix<F64> = 2.0 * x
        val twiceInt: Matrix<F64> = 2 * x
        val oneMinus: Matrix<F64> = 1 - x
        val inverse: Matrix<F64> = 1.0 / x
        val shifted: Matrix<F64> = 3L + x
        assertThat(evalAt(x, data, twice)).containsExactly(2.0, -4.0, 8.0, 1.0)
        assertThat(evalAt(x, data, twiceInt)).containsExactly(2.0, -4.0, 8.0, 1.0)
        assertThat(evalAt(x, data, oneMinus)).containsExactly(0.0, 3.0, -3.0, 0.5)
        assertThat(evalAt(x, data, inverse)).containsExactly(1.0, -0.5, 0.25, 2.0)
        assertThat(evalAt(x, data, shifted)).containsExactly(4.0, 1.0, 7.0, 3.5)
    }

    @Test
    fun intOnTheRight_widensToTheJavaDoubleOverload() {
        val half: Matrix<F64> = x / 2
        val plusOne: Matrix<F64> = x + 1
        val minusOne: Matrix<F64> = x - 1
        val triple: Matrix<F64> = x * 3
        val mod: Matrix<F64> = x % 3
        assertThat(evalAt(x, data, half)).containsExactly(0.5, -1.0, 2.0, 0.25)
        assertThat(evalAt(x, data, plusOne)).containsExactly(2.0, -1.0, 5.0, 1.5)
        assertThat(evalAt(x, data, minusOne)).containsExactly(0.0, -3.0, 3.0, -0.5)
        assertThat(evalAt(x, data, triple)).containsExactly(3.0, -6.0, 12.0, 1.5)
        // The remainder has the sign of the divisor, as Theano's %: -2 % 3 is 1.
        assertThat(evalAt(x, data, mod)).containsExactly(1.0, 1.0, 1.0, 0.5)
    }

    @Test
    fun javaOperatorsWork_withNoExtension() {
        val y = dmatrix("y")
        val z: Matrix<F64> = -x + y * x - y / 2.0
        val f = function(inputs(x, y), z)
        val ones = arrayOf(doubleArrayOf(1.0, 1.0), doubleArrayOf(1.0, 1.0))
        // -x + x - 0.5
        assertThat(f.call(data, ones).values()).containsExactly(-0.5, -0.5, -0.5, -0.5)
    }

    @Test
    fun logistic_asInTheTutorial() {
        val s: Matrix<F64> = 1.0 / (1.0 + exp(-x))
        val expected = data.flatMap { row -> row.map { 1 / (1 + Math.exp(-it)) } }
        val actual = evalAt(x, data, s)
        for (i in expected.indices) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-15))
        }
    }

    @Test
    fun infixComparisons_giveBoolTensorsOfTheSameRank() {
        val y = dmatrix("y")
        val less: Matrix<Bool> = x lt y
        val positive: Matrix<Bool> = x gt 0
        val f = function(inputs(x, y), less)
        val threes = arrayOf(doubleArrayOf(3.0, 3.0), doubleArrayOf(3.0, 3.0))
        assertThat(f.call(data, threes).values()).containsExactly(1.0, 1.0, 0.0, 1.0)
        assertThat(evalAt(x, data, positive)).containsExactly(1.0, 0.0, 1.0, 1.0)
        assertThat(evalAt(x, data, x le 1)).containsExactly(1.0, 1.0, 0.0, 1.0)
        assertThat(evalAt(x, data, x ge 1.0)).containsExactly(1.0, 0.0, 1.0, 0.0)
        assertThat(evalAt(x, data, x eq 4)).containsExactly(0.0, 0.0, 1.0, 0.0)
        assertThat(evalAt(x, data, x neq 4)).containsExactly(1.0, 1.0, 0.0, 1.0)
    }

    @Test
    fun rankAgnosticHandles_getTheOperatorsToo() {
        val t: Tensor<F64> = x
        val twice: Tensor<F64> = 2 * t / 4 + 1
        assertThat(evalAt(x, data, twice)).containsExactly(1.5, 0.0, 3.0, 1.25)
        assertThat(evalAt(x, data, t lt t)).containsExactly(0.0, 0.0, 0.0, 0.0)
    }

    @Test
    fun sumAndMean_areTheJavaMethods() {
        val total: Scalar<F64> = x.sum()
        val mean: Scalar<F64> = (x * x).mean()
        val columns: Vector<F64> = x.sum(0)
        assertThat(evalAt(x, data, total)).containsExactly(3.5)
        assertThat(evalAt(x, data, mean)).containsExactly((1.0 + 4.0 + 16.0 + 0.25) / 4)
        assertThat(evalAt(x, data, columns)).containsExactly(5.0, -1.5)
    }

    @Test
    fun scalarsAndVectors_mixAsInJava() {
        val a = dscalar("a")
        val v = dvector("v")
        val w: Vector<F64> = 2 * v + a
        val f = function(inputs(v, a), w)
        assertThat(f.call(doubleArrayOf(1.0, 2.0), 10.0).values()).containsExactly(12.0, 14.0)
    }

    @Test
    fun divisionOfAnIntTensor_failsAsInJava() {
        val m: Matrix<I32> = imatrix("m")
        assertThatThrownBy { m / 2 }
            .isInstanceOf(DTypeMismatchException::class.java)
            .hasMessageContaining("div")
            .hasMessageContaining("expected a float dtype")
    }
}
