package org.symtensor.runtime.cpu;

import org.symtensor.ir.Variable;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/** Small helpers shared by the kernel tests: symbolic inputs, running one node, deterministic data. */
final class KernelTesting {
    private KernelTesting() {}

    static Variable var(String name, DType dtype, int... shape) {
        return new Variable(TensorType.of(dtype, shape), name);
    }

    /** Runs the kernel of the node that computes {@code v} and returns its only output. */
    static NDArray run(Variable v, NDArray... inputs) {
        return CpuKernels.forApply(v.owner()).run(inputs)[0];
    }

    /** A C-contiguous array of {@code shape} whose element {@code i} is {@code f(i)}, stored as {@code dtype}. */
    static NDArray filled(DType dtype, java.util.function.IntToDoubleFunction f, int... shape) {
        NDArray a = NDArray.zeros(dtype, shape);
        for (int i = 0; i < a.size(); i++) {
            a.setDouble(i, f.applyAsDouble(i));
        }
        return a;
    }
}
