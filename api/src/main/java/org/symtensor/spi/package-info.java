/**
 * The service interface between the api and a runtime: the checked {@link org.symtensor.function.FunctionSpec}
 * and the {@link org.symtensor.spi.FunctionCompiler} a runtime registers.
 */
package org.symtensor.spi;
