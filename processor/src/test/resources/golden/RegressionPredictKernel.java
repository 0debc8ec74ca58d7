package test;

import javax.annotation.processing.Generated;
import org.symtensor.runtime.cpu.KernelCalls;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The kernel of {@link Regression#predict}: its schedule as straight Java, written at javac time.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class RegressionPredictKernel {
    private RegressionPredictKernel() {
    }

    /**
     * The outputs for arguments of the declared dtypes and ranks, or null when an elementwise step
     * would broadcast between arrays of different shapes (run the runtime function then).
     */
    public static NDArray apply(NDArray x, NDArray w, NDArray b) {
        NDArray r0_ = KernelCalls.dot(x, w, DType.FLOAT64, "Regression.predict");
        double[] r1_d = new double[r0_.size()];
        {
            double[] k0_ = (double[]) r0_.contiguous().data();
            double k1_ = b.toDouble();
            for (int i = 0; i < r1_d.length; i++) {
                double t0 = k0_[i] + k1_;
                double t1 = t0 >= 0 ? 1 / (1 + Math.exp(-t0)) : Math.exp(t0) / (1 + Math.exp(t0));
                r1_d[i] = t1;
            }
        }
        NDArray r1_ = NDArray.wrap(DType.FLOAT64, r0_.shape(), r1_d);
        return r1_;
    }
}
