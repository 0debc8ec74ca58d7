package org.symtensor.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * Theano's lazy {@code ifelse}: {@code then} when the bool scalar {@code cond} is true, else
 * {@code else}; only the branch taken is computed. Each branch is a closed inner graph over its
 * own inner inputs; the outer inputs are {@code (cond, then inputs..., else inputs...)}. What the
 * branches share with each other or with {@code cond} stays outside (computed once, eagerly); what
 * belongs to one branch alone moves inside it. Shape: the branches' (same dtype and rank).
 */
public final class IfElse implements Op {
    private final List<Variable> thenInputs;
    private final Variable thenOutput;
    private final List<Variable> elseInputs;
    private final Variable elseOutput;

    private IfElse(List<Variable> thenInputs, Variable thenOutput, List<Variable> elseInputs, Variable elseOutput) {
        this.thenInputs = Collections.unmodifiableList(thenInputs);
        this.thenOutput = thenOutput;
        this.elseInputs = Collections.unmodifiableList(elseInputs);
        this.elseOutput = elseOutput;
    }

    /** {@code ifelse(cond, a, b)}: moves each branch's exclusive subgraph inside the op. */
    public static Variable build(Variable cond, Variable a, Variable b) {
        if (cond.type().rank() != 0 || cond.type().dtype() != DType.BOOL) {
            throw new DTypeMismatchException("ifelse: the condition must be a bool scalar, got " + cond.describe()
                    + " of type " + cond.type());
        }
        if (a.type().dtype() != b.type().dtype() || a.type().rank() != b.type().rank()) {
            throw new DTypeMismatchException("ifelse: the branches differ: " + a.describe() + " has type " + a.type()
                    + " but " + b.describe() + " has type " + b.type() + "; cast one of them");
        }
        Set<Variable> shared = Graphs.identitySet();
        shared.addAll(Graphs.ancestors(List.of(cond)));
        Set<Variable> inA = Graphs.identitySet();
        inA.addAll(Graphs.ancestors(List.of(a)));
        for (Variable v : Graphs.ancestors(List.of(b))) {
            if (inA.contains(v)) {
                shared.add(v);
            }
        }
        List<Variable> outer = new ArrayList<>();
        outer.add(cond);
        List<Variable> thenIn = new ArrayList<>();
        Variable thenOut = close(a, shared, thenIn, outer);
        List<Variable> elseIn = new ArrayList<>();
        Variable elseOut = close(b, shared, elseIn, outer);
        return Apply.of(new IfElse(thenIn, thenOut, elseIn, elseOut), outer).output();
    }

    /** The branch rebuilt over fresh inner inputs, one per frontier variable (shared or a graph input). */
    private static Variable close(Variable x, Set<Variable> cut, List<Variable> innerInputs, List<Variable> outer) {
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        List<Variable> stack = new ArrayList<>(List.of(x));
        Set<Variable> seen = Graphs.identitySet();
        while (!stack.isEmpty()) {
            Variable v = stack.remove(stack.size() - 1);
            if (!seen.add(v) || v instanceof Constant) {
                continue;
            }
            if (cut.contains(v) || v.owner() == null) {
                Variable p = new Variable(TensorType.of(v.type().dtype(), v.type().shape()), v.name());
                replace.put(v, p);
                innerInputs.add(p);
                outer.add(v);
                continue;
            }
            stack.addAll(v.owner().inputs());
        }
        return Graphs.replace(List.of(x), replace).get(0);
    }

    public List<Variable> thenInputs() {
        return thenInputs;
    }

    public Variable thenOutput() {
        return thenOutput;
    }

    public List<Variable> elseInputs() {
        return elseInputs;
    }

    public Variable elseOutput() {
        return elseOutput;
    }

    /** The outer variable computed by branch {@code then} (or else), rebuilt over the outer inputs of {@code node}. */
    public Variable outerBranch(Apply node, boolean then) {
        List<Variable> ins = then ? thenInputs : elseInputs;
        int first = then ? 1 : 1 + thenInputs.size();
        Map<Variable, Variable> replace = new IdentityHashMap<>();
        for (int k = 0; k < ins.size(); k++) {
            replace.put(ins.get(k), node.inputs().get(first + k));
        }
        return Graphs.replace(List.of(then ? thenOutput : elseOutput), replace).get(0);
    }

    @Override
    public OpKind kind() {
        return OpKind.IFELSE;
    }

    @Override
    public String name() {
        return "IfElse";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        if (inputs.size() != 1 + thenInputs.size() + elseInputs.size()) {
            throw new ShapeMismatchException("IfElse takes " + (1 + thenInputs.size() + elseInputs.size())
                    + " inputs, got " + inputs.size());
        }
        TensorType t = thenOutput.type();
        TensorType e = elseOutput.type();
        int[] s = t.shape();
        for (int i = 0; i < s.length; i++) {
            if (s[i] != e.dim(i)) {
                s[i] = TensorType.UNKNOWN;
            }
        }
        return List.of(TensorType.of(t.dtype(), s));
    }

    @Override
    public String toString() {
        return name();
    }
}
