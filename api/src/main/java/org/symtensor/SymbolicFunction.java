package org.symtensor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method whose body is a symbolic computation over typed handles, to be compiled at
 * {@code javac} time by Symtensor's annotation processor. For a class {@code Foo} the processor
 * writes {@code FooSymbolic} (same package) with, per method {@code m}, a graph builder
 * {@code mGraph(...)} and a typed compiled function {@code m()} whose {@code call} takes and returns
 * Java arrays and primitives, plus one kernel class per method. Parameters and the return type are
 * rank-specific handles with a concrete dtype ({@code Matrix<F64>}, {@code Scalar<F32>}, ...), or the
 * return is a record whose components are such handles (several outputs). The body may declare
 * locals and call the DSL (handle methods, {@code T}'s functions, other {@code @SymbolicFunction}
 * methods of the same class); anything else is a compile error on that line.
 *
 * <p>The processor ({@code org.symtensor:symtensor-processor}) must be on the annotation processor
 * path; without it javac reports {@code cannot find symbol} ({@code symbol: variable FooSymbolic})
 * wherever the generated class is used. The README's "Use it in your project" and "Troubleshooting" sections show
 * the Maven and Gradle setup.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SymbolicFunction {}
