package org.symtensor.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.symtensor.function.Update;
import org.symtensor.ir.Variable;
import org.symtensor.type.DType;

/**
 * What the processor knows about one {@code @SymbolicFunction} method after its signature was
 * checked and its body interpreted: parameters with dtype, rank and default, outputs, the body
 * (to write the graph builder), the graph itself (to render the kernel) and the shared-variable
 * updates its {@code update(...)} statements make (over stand-ins, see {@link SharedFields}). Built by
 * {@link MethodChecker}, read by the writers.
 */
record MethodModel(ExecutableElement element, String name, List<Param> params, List<Output> outputs,
        TypeElement recordType, Ast.Body body, List<Variable> inputVariables, List<Variable> outputVariables,
        List<Update> updates) {

    /** A parameter: a handle of {@code rank} and {@code dtype}; {@code defaultValue} is a boxed Java value or null. */
    record Param(String name, int rank, DType dtype, Object defaultValue) {}

    /** An output: the record component name (or the method's name for a single handle), rank and dtype. */
    record Output(String name, int rank, DType dtype) {}

    boolean hasUpdates() {
        return !updates.isEmpty();
    }

    boolean returnsRecord() {
        return recordType != null;
    }
}
