package org.symtensor.function;

import org.symtensor.T;

/**
 * An optional part of a {@link T#function} call: {@link Updates}, {@link Givens}, or a
 * {@link FunctionFlag} such as {@code allowInputDowncast()}.
 */
public interface FunctionOption {}
