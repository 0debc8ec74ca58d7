package org.symtensor.samples;

import static org.symtensor.T.*;

import org.symtensor.Function;
import org.symtensor.SymtensorException;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;

/**
 * The GPU backend: the same graph compiled for {@code opencl0} with the {@code device(...)}
 * option (or for every function with {@code SYMTENSOR_FLAGS=device=opencl0}); the shared weights
 * stay on the device between calls. Without an OpenCL platform it prints what to install.
 */
public final class OpenClSample {
    private OpenClSample() {}

    public static void main(String[] args) {
        System.out.println("== OpenCL backend");
        Matrix<F32> x = fmatrix("x");
        SharedVector<F32> w = shared(new float[] {0.5f, -0.25f}, "w");
        Vector<F32> scores = sigmoid(dot(x, (Vector<F32>) w));
        Function f;
        try {
            f = function(inputs(x), scores, updates(update(w, w.times(0.5))), device("opencl0"));
        } catch (SymtensorException e) {
            System.out.println("no OpenCL device here: " + e.getMessage());
            return;
        }
        float[][] data = {{1, 2}, {3, 4}};
        System.out.println("scores on opencl0 = " + f.call((Object) data));
        System.out.println("again, w halved on the device = " + f.call((Object) data));
        System.out.println("w read back from the device = " + w.getValue());
    }
}
