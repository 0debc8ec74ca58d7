package org.symtensor.grad;

import org.symtensor.error.GradientException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Indexing;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Scan;
import org.symtensor.ir.ScalarOp;
import org.symtensor.scan.ScanCall;
import org.symtensor.scan.ScanOption;
import org.symtensor.scan.ScanResult;
import org.symtensor.scan.Tapped;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.DType;

/**
 * The gradient of a {@link Scan}: backpropagation through time as Theano builds it, a second scan
 * that runs over the forward steps in reverse. Each backward step rebuilds the forward step on the
 * stored states, takes its vector-Jacobian product, and carries the adjoints of the recurrent
 * outputs back (a shift register of {@code L} adjoints for an output that looks {@code L} steps back).
 * Non-sequence gradients accumulate in loop states; sequence gradients come out stacked and are
 * added back at the positions each tap read. Since the result is an ordinary scan, it has a
 * gradient too (second order).
 */
final class ScanGrad {
    private ScanGrad() {}

    /** One displaced read of an outer array by the forward loop: step t reads {@code x[t + d]} for each d. */
    private record Window(Variable source, int[] displacements) {}

    static List<Variable> inputGrads(Apply a, List<Variable> gs, int batch) {
        if (batch != 0) {
            throw new GradientException("jacobian through scan (created at " + a.createdAt() + ") is not supported;"
                    + " compute the rows with a scan over grad(...) instead");
        }
        Scan op = (Scan) a.op();
        int nOut = op.outputCount();
        Apply f = a;
        for (int j = 0; j < nOut; j++) {
            if (op.keep(j) != Scan.Keep.ALL) {
                f = Apply.of(op.keepingAll(), a.inputs());
                break;
            }
        }
        Variable[] gB = new Variable[nOut];
        for (int j = 0; j < nOut; j++) {
            Variable g = gs.get(j);
            if (g == null || !isFloat(f.outputs().get(j))) {
                continue;
            }
            gB[j] = op.keep(j) == Scan.Keep.ALL ? g
                    : Indexing.incIndex(zerosLike(f.outputs().get(j)), Ops.cast(g, dtype(f.outputs().get(j))), 0, Indexing.at(-1));
        }
        Variable n = Ops.elemwise(ScalarOp.SUB, Ops.shape(f.outputs().get(0), 0), Indexing.at(op.lookBack(0)));
        Variable m = op.truncateGradient() < 0 ? n : Ops.elemwise(ScalarOp.MINIMUM, n, Indexing.at(op.truncateGradient()));
        Variable from = Ops.elemwise(ScalarOp.SUB, n, m);

        // backward sequences: the forward sequences, the forward buffers, the output gradients
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < op.seqCount(); i++) {
            int[] k = op.seqTaps(i);
            int[] d = new int[k.length];
            for (int t = 0; t < k.length; t++) {
                d[t] = k[t] - op.seqTapMin(i);
            }
            windows.add(new Window(a.inputs().get(op.seqInput(i)), d));
        }
        int firstBuffer = windows.size();
        for (int j = 0; j < nOut; j++) {
            if (op.isRecurrent(j)) {
                int[] taps = op.outTaps(j);
                int[] d = new int[taps.length];
                for (int t = 0; t < taps.length; t++) {
                    d[t] = op.lookBack(j) + taps[t];
                }
                windows.add(new Window(f.outputs().get(j), d));
            }
        }
        int firstGrad = windows.size();
        List<Integer> gradOutputs = new ArrayList<>();
        for (int j = 0; j < nOut; j++) {
            if (gB[j] != null) {
                gradOutputs.add(j);
                windows.add(new Window(gB[j], new int[] {op.lookBack(j)}));
            }
        }
        List<Tapped> seqs = new ArrayList<>();
        for (Window w : windows) {
            seqs.add(reversed(w, from, n));
        }
        // backward states: L adjoints per float recurrent output, one accumulator per float non-sequence
        List<Tapped> states = new ArrayList<>();
        List<Integer> carried = new ArrayList<>();
        for (int j = 0; j < nOut; j++) {
            if (op.isRecurrent(j) && isFloat(f.outputs().get(j))) {
                carried.add(j);
                Variable zeroState = zerosLike(Indexing.index(f.outputs().get(j), 0, Indexing.at(0)));
                for (int d = 1; d <= op.lookBack(j); d++) {
                    states.add(Tapped.of(zeroState, -1));
                }
            }
        }
        List<Integer> accumulated = new ArrayList<>();
        for (int k = 0; k < op.nonSeqCount(); k++) {
            Variable w = a.inputs().get(op.nonSeqInput(k));
            if (isFloat(w)) {
                accumulated.add(k);
                states.add(Tapped.of(zerosLike(w), -1));
            }
        }
        List<int[]> seqGrads = new ArrayList<>();
        for (int i = 0; i < op.seqCount(); i++) {
            if (isFloat(a.inputs().get(op.seqInput(i)))) {
                for (int t = 0; t < op.seqTaps(i).length; t++) {
                    seqGrads.add(new int[] {i, t});
                    states.add(Tapped.none());
                }
            }
        }
        List<Variable> nonSeqs = new ArrayList<>();
        for (int k = 0; k < op.nonSeqCount(); k++) {
            nonSeqs.add(a.inputs().get(op.nonSeqInput(k)));
        }
        int stateCount = states.size() - seqGrads.size();
        boolean[] lastOnly = new boolean[states.size()];
        Arrays.fill(lastOnly, 0, stateCount, true);

