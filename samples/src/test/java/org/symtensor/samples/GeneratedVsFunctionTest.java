package org.symtensor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symtensor.type.DType;
import org.symtensor.value.NDArray;

/**
 * The differential test of DESIGN.md §2: a {@code @SymbolicFunction}'s typed {@code call(NDArray...)}
 * (the kernel written at javac time) and its runtime {@code function()} run the same optimized graph,
 * so they return the same bits for the same inputs. It checks {@value #CLASSES} × {@value #METHODS}
 * random methods from {@link RandomGraphSource}, compiled here through the processor, and every
 * {@code @SymbolicFunction} of this module. Every disagreement is listed in one failure.
 *
 * <p>The comparison: the same dtype and shape, and each element bit-identical (NaN equals NaN) or,
 * for finite non-zero floats of one sign, within {@link Differential#LANE_ULPS} = 2 ulps, the issue's
 * allowance where a transcendental runs in vector lanes (the Vector API's exp and tanh change by an ulp
 * when the JIT compiles their loop, which may happen between the two calls); or the same exception class
 * from both. Zeros, signs, NaN and infinities are compared exactly.
 *
 * <p>Samples with updates of shared variables run on a fresh state: before each of the two calls the
 * shared variables are reset to the same value, and their values after the call are compared as an
 * extra output (see {@link #STATEFUL}). None is skipped; no sample {@code @SymbolicFunction} draws
 * random numbers today. Special inputs: integer inputs are counts in [0, 6] (scan's {@code k} steps),
 * and {@code sgdStep}'s vector has the length of the shared {@code W}'s rows (2).
 */
class GeneratedVsFunctionTest {
    static final int CLASSES = 5;
    static final int METHODS = 120;
    private static final long SEED = 0x5EED_D1FFL;

    /** Sample methods that update shared variables: how to reset them and read them back. */
    private static final Map<String, SharedState> STATEFUL = Map.of(
            "CompiledStateAndLoopsSymbolic.accumulate", SharedState.of(() -> CompiledStateAndLoops.STATE.setValue(5),
                    CompiledStateAndLoops.STATE::getValue),
            "CompiledStateAndLoopsSymbolic.decrement", SharedState.of(() -> CompiledStateAndLoops.STATE.setValue(5),
                    CompiledStateAndLoops.STATE::getValue),
            "CompiledStateAndLoopsSymbolic.sgdStep", SharedState.of(
                    () -> CompiledStateAndLoops.W.setValue(new double[][] {{1, 2}, {3, 4}}),
                    CompiledStateAndLoops.W::getValue));

    /** Vector lengths that a sample needs regardless of the trial's size. */
    private static final Map<String, Integer> VECTOR_LENGTH = Map.of("CompiledStateAndLoopsSymbolic.sgdStep", 2);

    @TempDir
    Path dir;

