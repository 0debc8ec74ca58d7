package org.symtensor.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.TensorType;

/**
 * Theano's {@code Scan}: a loop whose body is an inner graph. The inner graph is closed: its free
 * variables are the {@link #innerInputs()} (in order: one slice per sequence and tap, one prior
 * value per recurrent output and tap, then the non-sequences) and constants. Taps are kept in the
 * order the user listed them, which is the order of their inner inputs (Theano's rule): nothing
 * here assumes they are sorted. Each step computes
 * the {@link #innerOutputs()}: one value per output, then, if {@link #hasUntil()}, a bool scalar
 * that stops the loop after the step where it is true.
 *
 * <p>Outer inputs: {@code nSteps} (an int64 scalar, {@link #STEPS_FROM_SEQUENCES} when the sequences
 * alone fix the length; any other negative value is an error when the loop runs, and a sequence
 * too short for {@code nSteps} steps is an error, as in Theano), the sequences, the initial values of the recurrent outputs, the non-sequences. A
 * recurrent output with taps {@code T} (negative) looks back {@code L = -min(T)} steps; its initial
 * value is the state itself when {@code T = [-1]}, else a stack of the {@code L} earliest values.
 * A sequence with taps {@code K} gives {@code x[t - min(K) + k]} at step t and allows
 * {@code len(x) - (max(K) - min(K))} steps.
 *
 * <p>Shared variables with a default update that the step reads (random generator states) are
 * recurrent outputs with tap {@code [-1]} kept {@link Keep#LAST}, exactly like the shared
 * variables the step updates explicitly: the state is threaded through the steps.
 *
 * <p>Outer outputs, one per inner output: with {@link Keep#ALL}, a recurrent output is its whole
 * buffer {@code (L + n, ...)} (the initial rows first; the user-facing result slices them away, and
 * the gradient reads them), a map output is {@code (n, ...)}; with {@link Keep#LAST}, only the
 * final value, so the loop keeps O(L) states instead of O(n).
 */
public final class Scan implements Op {
    /** The {@code nSteps} input that means "as many steps as the shortest sequence allows". */
    public static final long STEPS_FROM_SEQUENCES = Long.MIN_VALUE;

    /** What an output keeps of its steps. */
    public enum Keep { ALL, LAST }

    private final List<Variable> innerInputs;
    private final List<Variable> innerOutputs;
    private final int[][] seqTaps;
    private final int[][] outTaps;
    private final Keep[] keep;
    private final boolean hasUntil;
    private final int nonSeqCount;
    private final int truncateGradient;

