#!/usr/bin/env python3
"""Writes the NumPy golden files that NpyGoldenTest reads (train/src/test/resources/npy/).

Run from the repository root:  /usr/bin/python3 train/src/test/python/make_goldens.py
(Debian's python3-numpy; the committed files came from NumPy 1.24.2, and NumPy 2.4.6 writes the
same bytes for every .npy file). The output is committed; the build never runs Python. Every array is a small, exactly
representable function of its index, so the Java test rebuilds the expected values by itself:
    value(i) = (i * 7 % 11) - 5      for flat C-order index i (bool: value(i) > 0)
    float arrays add 0.25            (exact in float32 and float64)
Files:
    <dtype>_c.npy        shape (2, 3), C order, header version 1.0 (NumPy's default)
    <dtype>_f.npy        shape (2, 3), Fortran order (np.asfortranarray), version 1.0
    <dtype>_v2.npy       shape (2, 3), C order, header version 2.0
    scalar_f8.npy        0-d float64 holding 2.5
    empty_f4.npy         shape (0, 4) float32
    vector_i8.npy        shape (5,) int64
    big_endian_f8.npy    shape (3,) '>f8' (NumPy reads and writes either byte order)
    tensor3_f4.npy       shape (2, 3, 4) float32, C order
    tensor3_f4_f.npy     the same values, Fortran order
    params.npz           np.savez(W=<float32 (3, 2)>, b=<float32 (2,)>, step=<int64 0-d>)
    params_compressed.npz  np.savez_compressed with the same arrays
    complex_c16.npy      a complex128 array: a dtype Symtensor does not support
    unicode.npy          a '<U3' array: likewise unsupported
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "npy")
DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "float32", "float64"]


def values(dtype, shape):
    n = int(np.prod(shape)) if len(shape) else 1
    i = np.arange(n)
    v = (i * 7 % 11) - 5
    if dtype == "bool":
        a = v > 0
    elif dtype.startswith("float"):
        a = (v + 0.25).astype(dtype)
    else:
        a = v.astype(dtype)  # uint8 wraps: -5 -> 251, as Java's (byte) cast and NumPy's astype
    return a.reshape(shape)


def save(name, array, version=None):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        np.lib.format.write_array(f, array, version=version, allow_pickle=False)


def main():
    os.makedirs(OUT, exist_ok=True)
    for d in DTYPES:
        a = values(d, (2, 3))
        save(d + "_c.npy", a)
        save(d + "_f.npy", np.asfortranarray(a))
        save(d + "_v2.npy", a, version=(2, 0))
    save("scalar_f8.npy", np.array(2.5, dtype="float64"))
    save("empty_f4.npy", np.zeros((0, 4), dtype="float32"))
    save("vector_i8.npy", values("int64", (5,)))
    save("big_endian_f8.npy", values("float64", (3,)).astype(">f8"))
    t = values("float32", (2, 3, 4))
    save("tensor3_f4.npy", t)
    save("tensor3_f4_f.npy", np.asfortranarray(t))
    w = values("float32", (3, 2))
    b = values("float32", (2,))
    step = np.array(7, dtype="int64")
    np.savez(os.path.join(OUT, "params.npz"), W=w, b=b, step=step)
    np.savez_compressed(os.path.join(OUT, "params_compressed.npz"), W=w, b=b, step=step)
    save("complex_c16.npy", np.array([1 + 2j, 3 - 4j], dtype="complex128"))
    save("unicode.npy", np.array(["ab", "cde"], dtype="<U3"))
    with open(os.path.join(OUT, "NUMPY_VERSION"), "w") as f:
        f.write(np.__version__ + "\n")


if __name__ == "__main__":
    main()
