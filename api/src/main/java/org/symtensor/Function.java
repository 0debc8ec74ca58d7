package org.symtensor;

import java.util.List;
import java.util.Map;
import org.symtensor.spi.FunctionSpec;
import org.symtensor.value.NDArray;

/**
 * A compiled function: built once by {@link T#function}, called many times. Arguments are Java
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
}
