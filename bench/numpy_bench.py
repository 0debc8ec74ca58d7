#!/usr/bin/env python3
"""The benchmark rows of bench/README.md measured with NumPy, for comparison.

Prints one JSON object per line: {"benchmark": ..., "param": ..., "ms": ...}. When NumPy is not
installed it prints a single note instead, so bench/run.sh can still write its table.
"""
import json
import sys
import timeit

try:
    import numpy as np
except ImportError:
    print(json.dumps({"skip": "NumPy is not installed; the NumPy column is empty"}))
    sys.exit(0)


def best_ms(fn, repeat=5):
    fn()
    number = 3
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1000


def row(name, param, fn):
    print(json.dumps({"benchmark": name, "param": param, "ms": best_ms(fn)}), flush=True)


rng = np.random.default_rng(1)
for dt in ("float32", "float64"):
    x = rng.uniform(-5, 5, (1000, 1000)).astype(dt)
    one = np.array(1, dtype=dt)
    row("LogisticBench", dt, lambda: one / (one + np.exp(-x)))

a, b, c, d = (rng.uniform(-1, 1, 1_000_000).astype("float32") for _ in range(4))
row("FmaSumBench", "", lambda: ((a * b + c) * d).sum())

s = rng.uniform(-5, 5, (1000, 1000)).astype("float32")


def softmax():
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


row("SoftmaxBench", "", softmax)

for dt in ("float32", "float64"):
    p = rng.uniform(-1, 1, (1024, 1024)).astype(dt)
    q = rng.uniform(-1, 1, (1024, 1024)).astype(dt)
    row("MatmulBench", dt, lambda: p @ q)
