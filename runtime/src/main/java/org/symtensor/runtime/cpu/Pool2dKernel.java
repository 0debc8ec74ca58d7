package org.symtensor.runtime.cpu;

import org.symtensor.error.ShapeMismatchException;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Pool2d;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The CPU kernel of a {@link Pool2d} node: plain loops over the windows of each plane (the last two
 * axes), computed in double and stored in the output dtype. Max takes the first maximal element of
 * a window in row-major order, and its gradient goes to that element only.
 */
final class Pool2dKernel implements Kernel {
    private final Pool2d op;
    private final Object where;
    private final DType dtype;

    Pool2dKernel(Apply node) {
        this.op = (Pool2d) node.op();
        this.where = node.createdAt();
        this.dtype = node.output().type().dtype();
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        NDArray x = in[0];
        int rank = x.rank();
        int h = x.shape(rank - 2);
        int w = x.shape(rank - 1);
        int ho = op.outputLength(0, h);
        int wo = op.outputLength(1, w);
        int[] yShape = x.shape();
        yShape[rank - 2] = ho;
        yShape[rank - 1] = wo;
        int planes = 1;
        for (int a = 0; a < rank - 2; a++) {
            planes *= x.shape(a);
        }
        double[] xs = ArrayIo.toDoubles(x);
        Pool2d.Variant v = op.variant();
        if (v != Pool2d.Variant.FORWARD) {
            int[] expected = v == Pool2d.Variant.GRAD ? yShape : x.shape();
            if (!java.util.Arrays.equals(in[1].shape(), expected)) {
                throw new ShapeMismatchException(op.name() + ": the " + (v == Pool2d.Variant.GRAD ? "output gradient"
                        : "input") + " has shape " + NDArray.shapeToString(in[1].shape()) + ", expected "
                        + NDArray.shapeToString(expected) + " (node created at " + where + ")");
            }
        }
        double[] gs = v == Pool2d.Variant.FORWARD ? null : ArrayIo.toDoubles(in[1]);
        int[] outShape = v == Pool2d.Variant.GRAD ? x.shape() : yShape;
        double[] out = new double[NDArray.elementCount(outShape)];
        int[] win = op.window();
        int[] st = op.stride();
        int[] pad = op.pad();
        boolean max = op.mode() == Pool2d.Mode.MAX;
        for (int p = 0; p < planes; p++) {
            int xo = p * h * w;
            int yo = p * ho * wo;
            for (int i = 0; i < ho; i++) {
                int r0 = i * st[0] - pad[0];
                int r1 = Math.min(r0 + win[0], h + pad[0]);
                int rLo = Math.max(r0, 0);
                int rHi = Math.min(r1, h);
                for (int j = 0; j < wo; j++) {
                    int c0 = j * st[1] - pad[1];
                    int c1 = Math.min(c0 + win[1], w + pad[1]);
                    int cLo = Math.max(c0, 0);
                    int cHi = Math.min(c1, w);
                    int yi = yo + i * wo + j;
                    if (max) {
                        int best = xo + rLo * w + cLo;
                        for (int r = rLo; r < rHi; r++) {
                            for (int c = cLo; c < cHi; c++) {
                                int k = xo + r * w + c;
                                if (xs[k] > xs[best]) {
                                    best = k;
                                }
                            }
                        }
                        switch (v) {
                            case FORWARD -> out[yi] = xs[best];
                            case GRAD -> out[best] += gs[yi];
                            case GRAD_GRAD -> out[yi] = gs[best];
                        }
                        continue;
                    }
                    double count = op.mode() == Pool2d.Mode.AVG_INC_PAD ? (double) (r1 - r0) * (c1 - c0)
                            : (double) (rHi - rLo) * (cHi - cLo);
                    if (v == Pool2d.Variant.GRAD) {
                        double g = gs[yi] / count;
                        for (int r = rLo; r < rHi; r++) {
                            for (int c = cLo; c < cHi; c++) {
                                out[xo + r * w + c] += g;
                            }
                        }
                        continue;
                    }
                    double[] src = v == Pool2d.Variant.FORWARD ? xs : gs;
                    double sum = 0;
                    for (int r = rLo; r < rHi; r++) {
                        for (int c = cLo; c < cHi; c++) {
                            sum += src[xo + r * w + c];
                        }
                    }
                    out[yi] = sum / count;
                }
            }
        }
        NDArray result = NDArray.zeros(dtype, outShape);
        ArrayIo.store(out, 0, result.data(), dtype, 0, out.length);
        return new NDArray[] {result};
    }
}
