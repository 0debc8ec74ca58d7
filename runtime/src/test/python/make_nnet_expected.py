#!/usr/bin/env python3
"""Writes runtime/src/test/resources/org/symtensor/runtime/nnet_expected.txt: inputs and NumPy's (and
SciPy's) outputs of Symtensor's neural-network functions in float64: activations, softmax and
log-softmax along an axis, cross-entropies from logits, conv2d (stride, padding modes, dilation,
groups) and pooling (max, both averages, ignore_border). NnetNumpyTest reads the committed file;
the tests never run Python.

Run from the repository root:  python3 runtime/src/test/python/make_nnet_expected.py
(Debian: apt-get install python3-numpy python3-scipy).

Each line: case array shape values..., the shape as comma-separated lengths ("-" for a scalar),
values in C order written with repr() (exact round trip).
"""
import os
import numpy as np
from scipy import special

rng = np.random.default_rng(20261129)
LINES = []


def put(case, name, a):
    a = np.asarray(a, dtype=np.float64)
    shape = ",".join(str(d) for d in a.shape) if a.ndim else "-"
    LINES.append(" ".join([case, name, shape] + [repr(float(v)) for v in a.ravel()]))


# ---- activations ---------------------------------------------------------------------------------
X = np.array([-40.0, -3.5, -1.2, -0.3, -1e-7, 0.0, 1e-7, 0.25, 0.9, 2.7, 40.0])
ALPHA, SCALE = 1.6732632423543772848170429916717, 1.0507009873554804934193349852946
ACTS = {
    "relu": np.maximum(X, 0),
    "relu0.1": np.where(X > 0, X, 0.1 * X),
    "elu": np.where(X > 0, X, np.expm1(X)),
    "elu0.5": np.where(X > 0, X, 0.5 * np.expm1(X)),
    "selu": SCALE * np.where(X > 0, X, ALPHA * np.expm1(X)),
    "gelu": 0.5 * X * (1 + special.erf(X / np.sqrt(2))),
    "softsign": X / (1 + np.abs(X)),
    "hardSigmoid": np.clip(0.2 * X + 0.5, 0, 1),
}
for name, y in ACTS.items():
    put("act:" + name, "x", X)
    put("act:" + name, "y", y)

# ---- softmax along an axis ---------------------------------------------------------------------------
S = rng.uniform(-4, 4, size=(3, 4, 2))
S[1, 2, 0] = 800.0
for axis in (0, 1, 2):
    put(f"softmax:{axis}", "x", S)
    put(f"softmax:{axis}", "y", special.softmax(S, axis=axis))
    put(f"logSoftmax:{axis}", "x", S)
    put(f"logSoftmax:{axis}", "y", special.log_softmax(S, axis=axis))

# ---- cross-entropies from logits -----------------------------------------------------------------------
Z = rng.uniform(-3, 3, size=(5, 4))
Z[0, 1] = 700.0
LAB = np.array([1, 0, 3, 2, 2])
put("ceLogits", "z", Z)
put("ceLogits", "labels", LAB)
put("ceLogits", "y", -special.log_softmax(Z, axis=1)[np.arange(5), LAB])
B = np.array([-800.0, -3.0, -0.5, 0.0, 0.7, 4.0, 800.0])
T = np.array([1.0, 0.0, 0.25, 1.0, 0.5, 0.0, 0.0])
put("bceLogits", "z", B)
put("bceLogits", "t", T)
put("bceLogits", "y", np.logaddexp(0, B) - T * B)


# ---- conv2d -----------------------------------------------------------------------------------------------
def conv2d(x, w, stride, pads, dil, groups):
    """Cross-correlation with zero padding (top, bottom, left, right), by taps: independent of im2col."""
    n, c, h, wd = x.shape
    k, cg, r, s = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[1]), (pads[2], pads[3])))
    ho = (h + pads[0] + pads[1] - dil[0] * (r - 1) - 1) // stride[0] + 1
    wo = (wd + pads[2] + pads[3] - dil[1] * (s - 1) - 1) // stride[1] + 1
    y = np.zeros((n, k, ho, wo))
    kg = k // groups
    for g in range(groups):
        xs = xp[:, g * cg:(g + 1) * cg]
        for i in range(r):
            for j in range(s):
                a, b = i * dil[0], j * dil[1]
                patch = xs[:, :, a:a + stride[0] * (ho - 1) + 1:stride[0], b:b + stride[1] * (wo - 1) + 1:stride[1]]
                y[:, g * kg:(g + 1) * kg] += np.einsum("nchw,kc->nkhw", patch, w[g * kg:(g + 1) * kg, :, i, j])
    return y


