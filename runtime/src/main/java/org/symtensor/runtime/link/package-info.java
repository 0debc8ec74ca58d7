/**
 * The linker: turns a checked {@link org.symtensor.function.FunctionSpec} into a {@link
 * org.symtensor.runtime.link.Schedule}, a flat list of {@link org.symtensor.runtime.link.Thunk}s
 * over numbered value slots, built once per compiled function and run once per call. It owns the
 * slot numbering, when intermediate values are released, and the rule that no returned output or
 * stored update aliases storage someone else holds. It may import the api's graph, spi and value
 * packages and the runtime's kernel interface; it knows nothing about argument binding or which
 * backend made the kernels.
 */
package org.symtensor.runtime.link;
