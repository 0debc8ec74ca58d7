package org.symtensor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.symtensor.T.dmatrix;
import static org.symtensor.T.sharedMatrix;
import static org.symtensor.T.tanh;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.ir.Variable;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.train.Params;
import org.symtensor.type.DType;
import org.symtensor.type.F64;
import org.symtensor.value.NDArray;

/** Recipes: building on this JVM, missing classes and methods, and rebuilding in a fresh class loader. */
class FunctionRecipeTest {
    @Test
    void aSymbolicRecipeBuildsTheGeneratedGraphWithItsSharedVariablesAsInputs() {
        FunctionRecipe r = FunctionRecipe.symbolic(MlpModel.class, "rowLoss", MlpModel.params());
        FunctionRecipe.Model m = r.build();
        assertThat(m.params()).extracting(Variable::name).containsExactly("W1", "b1", "W2", "b2");
        assertThat(m.params()).allMatch(v -> !(v instanceof org.symtensor.ir.SharedValue));
        assertThat(m.data()).hasSize(2);
        assertThat(m.outputs().get(0).type().rank()).isEqualTo(1);
        assertThat(r.key()).isEqualTo(FunctionRecipe.symbolic(MlpModel.class.getName(), "rowLoss",
                List.of("W1", "b1", "W2", "b2")).key());
        assertThat(FunctionRecipe.generatedName("a.b.Outer$Inner")).isEqualTo("a.b.Outer_InnerSymbolic");
    }

    @Test
    void aMissingClassOrMethodOrParameterIsARecipeExceptionNamingIt() {
        assertThatThrownBy(() -> FunctionRecipe.symbolic("org.example.NoSuchModel", "loss", List.of()).build())
                .isInstanceOf(RecipeException.class).hasMessageContaining("'org.example.NoSuchModel'")
                .hasMessageContaining("not on this JVM's class path");
        assertThatThrownBy(() -> FunctionRecipe.symbolic(String.class, "loss", Params.of()).build())
                .isInstanceOf(RecipeException.class).hasMessageContaining("java.lang.StringSymbolic");
        assertThatThrownBy(() -> FunctionRecipe.symbolic(MlpModel.class, "noSuchMethod", MlpModel.params()).build())
                .isInstanceOf(RecipeException.class).hasMessageContaining("no @SymbolicFunction method 'noSuchMethod'");
        assertThatThrownBy(() -> FunctionRecipe.symbolic(MlpModel.class.getName(), "rowLoss", List.of("W1", "W9")).build())
                .isInstanceOf(RecipeException.class).hasMessageContaining("parameter 'W9'")
                .hasMessageContaining("[W1, b1, W2, b2]");
    }

    @Test
    void parameterValuesAreCheckedAgainstTheModel() {
        FunctionRecipe r = FunctionRecipe.symbolic(MlpModel.class, "probabilities", MlpModel.params());
        FunctionRecipe.Model m = r.build();
        java.util.Map<String, NDArray> values = new java.util.LinkedHashMap<>(MlpModel.params().values());
        values.put("b1", NDArray.zeros(DType.FLOAT32, 8));
        assertThatThrownBy(() -> FunctionRecipe.ordered(m, r.paramNames(), values)).isInstanceOf(RecipeException.class)
                .hasMessageContaining("parameter 'b1'").hasMessageContaining("float32");
        values.remove("b1");
        assertThatThrownBy(() -> FunctionRecipe.ordered(m, r.paramNames(), values)).isInstanceOf(RecipeException.class)
                .hasMessageContaining("no value for parameter 'b1'");
    }

    private static URL[] classPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(p).toURI().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    private static Object[] runInFreshLoader(FunctionRecipe recipe, NDArray[] values, double[][] x) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(recipe);
            out.writeObject(values);
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader fresh = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            t.setContextClassLoader(fresh);
            Class<?> probe = fresh.loadClass(FreshLoaderProbe.class.getName());
            assertThat(probe).isNotSameAs(FreshLoaderProbe.class);
            return (Object[]) probe.getMethod("run", byte[].class, double[][].class).invoke(null, bytes.toByteArray(), x);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void recipesAndValuesSerializeAndRebuildInAFreshClassLoader() throws Exception {
        MlpModel.initialize(5);
        double[][] x = {{0.1, -0.2, 0.3, 0.4}, {1, 2, -1, 0}, {0, 0, 0, 0}};
        FunctionRecipe symbolic = FunctionRecipe.symbolic(MlpModel.class, "probabilities", MlpModel.params());
        NDArray[] values = MlpModel.params().values().values().toArray(new NDArray[0]);
        Object[] got = runInFreshLoader(symbolic, values, x);
        assertThat(got[1]).isNotSameAs(FunctionRecipe.class.getClassLoader()).isInstanceOf(URLClassLoader.class);
        assertThat((Integer) got[2]).isEqualTo(1);
        double[][] local = MlpModelSymbolic.probabilities().call(x);
        assertThat((double[][]) got[0]).isDeepEqualTo(local);

        SharedMatrix<F64> w = sharedMatrix(NDArray.of(new double[][] {{1, -2}, {0.5, 3}}), F64.class, "w");
        Matrix<F64> in = dmatrix("x");
        FunctionRecipe graph = FunctionRecipe.graph(Params.of(w), List.of(in), tanh(in.dot(w)));
        double[][] xs = {{0.25, -1}, {2, 0.5}};
        Object[] g = runInFreshLoader(graph, new NDArray[] {w.getValue()}, xs);
        double[][] out = (double[][]) g[0];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double z = xs[i][0] * w.getValue().getDoubleAt(0, j) + xs[i][1] * w.getValue().getDoubleAt(1, j);
                assertThat(out[i][j]).isCloseTo(Math.tanh(z), org.assertj.core.data.Offset.offset(1e-15));
            }
        }
    }

    @Test
    void theCacheCompilesARecipeOnceForManyUses() {
        Matrix<F64> in = dmatrix("x");
        SharedMatrix<F64> w = sharedMatrix(NDArray.of(new double[][] {{3}}), F64.class, "w");
        FunctionRecipe r = FunctionRecipe.graph(Params.of(w), List.of(in), in.dot(w));
        int before = FunctionCache.builds();
        for (int i = 0; i < 5; i++) {
            double v = FunctionCache.with(Compiled.forwardKey(r), () -> Compiled.forward(r),
                    (Function f) -> f.call(w.getValue(), NDArray.of(new double[][] {{2}})).getDouble(0));
            assertThat(v).isEqualTo(6.0);
        }
        assertThat(FunctionCache.builds() - before).isEqualTo(1);
    }
}
