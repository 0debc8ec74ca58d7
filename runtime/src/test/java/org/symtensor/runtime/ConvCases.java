package org.symtensor.runtime;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Conv2d;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Pool2d;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Finite-difference cases of the {@link Conv2d} and {@link Pool2d} variants, shared by
 * {@code GradRuleTableTest} (which covers every op kind) and the conv and pooling tests: each case
 * is a float64 graph of its inputs and the points where its gradient is checked.
 */
public final class ConvCases {
    private ConvCases() {}

    /** A graph of the inputs and one tuple of float64 points. */
    public record Case(String name, Function<List<Variable>, Variable> fn, NDArray[] points) {}

    /** A float64 array of {@code shape} with values in (-1, 1) from {@code seed}. */
    public static NDArray random(long seed, int... shape) {
        Random rnd = new Random(seed);
        NDArray a = NDArray.zeros(DType.FLOAT64, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, rnd.nextDouble() * 2 - 1);
        }
        return a;
    }

    private static Variable c(long v) {
        return Ops.constant(NDArray.of(v));
    }

    /** Forward with stride, asymmetric explicit padding, dilation and groups; the two gradient variants as ops of their own. */
    public static List<Case> conv2dVariants() {
        Conv2d strided = Conv2d.of(Conv2d.Variant.FORWARD, new int[] {2, 1}, new int[] {1, 2}, 2, Conv2d.Padding.EXPLICIT,
                new int[] {1, 0, 2, 1});
        Conv2d same = Conv2d.of(Conv2d.Variant.FORWARD, new int[] {2, 2}, new int[] {1, 1}, 1, Conv2d.Padding.SAME, null);
        // x 2×4×5×4, w 4×2×2×2 (groups 2): output 2×4×3×5
        return List.of(
                new Case("conv2d forward, stride (2,1), pads (1,0,2,1), dilation (1,2), groups 2",
                        in -> Conv2d.forward(strided, in.get(0), in.get(1)), new NDArray[] {random(1, 2, 4, 5, 4),
                        random(2, 4, 2, 2, 2)}),
                new Case("conv2d forward, same, stride 2", in -> Conv2d.forward(same, in.get(0), in.get(1)),
                        new NDArray[] {random(3, 1, 2, 5, 4), random(4, 3, 2, 3, 2)}),
                new Case("conv2d grad input as an op", in -> Conv2d.gradInput(strided, in.get(0), in.get(1), c(5), c(4)),
                        new NDArray[] {random(5, 2, 4, 3, 5), random(6, 4, 2, 2, 2)}),
                new Case("conv2d grad filters as an op", in -> Conv2d.gradFilters(strided, in.get(0), in.get(1), c(2), c(2)),
                        new NDArray[] {random(7, 2, 4, 5, 4), random(8, 2, 4, 3, 5)}));
    }

    /** Max, both averages, with padding and partial windows; GRAD and GRAD_GRAD as ops of their own. */
    public static List<Case> pool2dVariants() {
        Pool2d max = Pool2d.of(Pool2d.Mode.MAX, Pool2d.Variant.FORWARD, new int[] {2, 3}, new int[] {1, 2},
                new int[] {1, 1}, true);
        Pool2d maxPartial = Pool2d.of(Pool2d.Mode.MAX, Pool2d.Variant.FORWARD, new int[] {2, 2}, new int[] {2, 2},
                new int[] {0, 0}, false);
        Pool2d avgInc = Pool2d.of(Pool2d.Mode.AVG_INC_PAD, Pool2d.Variant.FORWARD, new int[] {3, 2}, new int[] {2, 1},
                new int[] {1, 1}, true);
        Pool2d avgExc = avgIncToExc(avgInc);
        NDArray x = random(11, 2, 5, 5);
        return List.of(
                new Case("max pool, padding", in -> Apply.output(max, in.get(0)), new NDArray[] {x}),
                new Case("max pool, partial windows", in -> Apply.output(maxPartial, in.get(0)), new NDArray[] {x}),
                new Case("avg pool including padding", in -> Apply.output(avgInc, in.get(0)), new NDArray[] {x}),
                new Case("avg pool excluding padding", in -> Apply.output(avgExc, in.get(0)), new NDArray[] {x}),
                // x 2×5×5 → max output 2×6×3 (window 2×3, stride 1×2, pad 1×1)
                new Case("max pool grad as an op", in -> Apply.output(max.withVariant(Pool2d.Variant.GRAD), in.get(0),
                        in.get(1)), new NDArray[] {x, random(12, 2, 6, 3)}),
                new Case("max pool grad-grad as an op", in -> Apply.output(max.withVariant(Pool2d.Variant.GRAD_GRAD),
                        in.get(0), in.get(1)), new NDArray[] {x, random(13, 2, 5, 5)}),
                new Case("avg pool grad as an op", in -> Apply.output(avgExc.withVariant(Pool2d.Variant.GRAD), in.get(0),
                        in.get(1)), new NDArray[] {x, random(14, 2, 3, 6)}),
                new Case("avg pool grad-grad as an op", in -> Apply.output(avgInc.withVariant(Pool2d.Variant.GRAD_GRAD),
                        in.get(0), in.get(1)), new NDArray[] {x, random(15, 2, 5, 5)}));
    }

    private static Pool2d avgIncToExc(Pool2d p) {
        return Pool2d.of(Pool2d.Mode.AVG_EXC_PAD, p.variant(), p.window(), p.stride(), p.pad(), p.ignoreBorder());
    }
}
