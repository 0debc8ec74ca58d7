package org.symtensor.tensor;

import org.symtensor.ir.Variable;
import org.symtensor.type.Bool;
import org.symtensor.type.DTypeMarker;

/**
 * A handle whose rank is not part of its Java type: what {@code Tensor<D>} factories and
 * rank-changing operations return when no rank-specific handle fits.
 */
public class AnyTensor<D extends DTypeMarker> extends AbstractTensor<D, Tensor<D>, Tensor<Bool>> {
    public AnyTensor(Variable variable) {
        super(variable, -1);
    }

    @Override
    protected Tensor<D> wrap(Variable v) {
        return Tensors.wrap(v);
    }

    @Override
    protected Tensor<Bool> wrapBool(Variable v) {
        return Tensors.wrap(v);
    }
}
