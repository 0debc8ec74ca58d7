package org.symtensor.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.symtensor.error.DTypeMismatchException;
import org.symtensor.error.ShapeMismatchException;
import org.symtensor.error.GradientException;
import org.symtensor.error.NonScalarCostException;

/** How an exception the DSL raises while a body is interpreted becomes a code, and how a bug's trace is shown. */
class DslErrorsTest {
    @Test
    void dslExceptions_areClassifiedByClass_notByMessage() {
        assertThat(Interpreter.fromDsl(new NonScalarCostException("any words"), null, null).code())
                .isEqualTo(ErrorCode.NON_SCALAR_COST);
        assertThat(Interpreter.fromDsl(new GradientException("grad: the cost must be a scalar"), null, null).code())
                .isEqualTo(ErrorCode.GRADIENT);
        assertThat(Interpreter.fromDsl(new ShapeMismatchException("dtype"), null, null).code())
                .isEqualTo(ErrorCode.SHAPE_MISMATCH);
        assertThat(Interpreter.fromDsl(new DTypeMismatchException("shape"), null, null).code())
                .isEqualTo(ErrorCode.DTYPE_MISMATCH);
        assertThat(Interpreter.fromDsl(new IllegalArgumentException("axis 3"), null, null).code())
                .isEqualTo(ErrorCode.INVALID);
    }

    @Test
    void unexpectedDslException_isInternal_andKeepsItForTheTrace() {
        NullPointerException npe = new NullPointerException("inside the DSL");
        Unsupported u = Interpreter.fromDsl(npe, null, null);
        assertThat(u.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(u.getCause()).isSameAs(npe);
        assertThat(u.getMessage()).contains("please report it");
    }

    private static RuntimeException thrownFrom(int depth) {
        if (depth == 0) {
            return new IllegalStateException("deep", new ArithmeticException("root"));
        }
        return thrownFrom(depth - 1);
    }

    @Test
    void trace_showsTheFirstFramesOfEachException_andItsCauses() {
        RuntimeException e = thrownFrom(30);
        String trace = Diagnostics.trace(e);
        assertThat(trace).startsWith("java.lang.IllegalStateException: deep\n"
                + "\tat org.symtensor.processor.DslErrorsTest.thrownFrom(");
        assertThat(trace.lines().filter(l -> l.startsWith("\tat ")).count())
                .isEqualTo(2L * Diagnostics.MAX_FRAMES);
        int frames = e.getStackTrace().length;
        assertThat(trace).contains("\t... " + (frames - Diagnostics.MAX_FRAMES) + " more\n"
                + "Caused by: java.lang.ArithmeticException: root");
    }
}
