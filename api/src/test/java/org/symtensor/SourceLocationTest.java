package org.symtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.SourceLocation;
import org.symtensor.tensor.Vector;
import org.symtensor.type.F64;

/** Lives outside Symtensor's internal packages, so that its frames count as user code. */
class SourceLocationTest {

    @Test
    void factoryVariable_remembersTheUserLineThatCreatedIt() {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        SourceLocation at = fscalar("x").variable().createdAt();
        assertThat(at.method()).isEqualTo(SourceLocationTest.class.getName()
                + ".factoryVariable_remembersTheUserLineThatCreatedIt");
        assertThat(at.file()).isEqualTo("SourceLocationTest.java");
        assertThat(at.line()).isEqualTo(line);
    }

    @Test
    void typedOpResult_remembersTheUserLineThatCreatedIt() {
        var x = dmatrix("x");
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        var y = exp(x.plus(1));
        assertThat(y.variable().createdAt().method()).endsWith("SourceLocationTest.typedOpResult_remembersTheUserLineThatCreatedIt");
        assertThat(y.variable().createdAt().line()).isEqualTo(line);
        assertThat(y.variable().owner().createdAt().line()).isEqualTo(line);
        assertThat(y.variable().describe()).contains("SourceLocationTest.java:" + line);
    }

    @Test
    void sharedVariable_remembersTheUserLineThatCreatedIt() {
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        var s = shared(new double[] {1, 2}, "s");
        assertThat(s.node().createdAt().line()).isEqualTo(line);
        assertThat(s.node().createdAt().file()).isEqualTo("SourceLocationTest.java");
    }

    /** What a generated graph builder does: say the user's line, then build. */
    private static Vector<F64> builtAtLine7(Vector<F64> x) {
        SourceLocation.at("Model.java", 7, "app.Model.f");
        return exp(x);
    }

    @Test
    void at_locatesTheCallersNodesAtTheGivenLine_andNoOtherMethods() {
        var x = dvector("x");
        var y = builtAtLine7(x);
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        var z = y.plus(1);
        assertThat(y.variable().createdAt()).hasToString("app.Model.f(Model.java:7)");
        assertThat(z.variable().createdAt().file()).isEqualTo("SourceLocationTest.java");
        assertThat(z.variable().createdAt().line()).isEqualTo(line);
    }

    @Test
    void at_coversLambdasWrittenInTheCallingMethod() {
        SourceLocation.at("Model.java", 12, "app.Model.g");
        java.util.function.Supplier<Vector<F64>> step = () -> dvector("v").times(2);
        assertThat(step.get().variable().createdAt()).hasToString("app.Model.g(Model.java:12)");
    }
}
