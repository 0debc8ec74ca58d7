package org.symtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.*;

import org.junit.jupiter.api.Test;
import org.symtensor.ir.SourceLocation;

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
}
