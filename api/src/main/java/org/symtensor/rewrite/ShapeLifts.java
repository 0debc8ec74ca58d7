package org.symtensor.rewrite;

import org.symtensor.ir.AdvancedIncSubtensor;
import org.symtensor.ir.Alloc;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Join;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.SpecifyShape;
import org.symtensor.ir.Variable;
import org.symtensor.ir.ShapeOf;
import org.symtensor.type.DType;

/**
 * The shape rule {@code shape_lift_construction}: the length of an axis of an alloc, a join, a
 * specifyShape or an advanced increment read from its inputs, so the tensor is not built for its
 * shape: {@code shape(alloc(v, s...), i) → s_i}, {@code shape(join_a(xs), a) → Σ shape(x_k, a)} and
 * {@code shape(x_0, i)} on the other axes, {@code shape(specifyShape(x), i) → shape(x, i)},
 * {@code shape(inc(x, y, idx), i) → shape(x, i)}. A reshape is left alone: a length may be -1.
 */
final class ShapeLifts {
    private ShapeLifts() {}

    static Variable lift(Apply node) {
        int axis = ((ShapeOf) node.op()).axis();
        Apply owner = node.inputs().get(0).owner();
        if (owner == null) {
            return null;
        }
        if (owner.op() instanceof Alloc) {
            return Ops.cast(owner.inputs().get(1 + axis), DType.INT64);
        }
        if (owner.op() instanceof Join j) {
            if (axis != j.axis()) {
                return Ops.shape(owner.inputs().get(0), axis);
            }
            Variable sum = null;
            for (Variable x : owner.inputs()) {
                Variable len = Ops.shape(x, axis);
                sum = sum == null ? len : Ops.elemwise(ScalarOp.ADD, sum, len);
            }
            return sum;
        }
        if (owner.op() instanceof SpecifyShape || owner.op() instanceof AdvancedIncSubtensor) {
            return Ops.shape(owner.inputs().get(0), axis);
        }
        return null;
    }
}
