package org.symtensor.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.symtensor.error.SymtensorException;

/**
 * Errors that a compiled method raises at run time name the line of the user's source that built
 * the node, not a line of the generated class: the generated code is compiled in memory, loaded
 * and called with arguments the graph rejects.
 */
class RunTimeLocationTest {
    /** Loads the classes of a compilation, the test's own class path behind them. */
    private static final class CompiledClasses extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        CompiledClasses(Compilation c) {
            super(RunTimeLocationTest.class.getClassLoader());
            for (JavaFileObject f : c.generatedFiles()) {
                if (f.getKind() != JavaFileObject.Kind.CLASS) {
                    continue;
                }
                String path = f.toUri().getPath();
                String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                try (InputStream in = f.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }

    /** Calls {@code FooSymbolic.<method>().call(args)}, the overload taking {@code types}, and returns what it threw. */
    private static Throwable callFailing(Compilation c, String method, Class<?>[] types, Object... args)
            throws ReflectiveOperationException {
        Class<?> symbolic = new CompiledClasses(c).loadClass("test.FooSymbolic");
        Object function = symbolic.getMethod(method).invoke(null);
        Throwable t = catchThrowable(() -> function.getClass().getMethod("call", types).invoke(function, args));
        return t instanceof InvocationTargetException ? t.getCause() : t;
    }

    @Test
    void shapeMismatchAtRunTime_namesTheUsersLine() throws ReflectiveOperationException {
        Compilation c = Sources.compile(Sources.foo(
                "    @SymbolicFunction",
                "    static Vector<F64> f(Vector<F64> x, Vector<F64> y) {",
                "        var s = x.plus(1);",
                "        return s",
                "                .times(y);",
                "    }"));
        assertThat(c).succeeded();
        Throwable t = callFailing(c, "f", new Class<?>[] {double[].class, double[].class},
                new double[] {1, 2}, new double[] {1, 2, 3});
        assertThat(t).isInstanceOf(SymtensorException.class);
        assertThat(t.getMessage()).contains("test.Foo.f(Foo.java:" + (Sources.HEADER + 4) + ")")
                .doesNotContain("FooSymbolic");
    }

    @Test
    void errorInACalledSymbolicMethod_namesThatMethodsLine() throws ReflectiveOperationException {
        Compilation c = Sources.compile(Sources.foo(
                "    @SymbolicFunction",
                "    static Matrix<F64> product(Matrix<F64> a, Matrix<F64> b) {",
                "        return a.dot(b);",
                "    }",
                "    @SymbolicFunction",
                "    static Matrix<F64> g(Matrix<F64> a, Matrix<F64> b, Scalar<I32> n) {",
                "        var p = product(a, b);",
                "        return p.plus(cast(n, F64.class));",
                "    }"));
        assertThat(c).succeeded();
        Throwable t = callFailing(c, "g", new Class<?>[] {double[][].class, double[][].class, int.class},
                new double[][] {{1, 2}}, new double[][] {{1, 2}}, 1);
        assertThat(t).isInstanceOf(SymtensorException.class);
        assertThat(t.getMessage()).contains("test.Foo.product(Foo.java:" + (Sources.HEADER + 3) + ")");
    }
}