    @Test
    void randomGraphs_typedCallReturnsTheSameBitsAsTheRuntimeFunction() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        List<RandomGraphSource.Source> sources = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            RandomGraphSource.Source s = RandomGraphSource.generate("Random" + c, SEED + c, METHODS);
            sources.add(s);
            texts.put(s.qualifiedName(), s.text());
        }
        ClassLoader loader = InProcessJavac.compile(dir, texts);
        SplittableRandom r = new SplittableRandom(SEED);
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (RandomGraphSource.Source s : sources) {
            Class<?> symbolic = Class.forName(s.symbolicClassName(), true, loader);
            for (RandomGraphSource.Method m : s.methods()) {
                Differential.Entry e = Differential.Entry.of(symbolic.getMethod(m.name()));
                assertThat(e).as(m.name()).isNotNull();
                assertThat(e.arity()).as(m.name()).isEqualTo(m.params().size());
                checked++;
                for (int[] lengths : new int[][] {sizes(r, 1, 6), sizes(r, 7, 33)}) {
                    NDArray[] args = new NDArray[m.params().size()];
                    List<String> shapes = new ArrayList<>();
                    for (int i = 0; i < args.length; i++) {
                        RandomGraphSource.Param p = m.params().get(i);
                        int[] shape = new int[p.dims().length];
                        for (int k = 0; k < shape.length; k++) {
                            shape[k] = lengths[p.dims()[k]];
                        }
                        args[i] = Differential.draw(r, m.dtype(), shape);
                        shapes.add(p.name() + " " + NDArray.shapeToString(shape));
                    }
                    String d = Differential.difference(e.typed(args), e.runtime(args));
                    if (d != null) {
                        disagreements.add(s.className() + "." + m.name() + " (" + m.dtype() + ", " + shapes + "): " + d
                                + "\n      source: " + m.body() + "\n      optimized: " + optimized(e));
                        break;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(CLASSES * METHODS);
        assertThat(disagreements)
                .withFailMessage("%d of %d random @SymbolicFunction methods: the typed call differs from function():%n%s",
                        disagreements.size(), checked, String.join("\n", disagreements))
                .isEmpty();
    }

    @Test
    void everySampleSymbolicFunction_typedCallReturnsTheSameBitsAsTheRuntimeFunction() throws Throwable {
        List<Class<?>> classes = sampleSymbolicClasses();
        assertThat(classes).extracting(Class::getSimpleName)
                .contains("TutorialCompiledSymbolic", "CompiledKernelsSymbolic", "CompiledStateAndLoopsSymbolic");
        NDArray savedState = CompiledStateAndLoops.STATE.getValue();
        NDArray savedW = CompiledStateAndLoops.W.getValue();
        SplittableRandom r = new SplittableRandom(SEED);
        List<String> disagreements = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try {
            for (Class<?> c : classes) {
                for (Method accessor : c.getMethods()) {
                    if (!Modifier.isStatic(accessor.getModifiers()) || accessor.getParameterCount() != 0) {
                        continue;
                    }
                    Differential.Entry e = Differential.Entry.of(accessor);
                    if (e == null) {
                        continue;
                    }
                    String name = c.getSimpleName() + "." + accessor.getName();
                    checked.add(name);
                    String d = compareSample(name, e, r);
                    if (d != null) {
                        disagreements.add(d + "\n      optimized: " + optimized(e));
                    }
                }
            }
        } finally {
            CompiledStateAndLoops.STATE.setValue(savedState);
            CompiledStateAndLoops.W.setValue(savedW);
        }
        assertThat(checked).contains("TutorialCompiledSymbolic.logistic", "CompiledKernelsSymbolic.transposed",
                "CompiledStateAndLoopsSymbolic.sgdStep");
        assertThat(disagreements)
                .withFailMessage("%d of %d sample @SymbolicFunction methods: the typed call differs from function():%n%s",
                        disagreements.size(), checked.size(), String.join("\n", disagreements))
                .isEmpty();
    }

    /** Null when the sample agrees at sizes 2 and 5, else the disagreement. */
    private static String compareSample(String name, Differential.Entry e, SplittableRandom r) throws Throwable {
        Object spec = invoke(e.function(), "spec");
        List<?> inputs = (List<?>) invoke(spec, "inputs");
        boolean updates = !((List<?>) invoke(spec, "updateTargets")).isEmpty();
        SharedState state = STATEFUL.get(name);
        if (updates && state == null) {
            return name + ": updates shared variables but has no entry in STATEFUL (say how to reset them there)";
        }
        for (int n : new int[] {2, 5}) {
            NDArray[] args = new NDArray[inputs.size()];
            List<String> shapes = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                Object type = invoke(invoke(inputs.get(i), "variable"), "type");
                DType dtype = (DType) invoke(type, "dtype");
                int[] shape = new int[(Integer) invoke(type, "rank")];
                java.util.Arrays.fill(shape, shape.length == 1 ? VECTOR_LENGTH.getOrDefault(name, n) : n);
                args[i] = dtype.isFloat() ? Differential.draw(r, dtype, shape)
                        : NDArray.wrap(DType.INT64, shape, new long[] {r.nextInt(7)}).astype(dtype);
                shapes.add(invoke(inputs.get(i), "name") + " " + dtype + NDArray.shapeToString(shape));
            }
            Differential.Outcome typed = state == null ? e.typed(args) : state.around(() -> e.typed(args));
            Differential.Outcome function = state == null ? e.runtime(args) : state.around(() -> e.runtime(args));
            String d = Differential.difference(typed, function);
            if (d != null) {
                return name + " " + shapes + ": " + d;
            }
        }
        return null;
    }

    /** The generated {@code *Symbolic} classes of this module, from the class-path directory that holds them. */
    private static List<Class<?>> sampleSymbolicClasses() throws URISyntaxException, ClassNotFoundException {
        URL url = GeneratedVsFunctionTest.class.getClassLoader().getResource("org/symtensor/samples/Tutorial.class");
        assertThat(url).isNotNull();
        assertThat(url.getProtocol()).as("the samples' classes are a directory on the test class path").isEqualTo("file");
        File[] files = new File(url.toURI()).getParentFile().listFiles((d, f) -> f.endsWith("Symbolic.class"));
        TreeSet<String> names = new TreeSet<>();
        for (File f : files) {
            names.add(f.getName().substring(0, f.getName().length() - ".class".length()));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            classes.add(Class.forName("org.symtensor.samples." + n));
        }
        return classes;
    }

    /** Lengths of the dimensions r, c, k: each in [lo, hi]. */
    private static int[] sizes(SplittableRandom r, int lo, int hi) {
        int[] s = new int[RandomGraphSource.DIMENSIONS];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(lo, hi + 1);
        }
        return s;
    }

    /** The optimized graph that function() runs, shortened; for the failure message. */
    private static String optimized(Differential.Entry e) {
        try {
            String pp = String.valueOf(invoke(e.function(), "ppOptimized")).replace("\n", " | ");
            return pp.length() > 300 ? pp.substring(0, 300) + "..." : pp;
        } catch (Throwable t) {
            return "(unavailable: " + Differential.unwrap(t) + ")";
        }
    }

    /** Calls a public no-arg method by name on an object whose class may not be public. */
    private static Object invoke(Object target, String method) throws Throwable {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        try {
            return m.invoke(target);
        } catch (java.lang.reflect.InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    /** How to put a sample's shared variables in a known state and read them back. */
    private record SharedState(Runnable reset, Supplier<NDArray> read) {
        static SharedState of(Runnable reset, Supplier<NDArray> read) {
            return new SharedState(reset, read);
        }

        /** Resets, runs the call, and appends the shared value after it to the outputs. */
        Differential.Outcome around(Supplier<Differential.Outcome> call) {
            reset.run();
            Differential.Outcome o = call.get();
            if (o.error() != null) {
                return o;
            }
            List<NDArray> values = new ArrayList<>(o.values());
            values.add(read.get());
            return new Differential.Outcome(values, null);
        }
    }
}
