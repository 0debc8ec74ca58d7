package org.symtensor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * The shape, construction and indexing DSL is interpreted in a {@code @SymbolicFunction} body like
 * any other call: reshape, concatenate, stack, slices without nulls, take, setSubtensor, arange.
 */
class ShapeOpsInSymbolicFunctionTest {
    @Test
    void shapeOps_inASymbolicFunction_compile() {
        Compilation c = Sources.compile(JavaFileObjects.forSourceLines("test.Shapes",
                "package test;",
                "",
                "import static org.symtensor.T.*;",
                "",
                "import org.symtensor.SymbolicFunction;",
                "import org.symtensor.tensor.Matrix;",
                "import org.symtensor.tensor.Vector;",
                "import org.symtensor.type.F64;",
                "import org.symtensor.type.I64;",
                "",
                "public final class Shapes {",
                "    @SymbolicFunction",
                "    static Vector<F64> flip(Matrix<F64> x, Vector<I64> idx) {",
                "        Matrix<F64> both = concatenate(0, x, take(x, idx, 0));",
                "        Vector<F64> flat = reshape(both, -1).get(sliceStep(-1));",
                "        return setSubtensor(flat, 0, sliceTo(2)).plus(cast(arange(flat.shape(0)), F64.class));",
                "    }",
                "}"));

        assertThat(c).succeeded();
        assertThat(c).generatedSourceFile("test.ShapesSymbolic");
    }
}
