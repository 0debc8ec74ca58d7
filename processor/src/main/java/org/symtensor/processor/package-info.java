/**
 * The {@code javac} plugin: finds {@code @SymbolicFunction} methods, interprets their bodies over the
 * {@code api} DSL, runs the rewrites, renders kernels, and writes the graph-builder, typed entry and
 * kernel classes with JavaPoet. It may import {@code org.symtensor} (api), JavaPoet and
 * {@code javax.annotation.processing}; it never imports {@code runtime}. Only one class touches
 * {@code com.sun.source}.
 */
package org.symtensor.processor;
