package org.symtensor.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Every message of the processor goes through here. Each starts with a stable code in brackets
 * ({@code [Sym/ShapeMismatch]}), says what was expected, what was found and how to fix it, and is
 * attached to the element and, when known, to the exact expression (through {@link BodyReader}).
 *
 * <table>
 * <caption>Codes</caption>
 * <tr><th>code</th><th>when</th></tr>
 * <tr><td>Sym/NotStatic</td><td>the method is not static</td></tr>
 * <tr><td>Sym/BadParameterType</td><td>a parameter is not a rank-specific handle with a concrete dtype</td></tr>
 * <tr><td>Sym/BadReturnType</td><td>the return type is not a handle or a record of handles</td></tr>
 * <tr><td>Sym/BadDefault</td><td>{@code @Default} on a non-scalar, or a value the dtype cannot hold</td></tr>
 * <tr><td>Sym/NotSymbolic</td><td>the body uses a construct or call the processor cannot interpret, or reads a
 * field that is not a static final, non-private shared variable</td></tr>
 * <tr><td>Sym/DTypeMismatch</td><td>the DSL rejected a dtype while the body was interpreted (a scan step that
 * would downcast its state, say), or an update or cast has the wrong dtype</td></tr>
 * <tr><td>Sym/ShapeMismatch</td><td>the DSL rejected a rank or shape</td></tr>
 * <tr><td>Sym/NonScalarCost</td><td>{@code grad} of a cost that is not a scalar</td></tr>
 * <tr><td>Sym/Gradient</td><td>any other gradient that cannot be built</td></tr>
 * <tr><td>Sym/UnusedParameter</td><td>a parameter no output depends on</td></tr>
 * <tr><td>Sym/FreeVariable</td><td>the body makes a free variable ({@code dmatrix("z")}) that is not a parameter</td></tr>
 * <tr><td>Sym/Invalid</td><td>any other error the DSL raised</td></tr>
 * <tr><td>Sym/Environment</td><td>javac's trees are not reachable (an IDE wrapper that cannot be unwrapped)</td></tr>
 * <tr><td>Sym/Internal</td><td>a bug in the processor: please report it</td></tr>
 * </table>
 */
final class Diagnostics {
    private final Messager messager;
    private final BodyReader reader;
    private int errors;

    Diagnostics(Messager messager, BodyReader reader) {
        this.messager = messager;
        this.reader = reader;
    }

    /** An error with a stable code on {@code element}, and on the tree {@code pos} when it is known. */
    void error(String code, String message, Element element, Object pos) {
        errors++;
        String text = "[" + code + "] " + message;
        if (pos == null || reader == null || !reader.print(Diagnostic.Kind.ERROR, text, pos, element)) {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element);
        }
    }

    void error(Unsupported u, Element element) {
        error(u.code(), u.getMessage(), element, u.pos());
    }

    /** A bug: reported, never thrown out of {@code process()}. */
    void internal(Throwable t, Element element) {
        error("Sym/Internal", "the Symtensor processor failed on this element (" + t + "); this is a bug, please"
                + " report it with the method's source", element, null);
    }

    int errorCount() {
        return errors;
    }
}
