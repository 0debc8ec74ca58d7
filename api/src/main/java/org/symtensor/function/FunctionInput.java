package org.symtensor.function;

/** Something that can be an input of {@code function(...)}: a handle, or an {@link In} with a default or a name. */
public interface FunctionInput {
    /** This input's description. */
    In asInput();
}
