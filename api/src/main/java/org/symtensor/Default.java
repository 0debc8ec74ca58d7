package org.symtensor;

import org.symtensor.function.In;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default value of a scalar parameter of a {@link SymbolicFunction} method, Theano's
 * {@code In(y, value=1)}: the generated typed function gets overloads without the trailing
 * defaulted parameters. The text is parsed by the parameter's dtype at {@code javac} time
 * ({@code "1"}, {@code "0.5"}, {@code "true"}); a value the dtype cannot hold is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Default {
    /** The value, as Java source would write it without a suffix: {@code "1"}, {@code "-2.5"}, {@code "false"}. */
    String value();
}
