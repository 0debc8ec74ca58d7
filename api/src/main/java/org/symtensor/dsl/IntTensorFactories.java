package org.symtensor.dsl;

import static org.symtensor.dsl.TensorFactories.newVariable;

import java.util.ArrayList;
import java.util.List;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.I16;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.I8;

/**
 * Theano's integer factories of symbolic variables (float ones: {@link TensorFactories}), one per dtype prefix and kind: {@code b} int8,
 * {@code w} int16, {@code i} int32, {@code l} int64, {@code f} float32, {@code d} float64; kinds
 * {@code scalar}, {@code vector}, {@code matrix}, {@code row} (1×n, broadcastable rows),
 * {@code col} (n×1), {@code tensor3}, {@code tensor4}; plurals ({@code fscalars("x", "y")}) make
 * several at once. Unprefixed factories use floatX. Reached through {@link org.symtensor.T}'s static imports (T delegates here).
 */
public final class IntTensorFactories {
    private IntTensorFactories() {}

    /** An int8 scalar. */
    public static Scalar<I8> bscalar(String name) {
        return new Scalar<>(newVariable(DType.INT8, name));
    }

    /** An unnamed int8 scalar. */
    public static Scalar<I8> bscalar() {
        return bscalar(null);
    }

    /** Several int8 scalars, one per name. */
    public static List<Scalar<I8>> bscalars(String... names) {
        List<Scalar<I8>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(bscalar(n));
        }
        return r;
    }

    /** An int8 vector. */
    public static Vector<I8> bvector(String name) {
        return new Vector<>(newVariable(DType.INT8, name, -1));
    }

    /** An unnamed int8 vector. */
    public static Vector<I8> bvector() {
        return bvector(null);
    }

    /** Several int8 vectors, one per name. */
    public static List<Vector<I8>> bvectors(String... names) {
        List<Vector<I8>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(bvector(n));
        }
        return r;
    }

    /** An int8 matrix. */
    public static Matrix<I8> bmatrix(String name) {
        return new Matrix<>(newVariable(DType.INT8, name, -1, -1));
    }

    /** An unnamed int8 matrix. */
    public static Matrix<I8> bmatrix() {
        return bmatrix(null);
    }

    /** Several int8 matrices, one per name. */
    public static List<Matrix<I8>> bmatrices(String... names) {
        List<Matrix<I8>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(bmatrix(n));
        }
        return r;
    }

    /** An int8 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I8> brow(String name) {
        return new Matrix<>(newVariable(DType.INT8, name, 1, -1));
    }

    /** An unnamed int8 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I8> brow() {
        return brow(null);
    }

    /** Several int8 rows, one per name. */
    public static List<Matrix<I8>> brows(String... names) {
        List<Matrix<I8>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(brow(n));
        }
        return r;
    }

    /** An int8 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I8> bcol(String name) {
        return new Matrix<>(newVariable(DType.INT8, name, -1, 1));
    }

    /** An unnamed int8 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I8> bcol() {
        return bcol(null);
    }

    /** Several int8 cols, one per name. */
    public static List<Matrix<I8>> bcols(String... names) {
        List<Matrix<I8>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(bcol(n));
        }
        return r;
    }

    /** An int8 tensor3. */
    public static Tensor3<I8> btensor3(String name) {
        return new Tensor3<>(newVariable(DType.INT8, name, -1, -1, -1));
    }

    /** An unnamed int8 tensor3. */
    public static Tensor3<I8> btensor3() {
        return btensor3(null);
    }

    /** Several int8 tensor3s, one per name. */
    public static List<Tensor3<I8>> btensor3s(String... names) {
        List<Tensor3<I8>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(btensor3(n));
        }
        return r;
    }

    /** An int8 tensor4. */
    public static Tensor4<I8> btensor4(String name) {
        return new Tensor4<>(newVariable(DType.INT8, name, -1, -1, -1, -1));
    }

    /** An unnamed int8 tensor4. */
    public static Tensor4<I8> btensor4() {
        return btensor4(null);
    }

    /** Several int8 tensor4s, one per name. */
    public static List<Tensor4<I8>> btensor4s(String... names) {
        List<Tensor4<I8>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(btensor4(n));
        }
        return r;
    }

    /** An int16 scalar. */
    public static Scalar<I16> wscalar(String name) {
        return new Scalar<>(newVariable(DType.INT16, name));
    }

    /** An unnamed int16 scalar. */
    public static Scalar<I16> wscalar() {
        return wscalar(null);
    }

    /** Several int16 scalars, one per name. */
    public static List<Scalar<I16>> wscalars(String... names) {
        List<Scalar<I16>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(wscalar(n));
        }
        return r;
    }

    /** An int16 vector. */
    public static Vector<I16> wvector(String name) {
        return new Vector<>(newVariable(DType.INT16, name, -1));
    }

    /** An unnamed int16 vector. */
    public static Vector<I16> wvector() {
        return wvector(null);
    }

    /** Several int16 vectors, one per name. */
    public static List<Vector<I16>> wvectors(String... names) {
        List<Vector<I16>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(wvector(n));
        }
        return r;
    }

    /** An int16 matrix. */
    public static Matrix<I16> wmatrix(String name) {
        return new Matrix<>(newVariable(DType.INT16, name, -1, -1));
    }

    /** An unnamed int16 matrix. */
    public static Matrix<I16> wmatrix() {
        return wmatrix(null);
    }

    /** Several int16 matrices, one per name. */
    public static List<Matrix<I16>> wmatrices(String... names) {
        List<Matrix<I16>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(wmatrix(n));
        }
        return r;
    }

    /** An int16 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I16> wrow(String name) {
        return new Matrix<>(newVariable(DType.INT16, name, 1, -1));
    }

    /** An unnamed int16 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I16> wrow() {
        return wrow(null);
    }

    /** Several int16 rows, one per name. */
    public static List<Matrix<I16>> wrows(String... names) {
        List<Matrix<I16>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(wrow(n));
        }
        return r;
    }

    /** An int16 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I16> wcol(String name) {
        return new Matrix<>(newVariable(DType.INT16, name, -1, 1));
    }

    /** An unnamed int16 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I16> wcol() {
        return wcol(null);
    }

    /** Several int16 cols, one per name. */
    public static List<Matrix<I16>> wcols(String... names) {
        List<Matrix<I16>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(wcol(n));
        }
        return r;
    }

    /** An int16 tensor3. */
    public static Tensor3<I16> wtensor3(String name) {
        return new Tensor3<>(newVariable(DType.INT16, name, -1, -1, -1));
    }

    /** An unnamed int16 tensor3. */
    public static Tensor3<I16> wtensor3() {
        return wtensor3(null);
    }

    /** Several int16 tensor3s, one per name. */
    public static List<Tensor3<I16>> wtensor3s(String... names) {
        List<Tensor3<I16>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(wtensor3(n));
        }
        return r;
    }

    /** An int16 tensor4. */
    public static Tensor4<I16> wtensor4(String name) {
        return new Tensor4<>(newVariable(DType.INT16, name, -1, -1, -1, -1));
    }

    /** An unnamed int16 tensor4. */
    public static Tensor4<I16> wtensor4() {
        return wtensor4(null);
    }

    /** Several int16 tensor4s, one per name. */
    public static List<Tensor4<I16>> wtensor4s(String... names) {
        List<Tensor4<I16>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(wtensor4(n));
        }
        return r;
    }

    /** An int32 scalar. */
    public static Scalar<I32> iscalar(String name) {
        return new Scalar<>(newVariable(DType.INT32, name));
    }

    /** An unnamed int32 scalar. */
    public static Scalar<I32> iscalar() {
        return iscalar(null);
    }

    /** Several int32 scalars, one per name. */
    public static List<Scalar<I32>> iscalars(String... names) {
        List<Scalar<I32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(iscalar(n));
        }
        return r;
    }

    /** An int32 vector. */
    public static Vector<I32> ivector(String name) {
        return new Vector<>(newVariable(DType.INT32, name, -1));
    }

    /** An unnamed int32 vector. */
    public static Vector<I32> ivector() {
        return ivector(null);
    }

    /** Several int32 vectors, one per name. */
    public static List<Vector<I32>> ivectors(String... names) {
        List<Vector<I32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(ivector(n));
        }
        return r;
    }

    /** An int32 matrix. */
    public static Matrix<I32> imatrix(String name) {
        return new Matrix<>(newVariable(DType.INT32, name, -1, -1));
    }

    /** An unnamed int32 matrix. */
    public static Matrix<I32> imatrix() {
        return imatrix(null);
    }

    /** Several int32 matrices, one per name. */
    public static List<Matrix<I32>> imatrices(String... names) {
        List<Matrix<I32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(imatrix(n));
        }
        return r;
    }

    /** An int32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I32> irow(String name) {
        return new Matrix<>(newVariable(DType.INT32, name, 1, -1));
    }

    /** An unnamed int32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I32> irow() {
        return irow(null);
    }

    /** Several int32 rows, one per name. */
    public static List<Matrix<I32>> irows(String... names) {
        List<Matrix<I32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(irow(n));
        }
        return r;
    }

    /** An int32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I32> icol(String name) {
        return new Matrix<>(newVariable(DType.INT32, name, -1, 1));
    }

    /** An unnamed int32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I32> icol() {
        return icol(null);
    }

    /** Several int32 cols, one per name. */
    public static List<Matrix<I32>> icols(String... names) {
        List<Matrix<I32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(icol(n));
        }
        return r;
    }

    /** An int32 tensor3. */
    public static Tensor3<I32> itensor3(String name) {
        return new Tensor3<>(newVariable(DType.INT32, name, -1, -1, -1));
    }

    /** An unnamed int32 tensor3. */
    public static Tensor3<I32> itensor3() {
        return itensor3(null);
    }

    /** Several int32 tensor3s, one per name. */
    public static List<Tensor3<I32>> itensor3s(String... names) {
        List<Tensor3<I32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(itensor3(n));
        }
        return r;
    }

    /** An int32 tensor4. */
    public static Tensor4<I32> itensor4(String name) {
        return new Tensor4<>(newVariable(DType.INT32, name, -1, -1, -1, -1));
    }

    /** An unnamed int32 tensor4. */
    public static Tensor4<I32> itensor4() {
        return itensor4(null);
    }

    /** Several int32 tensor4s, one per name. */
    public static List<Tensor4<I32>> itensor4s(String... names) {
        List<Tensor4<I32>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(itensor4(n));
        }
        return r;
    }

    /** An int64 scalar. */
    public static Scalar<I64> lscalar(String name) {
        return new Scalar<>(newVariable(DType.INT64, name));
    }

    /** An unnamed int64 scalar. */
    public static Scalar<I64> lscalar() {
        return lscalar(null);
    }

    /** Several int64 scalars, one per name. */
    public static List<Scalar<I64>> lscalars(String... names) {
        List<Scalar<I64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(lscalar(n));
        }
        return r;
    }

    /** An int64 vector. */
    public static Vector<I64> lvector(String name) {
        return new Vector<>(newVariable(DType.INT64, name, -1));
    }

    /** An unnamed int64 vector. */
    public static Vector<I64> lvector() {
        return lvector(null);
    }

    /** Several int64 vectors, one per name. */
    public static List<Vector<I64>> lvectors(String... names) {
        List<Vector<I64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(lvector(n));
        }
        return r;
    }

    /** An int64 matrix. */
    public static Matrix<I64> lmatrix(String name) {
        return new Matrix<>(newVariable(DType.INT64, name, -1, -1));
    }

    /** An unnamed int64 matrix. */
    public static Matrix<I64> lmatrix() {
        return lmatrix(null);
    }

    /** Several int64 matrices, one per name. */
    public static List<Matrix<I64>> lmatrices(String... names) {
        List<Matrix<I64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(lmatrix(n));
        }
        return r;
    }

    /** An int64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I64> lrow(String name) {
        return new Matrix<>(newVariable(DType.INT64, name, 1, -1));
    }

    /** An unnamed int64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I64> lrow() {
        return lrow(null);
    }

    /** Several int64 rows, one per name. */
    public static List<Matrix<I64>> lrows(String... names) {
        List<Matrix<I64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(lrow(n));
        }
        return r;
    }

    /** An int64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I64> lcol(String name) {
        return new Matrix<>(newVariable(DType.INT64, name, -1, 1));
    }

    /** An unnamed int64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I64> lcol() {
        return lcol(null);
    }

    /** Several int64 cols, one per name. */
    public static List<Matrix<I64>> lcols(String... names) {
        List<Matrix<I64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(lcol(n));
        }
        return r;
    }

    /** An int64 tensor3. */
    public static Tensor3<I64> ltensor3(String name) {
        return new Tensor3<>(newVariable(DType.INT64, name, -1, -1, -1));
    }

    /** An unnamed int64 tensor3. */
    public static Tensor3<I64> ltensor3() {
        return ltensor3(null);
    }

    /** Several int64 tensor3s, one per name. */
    public static List<Tensor3<I64>> ltensor3s(String... names) {
        List<Tensor3<I64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(ltensor3(n));
        }
        return r;
    }

    /** An int64 tensor4. */
    public static Tensor4<I64> ltensor4(String name) {
        return new Tensor4<>(newVariable(DType.INT64, name, -1, -1, -1, -1));
    }

    /** An unnamed int64 tensor4. */
    public static Tensor4<I64> ltensor4() {
        return ltensor4(null);
    }

    /** Several int64 tensor4s, one per name. */
    public static List<Tensor4<I64>> ltensor4s(String... names) {
        List<Tensor4<I64>> r = new ArrayList<>(names.length);
        for (String n : names) {
            r.add(ltensor4(n));
        }
        return r;
    }
}
