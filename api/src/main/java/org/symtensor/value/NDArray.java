package org.symtensor.value;

import org.symtensor.error.ShapeMismatchException;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Objects;
import org.symtensor.type.DType;

/**
 * A dense n-d array value: what compiled functions take and return, what shared variables hold and
 * what graph constants carry. It is a {@link DType}, an immutable shape, strides (in elements) and
 * an offset over a mutable primitive backing array: {@code byte[]} for bool (0/1), int8 and uint8
 * (read as {@code b & 0xFF}), {@code short[]} for int16, {@code int[]} for int32, {@code long[]} for
 * int64, {@code float[]} for float32 and {@code double[]} for float64. Views ({@link #dimshuffle},
 * {@link #transpose}, {@link #broadcastTo}, {@link #reshape} of a contiguous array) share the
 * backing array; everything else copies. Flat indices are logical C-order positions, whatever the
 * strides. Stores convert as NumPy's {@code astype} does: float to int truncates toward zero, ints
 * wrap to their width, bool stores {@code v != 0}.
 *
 * <p>Java-serializable (dtype, shape, strides, offset and the backing array), so values can travel
 * to other JVMs, e.g. as Spark broadcast variables or RDD elements.
 */
public final class NDArray implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final DType dtype;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final Object data;
    private final int size;
    private final boolean cStrides;

    private NDArray(DType dtype, int[] shape, int[] strides, int offset, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.data = data;
        this.size = sizeOf(shape);
        this.cStrides = size <= 1 || hasOnlyUnitGaps();
    }

    // ---------------------------------------------------------------- factories

    public static NDArray of(double value) {
        return new NDArray(DType.FLOAT64, new int[0], new int[0], 0, new double[] {value});
    }

    public static NDArray of(float value) {
        return new NDArray(DType.FLOAT32, new int[0], new int[0], 0, new float[] {value});
    }

    public static NDArray of(int value) {
        return new NDArray(DType.INT32, new int[0], new int[0], 0, new int[] {value});
    }

    public static NDArray of(long value) {
        return new NDArray(DType.INT64, new int[0], new int[0], 0, new long[] {value});
    }

    public static NDArray of(boolean value) {
        return new NDArray(DType.BOOL, new int[0], new int[0], 0, new byte[] {(byte) (value ? 1 : 0)});
    }

    public static NDArray of(double[] values) {
        return fromJava(values);
    }

    public static NDArray of(double[][] values) {
        return fromJava(values);
    }

    public static NDArray of(double[][][] values) {
        return fromJava(values);
    }

    public static NDArray of(float[] values) {
        return fromJava(values);
    }

    public static NDArray of(float[][] values) {
        return fromJava(values);
    }

    public static NDArray of(int[] values) {
        return fromJava(values);
    }

    public static NDArray of(int[][] values) {
        return fromJava(values);
    }

    public static NDArray of(long[] values) {
        return fromJava(values);
    }

    public static NDArray of(long[][] values) {
        return fromJava(values);
    }

    public static NDArray of(boolean[] values) {
        return fromJava(values);
    }

    public static NDArray of(boolean[][] values) {
        return fromJava(values);
    }

    /**
     * Converts a Java value: a boxed number or boolean (0-d), a primitive array nested up to 4 deep
     * (copied; must be rectangular), or an NDArray (returned as is). The dtype follows the Java type:
     * {@code double -> float64}, {@code float -> float32}, {@code long -> int64}, {@code int -> int32},
     * {@code short -> int16}, {@code byte -> int8}, {@code boolean -> bool}.
     */
    public static NDArray fromJava(Object value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof NDArray) {
            return (NDArray) value;
        }
        if (value instanceof Double) {
            return of(((Double) value).doubleValue());
        }
        if (value instanceof Float) {
            return of(((Float) value).floatValue());
        }
        if (value instanceof Long) {
            return of(((Long) value).longValue());
        }
        if (value instanceof Integer) {
            return of(((Integer) value).intValue());
        }
        if (value instanceof Short) {
            return new NDArray(DType.INT16, new int[0], new int[0], 0, new short[] {(Short) value});
        }
        if (value instanceof Byte) {
            return new NDArray(DType.INT8, new int[0], new int[0], 0, new byte[] {(Byte) value});
        }
        if (value instanceof Boolean) {
            return of(((Boolean) value).booleanValue());
        }
        return JavaArrays.fromArray(value);
    }

    /** {@link #fromJava(Object)} followed by a conversion to {@code dtype} when it differs. */
    public static NDArray fromJava(Object value, DType dtype) {
        NDArray a = fromJava(value);
        return a.dtype == dtype ? a : a.astype(dtype);
    }

    public static NDArray zeros(DType dtype, int... shape) {
        int[] s = checkShape(shape);
        return new NDArray(dtype, s, cStridesFor(s), 0, Storage.allocate(dtype, sizeOf(s)));
    }

    /**
     * An array of {@code shape} filled with {@code value} converted to {@code dtype} (to an integer
     * dtype as a float converts: saturating, NaN as 0, {@link Conversions#floatToInt}).
     */
    public static NDArray full(DType dtype, double value, int... shape) {
        NDArray a = zeros(dtype, shape);
        if (a.size > 0) {
            a.writeDouble(0, value);
            Object d = a.data;
            switch (dtype) {
                case BOOL, INT8, UINT8 -> Arrays.fill((byte[]) d, ((byte[]) d)[0]);
                case INT16 -> Arrays.fill((short[]) d, ((short[]) d)[0]);
                case INT32 -> Arrays.fill((int[]) d, ((int[]) d)[0]);
                case INT64 -> Arrays.fill((long[]) d, ((long[]) d)[0]);
                case FLOAT32 -> Arrays.fill((float[]) d, ((float[]) d)[0]);
                case FLOAT64 -> Arrays.fill((double[]) d, ((double[]) d)[0]);
            }
        }
        return a;
    }

    /**
     * A C-contiguous array over {@code data} without copying: the array type must be the one
     * {@code dtype} stores in and its length the product of {@code shape}.
     */
    public static NDArray wrap(DType dtype, int[] shape, Object data) {
        Objects.requireNonNull(data, "data");
        int[] s = checkShape(shape);
        Class<?> expected = Storage.allocate(dtype, 0).getClass();
        if (data.getClass() != expected) {
            throw new IllegalArgumentException("wrap: " + dtype + " data must be a "
                    + expected.getSimpleName() + ", got " + data.getClass().getSimpleName());
        }
        int length = Array.getLength(data);
        int n = sizeOf(s);
        if (length != n) {
            throw new IllegalArgumentException("wrap: data has length " + length + ", expected " + n
                    + " for shape " + shapeToString(s));
        }
        return new NDArray(dtype, s, cStridesFor(s), 0, data);
    }

    // ---------------------------------------------------------------- accessors

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int shape(int axis) {
        return shape[checkAxis(axis)];
    }

    public int rank() {
        return shape.length;
    }

    /** The number of elements: the product of the shape (1 for a 0-d array). */
    public int size() {
        return size;
    }

    public int[] strides() {
        return strides.clone();
    }

    /** The stride of one axis, in elements of the backing array (as {@link #strides()}, without the copy). */
    public int stride(int axis) {
        return strides[checkAxis(axis)];
    }

    public int offset() {
        return offset;
    }

    /** The raw backing array, shared: see {@link #strides()} and {@link #offset()} to read it. */
    public Object data() {
        return data;
    }

    /** Whether the elements lie in C order, one after another, from {@link #offset()}. */
    public boolean isContiguous() {
        return cStrides;
    }

    /** This array when it is C-contiguous from offset 0 and its data holds exactly its elements, else a copy. */
    public NDArray contiguous() {
        return cStrides && offset == 0 && Array.getLength(data) == size ? this : copy();
    }

    /** A fresh C-contiguous copy with the same dtype. */
    public NDArray copy() {
        NDArray out = zeros(dtype, shape);
        if (cStrides) {
            System.arraycopy(data, offset, out.data, 0, size);
        } else if (dtype.isFloat()) {
            for (int i = 0; i < size; i++) {
                out.writeDouble(i, readDouble(physical(i)));
            }
        } else {
            for (int i = 0; i < size; i++) {
                out.writeLong(i, readLong(physical(i)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- element access

    /** The element at C-order position {@code flatIndex}, as a double. */
    public double getDouble(int flatIndex) {
        return readDouble(physical(checkFlat(flatIndex)));
    }

    /** The element at C-order position {@code flatIndex}, as a long (floats truncate toward zero). */
    public long getLong(int flatIndex) {
        return readLong(physical(checkFlat(flatIndex)));
    }

    public void setDouble(int flatIndex, double value) {
        writeDouble(physical(checkFlat(flatIndex)), value);
    }

    public void setLong(int flatIndex, long value) {
        writeLong(physical(checkFlat(flatIndex)), value);
    }

    /** The element at a multi-index, one entry per axis. */
    public double getDoubleAt(int... index) {
        return readDouble(physicalAt(index));
    }

    public long getLongAt(int... index) {
        return readLong(physicalAt(index));
    }

    public void setDoubleAt(double value, int... index) {
        writeDouble(physicalAt(index), value);
    }

    // ---------------------------------------------------------------- views

    /**
     * Theano's dimshuffle as a view: entry {@code k} of the pattern names the input axis that becomes
     * output axis {@code k}, or is {@code -1} for a new broadcastable axis of length 1. Input axes
     * left out are dropped and must have length 1.
     */
    public NDArray dimshuffle(int... pattern) {
        boolean[] used = new boolean[rank()];
        int[] s = new int[pattern.length];
        int[] st = new int[pattern.length];
        for (int k = 0; k < pattern.length; k++) {
            int axis = pattern[k];
            if (axis == -1) {
                s[k] = 1;
                continue;
            }
            if (axis < 0 || axis >= rank()) {
                throw new IllegalArgumentException("dimshuffle " + Arrays.toString(pattern) + ": axis "
                        + axis + " is out of range for shape " + shapeToString(shape)
                        + "; expected -1 or 0.." + (rank() - 1));
            }
            if (used[axis]) {
                throw new IllegalArgumentException("dimshuffle " + Arrays.toString(pattern) + ": axis "
                        + axis + " appears twice");
            }
            used[axis] = true;
            s[k] = shape[axis];
            st[k] = strides[axis];
        }
        for (int axis = 0; axis < rank(); axis++) {
            if (!used[axis] && shape[axis] != 1) {
                throw new IllegalArgumentException("dimshuffle " + Arrays.toString(pattern)
                        + ": cannot drop axis " + axis + " of shape " + shapeToString(shape)
                        + ": it has length " + shape[axis] + ", expected 1");
            }
        }
        return new NDArray(dtype, s, st, offset, data);
    }

    /**
     * Entry {@code i} of the leading axis, as a view of rank one lower (NumPy's {@code a[i]}; no
     * negative indices here: callers normalize them and name the index in their errors).
     */
    public NDArray row(int i) {
        if (rank() == 0 || i < 0 || i >= shape[0]) {
            throw new IndexOutOfBoundsException("row " + i + " of an array of shape " + shapeToString(shape));
        }
        return new NDArray(dtype, Arrays.copyOfRange(shape, 1, shape.length),
                Arrays.copyOfRange(strides, 1, strides.length), offset + i * strides[0], data);
    }

    /** Rows {@code start} (inclusive) to {@code stop} (exclusive) of the leading axis, as a view. */
    public NDArray rows(int start, int stop) {
        if (rank() == 0 || start < 0 || stop < start || stop > shape[0]) {
            throw new IndexOutOfBoundsException("rows " + start + ":" + stop + " of an array of shape " + shapeToString(shape));
        }
        int[] s = shape.clone();
        s[0] = stop - start;
        return new NDArray(dtype, s, strides.clone(), offset + (stop > start ? start * strides[0] : 0), data);
    }

    /**
     * Writes {@code src}'s elements into this array (or view) in C order; both must have the same
     * shape and dtype. The one mutating bulk operation: loops use it to fill preallocated buffers.
     */
    public void assign(NDArray src) {
        if (src.dtype != dtype || !Arrays.equals(src.shape, shape)) {
            throw new IllegalArgumentException("assign: cannot write " + src.dtype + " " + shapeToString(src.shape)
                    + " into " + dtype + " " + shapeToString(shape));
        }
        if (cStrides && src.cStrides) {
            System.arraycopy(src.data, src.offset, data, offset, size);
        } else if (dtype.isFloat()) {
            for (int i = 0; i < size; i++) {
                writeDouble(physical(i), src.readDouble(src.physical(i)));
            }
        } else {
            for (int i = 0; i < size; i++) {
                writeLong(physical(i), src.readLong(src.physical(i)));
            }
        }
    }

    /** The axes reversed, as a view. */
    public NDArray transpose() {
        int[] pattern = new int[rank()];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = rank() - 1 - i;
        }
        return dimshuffle(pattern);
    }

    /**
     * The same elements in C order under a new shape; one entry may be {@code -1} and is inferred.
     * A view when this array is contiguous, else a copy.
     */
    public NDArray reshape(int... newShape) {
        int[] s = newShape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("cannot reshape array of shape " + shapeToString(shape)
                        + " into shape " + shapeToString(newShape) + ": only one -1 and no negative lengths allowed");
            } else {
                known *= s[i];
            }
        }
        if (inferred >= 0 && known != 0 && size % known == 0) {
            s[inferred] = (int) (size / known);
            known = size;
        }
        if (known != size || (inferred >= 0 && s[inferred] < 0)) {
            throw new IllegalArgumentException("cannot reshape array of shape " + shapeToString(shape)
                    + " (size " + size + ") into shape " + shapeToString(newShape));
        }
        NDArray src = cStrides ? this : copy();
        return new NDArray(dtype, s, cStridesFor(s), src.offset, src.data);
    }

    /**
     * A read-mostly view with NumPy's broadcasting: axes are aligned at the right, length-1 axes
     * stretch (stride 0) and new leading axes are added. Writing through it writes the shared element.
     */
    public NDArray broadcastTo(int... targetShape) {
        int[] t = checkShape(targetShape);
        if (t.length < rank()) {
            throw new IllegalArgumentException("cannot broadcast shape " + shapeToString(shape) + " to "
                    + shapeToString(t) + ": target has rank " + t.length + ", expected at least " + rank());
        }
        int lead = t.length - rank();
        int[] st = new int[t.length];
        for (int i = 0; i < rank(); i++) {
            int n = shape[i];
            int want = t[lead + i];
            if (n == want) {
                st[lead + i] = strides[i];
            } else if (n != 1) {
                throw new IllegalArgumentException("cannot broadcast shape " + shapeToString(shape) + " to "
                        + shapeToString(t) + ": axis " + i + " has length " + n + ", expected 1 or " + want);
            }
        }
        return new NDArray(dtype, t, st, offset, data);
    }

    /**
     * A copy converted to {@code target} with NumPy's {@code astype} rules, except that a float to
     * an integer dtype truncates and saturates to the target's range, NaN giving 0 (Java's cast
     * rule, {@link Conversions#floatToInt}; NumPy leaves those undefined); an integer to a narrower
     * integer wraps to the width.
     */
    public NDArray astype(DType target) {
        NDArray out = zeros(target, shape);
        if (dtype.isFloat()) {
            for (int i = 0; i < size; i++) {
                out.writeDouble(i, readDouble(physical(i)));
            }
        } else {
            for (int i = 0; i < size; i++) {
                out.writeLong(i, readLong(physical(i)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- conversions out

    public double toDouble() {
        return readDouble(physical(single()));
    }

    public float toFloat() {
        return (float) toDouble();
    }

    public int toInt() {
        return (int) readLong(physical(single()));
    }

    public long toLong() {
        return readLong(physical(single()));
    }

    public boolean toBoolean() {
        return readDouble(physical(single())) != 0;
    }

    public double[] toDoubleArray() {
        requireRank(1);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = readDouble(physical(i));
        }
        return out;
    }

    public float[] toFloatArray() {
        requireRank(1);
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) readDouble(physical(i));
        }
        return out;
    }

    public int[] toIntArray() {
        requireRank(1);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = (int) readLong(physical(i));
        }
        return out;
    }

    public long[] toLongArray() {
        requireRank(1);
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = readLong(physical(i));
        }
        return out;
    }

    public double[][] toDoubleMatrix() {
        requireRank(2);
        double[][] out = new double[shape[0]][shape[1]];
        for (int i = 0; i < size; i++) {
            out[i / shape[1]][i % shape[1]] = readDouble(physical(i));
        }
        return out;
    }

    public float[][] toFloatMatrix() {
        requireRank(2);
        float[][] out = new float[shape[0]][shape[1]];
        for (int i = 0; i < size; i++) {
            out[i / shape[1]][i % shape[1]] = (float) readDouble(physical(i));
        }
        return out;
    }

    public int[][] toIntMatrix() {
        requireRank(2);
        int[][] out = new int[shape[0]][shape[1]];
        for (int i = 0; i < size; i++) {
            out[i / shape[1]][i % shape[1]] = (int) readLong(physical(i));
        }
        return out;
    }

    /**
     * Nested primitive arrays of this dtype's storage type ({@code boolean[]} for bool; uint8 comes
     * back as {@code byte}, read it with {@code & 0xFF}), or a boxed value for a 0-d array.
     */
    public Object toJava() {
        if (rank() == 0) {
            int p = physical(0);
            return switch (dtype) {
                case BOOL -> readLong(p) != 0;
                case INT8, UINT8 -> ((byte[]) data)[p];
                case INT16 -> ((short[]) data)[p];
                case INT32 -> ((int[]) data)[p];
                case INT64 -> ((long[]) data)[p];
                case FLOAT32 -> ((float[]) data)[p];
                case FLOAT64 -> ((double[]) data)[p];
            };
        }
        return JavaArrays.toArray(this);
    }

    // ---------------------------------------------------------------- comparison and printing

    /** NumPy's allclose: same shape and {@code |a - b| <= atol + rtol * |b|} everywhere; NaN is never close. */
    public boolean allClose(NDArray other, double rtol, double atol) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            double a = readDouble(physical(i));
            double b = other.readDouble(other.physical(i));
            if (a != b && !(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
                return false;
            }
        }
        return true;
    }

    /** Equal when dtype, shape and every value agree (strides and offset do not matter; NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NDArray)) {
            return false;
        }
        NDArray other = (NDArray) o;
        if (dtype != other.dtype || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (dtype.isFloat()) {
                double a = readDouble(physical(i));
                double b = other.readDouble(other.physical(i));
                if (a != b && !(Double.isNaN(a) && Double.isNaN(b))) {
                    return false;
                }
            } else if (readLong(physical(i)) != other.readLong(other.physical(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 31 * dtype.hashCode() + Arrays.hashCode(shape);
        for (int i = 0; i < size; i++) {
            double v = readDouble(physical(i));
            h = 31 * h + Double.hashCode(v == 0 ? 0.0 : v);
        }
        return h;
    }

    /**
     * Values as nested brackets, {@code [[0.5, 0.7310585786], [0.2689414214, 0.119202922]]}; a 0-d
     * array prints its value alone. Floats show at most 10 decimals. Arrays over 1000 elements print
     * as {@code NDArray(float64, shape=(1000, 1000), values=[0.0, 1.0, ...])}.
     */
    @Override
    public String toString() {
        return Format.format(this);
    }

    /** A shape as {@code (2, 3)}; {@code (3,)} for 1-d and {@code ()} for 0-d, as Python writes tuples. */
    public static String shapeToString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------- internals

    private double readDouble(int p) {
        return Storage.readDouble(dtype, data, p);
    }

    private long readLong(int p) {
        return Storage.readLong(dtype, data, p);
    }

    private void writeDouble(int p, double v) {
        Storage.writeDouble(dtype, data, p, v);
    }

    private void writeLong(int p, long v) {
        Storage.writeLong(dtype, data, p, v);
    }

    /** The backing-array position of C-order element {@code flat}. */
    int physical(int flat) {
        if (cStrides) {
            return offset + flat;
        }
        int p = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            int n = shape[d];
            p += (flat % n) * strides[d];
            flat /= n;
        }
        return p;
    }

    private int physicalAt(int[] index) {
        if (index.length != rank()) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                    + " entries, expected " + rank() + " for shape " + shapeToString(shape));
        }
        int p = offset;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is out of bounds for shape "
                        + shapeToString(shape) + ": axis " + d + " has length " + shape[d]);
            }
            p += index[d] * strides[d];
        }
        return p;
    }

    private int checkFlat(int flatIndex) {
        if (flatIndex < 0 || flatIndex >= size) {
            throw new IndexOutOfBoundsException("flat index " + flatIndex + " is out of bounds for shape "
                    + shapeToString(shape) + " (size " + size + ")");
        }
        return flatIndex;
    }

    private int checkAxis(int axis) {
        if (axis < 0 || axis >= rank()) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + shapeToString(shape)
                    + "; expected 0.." + (rank() - 1));
        }
        return axis;
    }

    private int single() {
        if (size != 1) {
            throw new IllegalStateException("expected a single value (size 1), got shape " + shapeToString(shape));
        }
        return 0;
    }

    private void requireRank(int expected) {
        if (rank() != expected) {
            throw new IllegalStateException("expected a " + expected + "-d array, got rank " + rank()
                    + " with shape " + shapeToString(shape));
        }
    }

    /** C-order strides also fit when the only mismatches are on length-1 axes, whose stride never matters. */
    private boolean hasOnlyUnitGaps() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    private static int[] cStridesFor(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= shape[d];
        }
        return st;
    }

    private static int sizeOf(int[] shape) {
        return elementCount(shape);
    }

    /**
     * The number of elements of an array of {@code shape}, computed in {@code long}: a shape with
     * more elements than the 2^31 − 1 a Java array holds is a {@link ShapeMismatchException} that
     * says so, raised before anything is allocated (every backend sizes its buffers through here).
     */
    public static int elementCount(int... shape) {
        long n = 1;
        boolean empty = false;
        for (int s : shape) {
            if (s < 0) {
                throw new ShapeMismatchException("shape " + shapeToString(shape) + " has a negative length");
            }
            empty |= s == 0;
        }
        if (empty) {
            return 0;
        }
        for (int s : shape) {
            n = Math.multiplyExact(n, (long) s);
            if (n > Integer.MAX_VALUE) {
                long total = 1;
                boolean overflow = false;
                for (int d : shape) {
                    try {
                        total = Math.multiplyExact(total, (long) d);
                    } catch (ArithmeticException e) {
                        overflow = true;
                        break;
                    }
                }
                throw new ShapeMismatchException("shape " + shapeToString(shape) + " has "
                        + (overflow ? "more than 2^63" : Long.toString(total)) + " elements, more than the "
                        + Integer.MAX_VALUE + " a Java array can hold");
            }
        }
        return (int) n;
    }

    private static int[] checkShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new ShapeMismatchException("shape " + shapeToString(shape) + " has a negative length");
            }
        }
        sizeOf(shape);
        return shape.clone();
    }
}
