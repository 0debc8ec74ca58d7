package org.symtensor.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Constant;
import org.symtensor.ir.Graphs;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Op;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The merge pass (Theano's MergeOptimizer): equal constants (same dtype, shape and bits of every
 * value) become one, then applies of equal ops ({@code Op.equals}) on the very same inputs become
 * one, so a subexpression shared by several outputs or updates is computed once. A whole-graph pass
 * rather than a local rule: it needs to see every node at once.
 */
public final class Merge {
    private Merge() {}

    /** {@code outputs} with duplicate constants and duplicate applies merged; unchanged graphs come back as they were. */
    public static List<Variable> merge(List<Variable> outputs) {
        Map<Variable, Variable> map = new IdentityHashMap<>();
        Map<ConstantKey, Constant> constants = new HashMap<>();
        Map<ApplyKey, Apply> applies = new HashMap<>();
        for (Variable v : Graphs.ancestors(outputs)) {
            if (map.containsKey(v)) {
                continue;
            }
            Apply a = v.owner();
            if (a == null) {
                map.put(v, v instanceof Constant ? constants.computeIfAbsent(new ConstantKey((Constant) v), k -> k.constant) : v);
                continue;
            }
            List<Variable> ins = new ArrayList<>(a.inputs().size());
            boolean changed = false;
            for (Variable in : a.inputs()) {
                Variable n = map.get(in);
                changed |= n != in;
                ins.add(n);
            }
            ApplyKey key = new ApplyKey(a.op(), ins);
            Apply existing = applies.get(key);
            if (existing == null) {
                existing = changed ? a.withInputs(ins) : a;
                applies.put(key, existing);
            }
            for (int i = 0; i < a.outputs().size(); i++) {
                map.put(a.outputs().get(i), existing.outputs().get(i));
            }
        }
        List<Variable> r = new ArrayList<>(outputs.size());
        for (Variable o : outputs) {
            r.add(map.get(o));
        }
        return r;
    }

    /** An op and its inputs by identity. */
    private static final class ApplyKey {
        private final Op op;
        private final List<Variable> inputs;
        private final int hash;

        ApplyKey(Op op, List<Variable> inputs) {
            this.op = op;
            this.inputs = inputs;
            int h = op.hashCode();
            for (Variable v : inputs) {
                h = h * 31 + System.identityHashCode(v);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ApplyKey)) {
                return false;
            }
            ApplyKey k = (ApplyKey) o;
            if (!k.op.equals(op) || k.inputs.size() != inputs.size()) {
                return false;
            }
            for (int i = 0; i < inputs.size(); i++) {
                if (k.inputs.get(i) != inputs.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A constant's dtype, shape and exact bits (so 0.0 and -0.0 stay apart, and NaNs with them). */
    private static final class ConstantKey {
        private final Constant constant;
        private final DType dtype;
        private final int[] shape;
        private final long[] bits;

        ConstantKey(Constant c) {
            NDArray v = c.value();
            this.constant = c;
            this.dtype = v.dtype();
            this.shape = v.shape();
            this.bits = new long[v.size()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = dtype.isFloat() ? Double.doubleToLongBits(v.getDouble(i)) : v.getLong(i);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConstantKey && ((ConstantKey) o).dtype == dtype && Arrays.equals(((ConstantKey) o).shape, shape)
                    && Arrays.equals(((ConstantKey) o).bits, bits);
        }

        @Override
        public int hashCode() {
            return (dtype.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(bits);
        }
    }
}
