@file:JvmName("Indexing")

package org.symtensor.kotlin

import org.symtensor.ir.Indexing as Ir
import org.symtensor.ir.Variable
import org.symtensor.tensor.Matrix
import org.symtensor.tensor.Scalar
import org.symtensor.tensor.Tensor3
import org.symtensor.tensor.Tensor4
import org.symtensor.tensor.Vector
import org.symtensor.type.DTypeMarker

// Indexing with several indices, and slices. The Java handles index the leading axis (`a.get(i)`,
// Kotlin's `a[i]`); `a[i, j]` is `a[i][j]`. Slices have Python's meaning (`x[start:stop:step]`, a
// negative bound counts from the end, a left-out bound is open) and build the same Subtensor node the
// IR uses for Theano's slicing; a slice keeps the rank, an index drops the axis.

/**
 * A slice `start:stop:step` of one axis, as in Python: a null bound is open, a negative bound counts
 * from the end, `step` is not 0. Make one with [slice], or index with a Kotlin range (`0 until 2`,
 * `1..3`, `0 until 10 step 2`, `3 downTo 0`).
 */
data class Slice(val start: Long?, val stop: Long?, val step: Int = 1) {
    init {
        require(step != 0) { "a slice's step cannot be 0" }
    }

    companion object {
        /** The whole axis, Python's `:`. */
        @JvmField
        val ALL = Slice(null, null, 1)

        /**
         * A Kotlin range as a slice: `0 until 2` is `0:2`, `1..3` is `1:4`, `3 downTo 0` is `3::-1`.
         * A range holds indices, not Python bounds, so a negative end fails: use [slice] for those.
         */
        fun of(range: IntProgression): Slice {
            require(range.first >= 0 && range.last >= -1) {
                "the range $range has a negative index; index from the end with slice(start, stop, step), " +
                    "Python's meaning, e.g. slice(-2) for the last two"
            }
            val stop: Long? = if (range.step > 0) range.last + 1L else if (range.last == 0) null else range.last - 1L
            return Slice(range.first.toLong(), stop, range.step)
        }
    }

    internal fun on(x: Variable, axis: Int): Variable =
        Ir.slice(x, axis, start?.let(Ir::at), stop?.let(Ir::at), step)
}

/** Python's `start:stop:step` for one axis; `slice()` is `:` and `slice(step = -1)` reverses. */
fun slice(start: Long? = null, stop: Long? = null, step: Int = 1): Slice = Slice(start, stop, step)

// ---- one index, when it is an Int variable (a literal or a Long reaches the Java get(long)) -----------

/** Element `i` (negative counts from the end). */
operator fun <D : DTypeMarker> Vector<D>.get(i: Int): Scalar<D> = get(i.toLong())

/** Row `i`. */
operator fun <D : DTypeMarker> Matrix<D>.get(i: Int): Vector<D> = get(i.toLong())

/** Matrix `i` of the leading axis. */
operator fun <D : DTypeMarker> Tensor3<D>.get(i: Int): Matrix<D> = get(i.toLong())

/** Tensor3 `i` of the leading axis. */
operator fun <D : DTypeMarker> Tensor4<D>.get(i: Int): Tensor3<D> = get(i.toLong())

// ---- several indices: a[i, j] is a[i][j] ---------------------------------------------------------------

/** `m[i, j]`, the element at row `i`, column `j`. */
operator fun <D : DTypeMarker> Matrix<D>.get(i: Number, j: Number): Scalar<D> = get(i.toLong()).get(j.toLong())

/** `m[i, j]` with symbolic integer indices. */
operator fun <D : DTypeMarker> Matrix<D>.get(i: Scalar<*>, j: Scalar<*>): Scalar<D> = get(i).get(j)

/** `t[i, j]`, a vector. */
operator fun <D : DTypeMarker> Tensor3<D>.get(i: Number, j: Number): Vector<D> = get(i.toLong()).get(j.toLong())

/** `t[i, j, k]`, an element. */
operator fun <D : DTypeMarker> Tensor3<D>.get(i: Number, j: Number, k: Number): Scalar<D> =
    get(i.toLong()).get(j.toLong()).get(k.toLong())

