package org.symtensor.samples;

import static org.symtensor.T.*;

import org.symtensor.function.Function;
import org.symtensor.error.SymtensorException;
import org.symtensor.random.RandomStreams;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F32;

/**
 * The GPU backend: the same graph compiled for {@code opencl0} with the {@code device(...)}
 * option (or for every function with {@code SYMTENSOR_FLAGS=device=opencl0}); the shared weights
 * stay on the device between calls, and a random stream draws on the device the numbers the CPU
 * draws for the same seed. Without an OpenCL platform it prints what to install.
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
        // random draws run on the device with the CPU's generator: the same seed, the same numbers
        Vector<F32> onDevice = new RandomStreams(234).uniform(F32.class, 6);
        Vector<F32> onCpu = new RandomStreams(234).uniform(F32.class, 6);
        System.out.println("uniform(6) on opencl0 = " + function(inputs(), onDevice, device("opencl0")).call());
        System.out.println("uniform(6) on the cpu = " + function(inputs(), onCpu, device("cpu")).call());
    }
}
