package org.symtensor.ir;

import java.util.Objects;
import org.symtensor.type.TensorType;

/**
 * A symbolic value in the graph: an input, a constant, a shared variable, or the output of an
 * {@link Apply}. A variable knows its type, the apply that made it ({@link #owner()}, empty for
 * graph inputs) and where user code created it. Its name is metadata only, never a key.
 */
public class Variable {
    private final TensorType type;
    private final Apply owner;
    private final int index;
    private final SourceLocation createdAt;
    private volatile String name;

    /** A free input variable. */
    public Variable(TensorType type, String name) {
        this(type, null, 0, name, SourceLocation.capture());
    }

    Variable(TensorType type, Apply owner, int index, String name, SourceLocation createdAt) {
        this.type = Objects.requireNonNull(type, "type");
        this.owner = owner;
        this.index = index;
        this.name = name;
        this.createdAt = createdAt;
    }

    public TensorType type() {
        return type;
    }

    /** The apply node that computes this variable, or null for a graph input, constant or shared variable. */
    public Apply owner() {
        return owner;
    }

    /** Which output of its owner this variable is. */
    public int index() {
        return index;
    }

    /** The name given by the user, or null. */
    public String name() {
        return name;
    }

    /** Sets the display name (metadata: it never changes what the graph computes). */
    public void setName(String name) {
        this.name = name;
    }

    public SourceLocation createdAt() {
        return createdAt;
    }

    /** A fresh free variable of the same type and name: the building block of cloning. */
    public Variable cloneAsInput() {
        return new Variable(type, null, 0, name, createdAt);
    }

    /** A readable label: the name, or the op that made it, for error messages. */
    public String describe() {
        if (name != null) {
            return "'" + name + "'";
        }
        if (owner != null) {
            return "the output of " + owner.op().name() + " created at " + createdAt;
        }
        return "an unnamed " + type + " created at " + createdAt;
    }

    @Override
    public String toString() {
        return name != null ? name : (owner != null ? owner.op().name() + ".out" : "<" + type + ">");
    }
}
