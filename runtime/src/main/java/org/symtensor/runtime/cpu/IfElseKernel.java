package org.symtensor.runtime.cpu;

import java.util.List;
import org.symtensor.ir.Apply;
import org.symtensor.ir.IfElse;
import org.symtensor.runtime.link.Schedule;
import org.symtensor.value.NDArray;

/** Runs an {@link IfElse}: both branches are linked once; each call runs only the one its condition picks. */
final class IfElseKernel implements Kernel {
    private final Schedule thenBranch;
    private final Schedule elseBranch;
    private final int thenCount;
    private final int elseCount;

    IfElseKernel(Apply node) {
        IfElse op = (IfElse) node.op();
        thenBranch = InnerGraphs.compile(op.thenInputs(), List.of(op.thenOutput()), "ifelse then");
        elseBranch = InnerGraphs.compile(op.elseInputs(), List.of(op.elseOutput()), "ifelse else");
        thenCount = op.thenInputs().size();
        elseCount = op.elseInputs().size();
    }

    @Override
    public NDArray[] run(NDArray[] in) {
        boolean cond = in[0].toBoolean();
        NDArray[] args = new NDArray[cond ? thenCount : elseCount];
        System.arraycopy(in, cond ? 1 : 1 + thenCount, args, 0, args.length);
        return new NDArray[] {(cond ? thenBranch : elseBranch).run(args)[0]};
    }
}
