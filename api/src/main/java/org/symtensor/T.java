package org.symtensor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.symtensor.dsl.AxisFunctions;
import org.symtensor.dsl.AxisReductionFunctions;
import org.symtensor.dsl.BitwiseFunctions;
import org.symtensor.dsl.ConstantFactories;
import org.symtensor.dsl.ConstructionFunctions;
import org.symtensor.dsl.FunctionFactories;
import org.symtensor.dsl.GradFunctions;
import org.symtensor.dsl.IndexFunctions;
import org.symtensor.dsl.IntTensorFactories;
import org.symtensor.dsl.LinAlgFunctions;
import org.symtensor.dsl.MathFunctions;
import org.symtensor.dsl.NNetFunctions;
import org.symtensor.dsl.PrintFunctions;
import org.symtensor.dsl.ReductionFunctions;
import org.symtensor.dsl.ScanFunctions;
import org.symtensor.dsl.ShapeFunctions;
import org.symtensor.dsl.SharedFactories;
import org.symtensor.dsl.TensorFactories;
import org.symtensor.function.CompileOptions;
import org.symtensor.function.CopyOption;
import org.symtensor.function.Function;
import org.symtensor.function.FunctionFlag;
import org.symtensor.function.FunctionInput;
import org.symtensor.function.FunctionOption;
import org.symtensor.function.FunctionSpec;
import org.symtensor.function.Givens;
import org.symtensor.function.In;
import org.symtensor.function.Inputs;
import org.symtensor.function.Mode;
import org.symtensor.function.NoDefaultUpdates;
import org.symtensor.function.Outputs;
import org.symtensor.function.Update;
import org.symtensor.function.Updates;
import org.symtensor.grad.GradOption;
import org.symtensor.grad.Gradients;
import org.symtensor.ir.IndexOps;
import org.symtensor.ir.Variable;
import org.symtensor.random.RandomStreams;
import org.symtensor.scan.ScanOption;
import org.symtensor.scan.ScanResult;
import org.symtensor.scan.ScanStep;
import org.symtensor.scan.Tapped;
import org.symtensor.scan.TypedScanResult;
import org.symtensor.tensor.AbstractTensor;
import org.symtensor.tensor.BatchNorm;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor3;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Slice;
import org.symtensor.tensor.Stackable;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensor3;
import org.symtensor.tensor.Tensor4;
import org.symtensor.tensor.Vector;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;
import org.symtensor.type.F32;
import org.symtensor.type.F64;
import org.symtensor.type.FloatX;
import org.symtensor.type.FloatingMarker;
import org.symtensor.type.I16;
import org.symtensor.type.I32;
import org.symtensor.type.I64;
import org.symtensor.type.I8;
import org.symtensor.type.IntegerMarker;
import org.symtensor.type.MeansTo;
import org.symtensor.type.SumsTo;
import org.symtensor.value.NDArray;

/**
 * The DSL's top-level functions, meant to be imported statically ({@code import static org.symtensor.T.*}):
 * variable factories ({@code fscalar}, {@code dmatrix}, ...), constants and shared variables, math,
 * gradients, {@code scan}, {@code function} and its options, {@code pp} and {@code debugprint}.
 *
 * <p>One flat facade, as AssertJ's {@code Assertions}: every method is a one-line delegator to a small
 * implementation class of {@code org.symtensor.dsl} (none extends another), where its full
 * documentation lives. This file is generated from those classes by {@code api/tools/GenerateFacade.java}
 * and committed as source; {@code FacadeTest} checks that it delegates every DSL method and nothing else.
 */
public final class T {
    private T() {}

    // ---- symbolic variables: floatX, float32, float64 and any dtype (TensorFactories) -----------------------

    /** A symbolic variable of any dtype and static shape ({@code -1} marks an axis known at run time). */
    public static <D extends DTypeMarker> Tensor<D> tensor(Class<D> dtype, String name, int... shape) {
        return TensorFactories.tensor(dtype, name, shape);
    }

    /** A scalar of any dtype marker, such as {@code scalar(Bool.class, "flag")}. */
    public static <D extends DTypeMarker> Scalar<D> scalar(Class<D> dtype, String name) {
        return TensorFactories.scalar(dtype, name);
    }

    /** A vector of any dtype marker, such as {@code vector(I32.class, "idx")}. */
    public static <D extends DTypeMarker> Vector<D> vector(Class<D> dtype, String name) {
        return TensorFactories.vector(dtype, name);
    }

    /** A matrix of any dtype marker. */
    public static <D extends DTypeMarker> Matrix<D> matrix(Class<D> dtype, String name) {
        return TensorFactories.matrix(dtype, name);
    }

    /** A floatX scalar (float64 unless the flag floatX=float32 is set). */
    public static Scalar<FloatX> scalar(String name) {
        return TensorFactories.scalar(name);
    }

    /** An unnamed floatX scalar. */
    public static Scalar<FloatX> scalar() {
        return TensorFactories.scalar();
    }

    /** A floatX vector (float64 unless the flag floatX=float32 is set). */
    public static Vector<FloatX> vector(String name) {
        return TensorFactories.vector(name);
    }

    /** An unnamed floatX vector. */
    public static Vector<FloatX> vector() {
        return TensorFactories.vector();
    }

    /** A floatX matrix (float64 unless the flag floatX=float32 is set). */
    public static Matrix<FloatX> matrix(String name) {
        return TensorFactories.matrix(name);
    }

    /** An unnamed floatX matrix. */
    public static Matrix<FloatX> matrix() {
        return TensorFactories.matrix();
    }

    /** A floatX row (float64 unless the flag floatX=float32 is set). */
    public static Matrix<FloatX> row(String name) {
        return TensorFactories.row(name);
    }

    /** An unnamed floatX row. */
    public static Matrix<FloatX> row() {
        return TensorFactories.row();
    }

    /** A floatX col (float64 unless the flag floatX=float32 is set). */
    public static Matrix<FloatX> col(String name) {
        return TensorFactories.col(name);
    }

    /** An unnamed floatX col. */
    public static Matrix<FloatX> col() {
        return TensorFactories.col();
    }

    /** A floatX tensor3 (float64 unless the flag floatX=float32 is set). */
    public static Tensor3<FloatX> tensor3(String name) {
        return TensorFactories.tensor3(name);
    }

    /** An unnamed floatX tensor3. */
    public static Tensor3<FloatX> tensor3() {
        return TensorFactories.tensor3();
    }

    /** A floatX tensor4 (float64 unless the flag floatX=float32 is set). */
    public static Tensor4<FloatX> tensor4(String name) {
        return TensorFactories.tensor4(name);
    }

    /** An unnamed floatX tensor4. */
    public static Tensor4<FloatX> tensor4() {
        return TensorFactories.tensor4();
    }

    /** A float32 scalar. */
    public static Scalar<F32> fscalar(String name) {
        return TensorFactories.fscalar(name);
    }

    /** An unnamed float32 scalar. */
    public static Scalar<F32> fscalar() {
        return TensorFactories.fscalar();
    }

    /** Several float32 scalars, one per name. */
    public static List<Scalar<F32>> fscalars(String... names) {
        return TensorFactories.fscalars(names);
    }

    /** A float32 vector. */
    public static Vector<F32> fvector(String name) {
        return TensorFactories.fvector(name);
    }

    /** An unnamed float32 vector. */
    public static Vector<F32> fvector() {
        return TensorFactories.fvector();
    }

    /** Several float32 vectors, one per name. */
    public static List<Vector<F32>> fvectors(String... names) {
        return TensorFactories.fvectors(names);
    }

    /** A float32 matrix. */
    public static Matrix<F32> fmatrix(String name) {
        return TensorFactories.fmatrix(name);
    }

    /** An unnamed float32 matrix. */
    public static Matrix<F32> fmatrix() {
        return TensorFactories.fmatrix();
    }

    /** Several float32 matrices, one per name. */
    public static List<Matrix<F32>> fmatrices(String... names) {
        return TensorFactories.fmatrices(names);
    }

    /** A float32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F32> frow(String name) {
        return TensorFactories.frow(name);
    }

    /** An unnamed float32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F32> frow() {
        return TensorFactories.frow();
    }

    /** Several float32 rows, one per name. */
    public static List<Matrix<F32>> frows(String... names) {
        return TensorFactories.frows(names);
    }

    /** A float32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F32> fcol(String name) {
        return TensorFactories.fcol(name);
    }

    /** An unnamed float32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F32> fcol() {
        return TensorFactories.fcol();
    }

    /** Several float32 cols, one per name. */
    public static List<Matrix<F32>> fcols(String... names) {
        return TensorFactories.fcols(names);
    }

    /** A float32 tensor3. */
    public static Tensor3<F32> ftensor3(String name) {
        return TensorFactories.ftensor3(name);
    }

    /** An unnamed float32 tensor3. */
    public static Tensor3<F32> ftensor3() {
        return TensorFactories.ftensor3();
    }

    /** Several float32 tensor3s, one per name. */
    public static List<Tensor3<F32>> ftensor3s(String... names) {
        return TensorFactories.ftensor3s(names);
    }

    /** A float32 tensor4. */
    public static Tensor4<F32> ftensor4(String name) {
        return TensorFactories.ftensor4(name);
    }

    /** An unnamed float32 tensor4. */
    public static Tensor4<F32> ftensor4() {
        return TensorFactories.ftensor4();
    }

    /** Several float32 tensor4s, one per name. */
    public static List<Tensor4<F32>> ftensor4s(String... names) {
        return TensorFactories.ftensor4s(names);
    }

    /** A float64 scalar. */
    public static Scalar<F64> dscalar(String name) {
        return TensorFactories.dscalar(name);
    }

    /** An unnamed float64 scalar. */
    public static Scalar<F64> dscalar() {
        return TensorFactories.dscalar();
    }

    /** Several float64 scalars, one per name. */
    public static List<Scalar<F64>> dscalars(String... names) {
        return TensorFactories.dscalars(names);
    }

    /** A float64 vector. */
    public static Vector<F64> dvector(String name) {
        return TensorFactories.dvector(name);
    }

    /** An unnamed float64 vector. */
    public static Vector<F64> dvector() {
        return TensorFactories.dvector();
    }

    /** Several float64 vectors, one per name. */
    public static List<Vector<F64>> dvectors(String... names) {
        return TensorFactories.dvectors(names);
    }

    /** A float64 matrix. */
    public static Matrix<F64> dmatrix(String name) {
        return TensorFactories.dmatrix(name);
    }

    /** An unnamed float64 matrix. */
    public static Matrix<F64> dmatrix() {
        return TensorFactories.dmatrix();
    }

    /** Several float64 matrices, one per name. */
    public static List<Matrix<F64>> dmatrices(String... names) {
        return TensorFactories.dmatrices(names);
    }

    /** A float64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F64> drow(String name) {
        return TensorFactories.drow(name);
    }

    /** An unnamed float64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<F64> drow() {
        return TensorFactories.drow();
    }

    /** Several float64 rows, one per name. */
    public static List<Matrix<F64>> drows(String... names) {
        return TensorFactories.drows(names);
    }

    /** A float64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F64> dcol(String name) {
        return TensorFactories.dcol(name);
    }

    /** An unnamed float64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<F64> dcol() {
        return TensorFactories.dcol();
    }

    /** Several float64 cols, one per name. */
    public static List<Matrix<F64>> dcols(String... names) {
        return TensorFactories.dcols(names);
    }

    /** A float64 tensor3. */
    public static Tensor3<F64> dtensor3(String name) {
        return TensorFactories.dtensor3(name);
    }

    /** An unnamed float64 tensor3. */
    public static Tensor3<F64> dtensor3() {
        return TensorFactories.dtensor3();
    }

    /** Several float64 tensor3s, one per name. */
    public static List<Tensor3<F64>> dtensor3s(String... names) {
        return TensorFactories.dtensor3s(names);
    }

    /** A float64 tensor4. */
    public static Tensor4<F64> dtensor4(String name) {
        return TensorFactories.dtensor4(name);
    }

    /** An unnamed float64 tensor4. */
    public static Tensor4<F64> dtensor4() {
        return TensorFactories.dtensor4();
    }

    /** Several float64 tensor4s, one per name. */
    public static List<Tensor4<F64>> dtensor4s(String... names) {
        return TensorFactories.dtensor4s(names);
    }

    // ---- symbolic variables: int8, int16, int32, int64 (IntTensorFactories) ---------------------------------

    /** An int8 scalar. */
    public static Scalar<I8> bscalar(String name) {
        return IntTensorFactories.bscalar(name);
    }

    /** An unnamed int8 scalar. */
    public static Scalar<I8> bscalar() {
        return IntTensorFactories.bscalar();
    }

    /** Several int8 scalars, one per name. */
    public static List<Scalar<I8>> bscalars(String... names) {
        return IntTensorFactories.bscalars(names);
    }

    /** An int8 vector. */
    public static Vector<I8> bvector(String name) {
        return IntTensorFactories.bvector(name);
    }

    /** An unnamed int8 vector. */
    public static Vector<I8> bvector() {
        return IntTensorFactories.bvector();
    }

    /** Several int8 vectors, one per name. */
    public static List<Vector<I8>> bvectors(String... names) {
        return IntTensorFactories.bvectors(names);
    }

    /** An int8 matrix. */
    public static Matrix<I8> bmatrix(String name) {
        return IntTensorFactories.bmatrix(name);
    }

    /** An unnamed int8 matrix. */
    public static Matrix<I8> bmatrix() {
        return IntTensorFactories.bmatrix();
    }

    /** Several int8 matrices, one per name. */
    public static List<Matrix<I8>> bmatrices(String... names) {
        return IntTensorFactories.bmatrices(names);
    }

    /** An int8 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I8> brow(String name) {
        return IntTensorFactories.brow(name);
    }

    /** An unnamed int8 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I8> brow() {
        return IntTensorFactories.brow();
    }

    /** Several int8 rows, one per name. */
    public static List<Matrix<I8>> brows(String... names) {
        return IntTensorFactories.brows(names);
    }

    /** An int8 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I8> bcol(String name) {
        return IntTensorFactories.bcol(name);
    }

    /** An unnamed int8 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I8> bcol() {
        return IntTensorFactories.bcol();
    }

    /** Several int8 cols, one per name. */
    public static List<Matrix<I8>> bcols(String... names) {
        return IntTensorFactories.bcols(names);
    }

    /** An int8 tensor3. */
    public static Tensor3<I8> btensor3(String name) {
        return IntTensorFactories.btensor3(name);
    }

    /** An unnamed int8 tensor3. */
    public static Tensor3<I8> btensor3() {
        return IntTensorFactories.btensor3();
    }

    /** Several int8 tensor3s, one per name. */
    public static List<Tensor3<I8>> btensor3s(String... names) {
        return IntTensorFactories.btensor3s(names);
    }

    /** An int8 tensor4. */
    public static Tensor4<I8> btensor4(String name) {
        return IntTensorFactories.btensor4(name);
    }

    /** An unnamed int8 tensor4. */
    public static Tensor4<I8> btensor4() {
        return IntTensorFactories.btensor4();
    }

    /** Several int8 tensor4s, one per name. */
    public static List<Tensor4<I8>> btensor4s(String... names) {
        return IntTensorFactories.btensor4s(names);
    }

    /** An int16 scalar. */
    public static Scalar<I16> wscalar(String name) {
        return IntTensorFactories.wscalar(name);
    }

    /** An unnamed int16 scalar. */
    public static Scalar<I16> wscalar() {
        return IntTensorFactories.wscalar();
    }

    /** Several int16 scalars, one per name. */
    public static List<Scalar<I16>> wscalars(String... names) {
        return IntTensorFactories.wscalars(names);
    }

    /** An int16 vector. */
    public static Vector<I16> wvector(String name) {
        return IntTensorFactories.wvector(name);
    }

    /** An unnamed int16 vector. */
    public static Vector<I16> wvector() {
        return IntTensorFactories.wvector();
    }

    /** Several int16 vectors, one per name. */
    public static List<Vector<I16>> wvectors(String... names) {
        return IntTensorFactories.wvectors(names);
    }

    /** An int16 matrix. */
    public static Matrix<I16> wmatrix(String name) {
        return IntTensorFactories.wmatrix(name);
    }

    /** An unnamed int16 matrix. */
    public static Matrix<I16> wmatrix() {
        return IntTensorFactories.wmatrix();
    }

    /** Several int16 matrices, one per name. */
    public static List<Matrix<I16>> wmatrices(String... names) {
        return IntTensorFactories.wmatrices(names);
    }

    /** An int16 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I16> wrow(String name) {
        return IntTensorFactories.wrow(name);
    }

    /** An unnamed int16 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I16> wrow() {
        return IntTensorFactories.wrow();
    }

    /** Several int16 rows, one per name. */
    public static List<Matrix<I16>> wrows(String... names) {
        return IntTensorFactories.wrows(names);
    }

    /** An int16 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I16> wcol(String name) {
        return IntTensorFactories.wcol(name);
    }

    /** An unnamed int16 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I16> wcol() {
        return IntTensorFactories.wcol();
    }

    /** Several int16 cols, one per name. */
    public static List<Matrix<I16>> wcols(String... names) {
        return IntTensorFactories.wcols(names);
    }

    /** An int16 tensor3. */
    public static Tensor3<I16> wtensor3(String name) {
        return IntTensorFactories.wtensor3(name);
    }

    /** An unnamed int16 tensor3. */
    public static Tensor3<I16> wtensor3() {
        return IntTensorFactories.wtensor3();
    }

    /** Several int16 tensor3s, one per name. */
    public static List<Tensor3<I16>> wtensor3s(String... names) {
        return IntTensorFactories.wtensor3s(names);
    }

    /** An int16 tensor4. */
    public static Tensor4<I16> wtensor4(String name) {
        return IntTensorFactories.wtensor4(name);
    }

    /** An unnamed int16 tensor4. */
    public static Tensor4<I16> wtensor4() {
        return IntTensorFactories.wtensor4();
    }

    /** Several int16 tensor4s, one per name. */
    public static List<Tensor4<I16>> wtensor4s(String... names) {
        return IntTensorFactories.wtensor4s(names);
    }

