package org.symtensor.runtime.cpu;

import java.util.function.IntConsumer;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Conv2d;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link Conv2d} node, as im2col feeding a matrix product (OpenBLAS gemm when
 * it loads, a plain loop otherwise). For one image and one group, the columns matrix
 * {@code col[(c, r, s), (i, j)]} holds the input element each filter tap reads for each output
 * position (zero in the padding), so that
 * <ul>
 *   <li>forward: {@code y_g = W_g · col} ({@code K/G × CRS/G} times {@code CRS/G × HoWo});</li>
 *   <li>grad input: {@code colGrad = W_gᵀ · gy_g}, scattered back onto the image (col2im, adding
 *   where taps overlap);</li>
 *   <li>grad filters: {@code gW_g += gy_g · colᵀ}, summed over the images.</li>
 * </ul>
 * Images are independent, so they run in parallel on the project's pool in fixed blocks of
 * {@link #BLOCK} images; the filter gradient sums each block's images in order and then the blocks
 * in order, so the result does not depend on the thread count. Float32 runs in float32 (as
 * sgemm does), float64 in float64: the loops are in {@link DoubleConv2d}, and the build writes their
 * float32 twin {@code FloatConv2d} from it.
 */
final class Conv2dKernel implements Kernel {
    /** Images per parallel task (fixed, so that sums do not depend on the thread count). */
    static final int BLOCK = 4;

    private final Conv2d op;
    private final Object where;
    private final DType dtype;

    Conv2dKernel(Apply node) {
        this.op = (Conv2d) node.op();
        this.where = node.createdAt();
        this.dtype = node.output().type().dtype();
    }

    /** The sizes of one call, worked out from the actual shapes (read by {@link DoubleConv2d} and its twin). */
    record Geometry(int n, int c, int h, int w, int k, int r, int s, int ho, int wo, int groups, int pt, int pl,
            int sh, int sw, int dh, int dw) {
        int cg() {
            return c / groups;
        }

        int kg() {
            return k / groups;
        }

        int crs() {
            return cg() * r * s;
        }

        int p() {
            return ho * wo;
        }
    }

    private Geometry geometry(int n, int c, int h, int w, int k, int cg, int r, int s, String inputName) {
        int g = op.groups();
        if (c % g != 0 || k % g != 0 || c / g != cg) {
            throw new ShapeMismatchException(op.name() + ": " + inputName + " has " + c + " channels and the filters have " + k
                    + " output and " + cg + " input channels, which does not fit groups=" + g + " (node created at " + where
                    + ")");
        }
        int ho = op.outputLength(true, h, r, inputName + " (node created at " + where + ")");
        int wo = op.outputLength(false, w, s, inputName + " (node created at " + where + ")");
        int[] st = op.stride();
        int[] dil = op.dilation();
        return new Geometry(n, c, h, w, k, r, s, ho, wo, g, op.pads(true, h, r)[0], op.pads(false, w, s)[0], st[0], st[1],
                dil[0], dil[1]);
    }

    private static void requireShape(String what, NDArray a, int... expected) {
        if (!java.util.Arrays.equals(a.shape(), expected)) {
            throw new ShapeMismatchException(what + " has shape " + NDArray.shapeToString(a.shape()) + ", expected "
                    + NDArray.shapeToString(expected));
        }
    }

    private static int size(String op, String what, long v, Object where) {
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new ShapeMismatchException(op + ": the " + what + " must be positive, got " + v + " (node created at "
                    + where + ")");
        }
        return (int) v;
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        return new NDArray[] {switch (op.variant()) {
            case FORWARD -> {
                NDArray x = in[0];
                NDArray w = in[1];
                Geometry g = geometry(x.shape(0), x.shape(1), x.shape(2), x.shape(3), w.shape(0), w.shape(1), w.shape(2),
                        w.shape(3), "the input");
                Object y = dtype == DType.FLOAT64 ? DoubleConv2d.forward(g, doubles(x), doubles(w))
                        : FloatConv2d.forward(g, floats(x), floats(w));
                yield NDArray.wrap(dtype, new int[] {g.n, g.k, g.ho, g.wo}, y);
            }
            case GRAD_INPUT -> {
                NDArray gy = in[0];
                NDArray w = in[1];
                int h = size(op.name(), "output height", in[2].getLong(0), where);
                int wd = size(op.name(), "output width", in[3].getLong(0), where);
                Geometry g = geometry(gy.shape(0), w.shape(1) * op.groups(), h, wd, w.shape(0), w.shape(1), w.shape(2),
                        w.shape(3), "the output");
                requireShape(op.name() + ": the input gradient (node created at " + where + ")", gy, g.n, g.k, g.ho, g.wo);
                Object dx = dtype == DType.FLOAT64 ? DoubleConv2d.gradInput(g, doubles(gy), doubles(w))
                        : FloatConv2d.gradInput(g, floats(gy), floats(w));
                yield NDArray.wrap(dtype, new int[] {g.n, g.c, g.h, g.w}, dx);
            }
            case GRAD_FILTERS -> {
                NDArray x = in[0];
                NDArray gy = in[1];
                int r = size(op.name(), "filter height", in[2].getLong(0), where);
                int s = size(op.name(), "filter width", in[3].getLong(0), where);
                if (x.shape(1) % op.groups() != 0) {
                    throw new ShapeMismatchException(op.name() + ": the input has " + x.shape(1)
                            + " channels, not a multiple of groups=" + op.groups() + " (node created at " + where + ")");
                }
                Geometry g = geometry(x.shape(0), x.shape(1), x.shape(2), x.shape(3), gy.shape(1), x.shape(1) / op.groups(),
                        r, s, "the input");
                requireShape(op.name() + ": the output gradient (node created at " + where + ")", gy, g.n, g.k, g.ho, g.wo);
                Object dw = dtype == DType.FLOAT64 ? DoubleConv2d.gradFilters(g, doubles(x), doubles(gy))
                        : FloatConv2d.gradFilters(g, floats(x), floats(gy));
                yield NDArray.wrap(dtype, new int[] {g.k, g.cg(), g.r, g.s}, dw);
            }
        }};
    }

    private static double[] doubles(NDArray a) {
        return (double[]) a.contiguous().data();
    }

    private static float[] floats(NDArray a) {
        return (float[]) a.contiguous().data();
    }

    /**
     * Runs {@code task(b)} for every block {@code b} in {@code [0, blocks)}. {@link Parallel#run} hands
     * out fixed pieces of {@link Parallel#CHUNK} units, so a range of {@code blocks × CHUNK} units gives
     * one block per piece; it stays on this thread when there are fewer than three blocks.
     */
    static void forEachBlock(int blocks, IntConsumer task) {
        if (blocks <= 2 || Parallel.threads() <= 1 || blocks > Integer.MAX_VALUE / Parallel.CHUNK) {
            for (int b = 0; b < blocks; b++) {
                task.accept(b);
            }
            return;
        }
        Parallel.run(blocks * Parallel.CHUNK, (from, to) -> {
            for (int b = from / Parallel.CHUNK; b < (to + Parallel.CHUNK - 1) / Parallel.CHUNK; b++) {
                task.accept(b);
            }
        });
    }
}
