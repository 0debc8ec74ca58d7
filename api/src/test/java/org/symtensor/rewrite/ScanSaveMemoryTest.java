package org.symtensor.rewrite;

import org.symtensor.function.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.ir.Apply;
import org.symtensor.ir.Variable;
import org.symtensor.ir.Scan;
import org.symtensor.scan.TypedScanResult;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/** {@code scan(...).outputs().get(-1)} becomes the loop that keeps only its last state, and nothing else does. */
class ScanSaveMemoryTest {
    private final Vector<F64> a = dvector("a");
    private final TypedScanResult<Vector<F64>, Matrix<F64>> r = scan((Vector<F64> p, Vector<F64> w) -> p.times(w),
            outputsInfo(a), nonSequences(a), nSteps(5));

    @Test
    void stackedOutputReadOnlyAsLast_becomesTheLastVariantOfTheSameLoop() {
        Variable last = r.outputs().get(-1).variable();
        Variable out = ScanSaveMemory.rewrite(List.of(last)).get(0);
        Apply loop = out.owner();
        assertThat(loop.op()).isInstanceOf(Scan.class);
        Scan op = (Scan) loop.op();
        Scan before = (Scan) r.node().op();
        assertThat(op.keep(0)).isEqualTo(Scan.Keep.LAST);
        assertThat(before.keep(0)).isEqualTo(Scan.Keep.ALL);
        assertThat(op.innerOutputs()).isEqualTo(before.innerOutputs());
        assertThat(op.innerInputs()).isEqualTo(before.innerInputs());
        assertThat(loop.inputs()).isEqualTo(r.node().inputs());
        assertThat(out.index()).isZero();
        assertThat(out.type()).isEqualTo(last.type());
    }

    @Test
    void stackAlsoReadElsewhere_isLeftAlone() {
        List<Variable> outputs = List.of(r.outputs().get(-1).variable(), r.outputs().variable());
        assertThat(ScanSaveMemory.rewrite(outputs)).isEqualTo(outputs);
    }

    @Test
    void otherIndices_areLeftAlone() {
        List<Variable> outputs = List.of(r.outputs().get(0).variable(), r.outputs().get(-2).variable());
        assertThat(ScanSaveMemory.rewrite(outputs)).isEqualTo(outputs);
    }

    @Test
    void sliceOtherThanTheInitialRows_isLeftAlone() {
        Scalar<F64> x0 = dscalar("x0");
        Variable stack = scan(x -> x.times(2), outputsInfo(x0), nSteps(3)).result().node().outputs().get(0);
        Variable third = org.symtensor.ir.Indexing.index(org.symtensor.ir.Indexing.slice(stack, 0,
                org.symtensor.ir.Indexing.at(2), null, 1), 0, -1);
        assertThat(ScanSaveMemory.rewrite(List.of(third))).containsExactly(third);
    }

    @Test
    void fastRunAndFastCompile_bothSaveTheMemory() {
        for (Optimizer.Level mode : List.of(Optimizer.Level.FAST_RUN, Optimizer.Level.FAST_COMPILE)) {
            Variable out = Optimizer.optimize(List.of(r.outputs().get(-1).variable()), mode).get(0);
            assertThat(out.owner().op()).isInstanceOfSatisfying(Scan.class, s -> assertThat(s.keep(0)).isEqualTo(Scan.Keep.LAST));
        }
    }
}