    /**
     * A loop over a closed inner graph; {@code truncateGradient} is how many steps back the
     * gradient flows ({@code -1}: all of them).
     */
    public Scan(List<Variable> innerInputs, List<Variable> innerOutputs, int[][] seqTaps, int[][] outTaps,
            Keep[] keep, boolean hasUntil, int nonSeqCount, int truncateGradient) {
        this.innerInputs = Collections.unmodifiableList(new ArrayList<>(innerInputs));
        this.innerOutputs = Collections.unmodifiableList(new ArrayList<>(innerOutputs));
        this.seqTaps = deepCopy(seqTaps);
        this.outTaps = deepCopy(outTaps);
        this.keep = keep.clone();
        this.hasUntil = hasUntil;
        this.nonSeqCount = nonSeqCount;
        this.truncateGradient = truncateGradient;
        int slices = 0;
        for (int[] k : seqTaps) {
            slices += k.length;
        }
        for (int[] t : outTaps) {
            slices += t.length;
        }
        if (innerInputs.size() != slices + nonSeqCount || innerOutputs.size() != outTaps.length + (hasUntil ? 1 : 0)
                || keep.length != outTaps.length) {
            throw new IllegalArgumentException("inconsistent scan: " + innerInputs.size() + " inner inputs, "
                    + innerOutputs.size() + " inner outputs for " + seqTaps.length + " sequences and " + outTaps.length + " outputs");
        }
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] r = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
        }
        return r;
    }

    /** The same loop with output {@code j} keeping {@code k}. */
    public Scan withKeep(int j, Keep k) {
        Keep[] kk = keep.clone();
        kk[j] = k;
        return new Scan(innerInputs, innerOutputs, seqTaps, outTaps, kk, hasUntil, nonSeqCount, truncateGradient);
    }

    /** The same loop keeping every step of every output (what the gradient reads). */
    public Scan keepingAll() {
        Keep[] kk = new Keep[keep.length];
        Arrays.fill(kk, Keep.ALL);
        return new Scan(innerInputs, innerOutputs, seqTaps, outTaps, kk, hasUntil, nonSeqCount, truncateGradient);
    }

    public List<Variable> innerInputs() {
        return innerInputs;
    }

    public List<Variable> innerOutputs() {
        return innerOutputs;
    }

    public int seqCount() {
        return seqTaps.length;
    }

    public int outputCount() {
        return outTaps.length;
    }

    public int nonSeqCount() {
        return nonSeqCount;
    }

    public int[] seqTaps(int i) {
        return seqTaps[i].clone();
    }

    /** The smallest tap of sequence i. */
    public int seqTapMin(int i) {
        return Arrays.stream(seqTaps[i]).min().orElseThrow();
    }

    /** {@code max(K) - min(K)} for the taps K of sequence i: a sequence of length m allows {@code m - span} steps. */
    public int seqTapSpan(int i) {
        return Arrays.stream(seqTaps[i]).max().orElseThrow() - seqTapMin(i);
    }

    /** The taps of output j; empty for a map output (no recurrence). */
    public int[] outTaps(int j) {
        return outTaps[j].clone();
    }

    public boolean isRecurrent(int j) {
        return outTaps[j].length > 0;
    }

    /** How many steps back output j looks ({@code -min(taps)}), 0 for a map output. */
    public int lookBack(int j) {
        int l = 0;
        for (int t : outTaps[j]) {
            l = Math.max(l, -t);
        }
        return l;
    }

    /** Whether output j's initial value has a leading axis of {@link #lookBack} rows (all taps but {@code [-1]}). */
    public boolean initHasAxis(int j) {
        return isRecurrent(j) && !(outTaps[j].length == 1 && outTaps[j][0] == -1);
    }

    public Keep keep(int j) {
        return keep[j];
    }

    /** How many steps back the gradient flows, or -1 for all (Theano's {@code truncate_gradient}). */
    public int truncateGradient() {
        return truncateGradient;
    }

    public boolean hasUntil() {
        return hasUntil;
    }

    /** The position among the outer inputs of sequence i. */
    public int seqInput(int i) {
        return 1 + i;
    }

    /** The position among the outer inputs of the initial value of output j (recurrent outputs only). */
    public int initInput(int j) {
        int p = 1 + seqTaps.length;
        for (int k = 0; k < j; k++) {
            p += isRecurrent(k) ? 1 : 0;
        }
        return p;
    }

    /** The position among the outer inputs of non-sequence k. */
    public int nonSeqInput(int k) {
        return initInput(outTaps.length) + k;
    }

    /** The index among the inner inputs of the slice of sequence i at its tap number k. */
    public int innerSeqSlot(int i, int k) {
        int p = 0;
        for (int s = 0; s < i; s++) {
            p += seqTaps[s].length;
        }
        return p + k;
    }

    /** The index among the inner inputs of output j's prior value at its tap number k. */
    public int innerStateSlot(int j, int k) {
        int p = innerSeqSlot(seqTaps.length, 0);
        for (int o = 0; o < j; o++) {
            p += outTaps[o].length;
        }
        return p + k;
    }

    public int innerNonSeqSlot(int k) {
        return innerInputs.size() - nonSeqCount + k;
    }

    @Override
    public OpKind kind() {
        return OpKind.SCAN;
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder("Scan{");
        for (int j = 0; j < outTaps.length; j++) {
            sb.append(j > 0 ? ", " : "").append(isRecurrent(j) ? Arrays.toString(outTaps[j]) : "map")
                    .append(keep[j] == Keep.LAST ? " last" : "");
        }
        return sb.append(hasUntil ? ", until}" : "}").toString();
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        int want = 1 + seqTaps.length + nonSeqCount;
        for (int j = 0; j < outTaps.length; j++) {
            want += isRecurrent(j) ? 1 : 0;
        }
        if (inputs.size() != want) {
            throw new IllegalArgumentException(name() + " takes " + want + " inputs, got " + inputs.size());
        }
        Variable n = inputs.get(0);
        if (n.type().rank() != 0 || !n.type().dtype().isInteger()) {
            throw new DTypeMismatchException("scan: nSteps must be an integer scalar, got " + n.describe() + " of type " + n.type());
        }
        for (int i = 0; i < seqTaps.length; i++) {
            Variable s = inputs.get(seqInput(i));
            Variable slice = innerInputs.get(innerSeqSlot(i, 0));
            requireType("sequence " + i, s, slice.type(), 1);
        }
        for (int j = 0; j < outTaps.length; j++) {
            if (isRecurrent(j)) {
                Variable init = inputs.get(initInput(j));
                requireType("the initial value of output " + j, init, innerInputs.get(innerStateSlot(j, 0)).type(),
                        initHasAxis(j) ? 1 : 0);
                Variable out = innerOutputs.get(j);
                if (out.type().dtype() != init.type().dtype()) {
                    throw new DTypeMismatchException("scan: the step gives output " + j + " as " + out.type().dtype()
                            + " but its initial value " + init.describe() + " is " + init.type().dtype());
                }
            }
        }
        for (int k = 0; k < nonSeqCount; k++) {
            requireType("non-sequence " + k, inputs.get(nonSeqInput(k)), innerInputs.get(innerNonSeqSlot(k)).type(), 0);
        }
        long steps = TensorType.UNKNOWN;
        if (seqTaps.length == 0 && !hasUntil && n instanceof Constant && ((Constant) n).value().getLong(0) >= 0) {
            steps = ((Constant) n).value().getLong(0);
        }
        List<TensorType> types = new ArrayList<>(outTaps.length);
        for (int j = 0; j < outTaps.length; j++) {
            TensorType t = innerOutputs.get(j).type();
            int[] inner = isRecurrent(j) ? TensorType.ofRank(t.dtype(), t.rank()).shape() : t.shape();
            if (keep[j] == Keep.LAST) {
                types.add(TensorType.of(t.dtype(), inner));
                continue;
            }
            int[] s = new int[inner.length + 1];
            s[0] = staticRows(steps, lookBack(j), inner);
            System.arraycopy(inner, 0, s, 1, inner.length);
            types.add(TensorType.of(t.dtype(), s));
        }
        return types;
    }

    /**
     * The static length of a stacked output's leading axis, {@code steps + lookBack}, or unknown when
     * the steps are, or when the stack would be larger than a Java array: that is an error when the
     * loop runs, not when it is built, since the loop may still be rewritten to keep its last step only.
     */
    private static int staticRows(long steps, int lookBack, int[] inner) {
        if (steps == TensorType.UNKNOWN) {
            return TensorType.UNKNOWN;
        }
        long rows = steps + lookBack;
        long elements = rows;
        for (int d : inner) {
            elements *= d == TensorType.UNKNOWN ? 1 : d;
            if (elements > Integer.MAX_VALUE) {
                return TensorType.UNKNOWN;
            }
        }
        return rows > Integer.MAX_VALUE ? TensorType.UNKNOWN : (int) rows;
    }

    private static void requireType(String what, Variable outer, TensorType inner, int extraAxes) {
        if (outer.type().dtype() != inner.dtype() || outer.type().rank() != inner.rank() + extraAxes) {
            throw new DTypeMismatchException("scan: " + what + " " + outer.describe() + " has type " + outer.type()
                    + " but the step expects " + inner.dtype() + " of rank " + (inner.rank() + extraAxes));
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