def same_pads(h, wd, r, s, stride, dil):
    """TensorFlow's SAME: output ceil(in / stride), the odd padding element at the bottom and right."""
    out = []
    for size, k, st, d in ((h, r, stride[0], dil[0]), (wd, s, stride[1], dil[1])):
        o = -(-size // st)
        total = max(0, (o - 1) * st + d * (k - 1) + 1 - size)
        out += [total // 2, total - total // 2]
    return out


CONVS = [
    # name, x shape, w shape, stride, padding ("valid", "same", "full" or 4 ints), dilation, groups
    ("conv:valid", (2, 3, 7, 6), (4, 3, 3, 2), (1, 1), "valid", (1, 1), 1),
    ("conv:same2", (2, 4, 7, 6), (6, 2, 3, 3), (2, 2), "same", (1, 1), 2),
    ("conv:full", (1, 2, 5, 4), (3, 2, 2, 3), (1, 1), "full", (1, 1), 1),
    ("conv:explicit", (2, 4, 8, 7), (4, 2, 2, 3), (2, 1), (1, 0, 2, 1), (2, 2), 2),
]
for name, xs, ws, stride, padding, dil, groups in CONVS:
    x = rng.uniform(-1, 1, size=xs)
    w = rng.uniform(-1, 1, size=ws)
    r, s = ws[2], ws[3]
    if padding == "valid":
        pads = (0, 0, 0, 0)
    elif padding == "full":
        pads = (dil[0] * (r - 1),) * 2 + (dil[1] * (s - 1),) * 2
    elif padding == "same":
        pads = same_pads(xs[2], xs[3], r, s, stride, dil)
    else:
        pads = padding
    put(name, "x", x)
    put(name, "w", w)
    put(name, "y", conv2d(x, w, stride, pads, dil, groups))


# ---- pooling --------------------------------------------------------------------------------------------
def out_len(size, ws, st, pad, ignore_border):
    if ignore_border:
        return max(0, (size + 2 * pad - ws) // st + 1)
    return (size - 1) // st + 1 if st >= ws else max(0, (size - 1 - ws + st) // st) + 1


def pool(x, ws, st, pad, ignore_border, mode):
    """Theano's pool_2d over the last two axes, window by window."""
    h, wd = x.shape[-2:]
    ho, wo = out_len(h, ws[0], st[0], pad[0], ignore_border), out_len(wd, ws[1], st[1], pad[1], ignore_border)
    lead = x.shape[:-2]
    y = np.zeros(lead + (ho, wo))
    for i in range(ho):
        for j in range(wo):
            r0, c0 = i * st[0] - pad[0], j * st[1] - pad[1]
            r1, c1 = min(r0 + ws[0], h + pad[0]), min(c0 + ws[1], wd + pad[1])
            win = x[..., max(r0, 0):min(r1, h), max(c0, 0):min(c1, wd)]
            if mode == "max":
                y[..., i, j] = win.max(axis=(-2, -1))
            elif mode == "inc":
                y[..., i, j] = win.sum(axis=(-2, -1)) / ((r1 - r0) * (c1 - c0))
            else:
                y[..., i, j] = win.mean(axis=(-2, -1))
    return y


P = rng.uniform(-2, 2, size=(2, 3, 7, 6))
POOLS = [
    ("pool:max:2x2", (2, 2), (2, 2), (0, 0), True, "max"),
    ("pool:max:3x2s1x2p1x1", (3, 2), (1, 2), (1, 1), True, "max"),
    ("pool:max:partial", (2, 4), (3, 3), (0, 0), False, "max"),
    ("pool:inc:3x3s2p1", (3, 3), (2, 2), (1, 1), True, "inc"),
    ("pool:exc:3x3s2p1", (3, 3), (2, 2), (1, 1), True, "exc"),
    ("pool:inc:partial", (3, 2), (2, 1), (0, 0), False, "inc"),
]
for name, ws, st, pad, ib, mode in POOLS:
    put(name, "x", P)
    put(name, "y", pool(P, ws, st, pad, ib, mode))

path = os.path.join("runtime", "src", "test", "resources", "org", "symtensor", "runtime", "nnet_expected.txt")
with open(path, "w") as f:
    f.write("\n".join(LINES) + "\n")
print(f"wrote {len(LINES)} lines to {path}")
