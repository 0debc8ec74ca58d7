/**
 * The service interface between the api and a runtime: the checked {@link org.symtensor.spi.FunctionSpec}
 * and the {@link org.symtensor.spi.Backend} a runtime registers for {@link java.util.ServiceLoader}.
 */
package org.symtensor.spi;
