package org.symtensor.runtime.opencl;

import static org.symtensor.T.device;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.runtime.opencl.OpenClTesting.assertClose;
import static org.symtensor.runtime.opencl.OpenClTesting.assumeOpenCl;
import static org.symtensor.runtime.opencl.OpenClTesting.input;
import static org.symtensor.runtime.opencl.OpenClTesting.random;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symtensor.function.Function;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Ops;
import org.symtensor.ir.ScalarOp;
import org.symtensor.tensor.Tensor;
import org.symtensor.tensor.Tensors;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * Conformance of the device's elementwise kernels with the CPU backend: every scalar op, for
 * every dtype it accepts (the same dtype in every input), on same-shape inputs, a row broadcast
 * and a scalar broadcast. Tolerances: integers and bools exact; float32 {@code rtol 1e-5} (the
 * device computes in float, the CPU in double then rounds); float64 {@code rtol 1e-12}.
 */
class ElemwiseConformanceTest {
    @BeforeEach
    void needsOpenCl() {
        assumeOpenCl();
    }

    /**
     * Every op on every dtype (casts have their own test). No pair is skipped because it throws:
     * a pair that stops building, compiling or running fails here. Switch takes an int8 condition
     * when its branches are floats (a float condition is a type error, checked below).
     */
    static Stream<Arguments> opsAndDtypes() {
        List<Arguments> r = new ArrayList<>();
        for (ScalarOp op : ScalarOp.values()) {
            for (DType d : DType.values()) {
                // an integer-only op refuses float (and for INTEGER, bool) inputs when built: BitwiseTest checks that
                if (op != ScalarOp.CAST && op.accepts(d)) {
                    r.add(Arguments.of(op, d));
                }
            }
        }
        return r.stream();
    }

    /** The dtype of input {@code k} of {@code op} on dtype {@code d}. */
    private static DType inputDtype(ScalarOp op, DType d, int k) {
        return op == ScalarOp.SWITCH && k == 0 && d.isFloat() ? DType.INT8 : d;
    }

    @org.junit.jupiter.api.Test
    void switch_withAFloatCondition_isADtypeError() {
        Variable cond = input(DType.FLOAT32, "c", 2).variable();
        Variable x = input(DType.FLOAT32, "x", 2).variable();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ops.elemwise(ScalarOp.SWITCH, cond, x, x))
                .isInstanceOf(org.symtensor.error.DTypeMismatchException.class)
                .hasMessageContaining("switch condition 'c' must be bool or integer, got float32");
    }

    static double rtol(DType out) {
        return out == DType.FLOAT32 ? 1e-5 : out == DType.FLOAT64 ? 1e-12 : 0;
    }

    private static void compare(Tensor<?>[] ins, Tensor<?> out, NDArray[] args, String what) {
        Function cpu = function(inputs(ins), out, device("cpu"));
        Function dev = function(inputs(ins), out, device(OpenClTesting.DEVICE));
        NDArray expected = cpu.call((Object[]) args);
        NDArray actual = dev.call((Object[]) args);
        double rtol = rtol(expected.dtype());
        assertClose(actual, expected, rtol, rtol == 0 ? 0 : 1e-6, what);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("opsAndDtypes")
    void elemwise_sameShape_matchesCpu(ScalarOp op, DType d) {
        Tensor<?>[] ins = new Tensor<?>[op.arity()];
        Variable[] vs = new Variable[ins.length];
        NDArray[] args = new NDArray[ins.length];
        for (int k = 0; k < ins.length; k++) {
            ins[k] = input(inputDtype(op, d, k), "x" + k, 2);
            vs[k] = ins[k].variable();
            args[k] = random(inputDtype(op, d, k), 17 * k + op.ordinal(), 5, 7);
        }
        compare(ins, Tensors.wrap(Ops.elemwise(op, vs)), args, op + " " + d);
    }

    /** Broadcasting is index arithmetic independent of the op: one float, one integer and the bool dtype suffice. */
    static Stream<Arguments> opsAndBroadcastDtypes() {
        return opsAndDtypes().filter(a -> a.get()[1] == DType.FLOAT32 || a.get()[1] == DType.INT32
                || a.get()[1] == DType.BOOL);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("opsAndBroadcastDtypes")
    void elemwise_rowAndScalarBroadcast_matchesCpu(ScalarOp op, DType d) {
        Tensor<?>[] ins = new Tensor<?>[op.arity()];
        Variable[] vs = new Variable[ins.length];
        NDArray[] args = new NDArray[ins.length];
        for (int k = 0; k < ins.length; k++) {
            // only axes declared broadcastable stretch: x1 is a row, x2 a 1×1
            int[] declared = k == 0 ? new int[] {-1, -1} : k == 1 ? new int[] {1, -1} : new int[] {1, 1};
            ins[k] = org.symtensor.tensor.Tensors.wrap(new Variable(org.symtensor.type.TensorType.of(inputDtype(op, d, k), declared), "x" + k));
            vs[k] = ins[k].variable();
            int[] shape = k == 0 ? new int[] {4, 6} : k == 1 ? new int[] {1, 6} : new int[] {1, 1};
            args[k] = random(inputDtype(op, d, k), 31 * k + op.ordinal(), shape);
        }
        compare(ins, Tensors.wrap(Ops.elemwise(op, vs)), args, op + " broadcast " + d);
    }

    static Stream<Arguments> casts() {
        List<Arguments> r = new ArrayList<>();
        for (DType from : DType.values()) {
            for (DType to : DType.values()) {
                r.add(Arguments.of(from, to));
            }
        }
        return r.stream();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("casts")
    void cast_everyPairOfDtypes_matchesCpu(DType from, DType to) {
        Tensor<?> x = input(from, "x", 1);
        NDArray arg = random(from, 5, 40);
        compare(new Tensor<?>[] {x}, Tensors.wrap(Ops.cast(x.variable(), to)), new NDArray[] {arg}, "cast " + from + " to " + to);
    }
}
