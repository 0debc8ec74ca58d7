package org.symtensor.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The runtime's layering written as a test: its packages form no cycle, and the linking layer
 * depends on no backend (the CPU kernels and the OpenCL executor depend on it, never the reverse).
 */
class RuntimeLayeringTest {
    /** The runtime's own classes, as compiled (the build runs tests from the module directory). */
    private static final JavaClasses RUNTIME = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void runtimePackages_formNoCycle() {
        slices().matching("org.symtensor.(**)").should().beFreeOfCycles().check(RUNTIME);
    }

    @Test
    void link_dependsOnNoOtherRuntimePackage() {
        noClasses().that().resideInAPackage("org.symtensor.runtime.link..")
                .should().dependOnClassesThat().resideInAnyPackage("org.symtensor.runtime",
                        "org.symtensor.runtime.cpu..", "org.symtensor.runtime.opencl..", "org.symtensor.runtime.random..")
                .check(RUNTIME);
    }
}
