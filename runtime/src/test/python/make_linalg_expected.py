#!/usr/bin/env python3
"""Writes runtime/src/test/resources/org/symtensor/runtime/linalg_expected.txt: inputs and NumPy's
outputs of Symtensor's linear algebra (numpy.linalg, matmul, einsum, tensordot), in float64 and
float32. LinAlgNumpyTest reads the committed file; the tests never run Python.

Run from the repository root:  python3 runtime/src/test/python/make_linalg_expected.py
(Debian: apt-get install python3-numpy).

Each case is one line of whitespace-separated tokens:
    name dtype nin nout  array...
where each array (the nin inputs, then the nout expected outputs) is written as
    rank d0 ... d(rank-1) v0 v1 ...  (the values in C order, repr() of a Python float).
Vectors of eigh and svd, and qr's factors, are not unique: the script brings NumPy's to the
conventions the test also applies (each eigenvector's and each left singular vector's largest
entry positive, the matching right singular vector flipped with it; R's diagonal non-negative).
"""
import os
import numpy as np

rng = np.random.default_rng(20261129)


def rand(*shape):
    return np.round(rng.standard_normal(shape) * 4) / 4  # quarters: exact in float32 too


def spd(n):
    m = rand(n, n)
    return m @ m.T + n * np.eye(n)


def sym(n):
    m = rand(n, n)
    return (m + m.T) / 2


def fix_columns(v, other=None):
    """Each column's largest-magnitude entry (the first of equals) made positive; other's rows follow."""
    v = v.copy()
    other = None if other is None else other.copy()
    for j in range(v.shape[1]):
        i = int(np.argmax(np.abs(v[:, j])))
        if v[i, j] < 0:
            v[:, j] = -v[:, j]
            if other is not None:
                other[j, :] = -other[j, :]
    return v, other


def qr_fixed(a):
    q, r = np.linalg.qr(a)
    for k in range(min(a.shape)):
        if r[k, k] < 0:
            q[:, k] = -q[:, k]
            r[k, :] = -r[k, :]
    return q, r


def eigh_fixed(a):
    w, v = np.linalg.eigh(a, UPLO="L")
    return w, fix_columns(v)[0]


def svd_fixed(a):
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    u, vt = fix_columns(u, vt)
    return u, s, vt


CASES = []


def case(name, inputs, outputs):
    CASES.append((name, inputs, outputs))


for n in (1, 2, 5):
    a = rand(n, n) + n * np.eye(n)
    case("inverse", [a], [np.linalg.inv(a)])
    case("det", [a], [np.linalg.det(a)])
    s, l = np.linalg.slogdet(a)
    case("slogdet", [a], [s, l])
    b = rand(n)
    case("solve", [a, b], [np.linalg.solve(a, b)])
    bm = rand(n, 3)
    case("solve", [a, bm], [np.linalg.solve(a, bm)])
    p = spd(n)
    case("cholesky", [p], [np.linalg.cholesky(p)])
    h = sym(n)
    w, v = eigh_fixed(h)
    case("eigh", [h], [w, v])
for shape in ((4, 4), (5, 3), (3, 5), (1, 4)):
    a = rand(*shape)
    u, s, vt = svd_fixed(a)
    case("svd", [a], [np.linalg.svd(a, compute_uv=False)])
    case("svdVectors", [a], [u, s, vt])
    q, r = qr_fixed(a)
    case("qr", [a], [q, r])
    case("pinv", [a], [np.linalg.pinv(a)])
    for name, order in (("normFro", "fro"), ("normOne", 1), ("normTwo", 2), ("normInf", np.inf)):
        case(name, [a], [np.linalg.norm(a, order)])
    case("normAxis0", [a], [np.linalg.norm(a, 2, axis=0)])
    case("normOneAxis1", [a], [np.linalg.norm(a, 1, axis=1)])
    case("tril", [a], [np.tril(a)])
    case("outer", [a[0], a[:, 0]], [np.outer(a[0], a[:, 0])])
    if shape[0] == shape[1]:
        case("trace", [a], [np.trace(a)])
        case("diagonal", [a], [np.diag(a)])
v = rand(5)
case("diag", [v], [np.diag(v)])
for name, order in (("normFro", None), ("normOne", 1), ("normTwo", 2), ("normInf", np.inf)):
    case(name + "Vector", [v], [np.linalg.norm(v, order)])
# singular and rank-deficient inputs
sing = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]])
case("det", [sing], [np.linalg.det(sing)])
case("pinv", [sing], [np.linalg.pinv(sing)])
case("svd", [sing], [np.linalg.svd(sing, compute_uv=False)])
# products
x, y = rand(3, 2, 4), rand(3, 4, 5)
case("matmul", [x, y], [x @ y])
m = rand(4, 2)
case("matmul", [x, m], [x @ m])
m2 = rand(5, 2)
case("matmul", [m2, x], [m2 @ x])
x1 = rand(1, 2, 4)
case("matmul", [x1, y], [x1 @ y])
for spec, shapes in (("ij,jk->ik", [(3, 4), (4, 2)]), ("ij,ij->", [(3, 4), (3, 4)]), ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
                     ("i,j->ij", [(3,), (4,)]), ("bi,bi->b", [(2, 5), (2, 5)]), ("ij->ji", [(3, 4)]), ("ii->", [(4, 4)]),
                     ("ij->", [(3, 4)]), ("ij->i", [(3, 4)]), ("ii->i", [(3, 3)]), ("ijk,jl->lik", [(2, 3, 4), (3, 5)]),
                     ("ij,kj->ikj", [(2, 3), (4, 3)]), ("ij,jk", [(2, 3), (3, 4)])):
    ins = [rand(*s) for s in shapes]
    case("einsum:" + spec, ins, [np.einsum(spec, *ins)])
a3, b3 = rand(2, 3, 4), rand(3, 4, 5)
case("tensordot2", [a3, b3], [np.tensordot(a3, b3, 2)])
b4 = rand(4, 3, 2)
case("tensordot12_10", [a3, b4], [np.tensordot(a3, b4, ([1, 2], [1, 0]))])


def arr(x):
    x = np.asarray(x, dtype=np.float64)
    return " ".join([str(x.ndim)] + [str(d) for d in x.shape] + [repr(float(t)) for t in x.ravel()])


out = os.path.join("runtime", "src", "test", "resources", "org", "symtensor", "runtime", "linalg_expected.txt")
with open(out, "w") as f:
    f.write("# generated by runtime/src/test/python/make_linalg_expected.py with NumPy %s; do not edit\n" % np.__version__)
    f.write("# name dtype nin nout, then each input and expected output as: rank dims... values...\n")
    for name, ins, outs in CASES:
        f.write(" ".join([name, "float64", str(len(ins)), str(len(outs))] + [arr(t) for t in ins + outs]) + "\n")
        # float32: the inputs rounded to float32 (exact: quarters), NumPy's float64 results on them
        if name in ("inverse", "det", "solve", "cholesky", "svd", "matmul", "einsum:ij,jk->ik"):
            f.write(" ".join([name, "float32", str(len(ins)), str(len(outs))] + [arr(t) for t in ins + outs]) + "\n")
print("wrote", out, len(CASES), "cases")
