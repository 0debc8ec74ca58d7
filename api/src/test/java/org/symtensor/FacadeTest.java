package org.symtensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symtensor.dsl.ConstantFactories;
import org.symtensor.dsl.FunctionFactories;
import org.symtensor.dsl.GradFunctions;
import org.symtensor.dsl.IntTensorFactories;
import org.symtensor.dsl.MathFunctions;
import org.symtensor.dsl.NNetFunctions;
import org.symtensor.dsl.PrintFunctions;
import org.symtensor.dsl.ReductionFunctions;
import org.symtensor.dsl.ScanFunctions;
import org.symtensor.dsl.SharedFactories;
import org.symtensor.dsl.TensorFactories;

/** {@link T} is one flat facade: a delegator for every public DSL method, and nothing else. */
class FacadeTest {
    private static final List<Class<?>> IMPLEMENTATIONS = List.of(TensorFactories.class, IntTensorFactories.class,
            ConstantFactories.class, SharedFactories.class, MathFunctions.class, ReductionFunctions.class,
            NNetFunctions.class, GradFunctions.class, ScanFunctions.class, FunctionFactories.class, PrintFunctions.class,
            org.symtensor.dsl.ShapeFunctions.class, org.symtensor.dsl.ConstructionFunctions.class,
            org.symtensor.dsl.IndexFunctions.class, org.symtensor.dsl.LinAlgFunctions.class,
            org.symtensor.dsl.AxisReductionFunctions.class,
            org.symtensor.dsl.AxisFunctions.class,
            org.symtensor.dsl.BitwiseFunctions.class);

    @Test
    void t_hasTheGenericSignatureOfEveryPublicDslMethod_andNoOther() {
        List<String> dsl = new ArrayList<>();
        for (Class<?> c : IMPLEMENTATIONS) {
            dsl.addAll(publicStaticSignatures(c));
        }
        assertThat(publicStaticSignatures(T.class))
                .as("T's methods; regenerate T with `java api/tools/GenerateFacade.java` after changing org.symtensor.dsl")
                .containsExactlyInAnyOrderElementsOf(dsl);
    }

    @Test
    void t_andItsImplementationClasses_areFinal_notInstantiable_andExtendNothing() {
        List<Class<?>> all = new ArrayList<>(IMPLEMENTATIONS);
        all.add(T.class);
        for (Class<?> c : all) {
            assertThat(Modifier.isFinal(c.getModifiers())).as("%s is final", c.getName()).isTrue();
            assertThat(c.getSuperclass()).as("%s's superclass", c.getName()).isEqualTo(Object.class);
            assertThat(c.getInterfaces()).as("%s's interfaces", c.getName()).isEmpty();
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                assertThat(Modifier.isPrivate(k.getModifiers())).as("%s's constructor is private", c.getName()).isTrue();
            }
        }
    }

    @Test
    void everyDslClassOfThePackage_isListedHere() {
        // A new public class in dsl must be added to IMPLEMENTATIONS (and to the generator's SECTIONS).
        String[] listed = IMPLEMENTATIONS.stream().map(Class::getSimpleName).sorted().toArray(String[]::new);
        assertThat(publicDslClasses()).containsExactly(listed);
    }

    private static String[] publicDslClasses() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                ConstantFactories.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/symtensor/dsl"))) {
            List<String> names = new ArrayList<>();
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
                String f = p.getFileName().toString();
                if (f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class")) {
                    Class<?> c = Class.forName("org.symtensor.dsl." + f.substring(0, f.length() - ".class".length()));
                    if (Modifier.isPublic(c.getModifiers())) {
                        names.add(c.getSimpleName());
                    }
                }
            }
            return names.stream().sorted().toArray(String[]::new);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Name, type parameters with bounds, parameter types and return type, generics included. */
    private static List<String> publicStaticSignatures(Class<?> c) {
        List<String> r = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                StringBuilder b = new StringBuilder(m.getName()).append('<');
                for (TypeVariable<Method> v : m.getTypeParameters()) {
                    b.append(v.getName()).append(" extends ").append(names(v.getBounds())).append("; ");
                }
                b.append(">(").append(names(m.getGenericParameterTypes()))
                        .append(") -> ").append(m.getGenericReturnType().getTypeName());
                r.add(b.toString());
            }
        }
        return r;
    }

    private static String names(Type[] types) {
        return String.join(", ", Arrays.stream(types).map(Type::getTypeName).toArray(String[]::new));
    }
}
