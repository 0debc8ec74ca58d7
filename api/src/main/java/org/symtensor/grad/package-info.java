/**
 * Automatic differentiation over the IR: reverse mode ({@code grad}), Jacobians and Hessians by a
 * batched reverse pass, Lop and Rop, and {@code verifyGrad}. The rules are one table
 * ({@code GradRules}), one rule per op. Builds graphs through {@link org.symtensor.ir.Ops};
 * {@code verifyGrad} compiles through {@link org.symtensor.spi.Backends}, never through the facade.
 */
package org.symtensor.grad;
