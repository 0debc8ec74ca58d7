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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

        Chromium.Result r = Chromium.dumpDom(browser, page, Files.createDirectories(tmp.resolve("chromium")), 30000);
        assertThat(r.dom().contains("data-rendered=\"" + applies + "\"")).as("rendered %d apply nodes; chromium log:\n%s",
                applies, r.log()).isTrue();
        Matcher m = Pattern.compile("<g id=\"(apply\\d+)\" class=\"node\"").matcher(r.dom());
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(applies).doesNotHaveDuplicates();
        assertThat(r.dom()).contains("<pre id=\"errors\"></pre>");
        assertThat(r.log()).doesNotContain(":ERROR:CONSOLE").doesNotContain("Uncaught");
        assertThat(applies).isGreaterThan(10);
    }


    @Test
    void invalidDot_isReportedOnThePage_andNothingRenders() throws Exception {
        Path browser = Chromium.require();
        Path page = tmp.resolve("bad.html");
        GraphPage.write(page, Dot.raw("bad", "digraph { a -> ", 0));
        Chromium.Result r = Chromium.dumpDom(browser, page, Files.createDirectories(tmp.resolve("chromium-bad")), 10000);
        assertThat(r.dom()).contains("data-rendered=\"false\"");
        assertThat(r.dom()).containsPattern("<pre id=\"errors\">console.error: rendering failed: [^<]*syntax error");
    }
}
