package org.symtensor.ir;

import java.util.List;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;

/**
 * The product of vectors and matrices: {@code (k)·(k) → ()}, {@code (m×k)·(k) → (m)},
 * {@code (k)·(k×n) → (n)}, {@code (m×k)·(k×n) → (m×n)}; a first operand of higher rank is a stack
 * of rows, as in NumPy ({@code (b×m×k)·(k×n) → (b×m×n)}). The dtype is the upcast of the inputs'.
 */
public final class Dot implements Op {
    public static final Dot INSTANCE = new Dot();

    private Dot() {}

    @Override
    public OpKind kind() {
        return OpKind.DOT;
    }

    @Override
    public String name() {
        return "Dot";
    }

    @Override
    public List<TensorType> outputTypes(List<Variable> inputs) {
        Variable a = inputs.get(0);
        Variable b = inputs.get(1);
        int ra = a.type().rank();
        int rb = b.type().rank();
        if (ra < 1 || rb < 1 || rb > 2) {
            throw new ShapeMismatchException("dot takes a tensor of rank 1 or more and a vector or matrix, got " + a.describe() + " of rank " + ra
                    + " and " + b.describe() + " of rank " + rb);
        }
        int ka = a.type().dim(ra - 1);
        int kb = b.type().dim(0);
        if (ka != TensorType.UNKNOWN && kb != TensorType.UNKNOWN && ka != kb) {
            throw new ShapeMismatchException("dot: inner dimensions differ: " + a.describe() + " has shape "
                    + TensorType.shapeString(a.type().shape()) + " and " + b.describe() + " has shape "
                    + TensorType.shapeString(b.type().shape()));
        }
        DType d = DType.upcast(a.type().dtype(), b.type().dtype());
        if (d == DType.BOOL) {
            d = DType.INT8;
        }
        // NumPy's rule: a's leading axes, then b's trailing axis if b is a matrix
        int[] out = java.util.Arrays.copyOf(a.type().shape(), ra - 1 + (rb - 1));
        if (rb == 2) {
            out[out.length - 1] = b.type().dim(1);
        }
        return List.of(TensorType.of(d, out));
    }

    @Override
    public String toString() {
        return name();
    }
}
