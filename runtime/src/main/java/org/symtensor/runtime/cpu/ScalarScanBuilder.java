package org.symtensor.runtime.cpu;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Composite;
import org.symtensor.ir.Constant;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Builds the register program of a {@link ScalarScan}: numbers the values of a scan step (inner
 * inputs first, in order, then constants and op results) and collects one instruction per scalar
 * op while the inner graph is walked in topological order. A composite is unrolled into its steps;
 * a rank-0 dimshuffle or gradient mark is its input's register. {@link #add} refuses any other node.
 */
final class ScalarScanBuilder {
    private final Map<Variable, Integer> number = new IdentityHashMap<>();
    final List<DType> dtypes = new ArrayList<>();
    final Map<Integer, NDArray> constants = new LinkedHashMap<>();
    final List<ScalarOp> ops = new ArrayList<>();
    final List<int[]> args = new ArrayList<>();
    final List<Integer> dst = new ArrayList<>();

    /** A fresh register for {@code v} (an inner input or a node's result). */
    int register(Variable v) {
        number.put(v, dtypes.size());
        dtypes.add(v.type().dtype());
        return dtypes.size() - 1;
    }

    /** A fresh register holding the rank-0 {@code value}. */
    int constant(NDArray value) {
        dtypes.add(value.dtype());
        constants.put(dtypes.size() - 1, value);
        return dtypes.size() - 1;
    }

    /** The register of an operand: numbered already, or a rank-0 constant; -1 for anything else. */
    int operand(Variable v) {
        Integer r = number.get(v);
        if (r != null) {
            return r;
        }
        if (v instanceof Constant c && v.type().rank() == 0) {
            int k = constant(c.value());
            number.put(v, k);
            return k;
        }
        return -1;
    }

    /** Adds node {@code a}'s instructions; false when it is not rank-0 elementwise work (the loop then takes the general path). */
    boolean add(Apply a) {
        if (!registerProgram(a.op().kind()) || a.outputs().size() != 1 || a.output().type().rank() != 0) {
            return false;
        }
        int[] in = new int[a.inputs().size()];
        for (int k = 0; k < in.length; k++) {
            in[k] = operand(a.inputs().get(k));
            if (in[k] < 0 || a.inputs().get(k).type().rank() != 0) {
                return false;
            }
        }
        switch (a.op().kind()) {
            case ELEMWISE -> emit(((Elemwise) a.op()).scalarOp(), in, register(a.output()));
            case COMPOSITE -> {
                Composite c = (Composite) a.op();
                if (c.reduce() != null) {
                    return false; // a reduction, not rank-0 elementwise work
                }
                List<Integer> values = new ArrayList<>();
                for (int r : in) {
                    values.add(r);
                }
                for (NDArray k : c.constants()) {
                    values.add(constant(k));
                }
                List<Composite.Step> steps = c.steps();
                for (int s = 0; s < steps.size(); s++) {
                    Composite.Step st = steps.get(s);
                    int[] operands = new int[st.args().length];
                    for (int k = 0; k < operands.length; k++) {
                        operands[k] = values.get(st.arg(k));
                    }
                    int out;
                    if (s == steps.size() - 1) {
                        out = register(a.output());
                    } else {
                        dtypes.add(st.dtype());
                        out = dtypes.size() - 1;
                    }
                    emit(st.op().scalarOp(), operands, out);
                    values.add(out);
                }
            }
            // rank 0 to rank 0: the value itself
            case DIMSHUFFLE, GRAD_MARK -> {
                if (in.length != 1 || (a.op() instanceof DimShuffle d && d.pattern().length != 0)) {
                    return false;
                }
                number.put(a.output(), in[0]);
            }
            case REDUCE, DOT, SHAPE, EYE, RANDOM, SCAN, INDEX, INC_INDEX, IFELSE -> {
                return false;
            }
            case LINALG, CONV2D, POOL2D, RESHAPE, JOIN, ALLOC, ARANGE, SPECIFY_SHAPE, ADVANCED_INDEX, ADVANCED_INC, CUMULATIVE, SORT,
                    TAKE_ALONG, SOFTMAX -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a node of this kind can become register instructions: an exhaustive switch, so that a
     * new op kind does not compile until it says (the statement switch in {@link #add} is not checked).
     */
    private static boolean registerProgram(OpKind kind) {
        return switch (kind) {
            case ELEMWISE, COMPOSITE, DIMSHUFFLE, GRAD_MARK -> true;
            case REDUCE, DOT, SHAPE, EYE, RANDOM, SCAN, INDEX, INC_INDEX, IFELSE, LINALG, CONV2D, POOL2D, RESHAPE, JOIN,
                    ALLOC, ARANGE, SPECIFY_SHAPE, ADVANCED_INDEX, ADVANCED_INC, CUMULATIVE, SORT, TAKE_ALONG,
                    SOFTMAX -> false;
        };
    }

    private void emit(ScalarOp op, int[] operands, int out) {
        ops.add(op);
        args.add(operands);
        dst.add(out);
    }
}
