package test;

import javax.annotation.processing.Generated;

/**
 * The kernel of {@link Tutorial#scale}, one loop over the elements, written at javac time.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class TutorialScaleKernel {
    private TutorialScaleKernel() {
    }

    /**
     * {@code out[i]} for {@code i < n}: arrays hold the float32 elements of full-rank arguments in C order;
     * scalar arguments broadcast.
     */
    public static void apply(int n, float[] t, float k, float[] out) {
        for (int i = 0; i < n; i++) {
            float t0 = (float) (t[i] * k);
            float t1 = (float) (t0 + (-0.5f));
            out[i] = t1;
        }
    }
}