    /** An int32 scalar. */
    public static Scalar<I32> iscalar(String name) {
        return IntTensorFactories.iscalar(name);
    }

    /** An unnamed int32 scalar. */
    public static Scalar<I32> iscalar() {
        return IntTensorFactories.iscalar();
    }

    /** Several int32 scalars, one per name. */
    public static List<Scalar<I32>> iscalars(String... names) {
        return IntTensorFactories.iscalars(names);
    }

    /** An int32 vector. */
    public static Vector<I32> ivector(String name) {
        return IntTensorFactories.ivector(name);
    }

    /** An unnamed int32 vector. */
    public static Vector<I32> ivector() {
        return IntTensorFactories.ivector();
    }

    /** Several int32 vectors, one per name. */
    public static List<Vector<I32>> ivectors(String... names) {
        return IntTensorFactories.ivectors(names);
    }

    /** An int32 matrix. */
    public static Matrix<I32> imatrix(String name) {
        return IntTensorFactories.imatrix(name);
    }

    /** An unnamed int32 matrix. */
    public static Matrix<I32> imatrix() {
        return IntTensorFactories.imatrix();
    }

    /** Several int32 matrices, one per name. */
    public static List<Matrix<I32>> imatrices(String... names) {
        return IntTensorFactories.imatrices(names);
    }

    /** An int32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I32> irow(String name) {
        return IntTensorFactories.irow(name);
    }

    /** An unnamed int32 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I32> irow() {
        return IntTensorFactories.irow();
    }

    /** Several int32 rows, one per name. */
    public static List<Matrix<I32>> irows(String... names) {
        return IntTensorFactories.irows(names);
    }

    /** An int32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I32> icol(String name) {
        return IntTensorFactories.icol(name);
    }

    /** An unnamed int32 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I32> icol() {
        return IntTensorFactories.icol();
    }

    /** Several int32 cols, one per name. */
    public static List<Matrix<I32>> icols(String... names) {
        return IntTensorFactories.icols(names);
    }

    /** An int32 tensor3. */
    public static Tensor3<I32> itensor3(String name) {
        return IntTensorFactories.itensor3(name);
    }

    /** An unnamed int32 tensor3. */
    public static Tensor3<I32> itensor3() {
        return IntTensorFactories.itensor3();
    }

    /** Several int32 tensor3s, one per name. */
    public static List<Tensor3<I32>> itensor3s(String... names) {
        return IntTensorFactories.itensor3s(names);
    }

    /** An int32 tensor4. */
    public static Tensor4<I32> itensor4(String name) {
        return IntTensorFactories.itensor4(name);
    }

    /** An unnamed int32 tensor4. */
    public static Tensor4<I32> itensor4() {
        return IntTensorFactories.itensor4();
    }

    /** Several int32 tensor4s, one per name. */
    public static List<Tensor4<I32>> itensor4s(String... names) {
        return IntTensorFactories.itensor4s(names);
    }

    /** An int64 scalar. */
    public static Scalar<I64> lscalar(String name) {
        return IntTensorFactories.lscalar(name);
    }

    /** An unnamed int64 scalar. */
    public static Scalar<I64> lscalar() {
        return IntTensorFactories.lscalar();
    }

    /** Several int64 scalars, one per name. */
    public static List<Scalar<I64>> lscalars(String... names) {
        return IntTensorFactories.lscalars(names);
    }

    /** An int64 vector. */
    public static Vector<I64> lvector(String name) {
        return IntTensorFactories.lvector(name);
    }

    /** An unnamed int64 vector. */
    public static Vector<I64> lvector() {
        return IntTensorFactories.lvector();
    }

    /** Several int64 vectors, one per name. */
    public static List<Vector<I64>> lvectors(String... names) {
        return IntTensorFactories.lvectors(names);
    }

    /** An int64 matrix. */
    public static Matrix<I64> lmatrix(String name) {
        return IntTensorFactories.lmatrix(name);
    }

    /** An unnamed int64 matrix. */
    public static Matrix<I64> lmatrix() {
        return IntTensorFactories.lmatrix();
    }

    /** Several int64 matrices, one per name. */
    public static List<Matrix<I64>> lmatrices(String... names) {
        return IntTensorFactories.lmatrices(names);
    }

    /** An int64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I64> lrow(String name) {
        return IntTensorFactories.lrow(name);
    }

    /** An unnamed int64 row (broadcastable along rows: shape (1, n)). */
    public static Matrix<I64> lrow() {
        return IntTensorFactories.lrow();
    }

    /** Several int64 rows, one per name. */
    public static List<Matrix<I64>> lrows(String... names) {
        return IntTensorFactories.lrows(names);
    }

    /** An int64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I64> lcol(String name) {
        return IntTensorFactories.lcol(name);
    }

    /** An unnamed int64 col (broadcastable along columns: shape (n, 1)). */
    public static Matrix<I64> lcol() {
        return IntTensorFactories.lcol();
    }

    /** Several int64 cols, one per name. */
    public static List<Matrix<I64>> lcols(String... names) {
        return IntTensorFactories.lcols(names);
    }

    /** An int64 tensor3. */
    public static Tensor3<I64> ltensor3(String name) {
        return IntTensorFactories.ltensor3(name);
    }

    /** An unnamed int64 tensor3. */
    public static Tensor3<I64> ltensor3() {
        return IntTensorFactories.ltensor3();
    }

    /** Several int64 tensor3s, one per name. */
    public static List<Tensor3<I64>> ltensor3s(String... names) {
        return IntTensorFactories.ltensor3s(names);
    }

    /** An int64 tensor4. */
    public static Tensor4<I64> ltensor4(String name) {
        return IntTensorFactories.ltensor4(name);
    }

    /** An unnamed int64 tensor4. */
    public static Tensor4<I64> ltensor4() {
        return IntTensorFactories.ltensor4();
    }

    /** Several int64 tensor4s, one per name. */
    public static List<Tensor4<I64>> ltensor4s(String... names) {
        return IntTensorFactories.ltensor4s(names);
    }

    // ---- constants (ConstantFactories) ----------------------------------------------------------------------

    /** A float64 scalar constant. */
    public static Scalar<F64> constant(double value) {
        return ConstantFactories.constant(value);
    }

    /** A float32 scalar constant. */
    public static Scalar<F32> constant(float value) {
        return ConstantFactories.constant(value);
    }

    /** An int32 scalar constant. */
    public static Scalar<I32> constant(int value) {
        return ConstantFactories.constant(value);
    }

    /** An int64 scalar constant. */
    public static Scalar<I64> constant(long value) {
        return ConstantFactories.constant(value);
    }

    /** A float64 vector constant (a copy of {@code value}). */
    public static Vector<F64> constant(double[] value) {
        return ConstantFactories.constant(value);
    }

    /** A float32 vector constant (a copy of {@code value}). */
    public static Vector<F32> constant(float[] value) {
        return ConstantFactories.constant(value);
    }

    /** A float64 matrix constant (a copy of {@code value}). */
    public static Matrix<F64> constant(double[][] value) {
        return ConstantFactories.constant(value);
    }

    /** A float32 matrix constant (a copy of {@code value}). */
    public static Matrix<F32> constant(float[][] value) {
        return ConstantFactories.constant(value);
    }

    // ---- shared variables (SharedFactories) -----------------------------------------------------------------

    /** An unnamed shared int32 scalar holding {@code value}. */
    public static SharedScalar<I32> shared(int value) {
        return SharedFactories.shared(value);
    }

