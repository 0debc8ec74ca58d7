package org.symtensor.function;


/**
 * An optional part of a {@link org.symtensor.T#function} call: {@link Updates}, {@link Givens}, or a
 * {@link FunctionFlag} such as {@code allowInputDowncast()}.
 */
public interface FunctionOption {}