        ScanResult<Tensor<?>, Tensor<?>> back = ScanCall.build(args -> {
            // where each backward argument sits: slices per window in the order of its displacements, then states, then non-sequences
            List<Variable> v = new ArrayList<>();
            for (Tensor<?> t : args) {
                v.add(t.variable());
            }
            int[] windowStart = new int[windows.size() + 1];
            for (int w = 0; w < windows.size(); w++) {
                windowStart[w + 1] = windowStart[w] + windows.get(w).displacements().length;
            }
            Map<Variable, Variable> replace = new IdentityHashMap<>();
            for (int i = 0; i < op.seqCount(); i++) {
                for (int t = 0; t < op.seqTaps(i).length; t++) {
                    replace.put(op.innerInputs().get(op.innerSeqSlot(i, t)), slice(v, windowStart, i, t));
                }
            }
            int b = firstBuffer;
            for (int j = 0; j < nOut; j++) {
                if (op.isRecurrent(j)) {
                    for (int t = 0; t < op.outTaps(j).length; t++) {
                        replace.put(op.innerInputs().get(op.innerStateSlot(j, t)), slice(v, windowStart, b, t));
                    }
                    b++;
                }
            }
            int stateBase = windowStart[windows.size()];
            int nonSeqBase = stateBase + stateCount;
            for (int k = 0; k < op.nonSeqCount(); k++) {
                replace.put(op.innerInputs().get(op.innerNonSeqSlot(k)), v.get(nonSeqBase + k));
            }
            List<Variable> forward = Graphs.replace(op.innerOutputs().subList(0, nOut), replace);
            // cotangents of this step's outputs: the outer gradient plus the carried adjoint
            Map<Variable, Variable> cot = new IdentityHashMap<>();
            int carry = stateBase;
            Variable[] firstCarry = new Variable[nOut];
            for (int j : carried) {
                firstCarry[j] = v.get(carry);
                carry += op.lookBack(j);
            }
            for (int j = 0; j < nOut; j++) {
                Variable c = null;
                int gi = gradOutputs.indexOf(j);
                if (gi >= 0) {
                    c = slice(v, windowStart, firstGrad + gi, 0);
                }
                if (firstCarry[j] != null) {
                    c = c == null ? firstCarry[j] : Ops.elemwise(ScalarOp.ADD, c, firstCarry[j]);
                }
                if (c != null) {
                    Variable y = forward.get(j);
                    cot.merge(y, Ops.cast(c, dtype(y)), (p, q) -> Ops.elemwise(ScalarOp.ADD, p, q));
                }
            }
            List<Variable> wrt = new ArrayList<>();
            for (Variable x : replace.values()) {
                if (isFloat(x) && !wrt.contains(x)) {
                    wrt.add(x);
                }
            }
            Map<Variable, Variable> gradOf = new IdentityHashMap<>();
            if (!cot.isEmpty() && !wrt.isEmpty()) {
                GradOptions.Builder ob = GradOptions.builder().disconnectedInputs(GradOptions.Disconnected.IGNORE);
                for (Map.Entry<Variable, Variable> e : cot.entrySet()) {
                    ob.knownGrad(e.getKey(), e.getValue());
                }
                List<Variable> g = Gradients.grad(null, wrt, ob.build());
                for (int i = 0; i < wrt.size(); i++) {
                    gradOf.put(wrt.get(i), g.get(i));
                }
            }
            List<Tensor<?>> result = new ArrayList<>();
            carry = stateBase;
            for (int j : carried) {
                int l = op.lookBack(j);
                int[] taps = op.outTaps(j);
                for (int d = 1; d <= l; d++) {
                    Variable next = d < l ? v.get(carry + d) : null;
                    int t = indexOf(taps, -d);
                    Variable contrib = t >= 0 ? gradOf.get(replace.get(op.innerInputs().get(op.innerStateSlot(j, t)))) : null;
                    Variable c = sumOrZero(next, contrib, v.get(carry));
                    result.add(org.symtensor.tensor.Tensors.wrap(c));
                }
                carry += l;
            }
            for (int k : accumulated) {
                Variable acc = v.get(carry++);
                Variable gw = gradOf.get(v.get(nonSeqBase + k));
                result.add(org.symtensor.tensor.Tensors.wrap(gw == null ? acc : Ops.elemwise(ScalarOp.ADD, acc, Ops.cast(gw, dtype(acc)))));
            }
            for (int[] it : seqGrads) {
                Variable x = replace.get(op.innerInputs().get(op.innerSeqSlot(it[0], it[1])));
                Variable gx = gradOf.get(x);
                result.add(org.symtensor.tensor.Tensors.wrap(gx == null ? zerosLike(x) : gx));
            }
            return result;
        }, lastOnly, new ScanOption.Sequences(seqs), new ScanOption.OutputsInfo(states),
                new ScanOption.NonSequences(nonSeqs), new ScanOption.NSteps(m));

