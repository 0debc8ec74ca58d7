package org.symtensor.train.viz;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for page tests: found on the PATH ({@code chromium}, {@code chromium-browser},
 * {@code google-chrome}); without it a test is skipped, except under {@code CI=true}, where it fails
 * (.ci/run installs Debian's chromium), as the OpenCL tests do without a driver.
 */
final class Chromium {
    private Chromium() {}

    static Path require() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        String problem = "no headless browser on the PATH (install Debian's chromium: apt-get install chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(problem + "; CI=true requires it");
        }
        Assumptions.abort(problem);
        return null;
    }

    /** What the browser printed: the DOM after scripts ran ({@code --dump-dom}) and its log. */
    record Result(String dom, String log) {}

    /**
     * Loads {@code page} and dumps its DOM once {@code virtualTimeMillis} of virtual time has passed; the
     * browser profile, its output and its log go under {@code workDir}.
     */
    static Result dumpDom(Path browser, Path page, Path workDir, int virtualTimeMillis) throws IOException,
            InterruptedException {
        Path profileDir = Files.createDirectories(workDir.resolve("profile"));
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profileDir.toAbsolutePath(),
                "--virtual-time-budget=" + virtualTimeMillis, "--dump-dom", page.toUri().toString()));
        Path out = workDir.resolve("dom.html");
        Path err = workDir.resolve("chromium.log");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s; log:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
