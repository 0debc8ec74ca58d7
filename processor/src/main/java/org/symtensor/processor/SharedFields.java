package org.symtensor.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.symtensor.tensor.SharedVariable;
import org.symtensor.function.Update;
import org.symtensor.ir.SharedValue;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedScalar;
import org.symtensor.tensor.SharedTensor3;
import org.symtensor.tensor.SharedTensor4;
import org.symtensor.tensor.SharedVector;
import org.symtensor.tensor.Tensor;
import org.symtensor.type.DType;
import org.symtensor.type.TensorType;
import org.symtensor.value.NDArray;

/**
 * The class's shared variables as the interpreter sees them. javac cannot run a static initializer,
 * so a read of {@code static final SharedMatrix<F64> W = shared(...)} gets a stand-in: a shared
 * variable of the declared dtype and rank (its value is an empty array nobody reads), one per field,
 * so {@code update(W, W.minus(g))} targets the node it reads. Type checks run on it at javac
 * time; the generated code reads the real field at run time. Anything else named in a body (a
 * constant, an instance field, a private or non-final field) is reported naming the field.
 */
final class SharedFields implements Interpreter.Fields {
    private static final List<String> SHARED = List.of("SharedScalar", "SharedVector", "SharedMatrix", "SharedTensor3",
            "SharedTensor4");

    private final TypeElement owner;
    private final Map<String, VariableElement> fields = new HashMap<>();
    private final Map<String, Object> standIns = new HashMap<>();

    SharedFields(TypeElement owner) {
        this.owner = owner;
        for (javax.lang.model.element.Element e : owner.getEnclosedElements()) {
            if (e.getKind() == ElementKind.FIELD) {
                fields.put(e.getSimpleName().toString(), (VariableElement) e);
            }
        }
    }

    /** The names of the class's fields (for {@link BodyReader}). */
    java.util.Set<String> names() {
        return fields.keySet();
    }

    /** Whether {@code name} was read as a shared variable (so the writers know the graph has shared state). */
    boolean isShared(String name) {
        return standIns.containsKey(name);
    }

    /** The rank and dtype of a {@code SharedMatrix<F64>}-like type, or null. */
    static MethodChecker.HandleType sharedType(TypeMirror t) {
        if (t.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType d = (DeclaredType) t;
        TypeElement e = (TypeElement) d.asElement();
        int rank = SHARED.indexOf(e.getSimpleName().toString());
        if (rank < 0 || !e.getQualifiedName().toString().startsWith("org.symtensor.tensor.")
                || d.getTypeArguments().size() != 1 || d.getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
            return null;
        }
        DType dtype = MethodChecker.dtypeOf(((TypeElement) ((DeclaredType) d.getTypeArguments().get(0)).asElement())
                .getQualifiedName().toString());
        return dtype == null ? null : new MethodChecker.HandleType(rank, dtype);
    }

    @Override
    public Object read(String qualifier, String name, Object pos) throws Unsupported {
        String here = owner.getSimpleName().toString();
        if (qualifier != null && !qualifier.equals(here)) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "cannot read the field " + qualifier + "." + name + ": only static"
                    + " final shared variables of " + here + " itself can be read in a @SymbolicFunction body", pos);
        }
        Object s = standIns.get(name);
        if (s != null) {
            return s;
        }
        VariableElement f = fields.get(name);
        if (f == null) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "'" + name + "' is not a parameter, local or field of " + here
                    + "; values from outside cannot be read at javac time, pass them as parameters", pos);
        }
        MethodChecker.HandleType h = sharedType(f.asType());
        String why = !f.getModifiers().contains(Modifier.STATIC) ? "it is not static"
                : !f.getModifiers().contains(Modifier.FINAL) ? "it is not final"
                : f.getModifiers().contains(Modifier.PRIVATE) ? "it is private (the generated class cannot read it)"
                : h == null ? "its type " + f.asType() + " is not a shared variable of a concrete dtype" : null;
        if (why != null) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "cannot read the field '" + name + "': " + why + "; a body reads"
                    + " only static final, non-private shared variables such as static final SharedMatrix<F64> W ="
                    + " shared(...); pass other values as parameters", pos);
        }
        SharedValue node = new SharedValue(TensorType.ofRank(h.dtype(), h.rank()),
                NDArray.zeros(h.dtype(), new int[h.rank()]), name);
        switch (h.rank()) {
            case 0: s = new SharedScalar<>(node); break;
            case 1: s = new SharedVector<>(node); break;
            case 2: s = new SharedMatrix<>(node); break;
            case 3: s = new SharedTensor3<>(node); break;
            default: s = new SharedTensor4<>(node); break;
        }
        standIns.put(name, s);
        return s;
    }

    /** {@code update(target, value)}: the target must be a shared variable and the value a handle of its exact type. */
    static Update update(Object target, Object value, Object pos) throws Unsupported {
        if (!(target instanceof SharedVariable)) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "update's first argument is " + target + ", not a shared variable;"
                    + " update a static final shared field of the class", pos);
        }
        SharedValue t = ((SharedVariable<?>) target).node();
        if (!(value instanceof Tensor)) {
            throw new Unsupported(ErrorCode.NOT_SYMBOLIC, "the new value of shared variable " + t.name() + " is " + value
                    + ", not a symbolic handle", pos);
        }
        Tensor<?> v = (Tensor<?>) value;
        if (v.dtype() != t.type().dtype() || v.rank() != t.type().rank()) {
            throw new Unsupported(v.rank() != t.type().rank() ? ErrorCode.SHAPE_MISMATCH : ErrorCode.DTYPE_MISMATCH,
                    "update of shared variable " + t.name() + ": expected " + t.type().dtype() + " of rank "
                    + t.type().rank() + ", got " + v.variable().type() + " (" + v.variable().describe() + "); cast it,"
                    + " e.g. cast(x, " + Names.marker(t.type().dtype()) + ".class)", pos);
        }
        return Update.of(t, v.variable());
    }
}
