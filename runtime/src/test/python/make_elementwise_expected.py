#!/usr/bin/env python3
"""Writes runtime/src/test/resources/org/symtensor/runtime/elementwise_expected.txt: inputs and
NumPy's (and SciPy's, for the special functions) outputs of Symtensor's elementwise ops, in float64
and float32. ElementwiseNumpyTest reads the committed file; the tests never run Python.

Run from the repository root:  python3 runtime/src/test/python/make_elementwise_expected.py
(Debian: apt-get install python3-numpy python3-scipy).

Each line: op dtype a [b [c]] expected. Numbers are written with repr() of the value as a Python
float, which round-trips exactly (a float32 value is exact as a double); NaN, Infinity, -Infinity
are spelled as Java's Double.parseDouble reads them.
"""
import os
import numpy as np

GENERAL = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -2.5, 2.5, 3.7, -3.7, 10.0, -12.25, 1e-8, -1e-8,
           0.7853981633974483, 1.5707963267948966, 3.141592653589793, 100.0, 1e5]
SPECIAL = [float("nan"), float("inf"), float("-inf")]
UNIT = [-1.0, -0.999, -0.9, -0.5, -0.1, -1e-9, 0.0, 1e-9, 0.1, 0.3, 0.5, 0.75, 0.9, 0.999999, 1.0, 1.5, -1.5]
POSITIVE = [1e-300, 1e-20, 1e-5, 0.1, 0.5, 0.75, 1.0, 1.0000001, 1.5, 2.0, 3.0, 8.0, 10.0, 1000.0, 1024.0,
            1e10, 1e300, 0.0, -1.0, 5e-324]
HYPER = [1.0, 1.0000001, 1.01, 1.5, 2.0, 2.5, 10.0, 1e5, 1e9, 1e300, 0.5, 0.0, -1.0]
ROUNDING = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.4, 2.6, -2.4, -2.6, 1e15 + 0.5, 4.5e15,
            -0.0, 0.0, 7.0, -7.0, 1e300, 0.1, -0.1]
EXPS = [-1074.0, -1022.5, -10.0, -1.5, -0.5, 0.0, 0.5, 1.0, 3.0, 10.0, 52.5, 1023.0, 1024.0, -3.3, 7.25]
TRIG = [-10.0, -3.0, -1.0, -0.5, -1e-9, 0.0, 1e-9, 0.3, 0.5, 1.0, 1.2, 2.0, 3.0, 6.0, 10.0, 100.0, 1e6]
HYP_ARGS = [-20.0, -5.0, -1.0, -0.5, -1e-9, 0.0, 1e-9, 0.25, 0.5, 1.0, 2.0, 5.0, 20.0, 700.0, 1e8, 1e300, -1e300]
PAIRS_Y = [0.0, 0.0, -0.0, 1.0, -1.0, 1.0, -1.0, 3.0, -2.5, 1e-300, 0.0, 1.0, float("inf"), 2.0]
PAIRS_X = [1.0, -1.0, -1.0, 0.0, 0.0, 1.0, -1.0, -4.0, 0.5, 1.0, 0.0, float("inf"), 1.0, float("-inf")]
CLIP = [-3.0, -1.0, -0.999, 0.0, 0.5, 1.999, 2.0, 2.5, 100.0, float("nan")]


def unary(name, f, xs):
    return [(name, [x], f) for x in xs]


