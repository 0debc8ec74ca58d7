package test;

import java.util.List;
import javax.annotation.processing.Generated;
import org.symtensor.ir.Reduce;
import org.symtensor.runtime.cpu.KernelCalls;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The kernel of {@link Tutorial#stats}: its schedule as straight Java, written at javac time.
 */
@Generated("org.symtensor.processor.SymbolicProcessor")
public final class TutorialStatsKernel {
    private TutorialStatsKernel() {
    }

    /**
     * The outputs for arguments of the declared dtypes and ranks, or null when an elementwise step
     * would broadcast between arrays of different shapes (run the runtime function then).
     */
    public static List<NDArray> apply(NDArray m, NDArray v) {
        NDArray r0_ = KernelCalls.dot(m, v, DType.FLOAT64, "Tutorial.stats");
        NDArray r1_ = KernelCalls.reduce(Reduce.Kind.SUM, null, r0_, DType.FLOAT64, "Tutorial.stats");
        double[] r2_d = new double[m.size()];
        {
            double[] k0_ = (double[]) m.contiguous().data();
            for (int i = 0; i < r2_d.length; i++) {
                double t0 = -k0_[i];
                double t1 = Math.exp(t0);
                double t2 = t1 + 1.0;
                double t3 = 1.0 / t2;
                r2_d[i] = t3;
            }
        }
        NDArray r2_ = NDArray.wrap(DType.FLOAT64, m.shape(), r2_d);
        NDArray r3_ = KernelCalls.reduce(Reduce.Kind.SUM, null, r2_, DType.FLOAT64, "Tutorial.stats");
        double[] r4_d = new double[1];
        {
            double k0_ = r1_.toDouble();
            double k1_ = r3_.toDouble();
            for (int i = 0; i < r4_d.length; i++) {
                double t0 = k0_ + k1_;
                r4_d[i] = t0;
            }
        }
        NDArray r4_ = NDArray.wrap(DType.FLOAT64, new int[0], r4_d);
        NDArray r5_ = KernelCalls.reduce(Reduce.Kind.MEAN, new int[] {1}, m, DType.FLOAT64, "Tutorial.stats");
        double[] r6_d = new double[r5_.size()];
        {
            double[] k0_ = (double[]) r5_.contiguous().data();
            for (int i = 0; i < r6_d.length; i++) {
                double t0 = k0_[i] * 6.0;
                r6_d[i] = t0;
            }
        }
        NDArray r6_ = NDArray.wrap(DType.FLOAT64, r5_.shape(), r6_d);
        return List.of(r4_, r6_);
    }
}
