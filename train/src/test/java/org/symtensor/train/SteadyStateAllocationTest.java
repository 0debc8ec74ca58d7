package org.symtensor.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.fmatrix;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.logSoftmax;
import static org.symtensor.T.outputs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.symtensor.function.Function;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.tensor.SharedVector;
import org.symtensor.train.data.Labels;
import org.symtensor.type.DType;
import org.symtensor.type.F32;
import org.symtensor.value.NDArray;

/**
 * The training step of a float32 MLP (ReLU, softmax cross-entropy through log-softmax, Adam), the
 * shape of {@code TrainStepBench} made smaller, after warm-up allocates next to nothing per call:
 * the forward pass and gradients written with {@code callInto} under 4 KB, and Adam's step without
 * allocating its parameters and moments (they alternate between two arrays the runtime owns). The
 * bound is on bytes the calling thread allocated ({@code ThreadMXBean}), not on time. With
 * {@code threads=1} nothing runs on another thread. The reuse is checked against a twin model whose
 * every value is read with {@code get} after each step (which rules reuse out): the same bits.
 */
class SteadyStateAllocationTest {
    static final int BATCH = 32;
    static final int IN = 256; // W1 is 256×64 float32 = 64 KB: one fresh parameter array per call would show
    static final int HIDDEN = 64;
    static final int OUT = 10;

    private String flags;

    @BeforeEach
    void oneThread() {
        flags = System.getProperty("symtensor.flags");
        System.setProperty("symtensor.flags", "threads=1");
    }

    @AfterEach
    void restore() {
        if (flags == null) {
            System.clearProperty("symtensor.flags");
        } else {
            System.setProperty("symtensor.flags", flags);
        }
    }

    /** One model: its parameters, the step with Adam, and forward+gradients. */
    static final class Model {
        final Params params;
        final Params state;
        final Function adamStep;
        final Function forwardAndGradient;
        final NDArray xs;
        final NDArray ys;

        Model(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            SharedMatrix<F32> w1 = Init.heUniform().matrix("W1", F32.class, IN, HIDDEN, r);
            SharedVector<F32> b1 = Init.zeros().vector("b1", F32.class, HIDDEN, r);
            SharedMatrix<F32> w2 = Init.glorotUniform().matrix("W2", F32.class, HIDDEN, OUT, r);
            SharedVector<F32> b2 = Init.zeros().vector("b2", F32.class, OUT, r);
            params = Params.of(w1, b1, w2, b2);
            xs = Init.normal(0, 1).create(DType.FLOAT32, r, BATCH, IN);
            int[] labels = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = r.nextInt(OUT);
            }
            ys = Labels.oneHot(labels, OUT, DType.FLOAT32);
            Matrix<F32> x = fmatrix("x");
            Matrix<F32> y = fmatrix("y");
            Matrix<F32> z = x.dot(w1).plus(b1).maximum(0).dot(w2).plus(b2);
            Scalar<F32> loss = y.times(logSoftmax(z)).sum(1).mean().unaryMinus();
            Grads g = params.grad(loss);
            Adam adam = Adam.of(1e-3);
            adamStep = function(inputs(x, y), outputs(loss), adam.updates(params, g));
            state = adam.state();
            forwardAndGradient = function(inputs(x, y), outputs(loss, g.get(w1), g.get(b1), g.get(w2), g.get(b2)));
        }

