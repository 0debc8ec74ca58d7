package org.symtensor.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test sources: one class {@code test.Foo} with the DSL imports and the given body lines, compiled through the processor. */
final class Sources {
    /** The number of lines before the first body line: body line k (0-based) is on line {@code HEADER + k + 1}. */
    static final int HEADER = 19;

    private Sources() {}

    static JavaFileObject foo(String... body) {
        String[] lines = new String[HEADER + body.length + 1];
        String[] header = {
            "package test;",
            "",
            "import static org.symtensor.T.*;",
            "",
            "import org.symtensor.Default;",
            "import org.symtensor.SymbolicFunction;",
            "import org.symtensor.scan.Scan;",
            "import org.symtensor.tensor.Matrix;",
            "import org.symtensor.tensor.Scalar;",
            "import org.symtensor.tensor.SharedMatrix;",
            "import org.symtensor.tensor.SharedScalar;",
            "import org.symtensor.tensor.Tensor3;",
            "import org.symtensor.tensor.Vector;",
            "import org.symtensor.type.F32;",
            "import org.symtensor.type.F64;",
            "import org.symtensor.type.I32;",
            "import org.symtensor.type.I64;",
            "",
            "public final class Foo {",
        };
        System.arraycopy(header, 0, lines, 0, HEADER);
        System.arraycopy(body, 0, lines, HEADER, body.length);
        lines[lines.length - 1] = "}";
        return JavaFileObjects.forSourceLines("test.Foo", lines);
    }

    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new SymbolicProcessor()).compile(sources);
    }
}
