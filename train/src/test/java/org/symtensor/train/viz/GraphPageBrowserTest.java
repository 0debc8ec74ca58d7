package org.symtensor.train.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symtensor.T.categoricalCrossentropy;
import static org.symtensor.T.fmatrix;
import static org.symtensor.T.function;
import static org.symtensor.T.inputs;
import static org.symtensor.T.outputs;
import static org.symtensor.T.softmax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.function.Function;
import org.symtensor.ir.Graphs;
import org.symtensor.spi.Pipeline;
import org.symtensor.tensor.Matrix;
import org.symtensor.tensor.Scalar;
import org.symtensor.tensor.SharedMatrix;
import org.symtensor.tensor.SharedVector;
import org.symtensor.train.Adam;
import org.symtensor.train.Init;
import org.symtensor.train.Params;
import org.symtensor.type.F32;

/** The HTML graph page in a real headless browser: it renders offline, without errors, one SVG node per apply node. */
class GraphPageBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void mlpTrainingStep_rendersOneSvgNodePerApplyNode_withoutErrors() throws Exception {
        Path browser = Chromium.require();
        SplittableRandom rng = new SplittableRandom(1);
        SharedMatrix<F32> w1 = Init.heUniform().matrix("W1", F32.class, 8, 5, rng);
        SharedVector<F32> b1 = Init.zeros().vector("b1", F32.class, 5, rng);
        SharedMatrix<F32> w2 = Init.glorotUniform().matrix("W2", F32.class, 5, 3, rng);
        Matrix<F32> x = fmatrix("x");
        Matrix<F32> y = fmatrix("y");
        Matrix<F32> p = softmax(x.dot(w1).plus(b1).maximum(0).dot(w2));
        Scalar<F32> loss = categoricalCrossentropy(p, y).mean();
        Function step = function(inputs(x, y), outputs(loss), Adam.of(1e-3).minimize(loss, Params.of(w1, b1, w2)));

        // the expected count comes from the optimized graph itself, not from the page writer
        Pipeline.Optimized opt = Pipeline.optimize(step.spec(), org.symtensor.T.compileOptions());
        int applies = Graphs.toposort(opt.results()).size();
        Path page = tmp.resolve("step.html");
        GraphPage.write(page, step);
        // self-contained: no script, style or image is loaded from elsewhere
        assertThat(Files.readString(page)).doesNotContain("<script src").doesNotContain("<link").doesNotContain("<img");

        try (Chromium chromium = Chromium.start(browser, Files.createDirectories(tmp.resolve("chromium")))) {
            chromium.open(page);
            boolean done = chromium.waitFor("document.body && document.body.dataset.rendered !== 'false'",
                    Duration.ofSeconds(90));
            assertThat(done).as("the page finished rendering; errors: %s", chromium.errors()).isTrue();
            assertThat(chromium.evaluate("document.body.dataset.rendered")).isEqualTo(Integer.toString(applies));
            String ids = chromium.evaluate("Array.from(document.querySelectorAll('svg g.node'))"
                    + ".map(n => n.id).filter(id => id.startsWith('apply')).join(' ')");
            assertThat(ids.split(" ")).hasSize(applies).doesNotHaveDuplicates();
            assertThat(chromium.evaluate("document.getElementById('errors').textContent")).isEmpty();
            assertThat(chromium.errors()).isEmpty();
        }
        assertThat(applies).isGreaterThan(10);
    }

    @Test
    void invalidDot_isReportedOnThePageAndTheConsole_andNothingRenders() throws Exception {
        Path browser = Chromium.require();
        Path page = tmp.resolve("bad.html");
        GraphPage.write(page, Dot.raw("bad", "digraph { a -> ", 0));
        try (Chromium chromium = Chromium.start(browser, Files.createDirectories(tmp.resolve("chromium-bad")))) {
            chromium.open(page);
            assertThat(chromium.waitFor("document.getElementById('errors') && "
                    + "document.getElementById('errors').textContent !== ''", Duration.ofSeconds(90))).isTrue();
            assertThat(chromium.evaluate("document.getElementById('errors').textContent"))
                    .startsWith("console.error: rendering failed:").contains("syntax error");
            assertThat(chromium.evaluate("document.body.dataset.rendered")).isEqualTo("false");
            assertThat(chromium.errors()).anySatisfy(e -> assertThat(e).startsWith("console.error:"));
        }
    }
}
