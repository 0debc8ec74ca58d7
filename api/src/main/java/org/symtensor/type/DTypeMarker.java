package org.symtensor.type;

/**
 * The dtype parameter of a typed handle: {@code Matrix<F64>} is a float64 matrix. Markers are
 * never instantiated; they exist so that {@code javac} checks dtypes.
 */
public interface DTypeMarker {}
