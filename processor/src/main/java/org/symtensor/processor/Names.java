package org.symtensor.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;
import org.symtensor.type.DType;

/**
 * The names and Java types the generated code uses, in one place: handle types, dtype markers,
 * the plain Java type a typed {@code call} takes and returns for each rank and dtype, and the
 * {@code NDArray} method that converts a result to it.
 */
final class Names {
    static final ClassName T = ClassName.get("org.symtensor", "T");
    static final ClassName FUNCTION = ClassName.get("org.symtensor.function", "Function");
    static final ClassName ND_ARRAY = ClassName.get("org.symtensor.value", "NDArray");
    static final ClassName DTYPE = ClassName.get("org.symtensor.type", "DType");
    static final ClassName TENSOR_TYPE = ClassName.get("org.symtensor.type", "TensorType");
    static final ClassName VARIABLE = ClassName.get("org.symtensor.ir", "Variable");
    static final ClassName SOURCE_LOCATION = ClassName.get("org.symtensor.ir", "SourceLocation");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final String PROCESSOR = "org.symtensor.processor.SymbolicProcessor";
    static final List<String> HANDLE_NAMES = List.of("Scalar", "Vector", "Matrix", "Tensor3", "Tensor4");
    private static final List<String> HANDLES = HANDLE_NAMES;
    static final ClassName UPDATE = ClassName.get("org.symtensor.function", "Update");
    static final ClassName UPDATES = ClassName.get("org.symtensor.function", "Updates");
    static final ClassName SCAN = ClassName.get("org.symtensor.scan", "Scan");

    private Names() {}

    /**
     * The class generated for {@code owner}, in its package: {@code FooSymbolic} for a top-level
     * {@code Foo}, {@code A_BSymbolic} for a class {@code B} nested in {@code A} (the simple names
     * joined by {@code _}, as AutoValue and Dagger do). Names can still collide ({@code A.B} and a
     * top-level {@code A_B}); {@link SymbolicProcessor} reports that as {@link ErrorCode#NAME_CLASH}.
     */
    static ClassName symbolicClass(TypeElement owner) {
        ClassName o = ClassName.get(owner);
        return ClassName.get(o.packageName(), String.join("_", o.simpleNames()) + "Symbolic");
    }

    /** {@code F64} for FLOAT64, and so on. */
    static String marker(DType d) {
        switch (d) {
            case FLOAT32: return "F32";
            case FLOAT64: return "F64";
            case INT8: return "I8";
            case INT16: return "I16";
            case INT32: return "I32";
            case INT64: return "I64";
            case UINT8: return "U8";
            case BOOL: return "Bool";
        }
        throw new AssertionError(d);
    }

    static ClassName handleClass(int rank) {
        return ClassName.get("org.symtensor.tensor", HANDLES.get(rank));
    }

    /** {@code Matrix<F64>}. */
    static TypeName handle(int rank, DType d) {
        return ParameterizedTypeName.get(handleClass(rank), ClassName.get("org.symtensor.type", marker(d)));
    }

    /** The Java type a typed call uses for a value of this rank and dtype: {@code double[][]}, {@code float}, or NDArray. */
    static TypeName javaType(int rank, DType d) {
        TypeName elem = element(d, rank);
        if (elem == null) {
            return ND_ARRAY;
        }
        TypeName t = elem;
        for (int i = 0; i < rank; i++) {
            t = ArrayTypeName.of(t);
        }
        return t;
    }

    private static TypeName element(DType d, int rank) {
        switch (rank) {
            case 0:
                return d == DType.FLOAT32 ? TypeName.FLOAT : d == DType.FLOAT64 ? TypeName.DOUBLE : d == DType.INT32
                        ? TypeName.INT : d == DType.INT64 ? TypeName.LONG : d == DType.BOOL ? TypeName.BOOLEAN : null;
            case 1:
                return d == DType.FLOAT32 ? TypeName.FLOAT : d == DType.FLOAT64 ? TypeName.DOUBLE : d == DType.INT32
                        ? TypeName.INT : d == DType.INT64 ? TypeName.LONG : null;
            case 2:
                return d == DType.FLOAT32 ? TypeName.FLOAT : d == DType.FLOAT64 ? TypeName.DOUBLE : d == DType.INT32
                        ? TypeName.INT : null;
            default:
                return null;
        }
    }

    /** The NDArray method converting to {@link #javaType}, or null when that type is NDArray itself. */
    static String converter(int rank, DType d) {
        if (element(d, rank) == null) {
            return null;
        }
        String e = d == DType.FLOAT32 ? "Float" : d == DType.FLOAT64 ? "Double" : d == DType.INT32 ? "Int"
                : d == DType.INT64 ? "Long" : "Boolean";
        return rank == 0 ? "to" + e : rank == 1 ? "to" + e + "Array" : "to" + e + "Matrix";
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
