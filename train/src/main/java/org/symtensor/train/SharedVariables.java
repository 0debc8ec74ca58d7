package org.symtensor.train;

import org.symtensor.error.ArgumentException;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.ir.SharedValue;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor3;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVector;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/** Shared variables of a rank known only at run time (optimizer state shaped like any parameter). */
final class SharedVariables {
    private SharedVariables() {}

    /** A shared variable holding {@code value} (not copied), wrapped in the shared handle of its rank. */
    static SharedVariable<?> create(NDArray value, String name) {
        SharedValue node = new SharedValue(TensorType.ofRank(value.dtype(), value.rank()), value, name);
        return switch (value.rank()) {
            case 0 -> new SharedScalar<>(node);
            case 1 -> new SharedVector<>(node);
            case 2 -> new SharedMatrix<>(node);
            case 3 -> new SharedTensor3<>(node);
            case 4 -> new SharedTensor4<>(node);
            default -> throw new ArgumentException("shared '" + name + "': rank " + value.rank()
                    + " has no shared handle (ranks 0 to 4 do)");
        };
    }
}
