package org.symtensor.scan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.InvalidValueException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.SymtensorException;
import org.symtensor.function.Update;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.SharedValue;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Indexing;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Scan;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Builds one {@link Scan} node from a step function, as Theano's {@code scan} does: makes the
 * inner input variables, calls the step once on them, checks what it returned, closes the inner
 * graph (free variables and shared variables the step reads become implicit non-sequences; shared
 * variables the step updates, and those with a default update that it reads, such as random
 * streams' generator states, become recurrent outputs) and wraps the outer outputs.
 */
public final class ScanCall {
    private ScanCall() {}

    /**
     * Theano's {@code scan(fn, sequences, outputs_info, non_sequences, n_steps, ...)}. The step
     * receives the slices of the sequences (tap by tap, in the order listed), the prior outputs (tap
     * by tap, in the order listed) and the non-sequences, and returns a tensor, a list of tensors or a {@link ScanStep}.
     */
    public static ScanResult<Tensor<?>, Tensor<?>> build(Function<List<Tensor<?>>, ?> fn, ScanOption... options) {
        return build(fn, new boolean[0], options);
    }

    /**
     * As {@link #build(Function, ScanOption...)}, with the outputs whose {@code lastOnly} entry is
     * true keeping only their final value (for graph builders such as the gradient, which need
     * several final values from one loop).
     */
    public static ScanResult<Tensor<?>, Tensor<?>> build(Function<List<Tensor<?>>, ?> fn, boolean[] lastOnly,
            ScanOption... options) {
        List<Tapped> seqs = new ArrayList<>();
        List<Tapped> outs = null;
        List<Variable> nonSeqs = new ArrayList<>();
        Variable nSteps = null;
        boolean backwards = false;
        int truncate = -1;
        for (ScanOption o : options) {
            if (o instanceof ScanOption.Sequences s) {
                seqs.addAll(s.list());
            } else if (o instanceof ScanOption.OutputsInfo s) {
                outs = outs == null ? new ArrayList<>() : outs;
                outs.addAll(s.list());
            } else if (o instanceof ScanOption.NonSequences s) {
                nonSeqs.addAll(s.list());
            } else if (o instanceof ScanOption.NSteps s) {
                nSteps = s.steps();
            } else if (o instanceof ScanOption.GoBackwards) {
                backwards = true;
            } else if (o instanceof ScanOption.TruncateGradient t) {
                truncate = t.steps();
            } else if (o instanceof ScanOption.Sequence<?> s) {
                seqs.add(Tapped.of(s.sequence(), 0));
            } else if (o instanceof ScanOption.State<?, ?> s) {
                outs = outs == null ? new ArrayList<>() : outs;
                outs.add(Tapped.of(s.init(), -1));
            } else if (o instanceof ScanOption.NonSequence<?> s) {
                nonSeqs.add(s.value().variable());
            }
        }
        if (seqs.isEmpty() && nSteps == null) {
            throw new SymtensorException("scan: neither sequences nor nSteps fix the number of steps;"
                    + " pass sequences(...) or nSteps(n)");
        }
        if (nSteps != null && (nSteps.type().rank() != 0 || !nSteps.type().dtype().isInteger())) {
            throw new DTypeMismatchException("scan: nSteps must be an integer scalar, got " + nSteps.describe()
                    + " of type " + nSteps.type() + "; cast it (cast(n, I64.class)) or pass a whole number");
        }
        if (nSteps instanceof Constant c && c.value().getLong(0) < 0) {
            throw new InvalidValueException("scan: nSteps is " + c.value().getLong(0)
                    + "; the number of steps must be at least 0 (to run backwards, use goBackwards())");
        }
        List<Variable> innerIn = new ArrayList<>();
        List<Tensor<?>> args = new ArrayList<>();
        int[][] seqTaps = new int[seqs.size()][];
        List<Variable> outerSeqs = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            Tapped s = seqs.get(i);
            Variable x = s.variable();
            if (x.type().rank() == 0) {
                throw new ShapeMismatchException("scan: sequence " + i + " " + x.describe()
                        + " is a scalar; a sequence needs a leading axis to iterate over");
            }
            seqTaps[i] = s.taps();
            outerSeqs.add(backwards ? Indexing.slice(x, 0, null, null, -1) : x);
            int[] sliceShape = x.type().shape();
            TensorType sliceType = TensorType.of(x.type().dtype(), java.util.Arrays.copyOfRange(sliceShape, 1, sliceShape.length));
            for (int k : seqTaps[i]) {
                Variable v = new Variable(sliceType, label(x, "seq" + i) + "[t" + (k == 0 ? "" : k > 0 ? "+" + k : k) + "]");
                innerIn.add(v);
                args.add(Tensors.wrap(v));
            }
        }
        List<Tapped> outInfo = outs == null ? null : outs;
        List<int[]> outTaps = new ArrayList<>();
        List<Variable> inits = new ArrayList<>();
        if (outInfo != null) {
            for (int j = 0; j < outInfo.size(); j++) {
                Tapped t = outInfo.get(j);
                if (t == null || t.variable() == null) {
                    outTaps.add(new int[0]);
                    continue;
                }
                int[] taps = t.taps();
                for (int tap : taps) {
                    if (tap >= 0) {
                        throw new SymtensorException("scan: output " + j + " has tap " + tap
                                + "; the taps of an output must be negative (they look back at earlier steps)");
                    }
                }
                outTaps.add(taps);
                Variable init = t.variable();
                boolean hasAxis = !(taps.length == 1 && taps[0] == -1);
                int stateRank = init.type().rank() - (hasAxis ? 1 : 0);
                if (stateRank < 0) {
                    throw new ShapeMismatchException("scan: the initial value " + init.describe() + " of output " + j
                            + " with taps " + java.util.Arrays.toString(taps) + " needs a leading axis of "
                            + -java.util.Arrays.stream(taps).min().orElseThrow() + " earlier values, but it is a scalar");
                }
                inits.add(init);
                TensorType stateType = TensorType.ofRank(init.type().dtype(), stateRank);
                for (int tap : taps) {
                    Variable v = new Variable(stateType, label(init, "out" + j) + "[t" + tap + "]");
                    innerIn.add(v);
                    args.add(Tensors.wrap(v));
                }
            }
        }
        // as in Theano, the step sees the non-sequences themselves (so grad(y[i], x) inside the step
        // works); they are cut out of the inner graph below
        List<Variable> innerNonSeqs = new ArrayList<>();
        for (Variable w : nonSeqs) {
            innerNonSeqs.add(new Variable(w.type(), w.name()));
            args.add(Tensors.wrap(w));
        }
        ScanStep step = asStep(fn.apply(args));
        int userOutputs = step.outputs().size();
        if (outInfo == null) {
            for (int j = 0; j < userOutputs; j++) {
                outTaps.add(new int[0]);
            }
        } else if (outInfo.size() != userOutputs) {
            throw new SymtensorException("scan: the step returned " + userOutputs + " outputs but outputsInfo has "
                    + outInfo.size() + " entries; give one entry per output (noInitial() for outputs not fed back)");
        }
        List<Variable> innerOut = new ArrayList<>();
        int initIndex = 0;
        for (int j = 0; j < userOutputs; j++) {
            Variable o = step.outputs().get(j).variable();
            innerOut.add(o);
            if (outTaps.get(j).length > 0) {
                checkRecurrent(j, o, inits.get(initIndex++), outTaps.get(j));
            }
        }
        // shared variables the step updates: recurrent outputs kept to their last value
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        List<SharedValue> updateTargets = new ArrayList<>();
        List<Variable> updateStateInputs = new ArrayList<>();
        for (Update u : step.updates()) {
            SharedValue target = u.target();
            if (replace.containsKey(target)) {
                throw new SymtensorException("scan: the step updates shared variable " + target.describe() + " twice");
            }
            if (u.expression().type().dtype() != target.type().dtype() || u.expression().type().rank() != target.type().rank()) {
                throw new DTypeMismatchException("scan: shared variable " + target.describe() + " has type " + target.type()
                        + " but the step updates it with " + u.expression().type() + "; cast the new value to " + target.type().dtype());
            }
            Variable prior = new Variable(TensorType.ofRank(target.type().dtype(), target.type().rank()), label(target, "shared") + "[t-1]");
            replace.put(target, prior);
            updateTargets.add(target);
            updateStateInputs.add(prior);
            innerOut.add(u.expression());
            outTaps.add(new int[] {-1});
            inits.add(target);
        }
        // shared variables with a default update that the step reads (the generator states of random
        // variables): threaded through the loop as the explicit updates are, so each step draws from the
        // state the step before left, and the final state becomes the variable's update (Theano's scan
        // turns default updates of the inner graph into updates of the loop the same way)
        int firstImplicit = updateTargets.size();
        for (SharedValue target : defaultUpdated(innerOut, replace, nonSeqs, innerNonSeqs)) {
            Variable prior = new Variable(TensorType.ofRank(target.type().dtype(), target.type().rank()), label(target, "shared") + "[t-1]");
            replace.put(target, prior);
            updateTargets.add(target);
            updateStateInputs.add(prior);
            innerOut.add(target.defaultUpdate());
            outTaps.add(new int[] {-1});
            inits.add(target);
        }
        boolean hasUntil = step.until() != null;
        if (hasUntil) {
            Variable c = step.until().variable();
            if (c.type().rank() != 0 || c.type().dtype() != DType.BOOL) {
                throw new DTypeMismatchException("scan: until needs a bool scalar, got " + c.describe() + " of type " + c.type());
            }
            innerOut.add(c);
        }
        // state placeholders of the updated shared variables sit after the user outputs' placeholders
        int firstNonSeq = innerIn.size();
        innerIn.addAll(updateStateInputs);
        innerIn.addAll(innerNonSeqs);
        List<Variable> outerNonSeqs = new ArrayList<>(nonSeqs);
        for (int k = 0; k < nonSeqs.size(); k++) {
            replace.putIfAbsent(nonSeqs.get(k), innerNonSeqs.get(k));
        }
        innerOut = Graphs.replace(innerOut, replace);
        replace.clear();
        java.util.Set<Variable> own = Graphs.identitySet();
        own.addAll(innerIn);
        for (Variable v : Graphs.graphInputs(innerOut)) {
            if (own.contains(v) || v instanceof Constant || replace.containsKey(v)) {
                continue;
            }
            // a free variable or a shared variable read by the step: an implicit non-sequence
            Variable p = new Variable(v.type(), v.name());
            replace.put(v, p);
            innerIn.add(p);
            outerNonSeqs.add(v);
        }
        List<Variable> closed = replace.isEmpty() ? innerOut : Graphs.replace(innerOut, replace);
        Scan.Keep[] keep = new Scan.Keep[outTaps.size()];
        for (int j = 0; j < keep.length; j++) {
            keep[j] = j < userOutputs && !(j < lastOnly.length && lastOnly[j]) ? Scan.Keep.ALL : Scan.Keep.LAST;
        }
        Scan op = new Scan(innerIn, closed, seqTaps, outTaps.toArray(new int[0][]), keep, hasUntil,
                innerIn.size() - firstNonSeq - updateStateInputs.size(), truncate);
        List<Variable> outer = new ArrayList<>();
        outer.add(nSteps == null ? Ops.constant(NDArray.of(Scan.STEPS_FROM_SEQUENCES)) : Ops.cast(nSteps, DType.INT64));
        outer.addAll(outerSeqs);
        outer.addAll(inits);
        outer.addAll(outerNonSeqs);
        Apply node = Apply.of(op, outer);
        for (int k = firstImplicit; k < updateTargets.size(); k++) {
            updateTargets.get(k).setDefaultUpdate(node.outputs().get(userOutputs + k));
        }
        List<Variable> results = new ArrayList<>();
        for (int j = 0; j < userOutputs; j++) {
            Variable buffer = node.outputs().get(j);
            int l = op.lookBack(j);
            results.add(l == 0 || keep[j] == Scan.Keep.LAST ? buffer : Indexing.slice(buffer, 0, Indexing.at(l), null, 1));
        }
        return new ScanResult<>(node, results, updateTargets, userOutputs, Tensors::wrap, Tensors::wrap);
    }

    /**
     * The shared variables with a default update that {@code innerOut} reads once the explicit update
     * targets and the non-sequences are cut out ({@code cut} and the non-sequence pairs), searched to a
     * fixed point since a default update may read further such variables; in graph order.
     */
    private static List<SharedValue> defaultUpdated(List<Variable> innerOut, Map<Variable, Variable> cut,
            List<Variable> nonSeqs, List<Variable> innerNonSeqs) {
        Map<Variable, Variable> replace = new IdentityHashMap<>(cut);
        for (int k = 0; k < nonSeqs.size(); k++) {
            replace.putIfAbsent(nonSeqs.get(k), innerNonSeqs.get(k));
        }
        List<SharedValue> found = new ArrayList<>();
        List<Variable> roots = new ArrayList<>(innerOut);
        while (true) {
            List<SharedValue> added = new ArrayList<>();
            for (Variable v : Graphs.graphInputs(Graphs.replace(roots, replace))) {
                if (v instanceof SharedValue s && s.defaultUpdate() != null && !replace.containsKey(s)) {
                    added.add(s);
                }
            }
            if (added.isEmpty()) {
                return found;
            }
            for (SharedValue s : added) {
                if (!replace.containsKey(s)) {
                    replace.put(s, s);
                    found.add(s);
                    roots.add(s.defaultUpdate());
                }
            }
        }
    }

    private static String label(Variable v, String fallback) {
        return v.name() != null ? v.name() : fallback;
    }

    private static void checkRecurrent(int j, Variable out, Variable init, int[] taps) {
        boolean hasAxis = !(taps.length == 1 && taps[0] == -1);
        int stateRank = init.type().rank() - (hasAxis ? 1 : 0);
        if (out.type().dtype() != init.type().dtype()) {
            throw new DTypeMismatchException("scan: the step returns output " + j + " as " + out.type().dtype()
                    + " but its initial value " + init.describe() + " is " + init.type().dtype()
                    + "; Theano would silently convert every step's result to " + init.type().dtype()
                    + ". Give an initial value of " + out.type().dtype() + " (e.g. cast(init, ...)), or cast the step's output");
        }
        if (out.type().rank() != stateRank) {
            throw new ShapeMismatchException("scan: the step returns output " + j + " with rank " + out.type().rank()
                    + " but its initial value " + init.describe() + " gives states of rank " + stateRank);
        }
    }

    @SuppressWarnings("unchecked")
    private static ScanStep asStep(Object r) {
        if (r instanceof ScanStep s) {
            return s;
        }
        if (r instanceof Tensor<?> t) {
            return ScanStep.of(List.of(t));
        }
        if (r instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Tensor<?>)) {
                    throw new SymtensorException("scan: the step returned a list holding " + o + "; expected tensors");
                }
            }
            return ScanStep.of((List<Tensor<?>>) list);
        }
        throw new SymtensorException("scan: the step returned " + r + "; expected a tensor, a list of tensors, or step(...)");
    }
}
