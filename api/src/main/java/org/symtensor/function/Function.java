package org.symtensor.function;

import java.util.List;
import java.util.Map;
import org.symtensor.function.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * A compiled function: built once by {@link org.symtensor.T#function}, called many times. Arguments are Java
 * numbers, (nested) primitive arrays or {@link NDArray}s, converted to each input's dtype under
 * Theano's rules; all of them are checked before anything runs or any shared value changes.
 */
public interface Function {
    /** Calls a function that has one output and returns its value. */
    NDArray call(Object... args);

    /** Calls with keyword arguments (by input name) after the positional ones. */
    NDArray call(Map<String, ?> keywordArgs, Object... positionalArgs);

    /** Calls and returns every output, in order. */
    List<NDArray> callAll(Object... args);

    List<NDArray> callAll(Map<String, ?> keywordArgs, Object... positionalArgs);

    /** What was compiled: inputs, outputs and updates after givens. */
    FunctionSpec spec();

    /**
     * The outputs as they run, after the optimizer's rewrites (the spec keeps them as written).
     * Print them with {@code Printer.debugprint(f.optimizedOutputs())}.
     */
    List<org.symtensor.ir.Variable> optimizedOutputs();

    /** Theano's {@code pp} of each optimized output, one per line: what actually runs. */
    default String ppOptimized() {
        StringBuilder sb = new StringBuilder();
        for (org.symtensor.ir.Variable v : optimizedOutputs()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(org.symtensor.print.Printer.pp(v));
        }
        return sb.toString();
    }
}
