/**
 * NumPy's file formats: {@link org.symtensor.train.npy.Npy} reads and writes one
 * {@link org.symtensor.value.NDArray} as {@code .npy}, {@link org.symtensor.train.npy.Npz} a named set
 * of them as {@code .npz}, byte-compatible with {@code numpy.save} and {@code numpy.savez}. Depends on
 * the api's values only (no third-party library); bad files raise
 * {@link org.symtensor.train.npy.NpyFormatException}.
 */
package org.symtensor.train.npy;
