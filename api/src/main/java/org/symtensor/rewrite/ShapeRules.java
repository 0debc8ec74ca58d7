package org.symtensor.rewrite;

import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.DimShuffle;
import org.symtensor.ir.Dot;
import org.symtensor.ir.Elemwise;
import org.symtensor.ir.GradMark;
import org.symtensor.ir.OpKind;
import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ShapeOf;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * Shape rules (Theano's ShapeFeature, as local rules) and useless-dimshuffle removal. The length
 * of an axis of an elementwise, dimshuffle, reduce, dot or grad-mark output is read from an input
 * instead, so a tensor computed only for its shape is never computed. Elementwise outputs take the
 * length from the one input that does not have static length 1 there: the runtime broadcasts any
 * length-1 axis, so when several inputs may be 1 the rule does not fire.
 *
 * <table>
 * <caption>rules</caption>
 * <tr><td>shape_static</td><td>{@code shape(x, i) → n} when axis i has static length n</td></tr>
 * <tr><td>shape_lift</td><td>{@code shape(f(x...), i) → shape(x, j)} through elemwise, dimshuffle, reduce, dot and grad marks</td></tr>
 * <tr><td>shape_lift_construction</td><td>the same through alloc, join, specifyShape and advanced increments ({@link ShapeLifts})</td></tr>
 * <tr><td>useless_dimshuffle</td><td>{@code dimshuffle(x, 0, 1, ..., n-1) → x}</td></tr>
 * <tr><td>dimshuffle_dimshuffle</td><td>{@code dimshuffle(dimshuffle(x, p), q) → dimshuffle(x, p∘q)}</td></tr>
 * </table>
 */
public final class ShapeRules {
    private ShapeRules() {}

    public static RuleSet rules() {
        return RuleSet.builder("shape")
                .add("shape_static", OpKind.SHAPE, ShapeRules::shapeStatic)
                .add("shape_lift", OpKind.SHAPE, ShapeRules::shapeLift)
                .add("shape_lift_construction", OpKind.SHAPE, ShapeLifts::lift)
                .add("useless_dimshuffle", OpKind.DIMSHUFFLE, ShapeRules::uselessDimshuffle)
                .add("dimshuffle_dimshuffle", OpKind.DIMSHUFFLE, ShapeRules::dimshuffleDimshuffle)
                .build();
    }

    static Variable shapeStatic(Apply node) {
        int axis = ((ShapeOf) node.op()).axis();
        int d = node.inputs().get(0).type().dim(axis);
        return d == TensorType.UNKNOWN ? null : Ops.constant(d, DType.INT64);
    }

    static Variable shapeLift(Apply node) {
        int axis = ((ShapeOf) node.op()).axis();
        Apply owner = node.inputs().get(0).owner();
        if (owner == null) {
            return null;
        }
        if (owner.op() instanceof DimShuffle) {
            int p = ((DimShuffle) owner.op()).pattern()[axis];
            return p == DimShuffle.NEW_AXIS ? Ops.constant(1, DType.INT64) : Ops.shape(owner.inputs().get(0), p);
        }
        if (owner.op() instanceof Reduce) {
            boolean[] reduced = ((Reduce) owner.op()).reducedAxes(owner.inputs().get(0).type().rank());
            for (int a = 0, kept = 0; a < reduced.length; a++) {
                if (!reduced[a] && kept++ == axis) {
                    return Ops.shape(owner.inputs().get(0), a);
                }
            }
            return null;
        }
        if (owner.op() instanceof Dot) {
            Variable a = owner.inputs().get(0);
            Variable b = owner.inputs().get(1);
            return axis < a.type().rank() - 1 ? Ops.shape(a, axis) : Ops.shape(b, 1);
        }
        if (owner.op() instanceof GradMark) {
            return Ops.shape(owner.inputs().get(0), axis);
        }
        if (owner.op() instanceof Elemwise) {
            Variable from = null;
            for (Variable in : owner.inputs()) {
                if (in.type().dim(axis) != 1) {
                    if (from != null) {
                        return null;
                    }
                    from = in;
                }
            }
            return from == null ? null : Ops.shape(from, axis);
        }
        return null;
    }

    static Variable uselessDimshuffle(Apply node) {
        int[] p = ((DimShuffle) node.op()).pattern();
        Variable x = node.inputs().get(0);
        if (p.length != x.type().rank()) {
            return null;
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] != i) {
                return null;
            }
        }
        return x;
    }

    static Variable dimshuffleDimshuffle(Apply node) {
        Apply inner = node.inputs().get(0).owner();
        if (inner == null || !(inner.op() instanceof DimShuffle)) {
            return null;
        }
        int[] outer = ((DimShuffle) node.op()).pattern();
        int[] first = ((DimShuffle) inner.op()).pattern();
        int[] combined = new int[outer.length];
        for (int i = 0; i < outer.length; i++) {
            combined[i] = outer[i] == DimShuffle.NEW_AXIS ? DimShuffle.NEW_AXIS : first[outer[i]];
        }
        return Ops.dimshuffle(inner.inputs().get(0), combined);
    }
}