CASES = []
CASES += unary("sin", np.sin, TRIG + SPECIAL)
CASES += unary("cos", np.cos, TRIG + SPECIAL)
CASES += unary("tan", np.tan, TRIG + SPECIAL)
CASES += unary("arcsin", np.arcsin, UNIT + SPECIAL)
CASES += unary("arccos", np.arccos, UNIT + SPECIAL)
CASES += unary("arctan", np.arctan, HYP_ARGS + SPECIAL)
CASES += unary("sinh", np.sinh, HYP_ARGS[:-3] + [710.0, -710.0] + SPECIAL)
CASES += unary("cosh", np.cosh, HYP_ARGS[:-3] + [710.0, -710.0] + SPECIAL)
CASES += unary("arcsinh", np.arcsinh, HYP_ARGS + [2.0000001, 3.0, -3.0] + SPECIAL)
CASES += unary("arccosh", np.arccosh, HYPER + SPECIAL)
CASES += unary("arctanh", np.arctanh, UNIT + [1e-20, 0.6, -0.6] + SPECIAL)
CASES += unary("log2", np.log2, POSITIVE + [0.9999999, 1.9999999, 0.7, 1.3] + SPECIAL)
CASES += unary("log10", np.log10, POSITIVE + SPECIAL)
CASES += unary("exp2", np.exp2, EXPS + SPECIAL)
CASES += unary("ceil", np.ceil, ROUNDING + SPECIAL)
CASES += unary("floor", np.floor, ROUNDING + SPECIAL)
CASES += unary("round", np.round, ROUNDING + SPECIAL)
CASES += unary("trunc", np.trunc, ROUNDING + SPECIAL)
CASES += unary("deg2rad", np.deg2rad, [0.0, 30.0, 45.0, 90.0, 180.0, -270.0, 360.0, 1e-3] + SPECIAL)
CASES += unary("rad2deg", np.rad2deg, [0.0, 0.5, 1.0, np.pi / 2, np.pi, -2 * np.pi, 1e-3] + SPECIAL)
CASES += unary("isnan", np.isnan, GENERAL[:6] + SPECIAL)
CASES += unary("isinf", np.isinf, GENERAL[:6] + SPECIAL)
CASES += unary("isfinite", np.isfinite, GENERAL[:6] + SPECIAL)
CASES += [("arctan2", [y, x], np.arctan2) for y, x in zip(PAIRS_Y, PAIRS_X)]
CASES += [("clip", [x, -1.0, 2.0], np.clip) for x in CLIP]


try:
    import scipy.special as sp
except ImportError:  # the special functions need SciPy
    sp = None
if sp is not None:
    ERF = [-6.0, -3.0, -2.5, -2.4, -1.0, -0.5, -1e-10, 0.0, 1e-10, 0.3, 0.5, 0.9, 1.5, 2.0, 2.5, 3.0, 4.0, 5.9, 6.0, 30.0]
    CASES += unary("erf", sp.erf, ERF + SPECIAL)
    CASES += unary("erfc", sp.erfc, ERF + [0.49, 0.51, 0.75, 1.2, 8.0, 10.0, 26.0, 27.5] + SPECIAL)
    CASES += unary("erfinv", sp.erfinv, UNIT + [1e-20, 0.9999999, -0.999999999, 0.6, 0.49] + SPECIAL)
    CASES += unary("gammaln", sp.gammaln, [0.5, 1.0, 2.0, 1.5, 2.5, 3.0, 7.3, 10.0, 10.5, 100.0, 1e5, 1e10, 0.1,
                                          1e-10, -0.5, -1.5, -2.5, -0.1, -10.3, 0.0, -1.0] + SPECIAL[:2])
    CASES += unary("digamma", sp.psi, [0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 9.9, 10.0, 20.0, 100.0, 1e5, -0.5, -1.5,
                                       -2.3, -10.7, 1e-5] + SPECIAL[:2])
    CASES += unary("trigamma", lambda x: sp.polygamma(1, x).astype(x.dtype),
                   [0.1, 0.5, 1.0, 2.0, 3.5, 10.0, 100.0, 1e5, -0.5, -1.5, -2.3])


def fmt(v):
    v = float(v)
    if v != v:
        return "NaN"
    if v == float("inf"):
        return "Infinity"
    if v == float("-inf"):
        return "-Infinity"
    return repr(v)


def main():
    root = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(root, "..", "resources", "org", "symtensor", "runtime", "elementwise_expected.txt")
    lines = ["# generated by runtime/src/test/python/make_elementwise_expected.py with NumPy " + np.__version__
             + "; do not edit", "# op dtype inputs... expected"]
    with np.errstate(all="ignore"):
        for dtype, dname in ((np.float64, "float64"), (np.float32, "float32")):
            for name, args, f in CASES:
                xs = [dtype(a) for a in args]
                y = f(*xs)
                if y.dtype == np.bool_:
                    y = 1.0 if y else 0.0
                else:
                    assert y.dtype == dtype, (name, y.dtype)
                lines.append(" ".join([name, dname] + [fmt(x) for x in xs] + [fmt(y)]))
    with open(os.path.normpath(out), "w") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
