package org.symtensor.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.symtensor.error.ArgumentException;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * Several elementwise ops fused into one (Theano's {@code Composite}): its scalar program is a
 * small graph of {@link Elemwise} nodes over rank-0 placeholder variables, one per outer input,
 * and rank-0 constants. Applied to outer inputs it behaves like an {@link Elemwise}: equal ranks,
 * broadcasting with the same static checks, output dtype that of the inner output. The program is
 * kept as a flat list of {@link Step}s in topological order, which defines equality (two
 * composites computing the same program compare equal, so merging works) and which the backends
 * execute block by block. Built by the fusion pass; {@link #expand} turns it back into the graph of
 * elementwise ops it stands for (what gradients differentiate).
 *
 * <p>A composite may end in a <em>reduce tail</em> ({@link #withReduce}): then its output is the
 * {@link Reduce} of the program's elementwise result, and the backend folds each block into the
 * reduction's accumulators as soon as it is computed, so the elementwise result never exists as a
 * full-size array ({@code ((a*b + c)*d).sum()} and {@code sum(exp(x - m), axis)} in one pass).
 */
public final class Composite implements Op {
    /**
     * One instruction of the program: {@code op} applied to operands numbered inputs first, then
     * constants, then earlier steps' results.
     */
    public static final class Step {
        private final Elemwise op;
        private final int[] args;
        private final DType dtype;

        Step(Elemwise op, int[] args, DType dtype) {
            this.op = op;
            this.args = args;
            this.dtype = dtype;
        }

        /** One instruction, as {@link #steps()} lists it (generated code rebuilds a program this way). */
        public static Step of(Elemwise op, DType dtype, int... args) {
            return new Step(op, args.clone(), dtype);
        }

        public Elemwise op() {
            return op;
        }

        /** Operand numbers: {@code < inputCount} an input, then constants, then earlier steps. */
        public int[] args() {
            return args.clone();
        }

        public int arg(int k) {
            return args[k];
        }

        /** The dtype of this step's result. */
        public DType dtype() {
            return dtype;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Step && ((Step) o).op.equals(op) && Arrays.equals(((Step) o).args, args)
                    && ((Step) o).dtype == dtype;
        }

        @Override
        public int hashCode() {
            return op.hashCode() * 31 + Arrays.hashCode(args);
        }
    }

    private final List<DType> inputDtypes;
    private final List<NDArray> constants;
    private final List<Step> steps;
    /** The reduction applied to the program's result, or null for a plain elementwise composite. */
    private final Reduce reduce;

    private Composite(List<DType> inputDtypes, List<NDArray> constants, List<Step> steps) {
        this(inputDtypes, constants, steps, null);
    }

    private Composite(List<DType> inputDtypes, List<NDArray> constants, List<Step> steps, Reduce reduce) {
        this.inputDtypes = List.copyOf(inputDtypes);
        this.constants = List.copyOf(constants);
        this.steps = List.copyOf(steps);
        this.reduce = reduce;
    }

    /**
     * This program followed by the reduction {@code r} of its elementwise result (the fusion pass
     * absorbs a reduction whose only input is a composite this way; generated code rebuilds one
     * with {@code Composite.program(...).withReduce(Reduce.of(...))}).
     */
    public Composite withReduce(Reduce r) {
        if (reduce != null) {
            throw new IllegalArgumentException("Composite: " + name() + " already ends in a reduction");
        }
        if (Reduce.isIndexOrLogic(Objects.requireNonNull(r, "r").reduceKind())) {
            // positions and truth values are not folds of block partials: they run in their own kernel
            throw new ArgumentException("Composite: a reduce tail must be sum, prod, max, min or mean, not "
                    + r.reduceKind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new Composite(inputDtypes, constants, steps, Objects.requireNonNull(r, "r"));
    }

    /** The reduction applied to the program's result, or null when the composite is elementwise. */
    public Reduce reduce() {
        return reduce;
    }

    /** The composite without its reduce tail (itself when it has none): the elementwise program. */
    public Composite elementwise() {
        return reduce == null ? this : new Composite(inputDtypes, constants, steps);
    }

    /**
     * The composite computing {@code output} from the rank-0 placeholders {@code inputs}. Every node
     * between them must be an {@link Elemwise} on rank-0 values; leaves other than the placeholders
     * must be rank-0 constants.
     */
    public static Composite of(List<Variable> inputs, Variable output) {
        Map<Variable, Integer> number = new IdentityHashMap<>();
        List<DType> dtypes = new ArrayList<>();
        for (Variable in : inputs) {
            if (in.type().rank() != 0 || in.owner() != null || in instanceof Constant) {
                throw new IllegalArgumentException("Composite: inner input " + in.describe() + " must be a rank-0 free variable");
            }
            number.put(in, dtypes.size());
            dtypes.add(in.type().dtype());
        }
        List<NDArray> consts = new ArrayList<>();
        List<Variable> leaves = Graphs.graphInputs(List.of(output));
        for (Variable leaf : leaves) {
            if (number.containsKey(leaf)) {
                continue;
            }
            if (!(leaf instanceof Constant) || leaf.type().rank() != 0) {
                throw new IllegalArgumentException("Composite: " + leaf.describe() + " is neither an inner input nor a rank-0 constant");
            }
            number.put(leaf, inputs.size() + consts.size());
            consts.add(((Constant) leaf).value());
        }
        int base = inputs.size() + consts.size();
        List<Step> steps = new ArrayList<>();
        for (Apply a : Graphs.toposort(List.of(output))) {
            if (a.op().kind() != OpKind.ELEMWISE || a.output().type().rank() != 0) {
                throw new IllegalArgumentException("Composite: inner node " + a.op().name() + " is not a rank-0 Elemwise");
            }
            int[] args = new int[a.inputs().size()];
            for (int k = 0; k < args.length; k++) {
                args[k] = number.get(a.inputs().get(k));
            }
            number.put(a.output(), base + steps.size());
            steps.add(new Step((Elemwise) a.op(), args, a.output().type().dtype()));
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Composite: the inner output must be computed by at least one Elemwise");
        }
        return new Composite(dtypes, consts, steps);
    }

    /**
     * The composite with exactly this program: what {@link #inputDtypes()}, {@link #constants()} and
     * {@link #steps()} return (generated code rebuilds an optimized graph's composites this way).
     * Every operand number must refer to an input, a constant or an earlier step.
     */
    public static Composite program(List<DType> inputDtypes, List<NDArray> constants, List<Step> steps) {
        int known = inputDtypes.size() + constants.size();
        for (Step s : steps) {
            for (int a : s.args) {
                if (a < 0 || a >= known) {
                    throw new IllegalArgumentException("Composite: operand " + a + " of " + s.op.name()
                            + " is not an input, constant or earlier step");
                }
            }
            known++;
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Composite: a program needs at least one step");
        }
        return new Composite(inputDtypes, constants, steps);
    }

    /** The dtypes the outer inputs must have, in order. */
    public List<DType> inputDtypes() {
        return inputDtypes;
    }

    /** The rank-0 constants of the program, numbered after the inputs. */
    public List<NDArray> constants() {
        return constants;
    }

    /** The program in execution order; the last step is the result. */
    public List<Step> steps() {
        return steps;
    }

    /** The dtype of the node's output: the last step's, or the reduction's of it when there is a tail. */
    public DType outputDtype() {
        DType elem = programDtype();
        return reduce == null ? elem : Reduce.outputDtype(reduce.reduceKind(), elem);
    }

    /** The dtype of the program's elementwise result (the last step's). */
    public DType programDtype() {
        return steps.get(steps.size() - 1).dtype();
    }

    /**
     * The program rebuilt as ordinary elementwise ops over {@code outer} (implicit broadcasting and
     * rank padding as {@link Ops#elemwise} does): the unfused graph this composite stands for.
     */
    public Variable expand(List<Variable> outer) {
        List<Variable> values = new ArrayList<>(outer);
        for (NDArray c : constants) {
            values.add(Ops.constant(c));
        }
        for (Step s : steps) {
            Variable[] args = new Variable[s.args.length];
            for (int k = 0; k < args.length; k++) {
                args[k] = values.get(s.args[k]);
            }
            values.add(s.op.scalarOp() == ScalarOp.CAST ? Apply.output(s.op, args) : Ops.elemwise(s.op.scalarOp(), args));
        }
        Variable result = values.get(values.size() - 1);
        return reduce == null ? result : Apply.output(reduce, result);
    }

    @Override
    public OpKind kind() {
        return OpKind.COMPOSITE;
    }

    @Override
    public String name() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputDtypes.size(); i++) {
            names.add("i" + i);
        }
        return "Composite{" + format(names) + "}";
    }

    /** The program as one infix expression with {@code inputNames} for the inputs: {@code (i0 * exp(i1))}. */
    public String format(List<String> inputNames) {
        List<String> values = new ArrayList<>(inputNames);
        for (NDArray c : constants) {
            values.add(c.toString());
        }
        for (Step s : steps) {
            ScalarOp op = s.op.scalarOp();
            String text;
            if (op == ScalarOp.CAST) {
                text = "cast(" + values.get(s.args[0]) + ", " + s.op.castTo() + ")";
            } else if (op.infix() != null && op.arity() == 2) {
                text = "(" + values.get(s.args[0]) + " " + op.infix() + " " + values.get(s.args[1]) + ")";
            } else if (op.infix() != null) {
                text = "(" + op.infix() + values.get(s.args[0]) + ")";
            } else {
                StringBuilder sb = new StringBuilder(op == ScalarOp.SECOND ? "fill" : op.theanoName()).append('(');
                for (int k = 0; k < s.args.length; k++) {
                    sb.append(k > 0 ? ", " : "").append(values.get(s.args[k]));
                }
                text = sb.append(')').toString();
            }
            values.add(text);
        }
        String body = values.get(values.size() - 1);
        if (reduce == null) {
            return body;
        }
        int[] axes = reduce.axes();
        return reduce.reduceKind().name().toLowerCase(java.util.Locale.ROOT) + "(" + body
                + (axes == null ? "" : ", axis=" + (axes.length == 1 ? Integer.toString(axes[0]) : Arrays.toString(axes))) + ")";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        if (inputs.size() != inputDtypes.size()) {
            throw new IllegalArgumentException(name() + " takes " + inputDtypes.size() + " inputs, got " + inputs.size());
        }
        for (int i = 0; i < inputs.size(); i++) {
            DType got = inputs.get(i).type().dtype();
            if (got != inputDtypes.get(i)) {
                throw new DTypeMismatchException(name() + ": input " + i + " " + inputs.get(i).describe() + " must be "
                        + inputDtypes.get(i) + ", got " + got);
            }
        }
        TensorType elem = TensorType.of(programDtype(), Elemwise.broadcastShape(name(), inputs));
        return reduce == null ? List.of(elem) : reduce.outputTypes(List.of(new Variable(elem, "composite")));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Composite)) {
            return false;
        }
        Composite c = (Composite) o;
        return inputDtypes.equals(c.inputDtypes) && constants.equals(c.constants) && steps.equals(c.steps)
                && Objects.equals(reduce, c.reduce);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inputDtypes, constants, steps, reduce);
    }

    @Override
    public String toString() {
        return name();
    }
}
