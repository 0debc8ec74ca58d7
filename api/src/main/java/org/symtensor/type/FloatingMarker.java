package org.symtensor.type;

/** Marks the float dtypes, so that functions such as {@code exp} accept only them at compile time. */
public interface FloatingMarker extends DTypeMarker {}
