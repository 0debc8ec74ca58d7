package test;

import javax.annotation.processing.Generated;
import org.symtensor.ir.Reduce;
import org.symtensor.runtime.cpu.KernelCalls;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The kernel of {@link Regression#meanLogistic}: its schedule as straight Java, written at javac time.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class RegressionMeanLogisticKernel {
    private RegressionMeanLogisticKernel() {
    }

    /**
     * The outputs for arguments of the declared dtypes and ranks, or null when an elementwise step
     * would broadcast between arrays of different shapes (run the runtime function then).
     */
    public static NDArray apply(NDArray x) {
        double[] r0_d = new double[x.size()];
        {
            double[] k0_ = (double[]) x.contiguous().data();
            for (int i = 0; i < r0_d.length; i++) {
                double t0 = -k0_[i];
                double t1 = Math.exp(t0);
                double t2 = t1 + 1.0;
                double t3 = 1.0 / t2;
                r0_d[i] = t3;
            }
        }
        NDArray r0_ = NDArray.wrap(DType.FLOAT64, x.shape(), r0_d);
        NDArray r1_ = KernelCalls.reduce(Reduce.Kind.MEAN, null, r0_, DType.FLOAT64, "Regression.meanLogistic");
        return r1_;
    }
}
