package org.symtensor.function;

import org.symtensor.T;

/** Something that can be an input of {@link T#function}: a handle, or an {@link In} with a default or a name. */
public interface FunctionInput {
    /** This input's description. */
    In asInput();
}
