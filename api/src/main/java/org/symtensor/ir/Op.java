package org.symtensor.ir;

import java.util.List;
import org.symtensor.type.TensorType;

/**
 * An operation in the IR: a value that says what its outputs are from its inputs. Ops are
 * immutable and compare by value (two {@code Elemwise{add}} are equal), so rewrites can merge
 * them. Every op belongs to one {@link OpKind}; layers dispatch on the kind.
 *
 * <p>The hierarchy is closed: {@code Op} permits exactly the op classes below, one per
 * {@link OpKind}, so a class that is not listed here cannot pose as an op, and adding an op class
 * means adding its kind, which every dispatching {@code switch} then has to handle. There is no
 * user extension kind yet; when one comes it is one more permitted class with its own kind.
 */
public sealed interface Op
        permits Elemwise, DimShuffle, Reduce, Dot, ShapeOf, Eye, GradMark, RandomOp, Scan, Subtensor, IncSubtensor,
        IfElse, Composite,
        LinAlg,
        Conv2d,
        Pool2d,
        Reshape,
        Join,
        Alloc,
        Arange,
        SpecifyShape,
        AdvancedSubtensor,
        AdvancedIncSubtensor,
        Cumulative,
        ArgSort,
        TakeAlongAxis,
        Softmax {
    OpKind kind();

    /** The name shown by {@code debugprint}: {@code Elemwise{add}}, {@code Sum{axis=1}}, {@code Dot}. */
    String name();

    /**
     * Checks the inputs and returns the output types. Throws a
     * {@link org.symtensor.error.SymtensorException} naming the offending input on bad arity, dtype or shape.
     */
    List<TensorType> outputTypes(List<Variable> inputs);
}
