// The first pages of Theano's tutorial in Kotlin, as samples/.../Tutorial.java does them in Java:
// basic algebra, the logistic function, default values and shared variables. Run it with
// mvn -B -q -pl kotlin -am test-compile exec:java
package org.symtensor.samples.kotlin

import org.symtensor.T.*
import org.symtensor.kotlin.*
import org.symtensor.type.I32

fun main() {
    basicAlgebra()
    logisticFunction()
    defaultValue()
    sharedVariables()
}

/** "Baby steps - algebra": adding two scalars, then two matrices. */
fun basicAlgebra() {
    println("== Basic algebra")
    val x = dscalar("x")
    val y = dscalar("y")
    val z = x + y
    println("pp(z) = ${pp(z)}")
    val f = function(inputs(x, y), z)
    println("f(2, 3) = ${f.call(2.0, 3.0)}")
    println("f(16.3, 12.1) = ${f.call(16.3, 12.1)}")
    println("z.eval({x: 16.3, y: 12.1}) = ${z.eval(mapOf(x to 16.3, y to 12.1))}")

    val a = dmatrix("a")
    val b = dmatrix("b")
    val g = function(inputs(a, b), a + b)
    val sum = g.call(arrayOf(doubleArrayOf(1.0, 2.0), doubleArrayOf(3.0, 4.0)), arrayOf(doubleArrayOf(10.0, 20.0), doubleArrayOf(30.0, 40.0)))
    println("g([[1, 2], [3, 4]], [[10, 20], [30, 40]]) = $sum")
}

/** "More examples - logistic function": two equivalent forms, elementwise over a matrix. */
fun logisticFunction() {
    println("== Logistic function")
    val x = dmatrix("x")
    val s = 1 / (1 + exp(-x))
    val logistic = function(inputs(x), s)
    val data = arrayOf(doubleArrayOf(0.0, 1.0), doubleArrayOf(-1.0, -2.0))
    println("logistic([[0, 1], [-1, -2]]) = ${logistic.call(data)}")
    val s2 = (1 + tanh(x / 2)) / 2
    println("(1 + tanh(x / 2)) / 2     = ${function(inputs(x), s2).call(data)}")

    val a = dmatrix("a")
    val b = dmatrix("b")
    val diff = a - b
    val f = function(inputs(a, b), outputs(diff, diff.abs(), diff * diff))
    val r = f.callAll(arrayOf(doubleArrayOf(1.0, 1.0), doubleArrayOf(1.0, 1.0)), arrayOf(doubleArrayOf(0.0, 1.0), doubleArrayOf(2.0, 3.0)))
    println("diff, |diff|, diff^2 = $r")
}

/** "Setting a default value for an argument". */
fun defaultValue() {
    println("== Default values")
    val x = fscalar("x")
    val y = fscalar("y")
    val f = function(inputs(x, `in`(y).withDefault(1)), x + y)
    println("f(10) = ${f.call(10f)}")
    println("f(10, 2) = ${f.call(10f, 2f)}")
    val w = fscalar("w")
    val g = function(inputs(x, `in`(y).withDefault(1), `in`(w).withDefault(2).named("w_by_name")), (x + y) * w)
    println("g(33) = ${g.call(33f)}")
    println("g(33, 2) = ${g.call(33f, 2f)}")
    println("g(33, w_by_name=1) = ${g.call(mapOf("w_by_name" to 1f), 33f)}")
    println("g(33, w_by_name=1, y=0) = ${g.call(mapOf("w_by_name" to 1f, "y" to 0f), 33f)}")
}

/** "Using shared variables": an accumulator, then givens. */
fun sharedVariables() {
    println("== Shared variables")
    val state = shared(0, "state")
    val inc = iscalar("inc")
    val accumulator = function(inputs(inc), state, updates(update(state, state + inc)))
    println("accumulator(1) = ${accumulator.call(1)}")
    println("accumulator(300) = ${accumulator.call(300)}")
    println("state.getValue() = ${state.value}")
    state.setValue(-1)
    println("after state.setValue(-1): accumulator(3) = ${accumulator.call(3)}")
    println("state.getValue() = ${state.value}")

    val decrementor = function(inputs(inc), state, updates(update(state, state - inc)))
    println("decrementor(2) = ${decrementor.call(2)}, state = ${state.value}")

    val foo = scalar(I32::class.java, "foo")
    val fn = 2 * state + inc
    val skipShared = function(inputs(inc, foo), fn, givens(given(state, foo)))
    println("skipShared(1, 3) = ${skipShared.call(1, 3)} (state is still ${state.value})")
}
