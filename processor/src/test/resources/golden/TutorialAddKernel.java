package test;

import javax.annotation.processing.Generated;

/**
 * The kernel of {@link Tutorial#add}, one loop over the elements, written at javac time.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class TutorialAddKernel {
    private TutorialAddKernel() {
    }

    /**
     * {@code out[i]} for {@code i < n}: arrays hold the float32 elements of full-rank arguments in C order;
     * scalar arguments broadcast.
     */
    public static void apply(int n, float x, float y, float[] out) {
        for (int i = 0; i < n; i++) {
            float t0 = (float) (x + y);
            out[i] = t0;
        }
    }
}
