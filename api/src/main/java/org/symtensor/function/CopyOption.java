package org.symtensor.function;

import java.util.Objects;
import org.symtensor.ir.SharedValue;

/**
 * An option of {@link Function#copy}, Theano's {@code f.copy(swap=..., delete_updates=...)}:
 * {@code swap(a, b)} makes the copy read and update shared variable {@code b} wherever the
 * original uses {@code a}; {@code deleteUpdates()} makes a copy without any update (neither of
 * shared variables nor of stateful inputs). The facade's {@code swap} and {@code deleteUpdates}
 * build them from typed handles.
 */
public sealed interface CopyOption permits CopyOption.Swap, CopyOption.DeleteUpdates {

    /** {@code original} replaced by {@code replacement} (same dtype and rank) in the copy only. */
    record Swap(SharedValue original, SharedValue replacement) implements CopyOption {
        public Swap {
            Objects.requireNonNull(original, "swap: original");
            Objects.requireNonNull(replacement, "swap: replacement");
        }
    }

    /** The copy has no updates. */
    enum DeleteUpdates implements CopyOption {
        INSTANCE
    }

    static CopyOption swap(SharedValue original, SharedValue replacement) {
        return new Swap(original, replacement);
    }

    static CopyOption deleteUpdates() {
        return DeleteUpdates.INSTANCE;
    }
}
