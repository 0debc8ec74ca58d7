package test;

import javax.annotation.processing.Generated;

/**
 * The kernel of {@link Tutorial#logistic}, one loop over the elements, written at javac time.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class TutorialLogisticKernel {
    private TutorialLogisticKernel() {
    }

    /**
     * {@code out[i]} for {@code i < n}: arrays hold the float64 elements of full-rank arguments in C order;
     * scalar arguments broadcast.
     */
    public static void apply(int n, double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            double t0 = -x[i];
            double t1 = Math.exp(t0);
            double t2 = t1 + 1.0;
            double t3 = 1.0 / t2;
            out[i] = t3;
        }
    }
}
