package com.example.minimal;

import static org.symtensor.T.div;
import static org.symtensor.T.exp;

import org.symtensor.Default;
import org.symtensor.SymbolicFunction;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.type.F32;
import org.symtensor.type.F64;

/** Two symbolic functions; javac writes {@code LogisticSymbolic} next to this class. */
public final class Logistic {
    private Logistic() {}

    /** The logistic function {@code 1 / (1 + e^-x)}, elementwise. */
    @SymbolicFunction
    static Matrix<F64> logistic(Matrix<F64> x) {
        return div(1, exp(x.unaryMinus()).plus(1));
    }

    /** {@code x + y}, with y 1 when left out. */
    @SymbolicFunction
    static Scalar<F32> add(Scalar<F32> x, @Default("1") Scalar<F32> y) {
        return x.plus(y);
    }
}
