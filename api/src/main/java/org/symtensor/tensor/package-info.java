/**
 * Typed handles over IR variables: the DSL's {@code Scalar}, {@code Vector}, {@code Matrix},
 * {@code Tensor3}, {@code Tensor4}, the rank-agnostic {@code Tensor}, and the shared handles with
 * their interface {@link org.symtensor.tensor.SharedVariable}. Builds graphs through
 * {@link org.symtensor.ir.Ops}; {@code eval()} compiles through {@link org.symtensor.spi.Backends}, never
 * through the facade.
 */
package org.symtensor.tensor;
