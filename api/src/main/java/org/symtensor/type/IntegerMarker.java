package org.symtensor.type;

/**
 * Marks the integer dtypes ({@link I8}, {@link I16}, {@link I32}, {@link I64}, {@link U8}), so
 * that the bitwise functions and shifts accept only them at compile time, as {@link FloatingMarker}
 * does for the float functions. Bool is not one: its bitwise forms are the logical ones.
 */
public interface IntegerMarker extends DTypeMarker {}
