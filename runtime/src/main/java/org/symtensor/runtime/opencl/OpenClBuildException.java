package org.symtensor.runtime.opencl;

import org.symtensor.error.SymtensorException;

/**
 * A generated OpenCL program that the driver would not build: carries the driver's build log
 * and the generated source, both also in the message, so a bug report holds everything needed.
 */
public final class OpenClBuildException extends SymtensorException {
    private final String buildLog;
    private final String source;

    OpenClBuildException(String device, String buildLog, String source, Throwable cause) {
        super("OpenCL program failed to build on " + device + " (please report this)\n--- build log ---\n" + buildLog
                + "\n--- source ---\n" + source, cause);
        this.buildLog = buildLog;
        this.source = source;
    }

    public String buildLog() {
        return buildLog;
    }

    public String source() {
        return source;
    }
}
