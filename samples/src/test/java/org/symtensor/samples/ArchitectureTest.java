package org.symtensor.samples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The package map of DESIGN.md §3 as rules over the main classes of every module this one sees
 * (api, runtime, processor, and the samples with the code the processor generated for them), so the
 * map cannot drift from the code.
 */
@AnalyzeClasses(packages = "org.symtensor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The api's packages below the root, each with its subpackages ({@code org.symtensor} itself is the facade's). */
    private static final List<String> API = List.of("config", "type", "error", "value", "ir", "rewrite", "print",
            "render", "function", "spi", "tensor", "scan", "grad", "random", "dsl");
    private static final String[] API_PACKAGES = apiPackages();
    private static final String[] RUNTIME_PACKAGES = {"org.symtensor.runtime", "org.symtensor.runtime.."};

    // ---- the modules ---------------------------------------------------------------------------

    @ArchTest
    static final ArchRule everyPackage_isOnTheMap = classes().that().resideInAPackage("org.symtensor..")
            .should().resideInAnyPackage(concat(API_PACKAGES, RUNTIME_PACKAGES,
                    "org.symtensor.processor..", "org.symtensor.train..", "org.symtensor.samples..", "org.symtensor.bench.."))
            .because("a new package takes its place in DESIGN.md's map, in these rules and in SourceLocation's list"
                    + " of the library's packages");

    @ArchTest
    static final ArchRule api_dependsOnNoOtherModule = noClasses().that().resideInAnyPackage(API_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage(concat(RUNTIME_PACKAGES,
                    "org.symtensor.processor..", "org.symtensor.train..", "org.symtensor.samples..", "org.symtensor.bench.."))
            .because("the api jar alone compiles user code; runtimes are found through spi.Backends");

    @ArchTest
    static final ArchRule processor_neverDependsOnTheRuntime = noClasses().that()
            .resideInAPackage("org.symtensor.processor..")
            .should().dependOnClassesThat().resideInAnyPackage(RUNTIME_PACKAGES)
            .because("the processor runs inside javac on the api alone; generated code links through the runtime");

    /*
     * Generated code reaches the runtime through one public entry point, org.symtensor.runtime.Linker (with
     * its nested types): never the kernels (cpu), the schedule (link) or a backend (opencl) directly, so
     * those stay free to change without regenerating user code.
     */
    @ArchTest
    static final ArchRule generatedCode_reachesTheRuntimeOnlyThroughTheLinker = noClasses()
            .that(generatedByTheProcessor())
            .should().dependOnClassesThat(resideInAPackage("org.symtensor.runtime..").and(not(linker())))
            .orShould().dependOnClassesThat().resideInAPackage("org.symtensor.processor..")
            .because("generated code depends on the api and on runtime.Linker only");

    // ---- no cycles -----------------------------------------------------------------------------

    @ArchTest
    static final ArchRule api_packagesFormNoCycle = slices().assignedFrom(eachPackageOf("api", API_PACKAGES))
            .should().beFreeOfCycles();

    /** Also checked inside runtime by its RuntimeLayeringTest (which adds: link depends on no backend). */
    @ArchTest
    static final ArchRule runtime_packagesFormNoCycle = slices().assignedFrom(eachPackageOf("runtime", RUNTIME_PACKAGES))
            .should().beFreeOfCycles();

    // ---- the api's layers ----------------------------------------------------------------------

    /** Each api package and what it may use; lower layers first. Nothing may use the root package but itself. */
    @ArchTest
    static final ArchRule api_layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("config").definedBy("org.symtensor.config..")
            .layer("type").definedBy("org.symtensor.type..")
            .layer("error").definedBy("org.symtensor.error..")
            .layer("value").definedBy("org.symtensor.value..")
            .layer("ir").definedBy("org.symtensor.ir..")
            .layer("rewrite").definedBy("org.symtensor.rewrite..")
            .layer("print").definedBy("org.symtensor.print..")
            .layer("render").definedBy("org.symtensor.render..")
            .layer("function").definedBy("org.symtensor.function..")
            .layer("spi").definedBy("org.symtensor.spi..")
            .layer("tensor").definedBy("org.symtensor.tensor..")
            .layer("scan").definedBy("org.symtensor.scan..")
            .layer("grad").definedBy("org.symtensor.grad..")
            .layer("random").definedBy("org.symtensor.random..")
            .layer("dsl").definedBy("org.symtensor.dsl..")
            .layer("facade").definedBy("org.symtensor")
            .whereLayer("config").mayNotAccessAnyLayer()
            .whereLayer("type").mayOnlyAccessLayers("config", "error")
            .whereLayer("error").mayNotAccessAnyLayer()
            .whereLayer("value").mayOnlyAccessLayers("type", "error")
            .whereLayer("ir").mayOnlyAccessLayers("type", "value", "error")
            .whereLayer("rewrite").mayOnlyAccessLayers("ir", "type", "value", "error")
            .whereLayer("print").mayOnlyAccessLayers("ir", "type", "value", "error")
            .whereLayer("render").mayOnlyAccessLayers("ir", "type", "value", "error")
            .whereLayer("function").mayOnlyAccessLayers("config", "ir", "rewrite", "print", "type", "value", "error")
            .whereLayer("spi").mayOnlyAccessLayers("function", "config", "ir", "rewrite", "type", "value", "error")
            .whereLayer("tensor").mayOnlyAccessLayers("function", "spi", "config", "ir", "type", "value", "error")
            .whereLayer("scan").mayOnlyAccessLayers("tensor", "function", "ir", "type", "value", "error")
            .whereLayer("grad").mayOnlyAccessLayers("scan", "tensor", "function", "spi", "ir", "type", "value", "error")
            .whereLayer("random").mayOnlyAccessLayers("tensor", "ir", "type", "value", "error")
            .whereLayer("dsl").mayOnlyAccessLayers("grad", "random", "scan", "tensor", "spi", "function", "print",
                    "rewrite", "ir", "config", "type", "value", "error")
            .whereLayer("facade").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule ir_dependsOnlyOnTypesValuesAndErrors = classes().that().resideInAPackage("org.symtensor.ir..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("org.symtensor.ir..", "org.symtensor.type..",
                    "org.symtensor.value..", "org.symtensor.error..").or(not(resideInAPackage("org.symtensor.."))))
            .because("the IR knows nothing of rewrites, handles, functions or backends");

    @ArchTest
    static final ArchRule rewritesPrintersAndRenderers_knowNoHandleFunctionOrFacade = noClasses().that()
            .resideInAnyPackage("org.symtensor.rewrite..", "org.symtensor.print..", "org.symtensor.render..")
            .should().dependOnClassesThat().resideInAnyPackage("org.symtensor", "org.symtensor.dsl..",
                    "org.symtensor.tensor..", "org.symtensor.function..", "org.symtensor.spi..")
            .because("they work on the IR alone");

    @ArchTest
    static final ArchRule onlyTheFacadesImplementation_usesTheRootPackage = noClasses().that()
            .resideInAnyPackage(API_PACKAGES).and().resideOutsideOfPackages("org.symtensor", "org.symtensor.dsl..")
            .should().dependOnClassesThat().resideInAPackage("org.symtensor")
            .because("T is the users' entry point, never a dependency of the library (eval and verifyGrad compile"
                    + " through spi.Backends)");

    // ---- helpers -------------------------------------------------------------------------------

    private static String[] apiPackages() {
        String[] p = new String[API.size() + 1];
        p[0] = "org.symtensor";
        for (int i = 0; i < API.size(); i++) {
            p[i + 1] = "org.symtensor." + API.get(i) + "..";
        }
        return p;
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String[] concat(String[] a, String[] b, String... c) {
        return concat(concat(a, b), c);
    }

    /** One slice per package (the root package included, which {@code matching("org.symtensor.(*)..")} would miss). */
    private static SliceAssignment eachPackageOf(String module, String[] packages) {
        DescribedPredicate<JavaClass> in = resideInAnyPackage(packages);
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return in.test(c) ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package of " + module;
            }
        };
    }

    /** What the processor writes: the classes named {@code *Symbolic} and the classes nested in them (kernels included). */
    private static DescribedPredicate<JavaClass> generatedByTheProcessor() {
        return DescribedPredicate.describe("are generated by the processor (*Symbolic and nested)", c -> {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getPackageName().startsWith("org.symtensor.samples") && top.getSimpleName().endsWith("Symbolic");
        });
    }

    private static DescribedPredicate<JavaClass> linker() {
        return DescribedPredicate.describe("org.symtensor.runtime.Linker (and its nested types)",
                c -> c.getName().equals("org.symtensor.runtime.Linker")
                        || c.getName().startsWith("org.symtensor.runtime.Linker$"));
    }
}
