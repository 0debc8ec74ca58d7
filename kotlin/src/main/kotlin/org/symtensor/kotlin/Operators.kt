@file:JvmName("Operators")

package org.symtensor.kotlin

import org.symtensor.T
import org.symtensor.tensor.AbstractTensor
import org.symtensor.tensor.Tensor
import org.symtensor.type.Bool
import org.symtensor.type.DTypeMarker
import org.symtensor.type.FloatingMarker

// Kotlin operators over Symtensor's Java handles. The handles already carry Kotlin's operator names
// (plus, minus, times, div, rem, unaryMinus, get), so `x + y`, `x * 2.0`, `-x` and `a[i]` need nothing
// from this file. What Kotlin cannot do with Java methods alone, and this file adds:
//  * a number on the left: `2.0 * x`, `1 - x`, `1.0 / x` (the dtype is x's, as in Java's T.times(2, x));
//  * numbers that are not Double on the right: `x / 2`, `x + 1`, `x % 3` (Kotlin does not widen an Int
//    to the Java method's double parameter);
//  * infix comparisons: `x lt y`, `x ge 0` (Kotlin's `<` must return Int, so it cannot build a bool tensor);
//  * several indices and slices: `a[i, j]`, `m[0 until 2, 1]`, `v[slice(step = -1)]` (Indexing.kt).
// Each extension calls the Java method or T's function of the same name: one semantics, no new ops.
// A number is converted with toDouble(), as Java converts it when calling the double overloads.

/** `number + x`: the number takes x's dtype. */
operator fun <D : DTypeMarker, S : Tensor<D>> Number.plus(x: AbstractTensor<D, S, *>): S = T.plus(toDouble(), x)

/** `number + x` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Number.plus(x: Tensor<D>): Tensor<D> = T.plus(toDouble(), x)

/** `number - x`. */
operator fun <D : DTypeMarker, S : Tensor<D>> Number.minus(x: AbstractTensor<D, S, *>): S = T.minus(toDouble(), x)

/** `number - x` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Number.minus(x: Tensor<D>): Tensor<D> = T.minus(toDouble(), x)

/** `number * x`, elementwise. */
operator fun <D : DTypeMarker, S : Tensor<D>> Number.times(x: AbstractTensor<D, S, *>): S = T.times(toDouble(), x)

/** `number * x` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Number.times(x: Tensor<D>): Tensor<D> = T.times(toDouble(), x)

/** `number / x`; float dtypes only, as in Java. */
operator fun <D : FloatingMarker, S : Tensor<D>> Number.div(x: AbstractTensor<D, S, *>): S = T.div(toDouble(), x)

/** `number / x` for a rank-agnostic handle. */
operator fun <D : FloatingMarker> Number.div(x: Tensor<D>): Tensor<D> = T.div(toDouble(), x)

/** `x + number` for an Int, Long or Float (a Double calls the Java method directly). */
operator fun <D : DTypeMarker, S : Tensor<D>> AbstractTensor<D, S, *>.plus(n: Number): S = plus(n.toDouble())

/** `x + number` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Tensor<D>.plus(n: Number): Tensor<D> = plus(n.toDouble())

/** `x - number`. */
operator fun <D : DTypeMarker, S : Tensor<D>> AbstractTensor<D, S, *>.minus(n: Number): S = minus(n.toDouble())

/** `x - number` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Tensor<D>.minus(n: Number): Tensor<D> = minus(n.toDouble())

/** `x * number`, elementwise. */
operator fun <D : DTypeMarker, S : Tensor<D>> AbstractTensor<D, S, *>.times(n: Number): S = times(n.toDouble())

/** `x * number` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Tensor<D>.times(n: Number): Tensor<D> = times(n.toDouble())

/** `x / number`; float dtypes only (an int tensor fails naming it, as in Java). */
operator fun <D : DTypeMarker, S : Tensor<D>> AbstractTensor<D, S, *>.div(n: Number): S = div(n.toDouble())

/** `x / number` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Tensor<D>.div(n: Number): Tensor<D> = div(n.toDouble())

/** `x % number`, the remainder with the sign of the divisor (Theano's `%`). */
operator fun <D : DTypeMarker, S : Tensor<D>> AbstractTensor<D, S, *>.rem(n: Number): S = rem(n.toDouble())

/** `x % number` for a rank-agnostic handle. */
operator fun <D : DTypeMarker> Tensor<D>.rem(n: Number): Tensor<D> = rem(n.toDouble())

/** `x lt y`: elementwise `x < y`, a bool tensor of the broadcast shape. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.lt(other: Tensor<D>): B = lt(other)

/** `x lt number`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.lt(n: Number): B = lt(n.toDouble())

/** `x le y`: elementwise `x <= y`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.le(other: Tensor<D>): B = le(other)

/** `x le number`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.le(n: Number): B = le(n.toDouble())

/** `x gt y`: elementwise `x > y`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.gt(other: Tensor<D>): B = gt(other)

/** `x gt number`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.gt(n: Number): B = gt(n.toDouble())

/** `x ge y`: elementwise `x >= y`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.ge(other: Tensor<D>): B = ge(other)

/** `x ge number`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.ge(n: Number): B = ge(n.toDouble())

/** `x eq y`: elementwise equality (Kotlin's `==` compares the handles themselves). */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.eq(other: Tensor<D>): B = eq(other)

/** `x eq number`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.eq(n: Number): B = eq(n.toDouble())

/** `x neq y`: elementwise inequality. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.neq(other: Tensor<D>): B = neq(other)

/** `x neq number`. */
infix fun <D : DTypeMarker, B : Tensor<Bool>> AbstractTensor<D, *, B>.neq(n: Number): B = neq(n.toDouble())

/** `x lt y` for rank-agnostic handles. */
infix fun <D : DTypeMarker> Tensor<D>.lt(other: Tensor<D>): Tensor<Bool> = lt(other)

/** `x le y` for rank-agnostic handles. */
infix fun <D : DTypeMarker> Tensor<D>.le(other: Tensor<D>): Tensor<Bool> = le(other)

/** `x gt y` for rank-agnostic handles. */
infix fun <D : DTypeMarker> Tensor<D>.gt(other: Tensor<D>): Tensor<Bool> = gt(other)

/** `x ge y` for rank-agnostic handles. */
infix fun <D : DTypeMarker> Tensor<D>.ge(other: Tensor<D>): Tensor<Bool> = ge(other)

/** `x eq y` for rank-agnostic handles. */
infix fun <D : DTypeMarker> Tensor<D>.eq(other: Tensor<D>): Tensor<Bool> = eq(other)

/** `x neq y` for rank-agnostic handles. */
infix fun <D : DTypeMarker> Tensor<D>.neq(other: Tensor<D>): Tensor<Bool> = neq(other)
