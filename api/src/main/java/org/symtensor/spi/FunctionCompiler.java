package org.symtensor.spi;

import org.symtensor.function.Function;

/**
 * What a runtime implements to compile functions; {@link org.symtensor.T#function} finds the
 * implementation with {@link java.util.ServiceLoader}, so user code compiles against the api alone.
 */
public interface FunctionCompiler {
    /** Compiles a checked spec into a callable function. */
    Function compile(FunctionSpec spec);
}
