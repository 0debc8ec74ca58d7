package org.symtensor.train;

import org.symtensor.ir.Ops;
import org.symtensor.ir.Reduce;
import org.symtensor.ir.ScalarOp;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;

/**
 * The optimizers' arithmetic on IR variables: they work on parameters of any rank and dtype, so
 * they build graphs below the typed handles and hand typed results back at the API's edge.
 * Constants take the dtype of the tensor they meet, as the DSL's literals do.
 */
final class Sym {
    private Sym() {}

    static Variable add(Variable a, Variable b) {
        return Ops.elemwise(ScalarOp.ADD, a, b);
    }

    static Variable sub(Variable a, Variable b) {
        return Ops.elemwise(ScalarOp.SUB, a, b);
    }

    static Variable mul(Variable a, Variable b) {
        return Ops.elemwise(ScalarOp.MUL, a, b);
    }

    static Variable div(Variable a, Variable b) {
        return Ops.elemwise(ScalarOp.TRUE_DIV, a, b);
    }

    static Variable sqrt(Variable a) {
        return Ops.elemwise(ScalarOp.SQRT, a);
    }

    static Variable sqr(Variable a) {
        return Ops.elemwise(ScalarOp.SQR, a);
    }

    static Variable pow(Variable a, Variable b) {
        return Ops.elemwise(ScalarOp.POW, a, b);
    }

    static Variable maximum(Variable a, Variable b) {
        return Ops.elemwise(ScalarOp.MAXIMUM, a, b);
    }

    static Variable minimum(Variable a, Variable b) {
        return Ops.elemwise(ScalarOp.MINIMUM, a, b);
    }

    static Variable sum(Variable a) {
        return Ops.reduce(Reduce.Kind.SUM, a);
    }

    /** {@code value} as a scalar constant of {@code like}'s dtype. */
    static Variable c(double value, Variable like) {
        return Ops.constant(value, like.type().dtype());
    }

    static Variable c(double value, DType dtype) {
        return Ops.constant(value, dtype);
    }

    static Variable cast64(Variable x) {
        return Ops.cast(x, DType.FLOAT64);
    }

    /** {@code x} as {@code like}'s dtype (x itself when it already is). */
    static Variable as(Variable x, Variable like) {
        return Ops.cast(x, like.type().dtype());
    }
}
