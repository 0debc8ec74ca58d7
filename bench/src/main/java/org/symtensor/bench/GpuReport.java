package org.symtensor.bench;

import static org.symtensor.T.*;

import java.util.SplittableRandom;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Vector;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * A quick report of the OpenCL backend on one device (default {@code opencl0}, or the first
 * argument): sgemm 4096×4096 GFLOP/s with both operands resident on the device, elementwise
 * (logistic) GB/s on a resident 64M-element float32 vector, the GB/s of a sum over all of it, uniform
 * float32 draws per second on the device, and the time of one logistic-regression
 * training step (4000×784 float32, shared weights on the device). Timing is by wall clock over
 * repeated calls after a warm-up; each call ends with a small download, which waits for the device.
 */
public final class GpuReport {
    private GpuReport() {}

    public static void main(String[] args) {
        String dev = args.length > 0 ? args[0] : "opencl0";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        System.out.println("device " + dev);
        sgemm(dev, n);
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 1 << 26;
        elementwise(dev, m);
        sumAll(dev, m);
        uniformDraws(dev, m);
        logisticStep(dev);
    }

    private static NDArray random(int seed, int... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        NDArray a = NDArray.zeros(DType.FLOAT32, shape);
        float[] d = (float[]) a.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextDouble(-1, 1);
        }
        return a;
    }

    private static void sgemm(String dev, int n) {
        SharedMatrix<F32> a = shared((float[][]) random(1, n, n).toJava(), "a");
        SharedMatrix<F32> b = shared((float[][]) random(2, n, n).toJava(), "b");
        SharedMatrix<F32> c = shared(new float[1][1], "c");
        // c keeps the product on the device; the output is one element, so a call waits for the device
        Function f = function(inputs(), dot((Matrix<F32>) a, (Matrix<F32>) b).sum(), updates(update(c, dot((Matrix<F32>) a, (Matrix<F32>) b))), device(dev));
        f.callAll();
        int reps = 5;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            f.callAll();
        }
        double s = (System.nanoTime() - t0) / 1e9 / reps;
        // two products per call (the merge rewrite is not run by the backend): count both
        System.out.printf("sgemm %dx%d: %.1f GFLOP/s (%.2f ms per product)%n", n, n, 2 * 2.0 * n * n * n / s / 1e9, s / 2 * 1e3);
    }

    private static void elementwise(String dev, int n) {
        SharedVector<F32> x = shared((float[]) random(3, n).toJava(), "x");
        SharedVector<F32> y = shared(new float[1], "y");
        Vector<F32> logistic = div(1, exp(((Vector<F32>) x).unaryMinus()).plus(1));
        Function f = function(inputs(), updates(update(y, logistic)), device(dev));
        Function sync = function(inputs(), ((Vector<F32>) y).max(), device(dev));
        f.callAll();
        sync.call();
        int reps = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            f.callAll();
        }
        sync.call();
        double s = (System.nanoTime() - t0) / 1e9 / reps;
        // neg, exp, add, div: one fused kernel (a composite) or four, each reading and writing 4 bytes per element
        String plan = f.toString();
        int kernels = plan.contains(" 1 steps") || plan.contains(" 1 thunks") ? 1 : 4;
        System.out.printf("elementwise logistic on %d float32: %.2f ms, %.1f GB/s (%d kernel(s): %s)%n", n, s * 1e3,
                kernels * 8.0 * n / s / 1e9, kernels, f);
    }

    /** A sum over all axes of a resident vector (two passes on the device): bytes read per second. */
    private static void sumAll(String dev, int n) {
        SharedVector<F32> x = shared((float[]) random(5, n).toJava(), "x");
        Function f = function(inputs(), ((Vector<F32>) x).sum(), device(dev));
        f.call();
        int reps = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            f.call();
        }
        double s = (System.nanoTime() - t0) / 1e9 / reps;
        System.out.printf("sum of %d float32: %.2f ms, %.1f GB/s%n", n, s * 1e3, 4.0 * n / s / 1e9);
    }

    /** Uniform float32 draws kept on the device (Philox-4x32-10, the CPU's numbers): samples per second. */
    private static void uniformDraws(String dev, int n) {
        org.symtensor.random.RandomStreams srng = new org.symtensor.random.RandomStreams(1);
        SharedVector<F32> y = shared(new float[1], "u");
        Function f = function(inputs(), updates(update(y, srng.uniform(F32.class, n))), device(dev));
        Function sync = function(inputs(), ((Vector<F32>) y).max(), device(dev));
        f.callAll();
        sync.call();
        int reps = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            f.callAll();
        }
        sync.call();
        double s = (System.nanoTime() - t0) / 1e9 / reps;
        System.out.printf("uniform float32 draws, %d per call: %.2f ms, %.2f G samples/s%n", n, s * 1e3, n / s / 1e9);
    }

    private static void logisticStep(String dev) {
        int n = 4000;
        int feats = 784;
        Matrix<F32> x = fmatrix("x");
        Vector<F32> y = fvector("y");
        SharedVector<F32> w = shared(new float[feats], "w");
        SharedScalar<F32> b = shared(0f, "b");
        Vector<F32> p1 = sigmoid(dot(x, (Vector<F32>) w).plus(b));
        Vector<F32> xent = y.unaryMinus().times(log(p1)).minus(y.unaryMinus().plus(1).times(log(p1.unaryMinus().plus(1))));
        Scalar<F32> cost = xent.mean().plus(w.sqr().sum().times(0.01));
        Function train = function(inputs(x, y), outputs(cost), updates(
                update(w, w.minus(grad(cost, (Vector<F32>) w).times(0.1))),
                update(b, b.minus(grad(cost, (Scalar<F32>) b).times(0.1)))), device(dev));
        NDArray xs = random(4, n, feats);
        NDArray ys = NDArray.zeros(DType.FLOAT32, n);
        for (int i = 0; i < n; i++) {
            ys.setDouble(i, xs.getDouble(i * feats) > 0 ? 1 : 0);
        }
        for (int i = 0; i < 3; i++) {
            train.callAll(xs, ys);
        }
        int reps = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            train.callAll(xs, ys);
        }
        double s = (System.nanoTime() - t0) / 1e9 / reps;
        System.out.printf("logistic-regression step %dx%d float32 (x uploaded each call): %.2f ms%n", n, feats, s * 1e3);
    }
}
