package org.symtensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.symtensor.type.DType;

/**
 * The floatX flag holds from a program's very first call: each case starts a fresh JVM (the flags are
 * read once per process), so no class initialized by an earlier test can hide a floatX read too late.
 */
class FloatXFlagTest {

    @Test
    void firstCallMatrix_underFloatXFloat32_isFloat32() throws Exception {
        assertThat(runFirstCall("floatX=float32")).isEqualTo(DType.FLOAT32.toString());
    }

    @Test
    void firstCallMatrix_withoutFlags_isFloat64() throws Exception {
        assertThat(runFirstCall("")).isEqualTo(DType.FLOAT64.toString());
    }

    /** Runs {@link FloatXFirstCall} in a new JVM with these flags; returns what it printed. */
    private static String runFirstCall(String flags) throws IOException, InterruptedException, URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = location(FloatXFirstCall.class) + File.pathSeparator + location(T.class);
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Dsymtensor.flags=" + flags, "-cp", classPath,
                FloatXFirstCall.class.getName())).redirectErrorStream(true);
        pb.environment().remove("SYMTENSOR_FLAGS");
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as("exit status; output:%n%s", out).isZero();
        return out;
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
