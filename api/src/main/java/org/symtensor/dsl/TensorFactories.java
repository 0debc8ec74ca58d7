package org.symtensor.dsl;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Tensors;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.DTypes;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.FloatX;
import org.symtensor.type.I32;
import org.symtensor.type.TensorType;

/**
 * Theano's factories of symbolic variables, one per dtype prefix and kind: {@code b} int8,
 * {@code w} int16, {@code i} int32, {@code l} int64, {@code f} float32, {@code d} float64; kinds
 * {@code scalar}, {@code vector}, {@code matrix}, {@code row} (1×n, broadcastable rows),
 * {@code col} (n×1), {@code tensor3}, {@code tensor4}; plurals ({@code fscalars("x", "y")}) make
 * several at once. Unprefixed factories use floatX. Reached through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class TensorFactories {
    private TensorFactories() {}

    /** The variable behind every factory: {@code shape} entries are static lengths, {@code -1} unknown. */
    static Variable newVariable(DType dtype, String name, int... shape) {
        return new Variable(TensorType.of(dtype, shape), name);
    }


    /** A symbolic variable of any dtype and static shape ({@code -1} marks an axis known at run time). */
    public static <D extends DTypeMarker> Tensor<D> tensor(Class<D> dtype, String name, int... shape) {
        return Tensors.wrap(newVariable(DTypes.of(dtype), name, shape));
    }

    /** A scalar of any dtype marker, such as {@code scalar(Bool.class, "flag")}. */
    public static <D extends DTypeMarker> Scalar<D> scalar(Class<D> dtype, String name) {
        return new Scalar<>(newVariable(DTypes.of(dtype), name));
    }

    /** A vector of any dtype marker, such as {@code vector(I32.class, "idx")}. */
    public static <D extends DTypeMarker> Vector<D> vector(Class<D> dtype, String name) {
        return new Vector<>(newVariable(DTypes.of(dtype), name, -1));
    }

    /** A matrix of any dtype marker. */
    public static <D extends DTypeMarker> Matrix<D> matrix(Class<D> dtype, String name) {
        return new Matrix<>(newVariable(DTypes.of(dtype), name, -1, -1));
    }

    /** A floatX scalar (float64 unless the flag floatX=float32 is set). */
    public static Scalar<FloatX> scalar(String name) {
        return new Scalar<>(newVariable(DTypes.of(FloatX.class), name));
    }

    /** An unnamed floatX scalar. */
    public static Scalar<FloatX> scalar() {
        return scalar(null);
    }

    /** A floatX vector (float64 unless the flag floatX=float32 is set). */
    public static Vector<FloatX> vector(String name) {
        return new Vector<>(newVariable(DTypes.of(FloatX.class), name, -1));
    }

    /** An unnamed floatX vector. */
    public static Vector<FloatX> vector() {
        return vector(null);
    }

    /** A floatX matrix (float64 unless the flag floatX=float32 is set). */
    public static Matrix<FloatX> matrix(String name) {
        return new Matrix<>(newVariable(DTypes.of(FloatX.class), name, -1, -1));
    }

    /** An unnamed floatX matrix. */
    public static Matrix<FloatX> matrix() {
        return matrix(null);
    }

    /** A floatX row (float64 unless the flag floatX=float32 is set). */
    public static Matrix<FloatX> row(String name) {
        return new Matrix<>(newVariable(DTypes.of(FloatX.class), name, 1, -1));
    }

    /** An unnamed floatX row. */
    public static Matrix<FloatX> row() {
        return row(null);
    }

    /** A floatX col (float64 unless the flag floatX=float32 is set). */
    public static Matrix<FloatX> col(String name) {
        return new Matrix<>(newVariable(DTypes.of(FloatX.class), name, -1, 1));
    }

    /** An unnamed floatX col. */
    public static Matrix<FloatX> col() {
        return col(null);
    }

    /** A floatX tensor3 (float64 unless the flag floatX=float32 is set). */
    public static Tensor3<FloatX> tensor3(String name) {
        return new Tensor3<>(newVariable(DTypes.of(FloatX.class), name, -1, -1, -1));
    }

    /** An unnamed floatX tensor3. */
    public static Tensor3<FloatX> tensor3() {
        return tensor3(null);
    }

    /** A floatX tensor4 (float64 unless the flag floatX=float32 is set). */
    public static Tensor4<FloatX> tensor4(String name) {
        return new Tensor4<>(newVariable(DTypes.of(FloatX.class), name, -1, -1, -1, -1));
    }

    /** An unnamed floatX tensor4. */
    public static Tensor4<FloatX> tensor4() {
        return tensor4(null);
    }

    /** A float32 scalar. */
    public static Scalar<F32> fscalar(String name) {
        return new Scalar<>(newVariable(DType.FLOAT32, name));
    }

    /** An unnamed float32 scalar. */
    public static Scalar<F32> fscalar() {
        return fscalar(null);
    }

    /** Several float32 scalars, one per name. */
    public static List<Scalar<F32>> fscalars(String... names) {
        List<Scalar<F32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(fscalar(n));
        }
        return r;
    }

    /** A float32 vector. */
    public static Vector<F32> fvector(String name) {
        return new Vector<>(newVariable(DType.FLOAT32, name, -1));
    }

    /** An unnamed float32 vector. */
    public static Vector<F32> fvector() {
        return fvector(null);
    }

    /** Several float32 vectors, one per name. */
    public static List<Vector<F32>> fvectors(String... names) {
        List<Vector<F32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(fvector(n));
        }
        return r;
    }

    /** A float32 matrix. */
    public static Matrix<F32> fmatrix(String name) {
        return new Matrix<>(newVariable(DType.FLOAT32, name, -1, -1));
    }

    /** An unnamed float32 matrix. */
    public static Matrix<F32> fmatrix() {
        return fmatrix(null);
    }

    /** Several float32 matrices, one per name. */
    public static List<Matrix<F32>> fmatrices(String... names) {
        List<Matrix<F32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(fmatrix(n));
        }
        return r;
    }

    /** A float32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F32> frow(String name) {
        return new Matrix<>(newVariable(DType.FLOAT32, name, 1, -1));
    }

    /** An unnamed float32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F32> frow() {
        return frow(null);
    }

    /** Several float32 rows, one per name. */
    public static List<Matrix<F32>> frows(String... names) {
        List<Matrix<F32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(frow(n));
        }
        return r;
    }

    /** A float32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F32> fcol(String name) {
        return new Matrix<>(newVariable(DType.FLOAT32, name, -1, 1));
    }

    /** An unnamed float32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F32> fcol() {
        return fcol(null);
    }

    /** Several float32 cols, one per name. */
    public static List<Matrix<F32>> fcols(String... names) {
        List<Matrix<F32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(fcol(n));
        }
        return r;
    }

    /** A float32 tensor3. */
    public static Tensor3<F32> ftensor3(String name) {
        return new Tensor3<>(newVariable(DType.FLOAT32, name, -1, -1, -1));
    }

    /** An unnamed float32 tensor3. */
    public static Tensor3<F32> ftensor3() {
        return ftensor3(null);
    }

    /** Several float32 tensor3s, one per name. */
    public static List<Tensor3<F32>> ftensor3s(String... names) {
        List<Tensor3<F32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(ftensor3(n));
        }
        return r;
    }

    /** A float32 tensor4. */
    public static Tensor4<F32> ftensor4(String name) {
        return new Tensor4<>(newVariable(DType.FLOAT32, name, -1, -1, -1, -1));
    }

    /** An unnamed float32 tensor4. */
    public static Tensor4<F32> ftensor4() {
        return ftensor4(null);
    }

    /** Several float32 tensor4s, one per name. */
    public static List<Tensor4<F32>> ftensor4s(String... names) {
        List<Tensor4<F32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(ftensor4(n));
        }
        return r;
    }

    /** A float64 scalar. */
    public static Scalar<F64> dscalar(String name) {
        return new Scalar<>(newVariable(DType.FLOAT64, name));
    }

    /** An unnamed float64 scalar. */
    public static Scalar<F64> dscalar() {
        return dscalar(null);
    }

    /** Several float64 scalars, one per name. */
    public static List<Scalar<F64>> dscalars(String... names) {
        List<Scalar<F64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(dscalar(n));
        }
        return r;
    }

    /** A float64 vector. */
    public static Vector<F64> dvector(String name) {
        return new Vector<>(newVariable(DType.FLOAT64, name, -1));
    }

    /** An unnamed float64 vector. */
    public static Vector<F64> dvector() {
        return dvector(null);
    }

    /** Several float64 vectors, one per name. */
    public static List<Vector<F64>> dvectors(String... names) {
        List<Vector<F64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(dvector(n));
        }
        return r;
    }

    /** A float64 matrix. */
    public static Matrix<F64> dmatrix(String name) {
        return new Matrix<>(newVariable(DType.FLOAT64, name, -1, -1));
    }

    /** An unnamed float64 matrix. */
    public static Matrix<F64> dmatrix() {
        return dmatrix(null);
    }

    /** Several float64 matrices, one per name. */
    public static List<Matrix<F64>> dmatrices(String... names) {
        List<Matrix<F64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(dmatrix(n));
        }
        return r;
    }

    /** A float64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F64> drow(String name) {
        return new Matrix<>(newVariable(DType.FLOAT64, name, 1, -1));
    }

    /** An unnamed float64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F64> drow() {
        return drow(null);
    }

    /** Several float64 rows, one per name. */
    public static List<Matrix<F64>> drows(String... names) {
        List<Matrix<F64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(drow(n));
        }
        return r;
    }

    /** A float64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F64> dcol(String name) {
        return new Matrix<>(newVariable(DType.FLOAT64, name, -1, 1));
    }

    /** An unnamed float64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F64> dcol() {
        return dcol(null);
    }

    /** Several float64 cols, one per name. */
    public static List<Matrix<F64>> dcols(String... names) {
        List<Matrix<F64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(dcol(n));
        }
        return r;
    }

    /** A float64 tensor3. */
    public static Tensor3<F64> dtensor3(String name) {
        return new Tensor3<>(newVariable(DType.FLOAT64, name, -1, -1, -1));
    }

    /** An unnamed float64 tensor3. */
    public static Tensor3<F64> dtensor3() {
        return dtensor3(null);
    }

    /** Several float64 tensor3s, one per name. */
    public static List<Tensor3<F64>> dtensor3s(String... names) {
        List<Tensor3<F64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(dtensor3(n));
        }
        return r;
    }

    /** A float64 tensor4. */
    public static Tensor4<F64> dtensor4(String name) {
        return new Tensor4<>(newVariable(DType.FLOAT64, name, -1, -1, -1, -1));
    }

    /** An unnamed float64 tensor4. */
    public static Tensor4<F64> dtensor4() {
        return dtensor4(null);
    }

    /** Several float64 tensor4s, one per name. */
    public static List<Tensor4<F64>> dtensor4s(String... names) {
        List<Tensor4<F64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(dtensor4(n));
        }
        return r;
    }
}