        Variable[] result = new Variable[a.inputs().size()];
        // initial values: rows [0, L) of the buffer gradient, plus the carried adjoints when nothing was truncated
        Variable mask = op.truncateGradient() < 0 ? null : Ops.elemwise(ScalarOp.EQ, m, n);
        int out = 0;
        for (int j = 0; j < nOut; j++) {
            if (!op.isRecurrent(j)) {
                continue;
            }
            Variable init = a.inputs().get(op.initInput(j));
            if (!isFloat(init)) {
                continue;
            }
            int l = op.lookBack(j);
            Variable g = zerosLike(init);
            if (gB[j] != null) {
                g = op.initHasAxis(j) ? Indexing.slice(gB[j], 0, null, Indexing.at(l), 1) : Indexing.index(gB[j], 0, Indexing.at(0));
            }
            for (int d = 1; d <= l; d++) {
                Variable c = back.last(out + d - 1).variable();
                if (mask != null) {
                    c = Ops.elemwise(ScalarOp.SWITCH, mask, c, Ops.constant(0, dtype(c)));
                }
                g = op.initHasAxis(j) ? Indexing.incIndex(g, Ops.cast(c, dtype(g)), 0, Indexing.at(l - d))
                        : Ops.elemwise(ScalarOp.ADD, g, Ops.cast(c, dtype(g)));
            }
            out += l;
            result[op.initInput(j)] = g;
        }
        for (int k : accumulated) {
            result[op.nonSeqInput(k)] = back.last(out++).variable();
        }
        for (int q = 0; q < seqGrads.size(); q++) {
            int[] it = seqGrads.get(q);
            Variable s = a.inputs().get(op.seqInput(it[0]));
            int d = op.seqTaps(it[0])[it[1]] - op.seqTapMin(it[0]);
            Variable g = Indexing.slice(back.output(out + q).variable(), 0, null, null, -1);
            Variable start = Ops.elemwise(ScalarOp.ADD, from, Indexing.at(d));
            Variable stop = Ops.elemwise(ScalarOp.ADD, n, Indexing.at(d));
            Variable prev = result[op.seqInput(it[0])] == null ? zerosLike(s) : result[op.seqInput(it[0])];
            result[op.seqInput(it[0])] = Indexing.incSlice(prev, Ops.cast(g, dtype(s)), 0, start, stop, 1);
        }
        return Arrays.asList(result);
    }

    /** The rows of {@code w.source} that steps [from, to) read, reversed, with taps {@code -d}. */
    private static Tapped reversed(Window w, Variable from, Variable to) {
        int[] d = w.displacements();
        int minD = Arrays.stream(d).min().orElseThrow();
        int maxD = Arrays.stream(d).max().orElseThrow();
        Variable start = Ops.elemwise(ScalarOp.ADD, from, Indexing.at(minD));
        Variable stop = Ops.elemwise(ScalarOp.ADD, to, Indexing.at(maxD));
        Variable used = Indexing.slice(w.source(), 0, start, stop, 1);
        Variable rev = Indexing.slice(used, 0, null, null, -1);
        int[] taps = new int[d.length];
        for (int t = 0; t < d.length; t++) {
            taps[t] = -d[t];
        }
        return Tapped.of(rev, taps);
    }

    /** The backward argument for tap number t of window w (the backward taps keep the order of the displacements). */
    private static Variable slice(List<Variable> v, int[] windowStart, int w, int t) {
        return v.get(windowStart[w] + t);
    }

    /** The position of {@code tap} in {@code taps} (in the user's order, not sorted), or -1. */
    private static int indexOf(int[] taps, int tap) {
        for (int t = 0; t < taps.length; t++) {
            if (taps[t] == tap) {
                return t;
            }
        }
        return -1;
    }

    private static Variable sumOrZero(Variable a, Variable b, Variable like) {
        if (a == null && b == null) {
            return zerosLike(like);
        }
        if (a == null) {
            return Ops.cast(b, dtype(like));
        }
        return b == null ? a : Ops.elemwise(ScalarOp.ADD, a, Ops.cast(b, dtype(like)));
    }

    private static Variable zerosLike(Variable x) {
        return Ops.elemwise(ScalarOp.SECOND, x, Ops.constant(0, dtype(x)));
    }

    private static DType dtype(Variable v) {
        return v.type().dtype();
    }

    private static boolean isFloat(Variable v) {
        return v.type().dtype().isFloat();
    }
}
