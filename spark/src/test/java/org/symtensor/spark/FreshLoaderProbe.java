package org.symtensor.spark;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.List;
import org.symtensor.function.Function;
import org.symtensor.value.NDArray;

/**
 * Loaded by {@link FunctionRecipeTest} in a class loader of its own (none of this JVM's Symtensor classes
 * or static state shared), as an executor would be: it deserializes a recipe and parameter values and
 * runs the rebuilt function.
 */
public final class FreshLoaderProbe {
    private FreshLoaderProbe() {}

    /** {result of output 0 as double[][], the class loader of the FunctionRecipe class read, builds in this loader}. */
    public static Object[] run(byte[] recipeAndValues, double[][] x) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(recipeAndValues))) {
            Object recipe = in.readObject();
            NDArray[] values = (NDArray[]) in.readObject();
            FunctionRecipe r = (FunctionRecipe) recipe;
            Object[] args = new Object[values.length + 1];
            System.arraycopy(values, 0, args, 0, values.length);
            args[values.length] = NDArray.of(x);
            List<NDArray> out = FunctionCache.with(Compiled.forwardKey(r), () -> Compiled.forward(r), (Function f) -> f.callAll(args));
            return new Object[] {out.get(0).toDoubleMatrix(), recipe.getClass().getClassLoader(), FunctionCache.builds()};
        }
    }
}
