package org.symtensor.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symtensor.error.ArgumentException;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.ir.SharedValue;
import org.symtensor.tensor.Tensor;
import org.symtensor.train.npy.Npz;
import org.symtensor.value.NDArray;

/**
 * An ordered set of named shared variables of any rank and dtype: a model's parameters, or an
 * optimizer's state. It differentiates a cost with respect to all of them at once ({@link #grad},
 * gradients typed like their parameters), makes optimizer state of the same shapes ({@link #zerosLike}),
 * counts the scalars, and saves and loads its values as a NumPy {@code .npz} archive (one entry per
 * name) in which a failed load changes nothing. Immutable; the values live in the shared variables.
 */
public final class Params implements Iterable<SharedVariable<?>> {
    private final List<SharedVariable<?>> list;

    private Params(List<SharedVariable<?>> list) {
        Map<String, SharedVariable<?>> seen = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            SharedVariable<?> p = list.get(i);
            if (p == null) {
                throw new ArgumentException("Params: parameter #" + i + " is null");
            }
            String name = p.node().name();
            if (name == null || name.isEmpty()) {
                throw new ArgumentException("Params: parameter #" + i + " (" + p.node().type() + ") has no name;"
                        + " give every parameter a unique name, e.g. shared(value, \"W1\"), so checkpoints can find it");
            }
            SharedVariable<?> before = seen.put(name, p);
            if (before != null) {
                throw new ArgumentException("Params: the name '" + name + "' is used twice" + (before.node() == p.node()
                        ? " (the same variable is listed twice)" : "") + "; names must be unique");
            }
        }
        this.list = Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The parameters, in this order. */
    public static Params of(SharedVariable<?>... params) {
        return new Params(Arrays.asList(params));
    }

    public static Params of(List<? extends SharedVariable<?>> params) {
        return new Params(new ArrayList<>(params));
    }

    /** These parameters followed by {@code more} (a model and its optimizer's state, for one checkpoint). */
    public Params and(Params more) {
        List<SharedVariable<?>> all = new ArrayList<>(list);
        all.addAll(more.list);
        return new Params(all);
    }

    /** How many variables. */
    public int size() {
        return list.size();
    }

    /** How many scalars the current values hold together (Keras's parameter count). */
    public long count() {
        long n = 0;
        for (SharedVariable<?> p : list) {
            n += p.node().get().size();
        }
        return n;
    }

    public List<SharedVariable<?>> list() {
        return list;
    }

    @Override
    public Iterator<SharedVariable<?>> iterator() {
        return list.iterator();
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (SharedVariable<?> p : list) {
            names.add(p.node().name());
        }
        return names;
    }

    /** The variable named {@code name}; an error listing the names if there is none. */
    public SharedVariable<?> get(String name) {
        for (SharedVariable<?> p : list) {
            if (p.node().name().equals(name)) {
                return p;
            }
        }
        throw new ArgumentException("Params: no parameter named '" + name + "'; the names are " + names());
    }

    /** Position of {@code node} in this set, or -1. */
    int indexOf(SharedValue node) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).node() == node) {
                return i;
            }
        }
        return -1;
    }

    /**
     * New shared variables of zeros with each parameter's current shape and dtype, named
     * {@code prefix + name} ({@code zerosLike("m/")} names the first moment of {@code W} {@code m/W}).
     */
    public Params zerosLike(String prefix) {
        List<SharedVariable<?>> zeros = new ArrayList<>();
        for (SharedVariable<?> p : list) {
            NDArray v = p.node().get();
            zeros.add(SharedVariables.create(NDArray.zeros(v.dtype(), v.shape()), prefix + p.node().name()));
        }
        return new Params(zeros);
    }

    /**
     * The gradients of a scalar {@code cost} with respect to every parameter, each typed like its
     * parameter: {@code params.grad(cost).get(W)} is a {@code Matrix<F32>} for a {@code SharedMatrix<F32> W}.
     */
    public Grads grad(Tensor<?> cost) {
        return Grads.of(cost, this);
    }

    /** Copies of the current values by name, in order. */
    public Map<String, NDArray> values() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        for (SharedVariable<?> p : list) {
            m.put(p.node().name(), p.getValue());
        }
        return m;
    }

    /**
     * Sets every parameter from {@code values} (by name). All of them are checked first, each must be
     * present with the parameter's dtype and current shape; on any mismatch a
     * {@link CheckpointMismatchException} names every problem and no parameter changes. Names in
     * {@code values} that are not parameters are ignored (a checkpoint may hold more).
     */
    public void setValues(Map<String, NDArray> values, String source) {
        List<String> problems = new ArrayList<>();
        for (SharedVariable<?> p : list) {
            String name = p.node().name();
            NDArray v = values.get(name);
            NDArray current = p.node().get();
            if (v == null) {
                problems.add("'" + name + "' is missing");
            } else if (v.dtype() != current.dtype() || !Arrays.equals(v.shape(), current.shape())) {
                problems.add("'" + name + "' is " + v.dtype() + " " + NDArray.shapeToString(v.shape()) + ", the parameter is "
                        + current.dtype() + " " + NDArray.shapeToString(current.shape()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CheckpointMismatchException(source + " does not fit these parameters: "
                    + String.join("; ", problems) + " (no parameter was changed)", problems);
        }
        for (SharedVariable<?> p : list) {
            p.setValue(values.get(p.node().name()));
        }
    }

    /** Sets every parameter from {@code values}; see {@link #setValues(Map, String)}. */
    public void setValues(Map<String, NDArray> values) {
        setValues(values, "the values");
    }

    /**
     * Saves the values to {@code file} as {@code numpy.savez} would: {@code np.load(file)["W1"]} is
     * parameter {@code W1}. The file is replaced only once it is complete.
     */
    public void save(Path file) {
        Npz.write(file, values());
    }

    /**
     * Loads the values saved by {@link #save} (or by {@code numpy.savez}). A file that is not a
     * readable {@code .npz} raises {@link org.symtensor.train.npy.NpyFormatException}, one whose
     * arrays do not fit raises {@link CheckpointMismatchException}; either way nothing changes.
     */
    public void load(Path file) {
        setValues(Npz.read(file), file.toString());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Params[");
        for (int i = 0; i < list.size(); i++) {
            NDArray v = list.get(i).node().get();
            sb.append(i > 0 ? ", " : "").append(list.get(i).node().name()).append(' ').append(v.dtype())
                    .append(NDArray.shapeToString(v.shape()));
        }
        return sb.append("; ").append(count()).append(" scalars]").toString();
    }
}