/** `t[i, j]` with symbolic integer indices. */
operator fun <D : DTypeMarker> Tensor3<D>.get(i: Scalar<*>, j: Scalar<*>): Vector<D> = get(i).get(j)

/** `t[i, j, k]` with symbolic integer indices. */
operator fun <D : DTypeMarker> Tensor3<D>.get(i: Scalar<*>, j: Scalar<*>, k: Scalar<*>): Scalar<D> = get(i).get(j).get(k)

/** `t[i, j]`, a matrix. */
operator fun <D : DTypeMarker> Tensor4<D>.get(i: Number, j: Number): Matrix<D> = get(i.toLong()).get(j.toLong())

/** `t[i, j, k]`, a vector. */
operator fun <D : DTypeMarker> Tensor4<D>.get(i: Number, j: Number, k: Number): Vector<D> =
    get(i.toLong()).get(j.toLong()).get(k.toLong())

/** `t[i, j, k, l]`, an element. */
operator fun <D : DTypeMarker> Tensor4<D>.get(i: Number, j: Number, k: Number, l: Number): Scalar<D> =
    get(i.toLong()).get(j.toLong()).get(k.toLong()).get(l.toLong())

// ---- slices ---------------------------------------------------------------------------------------------

/** `v[slice]`: the elements in the slice. */
operator fun <D : DTypeMarker> Vector<D>.get(s: Slice): Vector<D> = Vector(s.on(variable(), 0))

/** `v[0 until 2]`. */
operator fun <D : DTypeMarker> Vector<D>.get(r: IntProgression): Vector<D> = get(Slice.of(r))

/** `m[rows]`: the rows in the slice. */
operator fun <D : DTypeMarker> Matrix<D>.get(rows: Slice): Matrix<D> = Matrix(rows.on(variable(), 0))

/** `m[0 until 2]`. */
operator fun <D : DTypeMarker> Matrix<D>.get(rows: IntProgression): Matrix<D> = get(Slice.of(rows))

/** `m[rows, cols]`: a block. */
operator fun <D : DTypeMarker> Matrix<D>.get(rows: Slice, cols: Slice): Matrix<D> =
    Matrix(cols.on(rows.on(variable(), 0), 1))

/** `m[0 until 2, 1..2]`. */
operator fun <D : DTypeMarker> Matrix<D>.get(rows: IntProgression, cols: IntProgression): Matrix<D> =
    get(Slice.of(rows), Slice.of(cols))

/** `m[i, cols]`: part of row `i`. */
operator fun <D : DTypeMarker> Matrix<D>.get(i: Number, cols: Slice): Vector<D> = get(i.toLong())[cols]

/** `m[i, 0 until 2]`. */
operator fun <D : DTypeMarker> Matrix<D>.get(i: Number, cols: IntProgression): Vector<D> = get(i, Slice.of(cols))

/** `m[rows, j]`: part of column `j`; `m[Slice.ALL, j]` is the whole column. */
operator fun <D : DTypeMarker> Matrix<D>.get(rows: Slice, j: Number): Vector<D> =
    Vector(Ir.index(rows.on(variable(), 0), 1, j.toLong()))

/** `m[0 until 2, j]`. */
operator fun <D : DTypeMarker> Matrix<D>.get(rows: IntProgression, j: Number): Vector<D> = get(Slice.of(rows), j)

/** `t[slice]` along the leading axis. */
operator fun <D : DTypeMarker> Tensor3<D>.get(s: Slice): Tensor3<D> = Tensor3(s.on(variable(), 0))

/** `t[0 until 2]` along the leading axis. */
operator fun <D : DTypeMarker> Tensor3<D>.get(r: IntProgression): Tensor3<D> = get(Slice.of(r))

/** `t[slice]` along the leading axis. */
operator fun <D : DTypeMarker> Tensor4<D>.get(s: Slice): Tensor4<D> = Tensor4(s.on(variable(), 0))

/** `t[0 until 2]` along the leading axis. */
operator fun <D : DTypeMarker> Tensor4<D>.get(r: IntProgression): Tensor4<D> = get(Slice.of(r))