        List<SharedVariable<?>> everything() {
            List<SharedVariable<?>> all = new ArrayList<>(params.list());
            all.addAll(state.list());
            return all;
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /**
     * The fewest bytes per call over rounds of {@code calls} calls, stopping at the first round under
     * {@code bound} or after {@code maxRounds}. The first thousands of calls run in the interpreter
     * and C1, where the Vector API boxes its lanes (tens of KB per call), so the rounds go on until
     * C2 has compiled the kernels; a steady allocation (an array per call) shows in every round.
     */
    private static long bytesPerCall(Runnable call, long bound, int maxRounds, int calls) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < maxRounds && best >= bound; round++) {
            long before = allocatedBytes();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            best = Math.min(best, (allocatedBytes() - before) / calls);
        }
        return best;
    }

    @Test
    void forwardAndGradientIntoKeptArrays_allocatesUnder4KBPerCall() {
        Model m = new Model(1234);
        NDArray[] into = {NDArray.zeros(DType.FLOAT32), NDArray.zeros(DType.FLOAT32, IN, HIDDEN),
            NDArray.zeros(DType.FLOAT32, HIDDEN), NDArray.zeros(DType.FLOAT32, HIDDEN, OUT), NDArray.zeros(DType.FLOAT32, OUT)};
        Object[] args = {m.xs, m.ys};
        long perCall = bytesPerCall(() -> m.forwardAndGradient.callInto(into, args), 4096, 60, 500);
        assertThat(perCall).as("bytes allocated per forward+gradient call into kept arrays").isLessThan(4096);
        // and the arrays hold the gradients: compare with a fresh call's
        List<NDArray> fresh = m.forwardAndGradient.callAll(m.xs, m.ys);
        for (int i = 0; i < into.length; i++) {
            assertThat(into[i]).as("output %d", i).isEqualTo(fresh.get(i));
        }
    }

    /**
     * Products large enough to be cut into pieces (at least 2^24 multiply-adds: by columns when the
     * output is wider than tall, by rows otherwise) allocate nothing per piece either: each piece
     * positions pointers its thread keeps (a JavaCPP pointer per piece and per copied row was about
     * 19 KB for the column-cut product here, 34 KB per MLP step). The bound is the 4 KB per
     * call: the pool's own bookkeeping when a split runs on several threads stays under it.
     */
    @Test
    void productsCutIntoPieces_allocateUnder4KBPerCall() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int[] mkn : new int[][] {{128, 512, 256}, {512, 512, 128}}) {
            org.symtensor.tensor.Matrix<org.symtensor.type.F32> a = org.symtensor.T.fmatrix("a");
            org.symtensor.tensor.Matrix<org.symtensor.type.F32> b = org.symtensor.T.fmatrix("b");
            org.symtensor.function.Function dot = org.symtensor.T.function(org.symtensor.T.inputs(a, b), a.dot(b));
            NDArray av = Init.normal(0, 1).create(DType.FLOAT32, r, mkn[0], mkn[1]);
            NDArray bv = Init.normal(0, 1).create(DType.FLOAT32, r, mkn[1], mkn[2]);
            NDArray[] into = {NDArray.zeros(DType.FLOAT32, mkn[0], mkn[2])};
            long perCall = bytesPerCall(() -> dot.callInto(into, av, bv), 4096, 20, 100);
            assertThat(perCall).as("bytes per %dx%d·%dx%d product into a kept array", mkn[0], mkn[1], mkn[1], mkn[2])
                    .isLessThan(4096);
            // the pieces wrote every element: compare with a plain loop at a few positions
            for (int[] ij : new int[][] {{0, 0}, {mkn[0] - 1, mkn[2] - 1}, {mkn[0] / 2, mkn[2] / 3}}) {
                double want = 0;
                for (int t = 0; t < mkn[1]; t++) {
                    want += av.getDouble(ij[0] * mkn[1] + t) * bv.getDouble(t * mkn[2] + ij[1]);
                }
                assertThat(into[0].getDouble(ij[0] * mkn[2] + ij[1])).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-3));
            }
        }
    }

    @Test
    void adamStep_doesNotAllocateItsParametersAndMoments() {
        Model m = new Model(99);
        Object[] args = {m.xs, m.ys};
        long perCall = bytesPerCall(() -> m.adamStep.call(args), 16 * 1024, 60, 500);
        // W1 alone is 64 KB, its two moments as much again: one of them allocated per call would show
        assertThat(perCall).as("bytes allocated per Adam step").isLessThan(16 * 1024);
    }

    @Test
    void adamStep_withReusedArrays_givesTheSameBitsAsWithoutReuse() {
        Model reused = new Model(7);
        Model reference = new Model(7);
        List<SharedVariable<?>> ref = reference.everything();
        List<NDArray> borrowed = new ArrayList<>();
        List<NDArray> copies = new ArrayList<>();
        for (int step = 0; step < 25; step++) {
            float lossReused = reused.adamStep.call(reused.xs, reused.ys).toFloat();
            float lossReference = reference.adamStep.call(reference.xs, reference.ys).toFloat();
            assertThat(lossReused).as("loss at step %d", step).isEqualTo(lossReference);
            // reading every value with get hands it out, so the reference model never reuses one
            for (SharedVariable<?> v : ref) {
                NDArray held = v.getValue(true);
                if (step % 8 == 3) {
                    borrowed.add(held);
                    copies.add(held.copy());
                }
            }
        }
        List<SharedVariable<?>> mine = reused.everything();
        for (int i = 0; i < mine.size(); i++) {
            assertThat(mine.get(i).getValue()).as(mine.get(i).node().name()).isEqualTo(ref.get(i).getValue());
        }
        for (int i = 0; i < borrowed.size(); i++) {
            assertThat(borrowed.get(i)).as("value handed out by get, %d", i).isEqualTo(copies.get(i));
        }
    }
}
