/**
 * Typed handles over IR variables: the DSL's {@code Scalar}, {@code Vector}, {@code Matrix},
 * {@code Tensor3}, {@code Tensor4} and rank-agnostic {@code Tensor}. Builds graphs through
 * {@link org.symtensor.ir.Ops}; evaluates through {@link org.symtensor.T#function}.
 */
package org.symtensor.tensor;