    /** A shared int32 scalar holding {@code value}. */
    public static SharedScalar<I32> shared(int value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared int64 scalar holding {@code value}. */
    public static SharedScalar<I64> shared(long value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared float32 scalar holding {@code value}. */
    public static SharedScalar<F32> shared(float value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared float64 scalar holding {@code value}. */
    public static SharedScalar<F64> shared(double value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared float64 vector holding a copy of {@code value}. */
    public static SharedVector<F64> shared(double[] value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared float32 vector holding a copy of {@code value}. */
    public static SharedVector<F32> shared(float[] value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared int32 vector holding a copy of {@code value}. */
    public static SharedVector<I32> shared(int[] value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared float64 matrix holding a copy of {@code value}. */
    public static SharedMatrix<F64> shared(double[][] value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared float32 matrix holding a copy of {@code value}. */
    public static SharedMatrix<F32> shared(float[][] value, String name) {
        return SharedFactories.shared(value, name);
    }

    /** A shared vector of the given dtype marker (the NDArray must have that dtype and rank 1). */
    public static <D extends DTypeMarker> SharedVector<D> sharedVector(NDArray value, Class<D> dtype, String name) {
        return SharedFactories.sharedVector(value, dtype, name);
    }

    /** A shared matrix of the given dtype marker (the NDArray must have that dtype and rank 2). */
    public static <D extends DTypeMarker> SharedMatrix<D> sharedMatrix(NDArray value, Class<D> dtype, String name) {
        return SharedFactories.sharedMatrix(value, dtype, name);
    }

    /** A shared tensor3 of the given dtype marker (the NDArray must have that dtype and rank 3). */
    public static <D extends DTypeMarker> SharedTensor3<D> sharedTensor3(NDArray value, Class<D> dtype, String name) {
        return SharedFactories.sharedTensor3(value, dtype, name);
    }

    /** A shared tensor4 of the given dtype marker (the NDArray must have that dtype and rank 4). */
    public static <D extends DTypeMarker> SharedTensor4<D> sharedTensor4(NDArray value, Class<D> dtype, String name) {
        return SharedFactories.sharedTensor4(value, dtype, name);
    }

    // ---- elementwise math and casts (MathFunctions) ---------------------------------------------------------

    /** {@code e^x}, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S exp(AbstractTensor<D, S, ?> x) {
        return MathFunctions.exp(x);
    }

    /** {@code exp} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> exp(Tensor<D> x) {
        return MathFunctions.exp(x);
    }

    /** Natural logarithm, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log(AbstractTensor<D, S, ?> x) {
        return MathFunctions.log(x);
    }

    /** {@code log} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log(Tensor<D> x) {
        return MathFunctions.log(x);
    }

    /** {@code log(1 + x)}, accurate for small x. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log1p(AbstractTensor<D, S, ?> x) {
        return MathFunctions.log1p(x);
    }

    /** {@code log1p} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log1p(Tensor<D> x) {
        return MathFunctions.log1p(x);
    }

    /** {@code e^x - 1}, accurate for small x. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S expm1(AbstractTensor<D, S, ?> x) {
        return MathFunctions.expm1(x);
    }

    /** {@code expm1} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> expm1(Tensor<D> x) {
        return MathFunctions.expm1(x);
    }

    /** Square root, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sqrt(AbstractTensor<D, S, ?> x) {
        return MathFunctions.sqrt(x);
    }

    /** {@code sqrt} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sqrt(Tensor<D> x) {
        return MathFunctions.sqrt(x);
    }

    /** Cube root, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S cbrt(AbstractTensor<D, S, ?> x) {
        return MathFunctions.cbrt(x);
    }

    /** {@code cbrt} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> cbrt(Tensor<D> x) {
        return MathFunctions.cbrt(x);
    }

    /** Hyperbolic tangent, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S tanh(AbstractTensor<D, S, ?> x) {
        return MathFunctions.tanh(x);
    }

    /** {@code tanh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> tanh(Tensor<D> x) {
        return MathFunctions.tanh(x);
    }

    /** The logistic function {@code 1 / (1 + e^-x)}, computed without overflow. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sigmoid(AbstractTensor<D, S, ?> x) {
        return MathFunctions.sigmoid(x);
    }

    /** {@code sigmoid} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sigmoid(Tensor<D> x) {
        return MathFunctions.sigmoid(x);
    }

    /** {@code log(1 + e^x)}, computed without overflow. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S softplus(AbstractTensor<D, S, ?> x) {
        return MathFunctions.softplus(x);
    }

    /** {@code softplus} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> softplus(Tensor<D> x) {
        return MathFunctions.softplus(x);
    }

    /** Absolute value, elementwise. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S abs(AbstractTensor<D, S, ?> x) {
        return MathFunctions.abs(x);
    }

    /** {@code abs} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> abs(Tensor<D> x) {
        return MathFunctions.abs(x);
    }

    /** {@code x * x}, elementwise. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sqr(AbstractTensor<D, S, ?> x) {
        return MathFunctions.sqr(x);
    }

    /** {@code sqr} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> sqr(Tensor<D> x) {
        return MathFunctions.sqr(x);
    }

    /** Elementwise maximum of two tensors of one dtype; {@code b} may have lower rank. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S maximum(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return MathFunctions.maximum(a, b);
    }

    /** {@code maximum} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> maximum(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.maximum(a, b);
    }

    /** Elementwise minimum of two tensors of one dtype; {@code b} may have lower rank. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S minimum(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return MathFunctions.minimum(a, b);
    }

    /** {@code minimum} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> minimum(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.minimum(a, b);
    }

    /**
     * {@code literal + x}, the literal taking x's dtype; built in the order written, so {@code pp} shows
     * {@code (1 + x)}.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S plus(double literal, AbstractTensor<D, S, ?> x) {
        return MathFunctions.plus(literal, x);
    }

    /** {@code plus} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> plus(double literal, Tensor<D> x) {
        return MathFunctions.plus(literal, x);
    }

    /** {@code literal - x}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S minus(double literal, AbstractTensor<D, S, ?> x) {
        return MathFunctions.minus(literal, x);
    }

    /** {@code minus} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> minus(double literal, Tensor<D> x) {
        return MathFunctions.minus(literal, x);
    }

    /** {@code literal * x}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S times(double literal, AbstractTensor<D, S, ?> x) {
        return MathFunctions.times(literal, x);
    }

    /** {@code times} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> times(double literal, Tensor<D> x) {
        return MathFunctions.times(literal, x);
    }

    /** {@code literal / x}: {@code div(1, exp(x.unaryMinus()).plus(1))} is the logistic function. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S div(double literal, AbstractTensor<D, S, ?> x) {
        return MathFunctions.div(literal, x);
    }

    /** {@code div} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> div(double literal, Tensor<D> x) {
        return MathFunctions.div(literal, x);
    }

    /** {@code a + b} for operands of any ranks; the result has the larger rank. */
    public static <D extends DTypeMarker> Tensor<D> plus(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.plus(a, b);
    }

    /** {@code a - b} for operands of any ranks; the result has the larger rank. */
    public static <D extends DTypeMarker> Tensor<D> minus(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.minus(a, b);
    }

    /** {@code a * b}, elementwise, for operands of any ranks; the result has the larger rank. */
    public static <D extends DTypeMarker> Tensor<D> times(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.times(a, b);
    }

    /** {@code a / b}, elementwise, for operands of any ranks; the result has the larger rank. */
    public static <D extends FloatingMarker> Tensor<D> div(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.div(a, b);
    }

    /**
     * Theano's {@code true_div} for any numeric dtype: both operands converted to float64, then divided
     * (int32 {@code 7} by {@code 2} is {@code 3.5}, {@code -7} by {@code 2} is {@code -3.5}); the shape of
     * {@code a + b}.
     */
    public static Scalar<F64> trueDiv(Scalar<?> a, Scalar<?> b) {
        return MathFunctions.trueDiv(a, b);
    }

    /** {@code trueDiv} of vectors. */
    public static Vector<F64> trueDiv(Vector<?> a, Vector<?> b) {
        return MathFunctions.trueDiv(a, b);
    }

    /** {@code trueDiv} of matrices. */
    public static Matrix<F64> trueDiv(Matrix<?> a, Matrix<?> b) {
        return MathFunctions.trueDiv(a, b);
    }

    /** {@code trueDiv} for operands of any ranks; the result has the larger rank. */
    public static Tensor<F64> trueDiv(Tensor<?> a, Tensor<?> b) {
        return MathFunctions.trueDiv(a, b);
    }

    /**
     * Floor division, Python's and Theano's {@code //}: rounds toward minus infinity ({@code -7 // 2 = -4});
     * the operands' dtype.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S intDiv(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return MathFunctions.intDiv(a, b);
    }

    /** {@code intDiv} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> intDiv(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.intDiv(a, b);
    }

    /**
     * Python's and Theano's {@code %}: the remainder of {@link #intDiv}, with the sign of the divisor
     * ({@code -7 % 2 = 1}, {@code 7 % -2 = -1}), so {@code a == intDiv(a, b) * b + mod(a, b)}.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S mod(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return MathFunctions.mod(a, b);
    }

    /** {@code mod} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> mod(Tensor<D> a, Tensor<D> b) {
        return MathFunctions.mod(a, b);
    }

    /**
     * Theano's {@code switch} (a Java keyword, hence NumPy's name): {@code a} where {@code cond} is true,
     * else {@code b}, elementwise.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S where(Tensor<Bool> cond, AbstractTensor<D, S, ?> a,
            Tensor<D> b) {
        return MathFunctions.where(cond, a, b);
    }

    /** {@code where} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> where(Tensor<Bool> cond, Tensor<D> a, Tensor<D> b) {
        return MathFunctions.where(cond, a, b);
    }

    /** {@code where} with a literal for the false branch. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S where(Tensor<Bool> cond, AbstractTensor<D, S, ?> a,
            double b) {
        return MathFunctions.where(cond, a, b);
    }

    /** {@code where} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> where(Tensor<Bool> cond, Tensor<D> a, double b) {
        return MathFunctions.where(cond, a, b);
    }

    /** A tensor like {@code x} (same shape and dtype) filled with ones. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S onesLike(AbstractTensor<D, S, ?> x) {
        return MathFunctions.onesLike(x);
    }

    /** {@code onesLike} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> onesLike(Tensor<D> x) {
        return MathFunctions.onesLike(x);
    }

    /** A tensor like {@code x} filled with zeros. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S zerosLike(AbstractTensor<D, S, ?> x) {
        return MathFunctions.zerosLike(x);
    }

    /** {@code zerosLike} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> zerosLike(Tensor<D> x) {
        return MathFunctions.zerosLike(x);
    }

    /** A tensor of x's shape and dtype filled with {@code value} (Theano's {@code fill}). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S fill(AbstractTensor<D, S, ?> x, double value) {
        return MathFunctions.fill(x, value);
    }

    /** {@code fill} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> fill(Tensor<D> x, double value) {
        return MathFunctions.fill(x, value);
    }

    /** Converts to another dtype. */
    public static <E extends DTypeMarker> Scalar<E> cast(Scalar<?> x, Class<E> dtype) {
        return MathFunctions.cast(x, dtype);
    }

    /** Converts a vector to another dtype. */
    public static <E extends DTypeMarker> Vector<E> cast(Vector<?> x, Class<E> dtype) {
        return MathFunctions.cast(x, dtype);
    }

    /** Converts a matrix to another dtype. */
    public static <E extends DTypeMarker> Matrix<E> cast(Matrix<?> x, Class<E> dtype) {
        return MathFunctions.cast(x, dtype);
    }

    /** Converts a tensor3 to another dtype. */
    public static <E extends DTypeMarker> Tensor3<E> cast(Tensor3<?> x, Class<E> dtype) {
        return MathFunctions.cast(x, dtype);
    }

    /** Converts a tensor4 to another dtype. */
    public static <E extends DTypeMarker> Tensor4<E> cast(Tensor4<?> x, Class<E> dtype) {
        return MathFunctions.cast(x, dtype);
    }

    /** Converts a tensor of any rank to another dtype. */
    public static <E extends DTypeMarker> Tensor<E> cast(Tensor<?> x, Class<E> dtype) {
        return MathFunctions.cast(x, dtype);
    }

    /** Sine (radians), elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sin(AbstractTensor<D, S, ?> x) {
        return MathFunctions.sin(x);
    }

    /** {@code sin} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sin(Tensor<D> x) {
        return MathFunctions.sin(x);
    }

    /** Cosine (radians), elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S cos(AbstractTensor<D, S, ?> x) {
        return MathFunctions.cos(x);
    }

    /** {@code cos} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> cos(Tensor<D> x) {
        return MathFunctions.cos(x);
    }

    /** Tangent (radians), elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S tan(AbstractTensor<D, S, ?> x) {
        return MathFunctions.tan(x);
    }

    /** {@code tan} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> tan(Tensor<D> x) {
        return MathFunctions.tan(x);
    }

    /** Inverse sine, elementwise: in [-pi/2, pi/2], NaN outside [-1, 1]. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arcsin(AbstractTensor<D, S, ?> x) {
        return MathFunctions.arcsin(x);
    }

    /** {@code arcsin} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arcsin(Tensor<D> x) {
        return MathFunctions.arcsin(x);
    }

    /** Inverse cosine, elementwise: in [0, pi], NaN outside [-1, 1]. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arccos(AbstractTensor<D, S, ?> x) {
        return MathFunctions.arccos(x);
    }

    /** {@code arccos} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arccos(Tensor<D> x) {
        return MathFunctions.arccos(x);
    }

    /** Inverse tangent, elementwise: in (-pi/2, pi/2). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arctan(AbstractTensor<D, S, ?> x) {
        return MathFunctions.arctan(x);
    }

    /** {@code arctan} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arctan(Tensor<D> x) {
        return MathFunctions.arctan(x);
    }

    /** Hyperbolic sine, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S sinh(AbstractTensor<D, S, ?> x) {
        return MathFunctions.sinh(x);
    }

    /** {@code sinh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> sinh(Tensor<D> x) {
        return MathFunctions.sinh(x);
    }

    /** Hyperbolic cosine, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S cosh(AbstractTensor<D, S, ?> x) {
        return MathFunctions.cosh(x);
    }

    /** {@code cosh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> cosh(Tensor<D> x) {
        return MathFunctions.cosh(x);
    }

    /** Inverse hyperbolic sine, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arcsinh(AbstractTensor<D, S, ?> x) {
        return MathFunctions.arcsinh(x);
    }

    /** {@code arcsinh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arcsinh(Tensor<D> x) {
        return MathFunctions.arcsinh(x);
    }

    /** Inverse hyperbolic cosine, elementwise: NaN below 1. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arccosh(AbstractTensor<D, S, ?> x) {
        return MathFunctions.arccosh(x);
    }

    /** {@code arccosh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arccosh(Tensor<D> x) {
        return MathFunctions.arccosh(x);
    }

    /** Inverse hyperbolic tangent, elementwise: infinite at -1 and 1, NaN beyond. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arctanh(AbstractTensor<D, S, ?> x) {
        return MathFunctions.arctanh(x);
    }

    /** {@code arctanh} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arctanh(Tensor<D> x) {
        return MathFunctions.arctanh(x);
    }

    /** Base-2 logarithm, elementwise (exact at powers of two). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log2(AbstractTensor<D, S, ?> x) {
        return MathFunctions.log2(x);
    }

    /** {@code log2} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log2(Tensor<D> x) {
        return MathFunctions.log2(x);
    }

    /** Base-10 logarithm, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S log10(AbstractTensor<D, S, ?> x) {
        return MathFunctions.log10(x);
    }

    /** {@code log10} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> log10(Tensor<D> x) {
        return MathFunctions.log10(x);
    }

    /** {@code 2^x}, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S exp2(AbstractTensor<D, S, ?> x) {
        return MathFunctions.exp2(x);
    }

    /** {@code exp2} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> exp2(Tensor<D> x) {
        return MathFunctions.exp2(x);
    }

    /** The smallest integer not below x, elementwise (in x's float dtype). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S ceil(AbstractTensor<D, S, ?> x) {
        return MathFunctions.ceil(x);
    }

    /** {@code ceil} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> ceil(Tensor<D> x) {
        return MathFunctions.ceil(x);
    }

    /** The largest integer not above x, elementwise (in x's float dtype). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S floor(AbstractTensor<D, S, ?> x) {
        return MathFunctions.floor(x);
    }

    /** {@code floor} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> floor(Tensor<D> x) {
        return MathFunctions.floor(x);
    }

    /**
     * Rounding to the nearest integer with halves to even, as NumPy's {@code round} (Theano's
     * {@code round_half_to_even}).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S round(AbstractTensor<D, S, ?> x) {
        return MathFunctions.round(x);
    }

    /** {@code round} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> round(Tensor<D> x) {
        return MathFunctions.round(x);
    }

    /** Rounding toward zero, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S trunc(AbstractTensor<D, S, ?> x) {
        return MathFunctions.trunc(x);
    }

    /** {@code trunc} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> trunc(Tensor<D> x) {
        return MathFunctions.trunc(x);
    }

    /** The error function {@code 2/sqrt(pi) * integral of e^(-t^2) from 0 to x}, elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S erf(AbstractTensor<D, S, ?> x) {
        return MathFunctions.erf(x);
    }

    /** {@code erf} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> erf(Tensor<D> x) {
        return MathFunctions.erf(x);
    }

    /** The complementary error function {@code 1 - erf(x)}, elementwise, accurate where erf is near 1. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S erfc(AbstractTensor<D, S, ?> x) {
        return MathFunctions.erfc(x);
    }

    /** {@code erfc} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> erfc(Tensor<D> x) {
        return MathFunctions.erfc(x);
    }

    /** The inverse error function, elementwise: infinite at -1 and 1, NaN beyond. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S erfinv(AbstractTensor<D, S, ?> x) {
        return MathFunctions.erfinv(x);
    }

    /** {@code erfinv} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> erfinv(Tensor<D> x) {
        return MathFunctions.erfinv(x);
    }

    /** {@code log |Gamma(x)|}, elementwise (SciPy's and Theano's {@code gammaln}). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S gammaln(AbstractTensor<D, S, ?> x) {
        return MathFunctions.gammaln(x);
    }

    /** {@code gammaln} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> gammaln(Tensor<D> x) {
        return MathFunctions.gammaln(x);
    }

    /** The digamma function {@code psi(x)}, the derivative of {@code gammaln}, elementwise (Theano's {@code psi}). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S digamma(AbstractTensor<D, S, ?> x) {
        return MathFunctions.digamma(x);
    }

    /** {@code digamma} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> digamma(Tensor<D> x) {
        return MathFunctions.digamma(x);
    }

    /** The trigamma function {@code psi'(x)}, the derivative of {@code digamma}, elementwise (it has no gradient). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S trigamma(AbstractTensor<D, S, ?> x) {
        return MathFunctions.trigamma(x);
    }

    /** {@code trigamma} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> trigamma(Tensor<D> x) {
        return MathFunctions.trigamma(x);
    }

    /** The sign of x, elementwise: -1, 0 or 1 in x's dtype; NaN stays NaN (Theano's {@code sgn}). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sgn(AbstractTensor<D, S, ?> x) {
        return MathFunctions.sgn(x);
    }

    /** {@code sgn} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> sgn(Tensor<D> x) {
        return MathFunctions.sgn(x);
    }

    /** Degrees to radians, elementwise: {@code x * pi / 180}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S deg2rad(AbstractTensor<D, S, ?> x) {
        return MathFunctions.deg2rad(x);
    }

    /** {@code deg2rad} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> deg2rad(Tensor<D> x) {
        return MathFunctions.deg2rad(x);
    }

    /** Radians to degrees, elementwise: {@code x * 180 / pi}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S rad2deg(AbstractTensor<D, S, ?> x) {
        return MathFunctions.rad2deg(x);
    }

    /** {@code rad2deg} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> rad2deg(Tensor<D> x) {
        return MathFunctions.rad2deg(x);
    }

    /**
     * The angle of the point (x, y) in (-pi, pi], elementwise: {@code arctan(y / x)} in the right quadrant
     * (NumPy's {@code arctan2(y, x)}); {@code x} may have lower rank.
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S arctan2(AbstractTensor<D, S, ?> y, Tensor<D> x) {
        return MathFunctions.arctan2(y, x);
    }

    /** {@code arctan2} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends FloatingMarker> Tensor<D> arctan2(Tensor<D> y, Tensor<D> x) {
        return MathFunctions.arctan2(y, x);
    }

    /** {@code x} limited to {@code [lo, hi]}, elementwise: {@code minimum(maximum(x, lo), hi)}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S clip(AbstractTensor<D, S, ?> x, double lo, double hi) {
        return MathFunctions.clip(x, lo, hi);
    }

    /** {@code clip} with bounds that are tensors (broadcast against x; of lower rank than x). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S clip(AbstractTensor<D, S, ?> x, Tensor<D> lo,
            Tensor<D> hi) {
        return MathFunctions.clip(x, lo, hi);
    }

    /**
     * {@code clip} with tensor bounds for values typed as the {@code Tensor<D>} interface; the result is a
     * {@code Tensor<D>} too.
     */
    public static <D extends DTypeMarker> Tensor<D> clip(Tensor<D> x, Tensor<D> lo, Tensor<D> hi) {
        return MathFunctions.clip(x, lo, hi);
    }

    /** {@code clip} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> clip(Tensor<D> x, double lo, double hi) {
        return MathFunctions.clip(x, lo, hi);
    }

    /** Whether each element is NaN (always false for integers and bool). */
    public static <D extends DTypeMarker, B extends Tensor<Bool>> B isnan(AbstractTensor<D, ?, B> x) {
        return MathFunctions.isnan(x);
    }

    /** {@code isnan} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<Bool>}. */
    public static <D extends DTypeMarker> Tensor<Bool> isnan(Tensor<D> x) {
        return MathFunctions.isnan(x);
    }

    /** Whether each element is infinite, of either sign (always false for integers and bool). */
    public static <D extends DTypeMarker, B extends Tensor<Bool>> B isinf(AbstractTensor<D, ?, B> x) {
        return MathFunctions.isinf(x);
    }

    /** {@code isinf} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<Bool>}. */
    public static <D extends DTypeMarker> Tensor<Bool> isinf(Tensor<D> x) {
        return MathFunctions.isinf(x);
    }

    /** Whether each element is neither NaN nor infinite (always true for integers and bool). */
    public static <D extends DTypeMarker, B extends Tensor<Bool>> B isfinite(AbstractTensor<D, ?, B> x) {
        return MathFunctions.isfinite(x);
    }

    /** {@code isfinite} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<Bool>}. */
    public static <D extends DTypeMarker> Tensor<Bool> isfinite(Tensor<D> x) {
        return MathFunctions.isfinite(x);
    }

    /** Logical and of two bool tensors, elementwise (NumPy's {@code logical_and}); {@code b} may have lower rank. */
    public static <S extends Tensor<Bool>> S logicalAnd(AbstractTensor<Bool, S, ?> a, Tensor<Bool> b) {
        return MathFunctions.logicalAnd(a, b);
    }

    /**
     * {@code logicalAnd} for values typed as the {@code Tensor<Bool>} interface; the result is a
     * {@code Tensor<Bool>} too.
     */
    public static Tensor<Bool> logicalAnd(Tensor<Bool> a, Tensor<Bool> b) {
        return MathFunctions.logicalAnd(a, b);
    }

    /** Logical or of two bool tensors, elementwise (NumPy's {@code logical_or}); {@code b} may have lower rank. */
    public static <S extends Tensor<Bool>> S logicalOr(AbstractTensor<Bool, S, ?> a, Tensor<Bool> b) {
        return MathFunctions.logicalOr(a, b);
    }

    /**
     * {@code logicalOr} for values typed as the {@code Tensor<Bool>} interface; the result is a
     * {@code Tensor<Bool>} too.
     */
    public static Tensor<Bool> logicalOr(Tensor<Bool> a, Tensor<Bool> b) {
        return MathFunctions.logicalOr(a, b);
    }

    /**
     * Logical exclusive or of two bool tensors, elementwise (NumPy's {@code logical_xor}); {@code b} may have
     * lower rank.
     */
    public static <S extends Tensor<Bool>> S logicalXor(AbstractTensor<Bool, S, ?> a, Tensor<Bool> b) {
        return MathFunctions.logicalXor(a, b);
    }

    /**
     * {@code logicalXor} for values typed as the {@code Tensor<Bool>} interface; the result is a
     * {@code Tensor<Bool>} too.
     */
    public static Tensor<Bool> logicalXor(Tensor<Bool> a, Tensor<Bool> b) {
        return MathFunctions.logicalXor(a, b);
    }

    /** Logical not of a bool tensor, elementwise (NumPy's {@code logical_not}). */
    public static <S extends Tensor<Bool>> S logicalNot(AbstractTensor<Bool, S, ?> a) {
        return MathFunctions.logicalNot(a);
    }

    /**
     * {@code logicalNot} for values typed as the {@code Tensor<Bool>} interface; the result is a
     * {@code Tensor<Bool>} too.
     */
    public static Tensor<Bool> logicalNot(Tensor<Bool> a) {
        return MathFunctions.logicalNot(a);
    }

    // ---- products and reductions (ReductionFunctions) -------------------------------------------------------

    /** {@code (k)·(k) \u2192 ()}. */
    public static <D extends DTypeMarker> Scalar<D> dot(Vector<D> a, Vector<D> b) {
        return ReductionFunctions.dot(a, b);
    }

    /** {@code (m×k)·(k) \u2192 (m)}. */
    public static <D extends DTypeMarker> Vector<D> dot(Matrix<D> a, Vector<D> b) {
        return ReductionFunctions.dot(a, b);
    }

    /** {@code (k)·(k×n) \u2192 (n)}. */
    public static <D extends DTypeMarker> Vector<D> dot(Vector<D> a, Matrix<D> b) {
        return ReductionFunctions.dot(a, b);
    }

    /** {@code (m×k)·(k×n) \u2192 (m×n)}. */
    public static <D extends DTypeMarker> Matrix<D> dot(Matrix<D> a, Matrix<D> b) {
        return ReductionFunctions.dot(a, b);
    }

    /**
     * The sum of all elements, typed by what the dtype accumulates in ({@link org.symtensor.type.SumsTo}): a
     * float sum keeps its dtype (float32 sums accumulate in float64 and round once), an integer or bool sum
     * is int64, as in Theano, so {@code sum(Vector<I8>)} is a {@code Scalar<I64>} that never wraps.
     */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> sum(Tensor<D> x) {
        return ReductionFunctions.sum(x);
    }

    /** The sum over {@code axis} of a vector: a scalar, typed as {@link #sum(Tensor)} is. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> sum(Vector<D> x, int axis) {
        return ReductionFunctions.sum(x, axis);
    }

    /**
     * The sum over {@code axis} of a matrix: {@code (m×n) \u2192 (n)} or {@code (m)}, typed as
     * {@link #sum(Tensor)} is.
     */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> sum(Matrix<D> x, int axis) {
        return ReductionFunctions.sum(x, axis);
    }

    /** The sum over {@code axis} of a rank-3 tensor, typed as {@link #sum(Tensor)} is. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> sum(Tensor3<D> x, int axis) {
        return ReductionFunctions.sum(x, axis);
    }

    /** The sum over {@code axis} of a rank-4 tensor, typed as {@link #sum(Tensor)} is. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> sum(Tensor4<D> x, int axis) {
        return ReductionFunctions.sum(x, axis);
    }

    /** The product of all elements, typed as {@link #sum(Tensor)} is (int64 for integers). */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> prod(Tensor<D> x) {
        return ReductionFunctions.prod(x);
    }

    /**
     * The mean of all elements: float dtypes keep theirs, integers and bool give float64
     * ({@link org.symtensor.type.MeansTo}).
     */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> mean(Tensor<D> x) {
        return ReductionFunctions.mean(x);
    }

    /** The mean over {@code axis} of a matrix, typed as {@link #mean(Tensor)} is. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Vector<M> mean(Matrix<D> x, int axis) {
        return ReductionFunctions.mean(x, axis);
    }

    // ---- reductions over axes, with keepdims; var, std, argmax, all, logsumexp (AxisReductionFunctions) -----

    /**
     * The sum over {@code axes} (null or empty: all), the reduced axes kept with length 1 when
     * {@code keepdims}; dtype: int64 for integers and bool, as
     * {@link org.symtensor.dsl.ReductionFunctions#sum(Tensor)}.
     */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> sum(Tensor<D> x, int[] axes,
            boolean keepdims) {
        return AxisReductionFunctions.sum(x, axes, keepdims);
    }

    /** The sum over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> sum(Tensor<D> x, int[] axes) {
        return AxisReductionFunctions.sum(x, axes);
    }

    /**
     * The product over {@code axes} (null or empty: all), the reduced axes kept with length 1 when
     * {@code keepdims}; dtype: int64 for integers and bool.
     */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> prod(Tensor<D> x, int[] axes,
            boolean keepdims) {
        return AxisReductionFunctions.prod(x, axes, keepdims);
    }

    /** The product over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> prod(Tensor<D> x, int[] axes) {
        return AxisReductionFunctions.prod(x, axes);
    }

    /**
     * The mean over {@code axes} (null or empty: all), the reduced axes kept with length 1 when
     * {@code keepdims}; dtype: float64 for integers and bool.
     */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> mean(Tensor<D> x, int[] axes,
            boolean keepdims) {
        return AxisReductionFunctions.mean(x, axes, keepdims);
    }

    /** The mean over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> mean(Tensor<D> x, int[] axes) {
        return AxisReductionFunctions.mean(x, axes);
    }

    /**
     * The maximum over {@code axes} (null or empty: all), the reduced axes kept with length 1 when
     * {@code keepdims}; dtype: the input dtype; NaN if the group has one.
     */
    public static <D extends DTypeMarker> Tensor<D> max(Tensor<D> x, int[] axes, boolean keepdims) {
        return AxisReductionFunctions.max(x, axes, keepdims);
    }

    /** The maximum over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <D extends DTypeMarker> Tensor<D> max(Tensor<D> x, int[] axes) {
        return AxisReductionFunctions.max(x, axes);
    }

    /**
     * The minimum over {@code axes} (null or empty: all), the reduced axes kept with length 1 when
     * {@code keepdims}; dtype: the input dtype; NaN if the group has one.
     */
    public static <D extends DTypeMarker> Tensor<D> min(Tensor<D> x, int[] axes, boolean keepdims) {
        return AxisReductionFunctions.min(x, axes, keepdims);
    }

    /** The minimum over {@code axes} (null or empty: all), typed as the keepdims form. */
    public static <D extends DTypeMarker> Tensor<D> min(Tensor<D> x, int[] axes) {
        return AxisReductionFunctions.min(x, axes);
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Scalar<A> prod(Vector<D> x, int axis) {
        return AxisReductionFunctions.prod(x, axis);
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> prod(Matrix<D> x, int axis) {
        return AxisReductionFunctions.prod(x, axis);
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> prod(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.prod(x, axis);
    }

    /** The product over {@code axis}, one rank lower; int64 for integers and bool. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> prod(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.prod(x, axis);
    }

    /** The mean over {@code axis}, one rank lower; float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> mean(Vector<D> x, int axis) {
        return AxisReductionFunctions.mean(x, axis);
    }

    /** The mean over {@code axis}, one rank lower; float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Matrix<M> mean(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.mean(x, axis);
    }

    /** The mean over {@code axis}, one rank lower; float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor3<M> mean(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.mean(x, axis);
    }

    /** The maximum of all elements, in x's dtype (NaN if there is one). */
    public static <D extends DTypeMarker> Scalar<D> max(Tensor<D> x) {
        return AxisReductionFunctions.max(x);
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Scalar<D> max(Vector<D> x, int axis) {
        return AxisReductionFunctions.max(x, axis);
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Vector<D> max(Matrix<D> x, int axis) {
        return AxisReductionFunctions.max(x, axis);
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Matrix<D> max(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.max(x, axis);
    }

    /** The maximum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<D> max(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.max(x, axis);
    }

    /** The minimum of all elements, in x's dtype (NaN if there is one). */
    public static <D extends DTypeMarker> Scalar<D> min(Tensor<D> x) {
        return AxisReductionFunctions.min(x);
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Scalar<D> min(Vector<D> x, int axis) {
        return AxisReductionFunctions.min(x, axis);
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Vector<D> min(Matrix<D> x, int axis) {
        return AxisReductionFunctions.min(x, axis);
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Matrix<D> min(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.min(x, axis);
    }

    /** The minimum over {@code axis} (negative from the end), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<D> min(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.min(x, axis);
    }

    /** The variance of all elements with divisor N ({@code ddof} 0), float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> var(Tensor<D> x) {
        return AxisReductionFunctions.var(x);
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> var(Vector<D> x, int axis) {
        return AxisReductionFunctions.var(x, axis);
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Vector<M> var(Matrix<D> x, int axis) {
        return AxisReductionFunctions.var(x, axis);
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Matrix<M> var(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.var(x, axis);
    }

    /** The variance over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor3<M> var(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.var(x, axis);
    }

    /**
     * The variance over {@code axes} (null or empty: all) with divisor {@code N - ddof} (NumPy's
     * {@code ddof}; 1 for the unbiased variance), the reduced axes kept with length 1 when {@code keepdims}.
     */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> var(Tensor<D> x, int[] axes, int ddof,
            boolean keepdims) {
        return AxisReductionFunctions.var(x, axes, ddof, keepdims);
    }

    /** The standard deviation of all elements with divisor N ({@code ddof} 0), float64 for integers and bool. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> std(Tensor<D> x) {
        return AxisReductionFunctions.std(x);
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Scalar<M> std(Vector<D> x, int axis) {
        return AxisReductionFunctions.std(x, axis);
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Vector<M> std(Matrix<D> x, int axis) {
        return AxisReductionFunctions.std(x, axis);
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Matrix<M> std(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.std(x, axis);
    }

    /** The standard deviation over {@code axis} with divisor N, one rank lower. */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor3<M> std(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.std(x, axis);
    }

    /**
     * The standard deviation over {@code axes} (null or empty: all) with divisor {@code N - ddof} (NumPy's
     * {@code ddof}; 1 for the unbiased variance), the reduced axes kept with length 1 when {@code keepdims}.
     */
    public static <M extends DTypeMarker, D extends MeansTo<M>> Tensor<M> std(Tensor<D> x, int[] axes, int ddof,
            boolean keepdims) {
        return AxisReductionFunctions.std(x, axes, ddof, keepdims);
    }

    /** {@code log(sum(exp(x)))} over all elements, stable (shifted by the maximum); its gradient is the softmax. */
    public static <D extends FloatingMarker> Scalar<D> logsumexp(Tensor<D> x) {
        return AxisReductionFunctions.logsumexp(x);
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Scalar<D> logsumexp(Vector<D> x, int axis) {
        return AxisReductionFunctions.logsumexp(x, axis);
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Vector<D> logsumexp(Matrix<D> x, int axis) {
        return AxisReductionFunctions.logsumexp(x, axis);
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Matrix<D> logsumexp(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.logsumexp(x, axis);
    }

    /** {@code log(sum(exp(x)))} over {@code axis}, stable, one rank lower. */
    public static <D extends FloatingMarker> Tensor3<D> logsumexp(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.logsumexp(x, axis);
    }

    /**
     * {@code log(sum(exp(x)))} over {@code axes} (null or empty: all), stable, the reduced axes kept with
     * length 1 when {@code keepdims}.
     */
    public static <D extends FloatingMarker> Tensor<D> logsumexp(Tensor<D> x, int[] axes, boolean keepdims) {
        return AxisReductionFunctions.logsumexp(x, axes, keepdims);
    }

    /**
     * The int64 flat (C-order) index of the first largest element (of the first NaN if any, as NumPy); not
     * differentiable.
     */
    public static <D extends DTypeMarker> Scalar<I64> argmax(Tensor<D> x) {
        return AxisReductionFunctions.argmax(x);
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Scalar<I64> argmax(Vector<D> x, int axis) {
        return AxisReductionFunctions.argmax(x, axis);
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Vector<I64> argmax(Matrix<D> x, int axis) {
        return AxisReductionFunctions.argmax(x, axis);
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Matrix<I64> argmax(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.argmax(x, axis);
    }

    /** The int64 position along {@code axis} of the first largest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<I64> argmax(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.argmax(x, axis);
    }

    /**
     * The int64 position along {@code axis} of the first largest element, the axis kept with length 1 when
     * {@code keepdims}.
     */
    public static <D extends DTypeMarker> Tensor<I64> argmax(Tensor<D> x, int axis, boolean keepdims) {
        return AxisReductionFunctions.argmax(x, axis, keepdims);
    }

    /**
     * The int64 flat (C-order) index of the first smallest element (of the first NaN if any, as NumPy); not
     * differentiable.
     */
    public static <D extends DTypeMarker> Scalar<I64> argmin(Tensor<D> x) {
        return AxisReductionFunctions.argmin(x);
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Scalar<I64> argmin(Vector<D> x, int axis) {
        return AxisReductionFunctions.argmin(x, axis);
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Vector<I64> argmin(Matrix<D> x, int axis) {
        return AxisReductionFunctions.argmin(x, axis);
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Matrix<I64> argmin(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.argmin(x, axis);
    }

    /** The int64 position along {@code axis} of the first smallest element (first NaN if any), one rank lower. */
    public static <D extends DTypeMarker> Tensor3<I64> argmin(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.argmin(x, axis);
    }

    /**
     * The int64 position along {@code axis} of the first smallest element, the axis kept with length 1 when
     * {@code keepdims}.
     */
    public static <D extends DTypeMarker> Tensor<I64> argmin(Tensor<D> x, int axis, boolean keepdims) {
        return AxisReductionFunctions.argmin(x, axis, keepdims);
    }

    /** Whether every element is non-zero (NaN counts as true), as a bool; true for an empty tensor. */
    public static <D extends DTypeMarker> Scalar<Bool> all(Tensor<D> x) {
        return AxisReductionFunctions.all(x);
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Scalar<Bool> all(Vector<D> x, int axis) {
        return AxisReductionFunctions.all(x, axis);
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Vector<Bool> all(Matrix<D> x, int axis) {
        return AxisReductionFunctions.all(x, axis);
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Matrix<Bool> all(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.all(x, axis);
    }

    /** Whether every element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Tensor3<Bool> all(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.all(x, axis);
    }

    /**
     * Whether every element is non-zero over {@code axes} (null or empty: all), the reduced axes kept with
     * length 1 when {@code keepdims}.
     */
    public static <D extends DTypeMarker> Tensor<Bool> all(Tensor<D> x, int[] axes, boolean keepdims) {
        return AxisReductionFunctions.all(x, axes, keepdims);
    }

    /** Whether some element is non-zero (NaN counts as true), as a bool; false for an empty tensor. */
    public static <D extends DTypeMarker> Scalar<Bool> any(Tensor<D> x) {
        return AxisReductionFunctions.any(x);
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Scalar<Bool> any(Vector<D> x, int axis) {
        return AxisReductionFunctions.any(x, axis);
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Vector<Bool> any(Matrix<D> x, int axis) {
        return AxisReductionFunctions.any(x, axis);
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Matrix<Bool> any(Tensor3<D> x, int axis) {
        return AxisReductionFunctions.any(x, axis);
    }

    /** Whether some element is non-zero along {@code axis}, as bools one rank lower. */
    public static <D extends DTypeMarker> Tensor3<Bool> any(Tensor4<D> x, int axis) {
        return AxisReductionFunctions.any(x, axis);
    }

    /**
     * Whether some element is non-zero over {@code axes} (null or empty: all), the reduced axes kept with
     * length 1 when {@code keepdims}.
     */
    public static <D extends DTypeMarker> Tensor<Bool> any(Tensor<D> x, int[] axes, boolean keepdims) {
        return AxisReductionFunctions.any(x, axes, keepdims);
    }

    // ---- along one axis: cumsum, cumprod, sort, argsort, topk, takeAlongAxis (AxisFunctions) ----------------

    /** The running sum of a vector (NumPy's {@code cumsum}): float keeps its dtype, integers and bool give int64. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumsum(Vector<D> x) {
        return AxisFunctions.cumsum(x);
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumsum(Vector<D> x, int axis) {
        return AxisFunctions.cumsum(x, axis);
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> cumsum(Matrix<D> x, int axis) {
        return AxisFunctions.cumsum(x, axis);
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> cumsum(Tensor3<D> x, int axis) {
        return AxisFunctions.cumsum(x, axis);
    }

    /** The running sum along {@code axis}, same shape; dtype as {@code cumsum(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor4<A> cumsum(Tensor4<D> x, int axis) {
        return AxisFunctions.cumsum(x, axis);
    }

    /** The running sum along {@code axis} of a tensor of any rank, same shape. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> cumsum(Tensor<D> x, int axis) {
        return AxisFunctions.cumsum(x, axis);
    }

    /**
     * The running product of a vector (NumPy's {@code cumprod}): float keeps its dtype, integers and bool
     * give int64.
     */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumprod(Vector<D> x) {
        return AxisFunctions.cumprod(x);
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Vector<A> cumprod(Vector<D> x, int axis) {
        return AxisFunctions.cumprod(x, axis);
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Matrix<A> cumprod(Matrix<D> x, int axis) {
        return AxisFunctions.cumprod(x, axis);
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor3<A> cumprod(Tensor3<D> x, int axis) {
        return AxisFunctions.cumprod(x, axis);
    }

    /** The running product along {@code axis}, same shape; dtype as {@code cumprod(Vector)}. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor4<A> cumprod(Tensor4<D> x, int axis) {
        return AxisFunctions.cumprod(x, axis);
    }

    /** The running product along {@code axis} of a tensor of any rank, same shape. */
    public static <A extends DTypeMarker, D extends SumsTo<A>> Tensor<A> cumprod(Tensor<D> x, int axis) {
        return AxisFunctions.cumprod(x, axis);
    }

    /**
     * {@code x} sorted along {@code axis}, ascending, NaN last (NumPy's {@code sort}); differentiable, the
     * gradient goes back through the permutation.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sort(AbstractTensor<D, S, ?> x, int axis) {
        return AxisFunctions.sort(x, axis);
    }

    /** {@code x} sorted along its last axis, as NumPy's default. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S sort(AbstractTensor<D, S, ?> x) {
        return AxisFunctions.sort(x);
    }

    /** {@code sort} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> sort(Tensor<D> x, int axis) {
        return AxisFunctions.sort(x, axis);
    }

    /**
     * The {@code k} largest values along {@code axis}, largest first (NaN counts as the largest; ties keep
     * their order); differentiable like {@code sort}.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S topk(AbstractTensor<D, S, ?> x, int k, int axis) {
        return AxisFunctions.topk(x, k, axis);
    }

    /** The {@code k} largest values along the last axis, largest first. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S topk(AbstractTensor<D, S, ?> x, int k) {
        return AxisFunctions.topk(x, k);
    }

    /** {@code topk} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> topk(Tensor<D> x, int k, int axis) {
        return AxisFunctions.topk(x, k, axis);
    }

    /**
     * {@code takeAlongAxis(x, idx, axis)}: the elements of x at the integer positions {@code idx} (x's rank;
     * negative positions count from the end) along {@code axis}, as NumPy's {@code take_along_axis};
     * differentiable in x.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S takeAlongAxis(AbstractTensor<D, S, ?> x,
            Tensor<?> idx, int axis) {
        return AxisFunctions.takeAlongAxis(x, idx, axis);
    }

    /** {@code takeAlongAxis} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> takeAlongAxis(Tensor<D> x, Tensor<?> idx, int axis) {
        return AxisFunctions.takeAlongAxis(x, idx, axis);
    }

    /**
     * The int64 positions that sort a vector, stable, NaN last (NumPy's {@code argsort(kind='stable')}); not
     * differentiable.
     */
    public static <D extends DTypeMarker> Vector<I64> argsort(Vector<D> x) {
        return AxisFunctions.argsort(x);
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Vector<I64> argsort(Vector<D> x, int axis) {
        return AxisFunctions.argsort(x, axis);
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Matrix<I64> argsort(Matrix<D> x, int axis) {
        return AxisFunctions.argsort(x, axis);
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Tensor3<I64> argsort(Tensor3<D> x, int axis) {
        return AxisFunctions.argsort(x, axis);
    }

    /** The int64 positions that sort along {@code axis}, stable, NaN last; same shape. */
    public static <D extends DTypeMarker> Tensor4<I64> argsort(Tensor4<D> x, int axis) {
        return AxisFunctions.argsort(x, axis);
    }

    /** The int64 positions that sort along {@code axis}, for a tensor of any rank. */
    public static <D extends DTypeMarker> Tensor<I64> argsort(Tensor<D> x, int axis) {
        return AxisFunctions.argsort(x, axis);
    }

    /**
     * The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position
     * first); not differentiable.
     */
    public static <D extends DTypeMarker> Vector<I64> argtopk(Vector<D> x, int k, int axis) {
        return AxisFunctions.argtopk(x, k, axis);
    }

    /**
     * The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position
     * first); not differentiable.
     */
    public static <D extends DTypeMarker> Matrix<I64> argtopk(Matrix<D> x, int k, int axis) {
        return AxisFunctions.argtopk(x, k, axis);
    }

    /**
     * The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position
     * first); not differentiable.
     */
    public static <D extends DTypeMarker> Tensor3<I64> argtopk(Tensor3<D> x, int k, int axis) {
        return AxisFunctions.argtopk(x, k, axis);
    }

    /**
     * The int64 positions of the {@code k} largest along {@code axis}, largest first (ties: lower position
     * first); not differentiable.
     */
    public static <D extends DTypeMarker> Tensor4<I64> argtopk(Tensor4<D> x, int k, int axis) {
        return AxisFunctions.argtopk(x, k, axis);
    }

    /** The int64 positions of the {@code k} largest along {@code axis}, for a tensor of any rank. */
    public static <D extends DTypeMarker> Tensor<I64> argtopk(Tensor<D> x, int k, int axis) {
        return AxisFunctions.argtopk(x, k, axis);
    }

    // ---- bitwise operations and shifts on integers (BitwiseFunctions) ---------------------------------------

    /**
     * Bitwise and of two integer tensors of one dtype, elementwise (NumPy's {@code bitwise_and}); {@code b}
     * may have lower rank.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseAnd(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return BitwiseFunctions.bitwiseAnd(a, b);
    }

    /** {@code bitwiseAnd} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> bitwiseAnd(Tensor<D> a, Tensor<D> b) {
        return BitwiseFunctions.bitwiseAnd(a, b);
    }

    /**
     * {@code bitwiseAnd} with a literal of a's dtype ({@code bitwiseAnd(x, 0xFF)}); a literal that does not
     * fit the dtype is an error.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseAnd(AbstractTensor<D, S, ?> a, long b) {
        return BitwiseFunctions.bitwiseAnd(a, b);
    }

    /**
     * Bitwise or of two integer tensors of one dtype, elementwise (NumPy's {@code bitwise_or}); {@code b} may
     * have lower rank.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseOr(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return BitwiseFunctions.bitwiseOr(a, b);
    }

    /** {@code bitwiseOr} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> bitwiseOr(Tensor<D> a, Tensor<D> b) {
        return BitwiseFunctions.bitwiseOr(a, b);
    }

    /**
     * {@code bitwiseOr} with a literal of a's dtype ({@code bitwiseOr(x, 0x80)}); a literal that does not fit
     * the dtype is an error.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseOr(AbstractTensor<D, S, ?> a, long b) {
        return BitwiseFunctions.bitwiseOr(a, b);
    }

    /**
     * Bitwise exclusive or of two integer tensors of one dtype, elementwise (NumPy's {@code bitwise_xor});
     * {@code b} may have lower rank.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseXor(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return BitwiseFunctions.bitwiseXor(a, b);
    }

    /** {@code bitwiseXor} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> bitwiseXor(Tensor<D> a, Tensor<D> b) {
        return BitwiseFunctions.bitwiseXor(a, b);
    }

    /**
     * {@code bitwiseXor} with a literal of a's dtype ({@code bitwiseXor(x, 0xFF)}); a literal that does not
     * fit the dtype is an error.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S bitwiseXor(AbstractTensor<D, S, ?> a, long b) {
        return BitwiseFunctions.bitwiseXor(a, b);
    }

    /** Bitwise not of an integer tensor, {@code ~x} elementwise (NumPy's {@code invert}). */
    public static <D extends IntegerMarker, S extends Tensor<D>> S invert(AbstractTensor<D, S, ?> x) {
        return BitwiseFunctions.invert(x);
    }

    /**
     * {@code invert} of a bool tensor: the logical not, as NumPy's {@code invert} on bool (not {@code ~1});
     * the handle of x's rank, typed as {@code Tensor<Bool>} (or call {@code logicalNot}, which keeps the
     * handle's type).
     */
    public static Tensor<Bool> invert(Tensor<Bool> x) {
        return BitwiseFunctions.invert(x);
    }

    /**
     * {@code a << b} elementwise (NumPy's {@code left_shift}), wrapping to the dtype's width; a count outside
     * [0, 63] gives 0.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S leftShift(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return BitwiseFunctions.leftShift(a, b);
    }

    /** {@code leftShift} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> leftShift(Tensor<D> a, Tensor<D> b) {
        return BitwiseFunctions.leftShift(a, b);
    }

    /** {@code leftShift} by a literal count ({@code leftShift(x, 3)}), taken in a's dtype. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S leftShift(AbstractTensor<D, S, ?> a, long b) {
        return BitwiseFunctions.leftShift(a, b);
    }

    /**
     * {@code a >> b} elementwise, arithmetic (NumPy's {@code right_shift}); a count outside [0, 63] gives 0,
     * or -1 where a is negative.
     */
    public static <D extends IntegerMarker, S extends Tensor<D>> S rightShift(AbstractTensor<D, S, ?> a, Tensor<D> b) {
        return BitwiseFunctions.rightShift(a, b);
    }

    /** {@code rightShift} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends IntegerMarker> Tensor<D> rightShift(Tensor<D> a, Tensor<D> b) {
        return BitwiseFunctions.rightShift(a, b);
    }

    /** {@code rightShift} by a literal count ({@code rightShift(x, 3)}), taken in a's dtype. */
    public static <D extends IntegerMarker, S extends Tensor<D>> S rightShift(AbstractTensor<D, S, ?> a, long b) {
        return BitwiseFunctions.rightShift(a, b);
    }

    // ---- neural-network composites (NNetFunctions) ----------------------------------------------------------

    /**
     * Row-wise softmax, {@code (m×n) \u2192 (m×n)}: {@code exp(x - max(x, axis 1) as a column)} divided by
     * its row sums, so large inputs do not overflow.
     */
    public static <D extends FloatingMarker> Matrix<D> softmax(Matrix<D> x) {
        return NNetFunctions.softmax(x);
    }

    /**
     * Row-wise {@code log(softmax(x))}, {@code (m×n) \u2192 (m×n)}, as
     * {@code (x - m) - log \u03a3 exp(x - m)} with m the row max.
     */
    public static <D extends FloatingMarker> Matrix<D> logSoftmax(Matrix<D> x) {
        return NNetFunctions.logSoftmax(x);
    }

    /**
     * Theano's {@code categorical_crossentropy} with one-hot (or any distribution) targets:
     * {@code -\u03a3_j t[i, j] log p[i, j]} per row, {@code (m×n), (m×n) \u2192 (m)}.
     */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropy(Matrix<D> probabilities,
            Matrix<D> oneHotTargets) {
        return NNetFunctions.categoricalCrossentropy(probabilities, oneHotTargets);
    }

    /** The rectifier {@code max(x, 0)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S relu(AbstractTensor<D, S, ?> x) {
        return NNetFunctions.relu(x);
    }

    /** {@code relu} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> relu(Tensor<D> x) {
        return NNetFunctions.relu(x);
    }

    /** The leaky rectifier {@code x > 0 ? x : alpha·x} (Theano's {@code relu(x, alpha)}). */
    public static <D extends FloatingMarker, S extends Tensor<D>> S relu(AbstractTensor<D, S, ?> x, double alpha) {
        return NNetFunctions.relu(x, alpha);
    }

    /** {@code relu(x, alpha)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> relu(Tensor<D> x, double alpha) {
        return NNetFunctions.relu(x, alpha);
    }

    /** The exponential linear unit {@code x > 0 ? x : alpha·(e^x - 1)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S elu(AbstractTensor<D, S, ?> x, double alpha) {
        return NNetFunctions.elu(x, alpha);
    }

    /** {@code elu(x, alpha)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> elu(Tensor<D> x, double alpha) {
        return NNetFunctions.elu(x, alpha);
    }

    /** The exponential linear unit with {@code alpha = 1}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S elu(AbstractTensor<D, S, ?> x) {
        return NNetFunctions.elu(x);
    }

    /** {@code elu(x)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> elu(Tensor<D> x) {
        return NNetFunctions.elu(x);
    }

    /**
     * The scaled ELU {@code \u03bb·elu(x, \u03b1)} with the self-normalizing constants (\u03b1 \u2248 1.6733,
     * \u03bb \u2248 1.0507).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S selu(AbstractTensor<D, S, ?> x) {
        return NNetFunctions.selu(x);
    }

    /** {@code selu} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> selu(Tensor<D> x) {
        return NNetFunctions.selu(x);
    }

    /** The exact Gaussian error linear unit {@code x/2·(1 + erf(x/\u221a2))}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S gelu(AbstractTensor<D, S, ?> x) {
        return NNetFunctions.gelu(x);
    }

    /** {@code gelu} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> gelu(Tensor<D> x) {
        return NNetFunctions.gelu(x);
    }

    /** The softsign {@code x / (1 + |x|)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S softsign(AbstractTensor<D, S, ?> x) {
        return NNetFunctions.softsign(x);
    }

    /** {@code softsign} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> softsign(Tensor<D> x) {
        return NNetFunctions.softsign(x);
    }

    /** Theano's piecewise-linear {@code hard_sigmoid}, {@code clip(0.2·x + 0.5, 0, 1)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S hardSigmoid(AbstractTensor<D, S, ?> x) {
        return NNetFunctions.hardSigmoid(x);
    }

    /** {@code hardSigmoid} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> hardSigmoid(Tensor<D> x) {
        return NNetFunctions.hardSigmoid(x);
    }

    /** Softmax along {@code axis} (negative counts from the end), shifted by the maximum so it does not overflow. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S softmax(AbstractTensor<D, S, ?> x, int axis) {
        return NNetFunctions.softmax(x, axis);
    }

    /** {@code softmax(x, axis)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> softmax(Tensor<D> x, int axis) {
        return NNetFunctions.softmax(x, axis);
    }

    /** {@code log(softmax(x, axis))}, computed as {@code (x - m) - log \u03a3 exp(x - m)}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S logSoftmax(AbstractTensor<D, S, ?> x, int axis) {
        return NNetFunctions.logSoftmax(x, axis);
    }

    /** {@code logSoftmax(x, axis)} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> logSoftmax(Tensor<D> x, int axis) {
        return NNetFunctions.logSoftmax(x, axis);
    }

    /**
     * Theano's {@code categorical_crossentropy} with integer class targets: {@code -log p[i, t[i]]} per row,
     * {@code (m×n), (m) \u2192 (m)}; stable when {@code p} is a {@code softmax}.
     */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropy(Matrix<D> probabilities,
            Vector<?> labels) {
        return NNetFunctions.categoricalCrossentropy(probabilities, labels);
    }

    /** The categorical cross-entropy of {@code softmax(logits)} against one-hot targets, from the logits (stable). */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropyFromLogits(Matrix<D> logits,
            Matrix<D> oneHotTargets) {
        return NNetFunctions.categoricalCrossentropyFromLogits(logits, oneHotTargets);
    }

    /**
     * The categorical cross-entropy of {@code softmax(logits)} against integer class targets, from the logits
     * (stable).
     */
    public static <D extends FloatingMarker> Vector<D> categoricalCrossentropyFromLogits(Matrix<D> logits,
            Vector<?> labels) {
        return NNetFunctions.categoricalCrossentropyFromLogits(logits, labels);
    }

    /** Theano's {@code binary_crossentropy}: {@code -(t·log p + (1 - t)·log(1 - p))} elementwise. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S binaryCrossentropy(AbstractTensor<D, S, ?> p,
            Tensor<D> targets) {
        return NNetFunctions.binaryCrossentropy(p, targets);
    }

    /** {@code binaryCrossentropy} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> binaryCrossentropy(Tensor<D> p, Tensor<D> targets) {
        return NNetFunctions.binaryCrossentropy(p, targets);
    }

    /** The binary cross-entropy of {@code sigmoid(z)} from the logits, {@code softplus(z) - t·z}: finite for any z. */
    public static <D extends FloatingMarker, S extends Tensor<D>>
            S binaryCrossentropyFromLogits(AbstractTensor<D, S, ?> logits, Tensor<D> targets) {
        return NNetFunctions.binaryCrossentropyFromLogits(logits, targets);
    }

    /** {@code binaryCrossentropyFromLogits} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> binaryCrossentropyFromLogits(Tensor<D> logits,
            Tensor<D> targets) {
        return NNetFunctions.binaryCrossentropyFromLogits(logits, targets);
    }

    /**
     * One-hot rows of {@code dtype} for integer labels, {@code (m) \u2192 (m×numClasses)} (Theano's
     * {@code to_one_hot}); a label outside {@code [0, numClasses)} gives a row of zeros.
     */
    public static <D extends DTypeMarker> Matrix<D> oneHot(Vector<?> labels, int numClasses, Class<D> dtype) {
        return NNetFunctions.oneHot(labels, numClasses, dtype);
    }

    /** One-hot encoding along a new last axis for integer labels of any rank, as {@code dtype}. */
    public static <D extends DTypeMarker> Tensor<D> oneHot(Tensor<?> labels, int numClasses, Class<D> dtype) {
        return NNetFunctions.oneHot(labels, numClasses, dtype);
    }

    /**
     * Inverted dropout: each element is kept with probability {@code 1 - p} (a uniform draw from
     * {@code streams} at least {@code p}) and scaled by {@code 1/(1 - p)}, else zeroed; the expected value is
     * x.
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S dropout(AbstractTensor<D, S, ?> x, double p,
            RandomStreams streams) {
        return NNetFunctions.dropout(x, p, streams);
    }

    /** {@code dropout} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> dropout(Tensor<D> x, double p, RandomStreams streams) {
        return NNetFunctions.dropout(x, p, streams);
    }

    /**
     * Training-mode batch normalization over {@code axes}: the output
     * {@code gamma·(x - mean)/\u221a(var + eps) + beta} with the batch mean and biased variance, which keep
     * the reduced axes as length 1 (feed them to a running average for inference).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>>
            BatchNorm<S> batchNormTrain(AbstractTensor<D, S, ?> x, Tensor<D> gamma, Tensor<D> beta, double eps,
            int... axes) {
        return NNetFunctions.batchNormTrain(x, gamma, beta, eps, axes);
    }

    /** Inference-mode batch normalization with given statistics: {@code gamma·(x - mean)/\u221a(var + eps) + beta}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S batchNormInference(AbstractTensor<D, S, ?> x,
            Tensor<D> gamma, Tensor<D> beta, Tensor<D> mean, Tensor<D> variance, double eps) {
        return NNetFunctions.batchNormInference(x, gamma, beta, mean, variance, eps);
    }

    /**
     * Embedding lookup: row {@code ids[i]} of the table {@code W} ({@code V×d}) for each id,
     * {@code (V×d), (n) \u2192 (n×d)}, as NumPy's {@code take(W, ids, axis=0)}.
     */
    public static <D extends FloatingMarker> Matrix<D> embedding(Matrix<D> table, Vector<?> ids) {
        return NNetFunctions.embedding(table, ids);
    }

    /** Embedding lookup for ids of any shape: {@code (V×d), (s...) \u2192 (s..., d)}. */
    public static <D extends FloatingMarker> Tensor<D> embedding(Matrix<D> table, Tensor<?> ids) {
        return NNetFunctions.embedding(table, ids);
    }

    /**
     * 2-d convolution (cross-correlation, as deep-learning libraries compute it) of NCHW input
     * {@code N×C×H×W} with filters {@code K×C×R×S}, stride 1, no padding: {@code N×K×(H-R+1)×(W-S+1)}.
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters) {
        return NNetFunctions.conv2d(x, filters);
    }

    /** 2-d convolution with stride 1 and the padding mode {@code "valid"}, {@code "same"} or {@code "full"}. */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, String padding) {
        return NNetFunctions.conv2d(x, filters, padding);
    }

    /** 2-d convolution with a (vertical, horizontal) stride and a padding mode. */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            String padding) {
        return NNetFunctions.conv2d(x, filters, stride, padding);
    }

    /**
     * 2-d convolution with a stride and explicit zero padding, (vertical, horizontal) or (top, bottom, left,
     * right).
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            int[] padding) {
        return NNetFunctions.conv2d(x, filters, stride, padding);
    }

    /**
     * 2-d convolution with every option: stride, padding mode, dilation (vertical, horizontal) and groups
     * (the C input channels and K filters split into {@code groups} independent convolutions; filters are
     * {@code K×(C/groups)×R×S}).
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            String padding, int[] dilation, int groups) {
        return NNetFunctions.conv2d(x, filters, stride, padding, dilation, groups);
    }

    /** 2-d convolution with stride, explicit padding, dilation and groups. */
    public static <D extends FloatingMarker> Tensor4<D> conv2d(Tensor4<D> x, Tensor4<D> filters, int[] stride,
            int[] padding, int[] dilation, int groups) {
        return NNetFunctions.conv2d(x, filters, stride, padding, dilation, groups);
    }

    /**
     * The transposed convolution (the gradient of {@link #conv2d} with respect to its input) of
     * {@code N×K×H×W} with filters {@code K×C×R×S}: {@code N×C×H'×W'} with H' the smallest input height whose
     * convolution has height H ({@code H·stride} for {@code "same"}).
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2dTranspose(Tensor4<D> x, Tensor4<D> filters,
            int[] stride, String padding) {
        return NNetFunctions.conv2dTranspose(x, filters, stride, padding);
    }

    /**
     * The transposed convolution with every option; {@code outputSize} (height, width) picks among the sizes
     * a stride makes possible, or null for the smallest.
     */
    public static <D extends FloatingMarker> Tensor4<D> conv2dTranspose(Tensor4<D> x, Tensor4<D> filters,
            int[] stride, int[] padding, int[] dilation, int groups, int[] outputSize) {
        return NNetFunctions.conv2dTranspose(x, filters, stride, padding, dilation, groups, outputSize);
    }

    /** The transposed convolution with a padding mode, dilation, groups and an optional output size. */
    public static <D extends FloatingMarker> Tensor4<D> conv2dTranspose(Tensor4<D> x, Tensor4<D> filters,
            int[] stride, String padding, int[] dilation, int groups, int[] outputSize) {
        return NNetFunctions.conv2dTranspose(x, filters, stride, padding, dilation, groups, outputSize);
    }

    /**
     * Max pooling over the last two axes with non-overlapping {@code window} (vertical, horizontal); a
     * partial window at the border is dropped.
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S maxPool2d(AbstractTensor<D, S, ?> x, int[] window) {
        return NNetFunctions.maxPool2d(x, window);
    }

    /**
     * Max pooling over the last two axes (Theano's {@code pool_2d(mode='max')}): {@code stride} (null: the
     * window), {@code padding} (vertical, horizontal; needs ignoreBorder) and {@code ignoreBorder} (false
     * keeps the partial windows at the end).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S maxPool2d(AbstractTensor<D, S, ?> x, int[] window,
            int[] stride, int[] padding, boolean ignoreBorder) {
        return NNetFunctions.maxPool2d(x, window, stride, padding, ignoreBorder);
    }

    /** {@code maxPool2d} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> maxPool2d(Tensor<D> x, int[] window, int[] stride,
            int[] padding, boolean ignoreBorder) {
        return NNetFunctions.maxPool2d(x, window, stride, padding, ignoreBorder);
    }

    /** Average pooling over the last two axes with non-overlapping {@code window}. */
    public static <D extends FloatingMarker, S extends Tensor<D>> S avgPool2d(AbstractTensor<D, S, ?> x, int[] window) {
        return NNetFunctions.avgPool2d(x, window);
    }

    /**
     * Average pooling over the last two axes: {@code includePadding} divides by the window clipped to the
     * padded input (Theano's {@code average_inc_pad}), else by the real elements in it
     * ({@code average_exc_pad}).
     */
    public static <D extends FloatingMarker, S extends Tensor<D>> S avgPool2d(AbstractTensor<D, S, ?> x, int[] window,
            int[] stride, int[] padding, boolean ignoreBorder, boolean includePadding) {
        return NNetFunctions.avgPool2d(x, window, stride, padding, ignoreBorder, includePadding);
    }

    /** {@code avgPool2d} for values typed as the {@code Tensor<D>} interface. */
    public static <D extends FloatingMarker> Tensor<D> avgPool2d(Tensor<D> x, int[] window, int[] stride,
            int[] padding, boolean ignoreBorder, boolean includePadding) {
        return NNetFunctions.avgPool2d(x, window, stride, padding, ignoreBorder, includePadding);
    }

    // ---- gradients (GradFunctions) --------------------------------------------------------------------------

    /**
     * The gradient of a scalar {@code cost} with respect to {@code wrt}, as a graph of wrt's type
     * ({@code grad(Scalar, Matrix<D>)} is a {@code Matrix<D>}).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S grad(Tensor<?> cost, AbstractTensor<D, S, ?> wrt,
            GradOption... options) {
        return GradFunctions.grad(cost, wrt, options);
    }

    /** {@code grad} for a {@code wrt} typed as the {@code Tensor<D>} interface. */
    public static <D extends DTypeMarker> Tensor<D> grad(Tensor<?> cost, Tensor<D> wrt, GradOption... options) {
        return GradFunctions.grad(cost, wrt, options);
    }

    /** Gradients with respect to several variables, in order. */
    public static List<Tensor<?>> grad(Tensor<?> cost, List<? extends Tensor<?>> wrt, GradOption... options) {
        return GradFunctions.grad(cost, wrt, options);
    }

    /** The Jacobian of a vector with respect to a vector: {@code J[i, j] = \u2202y_i/\u2202x_j}. */
    public static <E extends DTypeMarker> Matrix<E> jacobian(Vector<?> y, Vector<E> x, GradOption... options) {
        return GradFunctions.jacobian(y, x, options);
    }

    /** The Jacobian of a vector with respect to a scalar: a vector. */
    public static <E extends DTypeMarker> Vector<E> jacobian(Vector<?> y, Scalar<E> x, GradOption... options) {
        return GradFunctions.jacobian(y, x, options);
    }

    /** The Jacobian of a vector with respect to a matrix: shape {@code (len(y), m, n)}. */
    public static <E extends DTypeMarker> Tensor3<E> jacobian(Vector<?> y, Matrix<E> x, GradOption... options) {
        return GradFunctions.jacobian(y, x, options);
    }

    /** The Hessian of a scalar cost with respect to a vector. */
    public static <E extends DTypeMarker> Matrix<E> hessian(Tensor<?> cost, Vector<E> x, GradOption... options) {
        return GradFunctions.hessian(cost, x, options);
    }

    /**
     * The product of the Hessian of {@code cost} with respect to x and the vector {@code v}, without forming
     * the Hessian.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S hessianVectorProduct(Tensor<?> cost,
            AbstractTensor<D, S, ?> x, Tensor<D> v) {
        return GradFunctions.hessianVectorProduct(cost, x, v);
    }

    /**
     * {@code hessianVectorProduct} for values typed as the {@code Tensor<D>} interface; the result is a
     * {@code Tensor<D>} too.
     */
    public static <D extends DTypeMarker> Tensor<D> hessianVectorProduct(Tensor<?> cost, Tensor<D> x, Tensor<D> v) {
        return GradFunctions.hessianVectorProduct(cost, x, v);
    }

    /** Theano's Lop: {@code u · \u2202f/\u2202wrt}, shaped like wrt. */
    public static <D extends DTypeMarker, E extends DTypeMarker, S extends Tensor<E>>
            S Lop(Tensor<D> f, AbstractTensor<E, S, ?> wrt, Tensor<D> u) {
        return GradFunctions.Lop(f, wrt, u);
    }

    /** {@code Lop} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker, E extends DTypeMarker> Tensor<E> Lop(Tensor<D> f, Tensor<E> wrt,
            Tensor<D> u) {
        return GradFunctions.Lop(f, wrt, u);
    }

    /** Theano's Rop: {@code \u2202f/\u2202wrt · v} (forward mode), shaped like f. */
    public static <D extends DTypeMarker, S extends Tensor<D>, E extends DTypeMarker>
            S Rop(AbstractTensor<D, S, ?> f, Tensor<E> wrt, Tensor<E> v) {
        return GradFunctions.Rop(f, wrt, v);
    }

    /** {@code Rop} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker, E extends DTypeMarker> Tensor<D> Rop(Tensor<D> f, Tensor<E> wrt,
            Tensor<E> v) {
        return GradFunctions.Rop(f, wrt, v);
    }

    /** Identity forward; the gradient through it is zero (Theano's zero_grad). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S zeroGrad(AbstractTensor<D, S, ?> x) {
        return GradFunctions.zeroGrad(x);
    }

    /** {@code zeroGrad} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> zeroGrad(Tensor<D> x) {
        return GradFunctions.zeroGrad(x);
    }

    /** Identity forward; no gradient flows back through it (Theano's disconnected_grad). */
    public static <D extends DTypeMarker, S extends Tensor<D>> S disconnectedGrad(AbstractTensor<D, S, ?> x) {
        return GradFunctions.disconnectedGrad(x);
    }

    /**
     * {@code disconnectedGrad} for values typed as the {@code Tensor<D>} interface; the result is a
     * {@code Tensor<D>} too.
     */
    public static <D extends DTypeMarker> Tensor<D> disconnectedGrad(Tensor<D> x) {
        return GradFunctions.disconnectedGrad(x);
    }

    /**
     * Identity forward; differentiating through it is an error that quotes {@code reason} (Theano's
     * grad_undefined).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S gradUndefined(AbstractTensor<D, S, ?> x,
            String reason) {
        return GradFunctions.gradUndefined(x, reason);
    }

    /**
     * {@code gradUndefined} for values typed as the {@code Tensor<D>} interface; the result is a
     * {@code Tensor<D>} too.
     */
    public static <D extends DTypeMarker> Tensor<D> gradUndefined(Tensor<D> x, String reason) {
        return GradFunctions.gradUndefined(x, reason);
    }

    /**
     * Checks the symbolic gradient of {@code fn} against central finite differences at {@code points}
     * (float64), Theano's verify_grad; throws {@link org.symtensor.error.GradientCheckException} on a
     * mismatch.
     */
    public static void verifyGrad(java.util.function.Function<List<Tensor<?>>, Tensor<?>> fn, List<NDArray> points,
            double eps, double tolerance) {
        GradFunctions.verifyGrad(fn, points, eps, tolerance);
    }

    // ---- loops and conditionals (ScanFunctions) -------------------------------------------------------------

    /** Theano's {@code scan}: {@code scan(args -> ..., sequences(x), outputsInfo(h0), nonSequences(w), nSteps(k))}. */
    public static ScanResult<Tensor<?>, Tensor<?>> scan(java.util.function.Function<List<Tensor<?>>, ?> fn,
            ScanOption... options) {
        return ScanFunctions.scan(fn, options);
    }

    /** {@code state(t) = step(state(t-1))}: {@code scan(x -> x.times(2), outputsInfo(x0), nSteps(k))}. */
    public static <S extends Tensor<?>, R extends Tensor<?>> TypedScanResult<S, R> scan(UnaryOperator<S> step,
            ScanOption.State<S, R> outputsInfo, ScanOption.NSteps nSteps) {
        return ScanFunctions.scan(step, outputsInfo, nSteps);
    }

    /**
     * {@code state(t) = step(state(t-1), w)}:
     * {@code scan((Vector<F64> p, Matrix<F64> a) -> p.dot(a), outputsInfo(v0), nonSequences(a), nSteps(k))}.
     */
    public static <S extends Tensor<?>, R extends Tensor<?>, N extends Tensor<?>>
            TypedScanResult<S, R> scan(BiFunction<S, N, S> step, ScanOption.State<S, R> outputsInfo,
            ScanOption.NonSequence<N> nonSequences, ScanOption.NSteps nSteps) {
        return ScanFunctions.scan(step, outputsInfo, nonSequences, nSteps);
    }

    /**
     * Theano's {@code map}: {@code scan((Scalar<F64> x) -> x.sqr(), sequences(v)).outputs()} is a
     * {@code Vector<F64>}.
     */
    public static <X extends Tensor<?>, Y extends Tensor<?> & Stackable<R>, R extends Tensor<?>>
            TypedScanResult<Y, R> scan(java.util.function.Function<X, ? extends AbstractTensor<?, Y, ?>> step,
            ScanOption.Sequence<X> sequences) {
        return ScanFunctions.scan(step, sequences);
    }

    /** A map with one non-sequence: {@code y[t] = step(x[t], w)}. */
    public static <X extends Tensor<?>, N extends Tensor<?>, Y extends Tensor<?> & Stackable<R>, R extends Tensor<?>>
            TypedScanResult<Y, R> scan(BiFunction<X, N, ? extends AbstractTensor<?, Y, ?>> step,
            ScanOption.Sequence<X> sequences, ScanOption.NonSequence<N> nonSequences) {
        return ScanFunctions.scan(step, sequences, nonSequences);
    }

    /**
     * {@code state(t) = step(x[t], state(t-1))}:
     * {@code scan((Scalar<F64> x, Scalar<F64> acc) -> acc.plus(x), sequences(v), outputsInfo(s0))}.
     */
    public static <X extends Tensor<?>, S extends Tensor<?>, R extends Tensor<?>>
            TypedScanResult<S, R> scan(BiFunction<X, S, S> step, ScanOption.Sequence<X> sequences,
            ScanOption.State<S, R> outputsInfo) {
        return ScanFunctions.scan(step, sequences, outputsInfo);
    }

    /** {@code state(t) = step(x[t], state(t-1), w)}: an RNN, {@code (x, h, w) -> tanh(h.dot(w).plus(x))}. */
    public static <X extends Tensor<?>, S extends Tensor<?>, R extends Tensor<?>, N extends Tensor<?>>
            TypedScanResult<S, R> scan(org.symtensor.scan.Scan.Step3<X, S, N, S> step,
            ScanOption.Sequence<X> sequences, ScanOption.State<S, R> outputsInfo,
            ScanOption.NonSequence<N> nonSequences) {
        return ScanFunctions.scan(step, sequences, outputsInfo, nonSequences);
    }

    /** One sequence whose slices are scalars: selects the typed {@code scan}. */
    public static <D extends DTypeMarker> ScanOption.Sequence<Scalar<D>> sequences(Vector<D> x) {
        return ScanFunctions.sequences(x);
    }

    /** One sequence whose slices are vectors (its rows). */
    public static <D extends DTypeMarker> ScanOption.Sequence<Vector<D>> sequences(Matrix<D> x) {
        return ScanFunctions.sequences(x);
    }

    /** One sequence whose slices are matrices. */
    public static <D extends DTypeMarker> ScanOption.Sequence<Matrix<D>> sequences(Tensor3<D> x) {
        return ScanFunctions.sequences(x);
    }

    /** One sequence whose slices are tensor3s. */
    public static <D extends DTypeMarker> ScanOption.Sequence<Tensor3<D>> sequences(Tensor4<D> x) {
        return ScanFunctions.sequences(x);
    }

    /** One scalar state (tap -1): the step must return a {@code Scalar<D>}; the states stack to a {@code Vector<D>}. */
    public static <D extends DTypeMarker>
            ScanOption.State<Scalar<D>, Vector<D>> outputsInfo(Scalar<D> init) {
        return ScanFunctions.outputsInfo(init);
    }

    /** One vector state (tap -1): the states stack to a {@code Matrix<D>}. */
    public static <D extends DTypeMarker>
            ScanOption.State<Vector<D>, Matrix<D>> outputsInfo(Vector<D> init) {
        return ScanFunctions.outputsInfo(init);
    }

    /** One matrix state (tap -1): the states stack to a {@code Tensor3<D>}. */
    public static <D extends DTypeMarker>
            ScanOption.State<Matrix<D>, Tensor3<D>> outputsInfo(Matrix<D> init) {
        return ScanFunctions.outputsInfo(init);
    }

    /** One tensor3 state (tap -1): the states stack to a {@code Tensor4<D>}. */
    public static <D extends DTypeMarker>
            ScanOption.State<Tensor3<D>, Tensor4<D>> outputsInfo(Tensor3<D> init) {
        return ScanFunctions.outputsInfo(init);
    }

    /** One non-sequence; the step receives it as itself, with its own handle type. */
    public static <N extends Tensor<?>> ScanOption.NonSequence<N> nonSequences(N value) {
        return ScanFunctions.nonSequences(value);
    }

    /** Sequences to iterate over: tensors (tap 0) or {@code taps(x, -1, 0, 1)}. */
    public static ScanOption.Sequences sequences(Object... sequences) {
        return ScanFunctions.sequences(sequences);
    }

    /**
     * One entry per output: an initial value (tap -1), {@code taps(init, -2, -1)}, or {@code noInitial()} (or
     * null).
     */
    public static ScanOption.OutputsInfo outputsInfo(Object... infos) {
        return ScanFunctions.outputsInfo(infos);
    }

    /** A sequence or initial value with explicit taps, passed to the step in the order listed. */
    public static Tapped taps(Tensor<?> x, int... taps) {
        return ScanFunctions.taps(x, taps);
    }

    /** Theano's {@code None} in {@code outputsInfo}: an output that is not fed back (a map output). */
    public static Tapped noInitial() {
        return ScanFunctions.noInitial();
    }

    /** The non-sequences of the general form: passed to every step, after the sequences and the states. */
    public static ScanOption.NonSequences nonSequences(Tensor<?>... values) {
        return ScanFunctions.nonSequences(values);
    }

    /** The number of steps, when no sequence fixes it (or to stop before the shortest one ends). */
    public static ScanOption.NSteps nSteps(long n) {
        return ScanFunctions.nSteps(n);
    }

    /** The number of steps as a symbolic integer scalar. */
    public static ScanOption.NSteps nSteps(Scalar<?> n) {
        return ScanFunctions.nSteps(n);
    }

    /** Iterates over the sequences from the last entry to the first (Theano's {@code go_backwards}). */
    public static ScanOption.GoBackwards goBackwards() {
        return ScanFunctions.goBackwards();
    }

    /** Backpropagates through at most {@code steps} steps (Theano's {@code truncate_gradient}). */
    public static ScanOption.TruncateGradient truncateGradient(int steps) {
        return ScanFunctions.truncateGradient(steps);
    }

    /** A step's result with more than outputs: {@code step(a, b).until(done).withUpdates(...)}. */
    public static ScanStep step(Tensor<?>... outputs) {
        return ScanFunctions.step(outputs);
    }

    /** Theano's {@code map}: {@code fn} applied to each slice of the sequences, stacked. */
    public static ScanResult<Tensor<?>, Tensor<?>> map(java.util.function.Function<List<Tensor<?>>, ?> fn,
            Tensor<?>... sequences) {
        return ScanFunctions.map(fn, sequences);
    }

    /**
     * Theano's {@code reduce} (= {@code foldl}): {@code acc = fn(x[t], acc)} over a vector; returns the final
     * accumulator, computed by a loop that keeps O(1) states.
     */
    public static <D extends DTypeMarker, S extends Tensor<?>> S reduce(BiFunction<Scalar<D>, S, S> fn,
            Vector<D> sequence, AbstractTensor<?, S, ?> init) {
        return ScanFunctions.reduce(fn, sequence, init);
    }

    /** Theano's {@code foldl}: {@code acc = fn(x[t], acc)} from the first entry to the last (as {@code reduce}). */
    public static <D extends DTypeMarker, S extends Tensor<?>> S foldl(BiFunction<Scalar<D>, S, S> fn,
            Vector<D> sequence, AbstractTensor<?, S, ?> init) {
        return ScanFunctions.foldl(fn, sequence, init);
    }

    /** {@code foldl} from the last entry to the first. */
    public static <D extends DTypeMarker, S extends Tensor<?>> S foldr(BiFunction<Scalar<D>, S, S> fn,
            Vector<D> sequence, AbstractTensor<?, S, ?> init) {
        return ScanFunctions.foldr(fn, sequence, init);
    }

    /**
     * Theano's lazy {@code ifelse}: {@code a} if the bool scalar {@code cond} is true, else {@code b}; only
     * the branch taken is computed (unlike {@code where}, which computes both).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S ifelse(Tensor<Bool> cond, AbstractTensor<D, S, ?> a,
            Tensor<D> b) {
        return ScanFunctions.ifelse(cond, a, b);
    }

    /** {@code ifelse} for values typed as the {@code Tensor<D>} interface; the result is a {@code Tensor<D>} too. */
    public static <D extends DTypeMarker> Tensor<D> ifelse(Tensor<Bool> cond, Tensor<D> a, Tensor<D> b) {
        return ScanFunctions.ifelse(cond, a, b);
    }

    /**
     * Theano's {@code ifelse(cond, [a, b], [c, d])}: one output per pair, {@code then.get(k)} if the bool
     * scalar {@code cond} is true, else {@code otherwise.get(k)}; the pairs must have the same dtype and
     * rank.
     */
    public static List<Tensor<?>> ifelse(Tensor<Bool> cond, List<? extends Tensor<?>> then,
            List<? extends Tensor<?>> otherwise) {
        return ScanFunctions.ifelse(cond, then, otherwise);
    }

    /** The int64 vector {@code [0, 1, ..., n-1]}. */
    public static Vector<I64> arange(int n) {
        return ScanFunctions.arange(n);
    }

    // ---- compiled functions (FunctionFactories) -------------------------------------------------------------

    /** The inputs of a function, in call order: handles, or {@code in(x).withDefault(...)}. */
    public static Inputs inputs(FunctionInput... inputs) {
        return FunctionFactories.inputs(inputs);
    }

    /** An input with options: {@code in(y).withDefault(1)}, {@code in(x).named("x0")}. */
    public static In in(Tensor<?> x) {
        return FunctionFactories.in(x);
    }

    /**
     * Theano's {@code f.copy(swap={a: b})}: {@code f.copy(swap(a, b))} reads and updates shared variable
     * {@code b} where {@code f} uses {@code a}; both hold values of the same type.
     */
    public static <H extends Tensor<?>> CopyOption swap(SharedVariable<H> original, SharedVariable<H> replacement) {
        return FunctionFactories.swap(original, replacement);
    }

    /** Theano's {@code f.copy(delete_updates=True)}: {@code f.copy(deleteUpdates())} has no updates. */
    public static CopyOption deleteUpdates() {
        return FunctionFactories.deleteUpdates();
    }

    /** The outputs of a function, in order: {@code function(inputs(x), outputs(a, b))} returns both. */
    public static Outputs outputs(Tensor<?>... outputs) {
        return FunctionFactories.outputs(outputs);
    }

    /** One shared-variable update: after the call, {@code target} takes {@code newValue}. */
    public static <D extends DTypeMarker> Update update(SharedVariable<? extends Tensor<D>> target,
            Tensor<D> newValue) {
        return FunctionFactories.update(target, newValue);
    }

    /** The updates of a function, applied together after each call: {@code updates(update(w, w.minus(g)))}. */
    public static Updates updates(Update... pairs) {
        return FunctionFactories.updates(pairs);
    }

    /** Updates from a map of shared variable to new value (iteration order is kept). */
    public static Updates updates(Map<? extends SharedVariable<?>, ? extends Tensor<?>> pairs) {
        return FunctionFactories.updates(pairs);
    }

    /** One replacement for {@link #givens}. */
    public static <D extends DTypeMarker> Map.Entry<Variable, Variable> given(Tensor<D> replaced, Tensor<D> by) {
        return FunctionFactories.given(replaced, by);
    }

    /** Theano's {@code givens}: each replaced variable is replaced in the graph before compiling. */
    @SafeVarargs
    public static Givens givens(Map.Entry<Variable, Variable>... pairs) {
        return FunctionFactories.givens(pairs);
    }

    /** Theano's {@code allow_input_downcast=True}: call arguments may be converted to a narrower dtype. */
    public static FunctionFlag allowInputDowncast() {
        return FunctionFactories.allowInputDowncast();
    }

    /** Theano's {@code on_unused_input}: what to do with an input the outputs do not use. */
    public static FunctionFlag onUnusedInput(FunctionFlag.UnusedInput policy) {
        return FunctionFactories.onUnusedInput(policy);
    }

    /** Theano's {@code mode=}: {@code function(inputs(x), y, mode(Mode.FAST_COMPILE))}. */
    public static FunctionFlag mode(Mode mode) {
        return FunctionFactories.mode(mode);
    }

    /**
     * Turns off every default update (Theano's {@code no_default_updates=True}): random variables then draw
     * the same numbers at every call.
     */
    public static NoDefaultUpdates noDefaultUpdates() {
        return FunctionFactories.noDefaultUpdates();
    }

    /**
     * Turns off the default updates of these random variables (their generator states) or shared variables;
     * the others still apply.
     */
    public static NoDefaultUpdates noDefaultUpdates(Tensor<?>... variables) {
        return FunctionFactories.noDefaultUpdates(variables);
    }

    /** Runs one function on a device ({@code cpu}, {@code opencl0}, ...), overriding the {@code device} flag. */
    public static FunctionFlag device(String deviceName) {
        return FunctionFactories.device(deviceName);
    }

    /**
     * Theano's {@code profile=True}: {@code function(inputs(x), y, profile())} times every apply node of the
     * compiled function, and {@code f.profile()} prints per-node time, calls and share of the total, sorted
     * by time.
     */
    public static FunctionFlag profile() {
        return FunctionFactories.profile();
    }

    /** Compiles a function of one output. */
    public static Function function(Inputs inputs, Tensor<?> output, FunctionOption... options) {
        return FunctionFactories.function(inputs, output, options);
    }

    /** Compiles a function with no outputs (updates only, say). */
    public static Function function(Inputs inputs, FunctionOption... options) {
        return FunctionFactories.function(inputs, options);
    }

    /** Compiles a function: checked here, then handed to the runtime found on the class path. */
    public static Function function(Inputs inputs, Outputs outputs, FunctionOption... options) {
        return FunctionFactories.function(inputs, outputs, options);
    }

    /** Compiles an already checked spec with the runtime on the class path, under the process flags. */
    public static Function compile(FunctionSpec spec) {
        return FunctionFactories.compile(spec);
    }

    /**
     * The options the flags of this process ask for ({@code SYMTENSOR_FLAGS}, {@code -Dsymtensor.flags}):
     * what {@code function(...)} compiles under.
     */
    public static CompileOptions compileOptions() {
        return FunctionFactories.compileOptions();
    }

    // ---- printing (PrintFunctions) --------------------------------------------------------------------------

    /** Theano's pretty print: {@code pp(x.plus(y))} is {@code (x + y)}. */
    public static String pp(Tensor<?> x) {
        return PrintFunctions.pp(x);
    }

    /** The graph as an indented tree with op, dtype, static shape and a stable id per node. */
    public static String debugprint(Tensor<?>... outputs) {
        return PrintFunctions.debugprint(outputs);
    }

    /**
     * A compiled function's graph as it runs (Theano's {@code debugprint(f)}): the optimized apply nodes,
     * each line ending with its position in execution order, update roots marked.
     */
    public static String debugprint(org.symtensor.function.Function f) {
        return PrintFunctions.debugprint(f);
    }

    // ---- linear algebra (LinAlgFunctions) -------------------------------------------------------------------

    /** The outer product of two vectors, {@code (m), (n) \u2192 (m×n)}: {@code a[i]·b[j]}. */
    public static <D extends DTypeMarker> Matrix<D> outer(Vector<D> a, Vector<D> b) {
        return LinAlgFunctions.outer(a, b);
    }

    /**
     * The matrix product {@code (m×k)·(k×n) \u2192 (m×n)} (NumPy's {@code matmul}, the same as {@code dot}
     * for matrices).
     */
    public static <D extends DTypeMarker> Matrix<D> matmul(Matrix<D> a, Matrix<D> b) {
        return LinAlgFunctions.matmul(a, b);
    }

    /** A batch of matrix products {@code (b×m×k)·(b×k×n) \u2192 (b×m×n)}, a batch axis of length 1 broadcasting. */
    public static <D extends DTypeMarker> Tensor3<D> matmul(Tensor3<D> a, Tensor3<D> b) {
        return LinAlgFunctions.matmul(a, b);
    }

    /** One matrix times each of a batch, {@code (m×k)·(b×k×n) \u2192 (b×m×n)}. */
    public static <D extends DTypeMarker> Tensor3<D> matmul(Matrix<D> a, Tensor3<D> b) {
        return LinAlgFunctions.matmul(a, b);
    }

    /** Each of a batch times one matrix, {@code (b×m×k)·(k×n) \u2192 (b×m×n)}. */
    public static <D extends DTypeMarker> Tensor3<D> matmul(Tensor3<D> a, Matrix<D> b) {
        return LinAlgFunctions.matmul(a, b);
    }

    /**
     * NumPy's {@code matmul} for tensors of rank 2 or more of any rank: the last two axes multiply, the
     * others broadcast.
     */
    public static <D extends DTypeMarker> Tensor<D> matmul(Tensor<D> a, Tensor<D> b) {
        return LinAlgFunctions.matmul(a, b);
    }

    /**
     * Theano's {@code batched_dot} of matrix stacks: {@code (b×m×k)·(b×k×n) \u2192 (b×m×n)}, one product per
     * batch entry.
     */
    public static <D extends DTypeMarker> Tensor3<D> batchedDot(Tensor3<D> a, Tensor3<D> b) {
        return LinAlgFunctions.batchedDot(a, b);
    }

    /**
     * Theano's {@code batched_dot} of two row stacks: the dot product of each pair of rows,
     * {@code (b×k), (b×k) \u2192 (b)}.
     */
    public static <D extends FloatingMarker> Vector<D> batchedDot(Matrix<D> a, Matrix<D> b) {
        return LinAlgFunctions.batchedDot(a, b);
    }

    /** The sum of the diagonal of a square matrix. */
    public static <D extends FloatingMarker> Scalar<D> trace(Matrix<D> a) {
        return LinAlgFunctions.trace(a);
    }

    /** The square matrix with {@code v} on its diagonal and zeros elsewhere (NumPy's {@code diag} of a vector). */
    public static <D extends DTypeMarker> Matrix<D> diag(Vector<D> v) {
        return LinAlgFunctions.diag(v);
    }

    /** The diagonal of a square matrix as a vector (NumPy's {@code diag} of a matrix, Theano's {@code diagonal}). */
    public static <D extends DTypeMarker> Vector<D> diag(Matrix<D> a) {
        return LinAlgFunctions.diag(a);
    }

    /** The lower triangle of a matrix, the diagonal included, with zeros above it (NumPy's {@code tril}). */
    public static <D extends DTypeMarker> Matrix<D> tril(Matrix<D> a) {
        return LinAlgFunctions.tril(a);
    }

    /**
     * The inverse of a square matrix (NumPy's {@code inv}, Theano's {@code matrix_inverse}); singular is an
     * error when run.
     */
    public static <D extends FloatingMarker> Matrix<D> inverse(Matrix<D> a) {
        return LinAlgFunctions.inverse(a);
    }

    /** The determinant of a square matrix. */
    public static <D extends FloatingMarker> Scalar<D> det(Matrix<D> a) {
        return LinAlgFunctions.det(a);
    }

    /**
     * The sign and the log of the absolute value of the determinant, which does not overflow where
     * {@code det} would.
     */
    public static <D extends FloatingMarker> LinAlgFunctions.Slogdet<D> slogdet(Matrix<D> a) {
        return LinAlgFunctions.slogdet(a);
    }

    /** The x with {@code a·x = b} for a square {@code a} and one right-hand side. */
    public static <D extends FloatingMarker> Vector<D> solve(Matrix<D> a, Vector<D> b) {
        return LinAlgFunctions.solve(a, b);
    }

    /** The x with {@code a·x = b} for a square {@code a} and the right-hand sides as the columns of {@code b}. */
    public static <D extends FloatingMarker> Matrix<D> solve(Matrix<D> a, Matrix<D> b) {
        return LinAlgFunctions.solve(a, b);
    }

    /**
     * The lower-triangular L with {@code L·L\u1d40 = a}, a symmetric positive definite and read from its
     * lower triangle.
     */
    public static <D extends FloatingMarker> Matrix<D> cholesky(Matrix<D> a) {
        return LinAlgFunctions.cholesky(a);
    }

    /** The eigenvalues (ascending) and eigenvectors of a symmetric matrix read from its lower triangle. */
    public static <D extends FloatingMarker> LinAlgFunctions.Eigh<D> eigh(Matrix<D> a) {
        return LinAlgFunctions.eigh(a);
    }

    /** The eigenvalues (ascending) of a symmetric matrix read from its lower triangle (NumPy's {@code eigvalsh}). */
    public static <D extends FloatingMarker> Vector<D> eigvalsh(Matrix<D> a) {
        return LinAlgFunctions.eigvalsh(a);
    }

    /** The singular values of a matrix, descending (NumPy's {@code svd} with {@code compute_uv=False}). */
    public static <D extends FloatingMarker> Vector<D> svd(Matrix<D> a) {
        return LinAlgFunctions.svd(a);
    }

    /**
     * The reduced SVD {@code a = u·diag(s)·vt} (NumPy's {@code svd} with {@code full_matrices=False}); only s
     * has a gradient.
     */
    public static <D extends FloatingMarker> LinAlgFunctions.Svd<D> svdVectors(Matrix<D> a) {
        return LinAlgFunctions.svdVectors(a);
    }

    /**
     * The reduced QR decomposition {@code a = q·r} (NumPy's {@code qr}, mode {@code 'reduced'}); it has no
     * gradient.
     */
    public static <D extends FloatingMarker> LinAlgFunctions.Qr<D> qr(Matrix<D> a) {
        return LinAlgFunctions.qr(a);
    }

    /**
     * The Moore-Penrose pseudo-inverse, {@code (m×n) \u2192 (n×m)}, singular values below {@code 1e-15} of
     * the largest dropped.
     */
    public static <D extends FloatingMarker> Matrix<D> pinv(Matrix<D> a) {
        return LinAlgFunctions.pinv(a);
    }

    /** NumPy's {@code tensordot(a, b, n)}: the last {@code n} axes of a summed against the first n of b. */
    public static <D extends DTypeMarker> Tensor<D> tensordot(Tensor<D> a, Tensor<D> b, int n) {
        return LinAlgFunctions.tensordot(a, b, n);
    }

    /**
     * NumPy's {@code tensordot(a, b, (axesA, axesB))}: axis {@code axesA[i]} of a summed against
     * {@code axesB[i]} of b.
     */
    public static <D extends DTypeMarker> Tensor<D> tensordot(Tensor<D> a, Tensor<D> b, int[] axesA, int[] axesB) {
        return LinAlgFunctions.tensordot(a, b, axesA, axesB);
    }

    /**
     * NumPy's {@code einsum} of one operand: {@code "ij->ji"}, {@code "ij->i"}, {@code "ij->"},
     * {@code "ii->"}, {@code "ii->i"}.
     */
    public static <D extends DTypeMarker> Tensor<D> einsum(String subscripts, Tensor<D> a) {
        return LinAlgFunctions.einsum(subscripts, a);
    }

    /**
     * NumPy's {@code einsum} of two operands: {@code "ij,jk->ik"}, {@code "bij,bjk->bik"}, {@code "i,j->ij"},
     * {@code "ij,ij->"}, {@code "bi,bi->b"}, ...
     */
    public static <D extends DTypeMarker> Tensor<D> einsum(String subscripts, Tensor<D> a, Tensor<D> b) {
        return LinAlgFunctions.einsum(subscripts, a, b);
    }

    /** The Euclidean length of a vector. */
    public static <D extends FloatingMarker> Scalar<D> norm(Vector<D> x) {
        return LinAlgFunctions.norm(x);
    }

    /**
     * A vector norm: {@code FRO} and {@code TWO} the Euclidean length, {@code ONE} the sum of absolute
     * values, {@code INF} the largest.
     */
    public static <D extends FloatingMarker> Scalar<D> norm(Vector<D> x, LinAlgFunctions.NormOrd ord) {
        return LinAlgFunctions.norm(x, ord);
    }

    /** The Frobenius norm of a matrix. */
    public static <D extends FloatingMarker> Scalar<D> norm(Matrix<D> x) {
        return LinAlgFunctions.norm(x);
    }

    /**
     * A matrix norm: {@code FRO} Frobenius, {@code ONE} the largest column sum of absolute values,
     * {@code TWO} the largest singular value, {@code INF} the largest row sum of absolute values.
     */
    public static <D extends FloatingMarker> Scalar<D> norm(Matrix<D> x, LinAlgFunctions.NormOrd ord) {
        return LinAlgFunctions.norm(x, ord);
    }

    /** Vector norms of the rows ({@code axis 1}) or the columns ({@code axis 0}) of a matrix. */
    public static <D extends FloatingMarker> Vector<D> norm(Matrix<D> x, LinAlgFunctions.NormOrd ord, int axis) {
        return LinAlgFunctions.norm(x, ord, axis);
    }

    /** Vector norms along one axis of a tensor of any rank (negative counts from the end); that axis is removed. */
    public static <D extends FloatingMarker> Tensor<D> norm(Tensor<D> x, LinAlgFunctions.NormOrd ord, int axis) {
        return LinAlgFunctions.norm(x, ord, axis);
    }

    // ---- shape, construction and indexing (ShapeFunctions) --------------------------------------------------

    /**
     * The elements of x in C order as a vector of length n ({@code -1}: all of them), NumPy's
     * {@code reshape(x, n)}.
     */
    public static <D extends DTypeMarker> Vector<D> reshape(Tensor<D> x, long n) {
        return ShapeFunctions.reshape(x, n);
    }

    /** The elements of x in C order as a {@code rows × cols} matrix; one length may be {@code -1} (inferred). */
    public static <D extends DTypeMarker> Matrix<D> reshape(Tensor<D> x, long rows, long cols) {
        return ShapeFunctions.reshape(x, rows, cols);
    }

    /** The elements of x in C order under a rank-3 shape; one length may be {@code -1} (inferred). */
    public static <D extends DTypeMarker> Tensor3<D> reshape(Tensor<D> x, long d0, long d1, long d2) {
        return ShapeFunctions.reshape(x, d0, d1, d2);
    }

    /** The elements of x in C order under a rank-4 shape; one length may be {@code -1} (inferred). */
    public static <D extends DTypeMarker> Tensor4<D> reshape(Tensor<D> x, long d0, long d1, long d2, long d3) {
        return ShapeFunctions.reshape(x, d0, d1, d2, d3);
    }

    /**
     * The elements of x in C order under {@code shape}, of any rank (no lengths: a scalar, from a one-element
     * x); one length may be {@code -1}.
     */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, long[] shape) {
        return ShapeFunctions.reshape(x, shape);
    }

    /**
     * The elements of x in C order under symbolic lengths, one integer scalar per axis of the result
     * ({@code reshape(x, x.shape(0), constant(-1L))}); one may be {@code -1} at run time.
     */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, Scalar<?>... lengths) {
        return ShapeFunctions.reshape(x, lengths);
    }

    /**
     * The elements of x in C order under the shape held by an integer vector (such as {@code shape(y)}),
     * whose length must be known when the graph is built.
     */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, Vector<?> shape) {
        return ShapeFunctions.reshape(x, shape);
    }

    /** The elements of x in C order under the shape held by an integer vector of {@code ndim} entries. */
    public static <D extends DTypeMarker> Tensor<D> reshape(Tensor<D> x, Vector<?> shape, int ndim) {
        return ShapeFunctions.reshape(x, shape, ndim);
    }

    /** All elements of x in C order as one vector, Theano's {@code flatten(x)}. */
    public static <D extends DTypeMarker> Vector<D> flatten(Tensor<D> x) {
        return ShapeFunctions.flatten(x);
    }

    /**
     * Theano's {@code flatten(x, ndim)}: the first {@code ndim - 1} axes kept and the rest merged,
     * {@code (a, b, c, d) \u2192 (a, b·c·d)} for ndim 2.
     */
    public static <D extends DTypeMarker> Tensor<D> flatten(Tensor<D> x, int ndim) {
        return ShapeFunctions.flatten(x, ndim);
    }

    /** A rank-3 or rank-4 tensor as a matrix of its first axis by the rest, {@code (n, c, h, w) \u2192 (n, c·h·w)}. */
    public static <D extends DTypeMarker> Matrix<D> flatten2d(Tensor<D> x) {
        return ShapeFunctions.flatten2d(x);
    }

    /**
     * NumPy's {@code squeeze}: removes the given axes, which must have static length 1 (Theano's
     * broadcastable axes); with no axes, every axis of static length 1.
     */
    public static <D extends DTypeMarker> Tensor<D> squeeze(Tensor<D> x, int... axes) {
        return ShapeFunctions.squeeze(x, axes);
    }

    /**
     * NumPy's {@code expand_dims}: a new axis of length 1 at {@code axis} of the result (negative counts from
     * the end).
     */
    public static <D extends DTypeMarker> Tensor<D> expandDims(Tensor<D> x, int axis) {
        return ShapeFunctions.expandDims(x, axis);
    }

    /** A vector as a 1×n matrix ({@code axis} 0) or an n×1 matrix ({@code axis} 1 or -1). */
    public static <D extends DTypeMarker> Matrix<D> expandDims(Vector<D> x, int axis) {
        return ShapeFunctions.expandDims(x, axis);
    }

    /** NumPy's {@code transpose(x, axes)}: output axis i is input axis {@code axes[i]}; no axes reverses them. */
    public static <D extends DTypeMarker> Tensor<D> transpose(Tensor<D> x, int... axes) {
        return ShapeFunctions.transpose(x, axes);
    }

    /** A rank-3 tensor with its axes permuted, {@code transpose(t, 0, 2, 1)}. */
    public static <D extends DTypeMarker> Tensor3<D> transpose(Tensor3<D> x, int a0, int a1, int a2) {
        return ShapeFunctions.transpose(x, a0, a1, a2);
    }

    /** A rank-4 tensor with its axes permuted, {@code transpose(t, 0, 2, 3, 1)} (NCHW \u2192 NHWC). */
    public static <D extends DTypeMarker> Tensor4<D> transpose(Tensor4<D> x, int a0, int a1, int a2, int a3) {
        return ShapeFunctions.transpose(x, a0, a1, a2, a3);
    }

    /** The transpose of a matrix, {@code (m×n) \u2192 (n×m)}. */
    public static <D extends DTypeMarker> Matrix<D> transpose(Matrix<D> x) {
        return ShapeFunctions.transpose(x);
    }

    /** NumPy's {@code swapaxes}: axes a and b exchanged (negative counts from the end); the rank is kept. */
    public static <D extends DTypeMarker> Tensor<D> swapaxes(Tensor<D> x, int a, int b) {
        return ShapeFunctions.swapaxes(x, a, b);
    }

    /** A matrix's two axes exchanged (its transpose). */
    public static <D extends DTypeMarker> Matrix<D> swapaxes(Matrix<D> x, int a, int b) {
        return ShapeFunctions.swapaxes(x, a, b);
    }

    /** A rank-3 tensor with axes a and b exchanged. */
    public static <D extends DTypeMarker> Tensor3<D> swapaxes(Tensor3<D> x, int a, int b) {
        return ShapeFunctions.swapaxes(x, a, b);
    }

    /** A rank-4 tensor with axes a and b exchanged. */
    public static <D extends DTypeMarker> Tensor4<D> swapaxes(Tensor4<D> x, int a, int b) {
        return ShapeFunctions.swapaxes(x, a, b);
    }

    // ---- joins and constructions with symbolic shapes (ConstructionFunctions) -------------------------------

    /**
     * NumPy's {@code concatenate}: the tensors end to end along {@code axis} (negative counts from the end);
     * one dtype and rank, equal lengths on the other axes.
     */
    @SafeVarargs
    public static <D extends DTypeMarker, S extends Tensor<D>> S concatenate(int axis, AbstractTensor<D, S, ?>... xs) {
        return ConstructionFunctions.concatenate(axis, xs);
    }

    /** {@link #concatenate(int, AbstractTensor[])} of a list. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S concatenate(int axis,
            List<? extends AbstractTensor<D, S, ?>> xs) {
        return ConstructionFunctions.concatenate(axis, xs);
    }

    /** Theano's {@code stack}: scalars laid along a new axis, a vector. */
    @SafeVarargs
    public static <D extends DTypeMarker> Vector<D> stack(Scalar<D>... xs) {
        return ConstructionFunctions.stack(xs);
    }

    /**
     * NumPy's {@code stack(xs, axis)}: vectors laid along a new axis at {@code axis} (0: as rows, 1 or -1: as
     * columns).
     */
    @SafeVarargs
    public static <D extends DTypeMarker> Matrix<D> stack(int axis, Vector<D>... xs) {
        return ConstructionFunctions.stack(axis, xs);
    }

    /** NumPy's {@code stack(xs, axis)} of matrices: a rank-3 tensor. */
    @SafeVarargs
    public static <D extends DTypeMarker> Tensor3<D> stack(int axis, Matrix<D>... xs) {
        return ConstructionFunctions.stack(axis, xs);
    }

    /** NumPy's {@code stack(xs, axis)} for tensors of any one rank: rank one higher. */
    public static <D extends DTypeMarker> Tensor<D> stack(int axis, List<? extends Tensor<D>> xs) {
        return ConstructionFunctions.stack(axis, xs);
    }

    /**
     * NumPy's {@code split} with section sizes: consecutive pieces of x along {@code axis}, of the given
     * lengths, which must add up to the axis length (else an error naming both when the function runs).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> List<S> split(AbstractTensor<D, S, ?> x, int[] sizes,
            int axis) {
        return ConstructionFunctions.split(x, sizes, axis);
    }

    /**
     * NumPy's {@code repeat(x, repeats, axis)}: each entry along the axis repeated in place,
     * {@code [a, b] \u2192 [a, a, b, b]}.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S repeat(AbstractTensor<D, S, ?> x, int repeats,
            int axis) {
        return ConstructionFunctions.repeat(x, repeats, axis);
    }

    /** NumPy's {@code tile(x, reps)}: the whole of x repeated along each axis, {@code [a, b] \u2192 [a, b, a, b]}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S tile(AbstractTensor<D, S, ?> x, int... reps) {
        return ConstructionFunctions.tile(x, reps);
    }

    /** NumPy's {@code roll(x, shift, axis)}: entries shifted along the axis, wrapping around. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S roll(AbstractTensor<D, S, ?> x, long shift, int axis) {
        return ConstructionFunctions.roll(x, shift, axis);
    }

    /** {@code roll} by a symbolic integer shift. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S roll(AbstractTensor<D, S, ?> x, Scalar<?> shift,
            int axis) {
        return ConstructionFunctions.roll(x, shift, axis);
    }

    /**
     * NumPy's {@code pad(x, widths, constant_values=value)}: {@code widths[i] = {before, after}} entries of
     * {@code value} on axis i ({@code new int[][] {{1, 1}}}: one on each side of every axis).
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S pad(AbstractTensor<D, S, ?> x, int[][] widths,
            double value) {
        return ConstructionFunctions.pad(x, widths, value);
    }

    /** {@code pad} with zeros. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S pad(AbstractTensor<D, S, ?> x, int[][] widths) {
        return ConstructionFunctions.pad(x, widths);
    }

    /** Theano's {@code alloc(value, *shape)}: value broadcast to symbolic lengths (integer scalars). */
    public static <D extends DTypeMarker> Tensor<D> alloc(Tensor<D> value, Scalar<?>... shape) {
        return ConstructionFunctions.alloc(value, shape);
    }

    /** {@code alloc} to constant lengths. */
    public static <D extends DTypeMarker> Tensor<D> alloc(Tensor<D> value, long... shape) {
        return ConstructionFunctions.alloc(value, shape);
    }

    /** {@code alloc} to the lengths held by an integer vector of static length, such as {@code shape(x)}. */
    public static <D extends DTypeMarker> Tensor<D> alloc(Tensor<D> value, Vector<?> shape) {
        return ConstructionFunctions.alloc(value, shape);
    }

    /** Zeros of {@code dtype} and the given lengths ({@code zeros(F32.class, 3, 4)}). */
    public static <D extends DTypeMarker> Tensor<D> zeros(Class<D> dtype, long... shape) {
        return ConstructionFunctions.zeros(dtype, shape);
    }

    /** Zeros of {@code dtype} and symbolic lengths ({@code zeros(F64.class, x.shape(0), n)}). */
    public static <D extends DTypeMarker> Tensor<D> zeros(Class<D> dtype, Scalar<?>... shape) {
        return ConstructionFunctions.zeros(dtype, shape);
    }

    /** Zeros of {@code dtype} and the shape held by an integer vector ({@code zeros(F64.class, shape(x))}). */
    public static <D extends DTypeMarker> Tensor<D> zeros(Class<D> dtype, Vector<?> shape) {
        return ConstructionFunctions.zeros(dtype, shape);
    }

    /** Ones of {@code dtype} and the given lengths. */
    public static <D extends DTypeMarker> Tensor<D> ones(Class<D> dtype, long... shape) {
        return ConstructionFunctions.ones(dtype, shape);
    }

    /** Ones of {@code dtype} and symbolic lengths. */
    public static <D extends DTypeMarker> Tensor<D> ones(Class<D> dtype, Scalar<?>... shape) {
        return ConstructionFunctions.ones(dtype, shape);
    }

    /** Ones of {@code dtype} and the shape held by an integer vector. */
    public static <D extends DTypeMarker> Tensor<D> ones(Class<D> dtype, Vector<?> shape) {
        return ConstructionFunctions.ones(dtype, shape);
    }

    /** NumPy's {@code full}: {@code value} (representable in {@code dtype}) at every position of the given lengths. */
    public static <D extends DTypeMarker> Tensor<D> full(Class<D> dtype, double value, long... shape) {
        return ConstructionFunctions.full(dtype, value, shape);
    }

    /** {@code full} with symbolic lengths. */
    public static <D extends DTypeMarker> Tensor<D> full(Class<D> dtype, double value, Scalar<?>... shape) {
        return ConstructionFunctions.full(dtype, value, shape);
    }

    /** {@code full} with the shape held by an integer vector, such as {@code shape(x)}. */
    public static <D extends DTypeMarker> Tensor<D> full(Class<D> dtype, double value, Vector<?> shape) {
        return ConstructionFunctions.full(dtype, value, shape);
    }

    /** NumPy's {@code arange(start, stop, step)} over symbolic scalars of one dtype. */
    public static <D extends DTypeMarker> Vector<D> arange(Scalar<D> start, Scalar<D> stop, Scalar<D> step) {
        return ConstructionFunctions.arange(start, stop, step);
    }

    /** {@code arange(start, stop)} with step 1 in the bounds' dtype. */
    public static <D extends DTypeMarker> Vector<D> arange(Scalar<D> start, Scalar<D> stop) {
        return ConstructionFunctions.arange(start, stop);
    }

    /** {@code arange(stop)}: {@code 0, 1, ..., stop - 1} in stop's dtype (symbolic stop). */
    public static <D extends DTypeMarker> Vector<D> arange(Scalar<D> stop) {
        return ConstructionFunctions.arange(stop);
    }

    /** {@code arange(start, stop, step)} of Java longs: an int64 vector (NumPy's default integer). */
    public static Vector<I64> arange(long start, long stop, long step) {
        return ConstructionFunctions.arange(start, stop, step);
    }

    /**
     * {@code arange(start, stop, step)} of Java doubles: a float64 vector of
     * {@code ceil((stop - start) / step)} values.
     */
    public static Vector<F64> arange(double start, double stop, double step) {
        return ConstructionFunctions.arange(start, stop, step);
    }

    /** NumPy's {@code linspace(start, stop, num)}: num evenly spaced values from start to stop inclusive. */
    public static <D extends FloatingMarker> Vector<D> linspace(Scalar<D> start, Scalar<D> stop, long num) {
        return ConstructionFunctions.linspace(start, stop, num);
    }

    /** {@code linspace} with a symbolic count. */
    public static <D extends FloatingMarker> Vector<D> linspace(Scalar<D> start, Scalar<D> stop, Scalar<?> num) {
        return ConstructionFunctions.linspace(start, stop, num);
    }

    /** {@code linspace} of Java doubles: a float64 vector. */
    public static Vector<F64> linspace(double start, double stop, long num) {
        return ConstructionFunctions.linspace(start, stop, num);
    }

    /** The n×n identity matrix of {@code dtype}, NumPy's {@code eye(n)}. */
    public static <D extends DTypeMarker> Matrix<D> eye(Class<D> dtype, long n) {
        return ConstructionFunctions.eye(dtype, n);
    }

    /** The identity matrix of a symbolic size. */
    public static <D extends DTypeMarker> Matrix<D> eye(Class<D> dtype, Scalar<?> n) {
        return ConstructionFunctions.eye(dtype, n);
    }

    /** NumPy's {@code x.shape}: the run-time lengths of x's axes as an int64 vector of x's rank. */
    public static Vector<I64> shape(Tensor<?> x) {
        return ConstructionFunctions.shape(x);
    }

    /**
     * Theano's {@code specify_shape}: x with a promised shape (-1 leaves an axis free), which later ops see
     * statically; a value of another shape fails when the function runs, naming x and both shapes.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S specifyShape(AbstractTensor<D, S, ?> x, int... shape) {
        return ConstructionFunctions.specifyShape(x, shape);
    }

    // ---- indexing, setSubtensor and incSubtensor (IndexFunctions) -------------------------------------------

    /** Python's {@code :}, the whole axis. */
    public static Slice slice() {
        return IndexFunctions.slice();
    }

    /** Python's {@code start:stop}; null leaves a bound out, negative counts from the end. */
    public static Slice slice(Integer start, Integer stop) {
        return IndexFunctions.slice(start, stop);
    }

    /** Python's {@code start:stop:step}: {@code slice(null, null, -1)} is {@code ::-1}. */
    public static Slice slice(Integer start, Integer stop, Integer step) {
        return IndexFunctions.slice(start, stop, step);
    }

    /**
     * Python's {@code ::step} with no null to write (inside a {@code @SymbolicFunction} too):
     * {@code sliceStep(-1)} reverses.
     */
    public static Slice sliceStep(int step) {
        return IndexFunctions.sliceStep(step);
    }

    /** Python's {@code start:}, from {@code start} (negative counts from the end) to the end. */
    public static Slice sliceFrom(int start) {
        return IndexFunctions.sliceFrom(start);
    }

    /** Python's {@code :stop}, from the start up to {@code stop} excluded (negative counts from the end). */
    public static Slice sliceTo(int stop) {
        return IndexFunctions.sliceTo(stop);
    }

    /** NumPy's {@code newaxis}: a new axis of length 1 where it stands in an indexing expression. */
    public static IndexOps.Special newaxis() {
        return IndexFunctions.newaxis();
    }

    /**
     * NumPy's {@code x[items...]}: integers (negative from the end), slices, {@code newaxis()}, integer
     * scalars, one integer array, or a lone bool mask, applied to x's axes from the left.
     */
    public static <D extends DTypeMarker> Tensor<D> index(Tensor<D> x, Object... items) {
        return IndexFunctions.index(x, items);
    }

    /** An int64 vector constant of indices, for {@code take} and the updates: {@code indices(2, 0, -1)}. */
    public static Vector<I64> indices(long... values) {
        return IndexFunctions.indices(values);
    }

    /** NumPy's {@code take(x, indices, axis)}: entries along the axis, the index's shape replacing it. */
    public static <D extends DTypeMarker> Tensor<D> take(Tensor<D> x, Tensor<?> indices, int axis) {
        return IndexFunctions.take(x, indices, axis);
    }

    /** {@code take} of a vector by an integer vector: a vector. */
    public static <D extends DTypeMarker> Vector<D> take(Vector<D> x, Vector<?> indices) {
        return IndexFunctions.take(x, indices);
    }

    /** {@code take} of a matrix's rows ({@code axis} 0) or columns (1 or -1) by an integer vector: a matrix. */
    public static <D extends DTypeMarker> Matrix<D> take(Matrix<D> x, Vector<?> indices, int axis) {
        return IndexFunctions.take(x, indices, axis);
    }

    /** NumPy's {@code x[mask]} for a bool mask of x's shape: the selected elements in C order. */
    public static <D extends DTypeMarker> Vector<D> booleanMask(Tensor<D> x, Tensor<Bool> mask) {
        return IndexFunctions.booleanMask(x, mask);
    }

    /**
     * Theano's {@code set_subtensor(x[items...], y)}: a copy of x with y (broadcast) written where the
     * expression reads; with repeated array indices the last one wins.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S setSubtensor(AbstractTensor<D, S, ?> x, Tensor<D> y,
            Object... items) {
        return IndexFunctions.setSubtensor(x, y, items);
    }

    /** {@code setSubtensor} of a literal, which must fit x's dtype: {@code setSubtensor(x, 0, slice(1, 3))}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S setSubtensor(AbstractTensor<D, S, ?> x, double y,
            Object... items) {
        return IndexFunctions.setSubtensor(x, y, items);
    }

    /**
     * Theano's {@code inc_subtensor(x[items...], y)}: a copy of x with y (broadcast) added where the
     * expression reads; repeated array indices accumulate.
     */
    public static <D extends DTypeMarker, S extends Tensor<D>> S incSubtensor(AbstractTensor<D, S, ?> x, Tensor<D> y,
            Object... items) {
        return IndexFunctions.incSubtensor(x, y, items);
    }

    /** {@code incSubtensor} of a literal: {@code incSubtensor(x, 1, idx)}. */
    public static <D extends DTypeMarker, S extends Tensor<D>> S incSubtensor(AbstractTensor<D, S, ?> x, double y,
            Object... items) {
        return IndexFunctions.incSubtensor(x, y, items);
    }
}
