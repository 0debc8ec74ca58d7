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

# TrainStepBench: one Adam step of a float32 MLP 784-256-10 (ReLU, softmax cross-entropy) on a batch of 128
x = rng.standard_normal((128, 784)).astype("float32")
y = np.eye(10, dtype="float32")[rng.integers(0, 10, 128)]
params = [rng.uniform(-0.087, 0.087, (784, 256)).astype("float32"), np.zeros(256, "float32"),
          rng.uniform(-0.145, 0.145, (256, 10)).astype("float32"), np.zeros(10, "float32")]
moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
step = [0]


def adam_step(lr=1e-4, b1=0.9, b2=0.999, eps=1e-8):
    w1, c1, w2, c2 = params
    h_pre = x @ w1 + c1
    h = np.maximum(h_pre, 0)
    z = h @ w2 + c2
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -(y * log_p).sum(axis=1).mean()
    dz = (np.exp(log_p) - y) / x.shape[0]
    g_w2, g_c2 = h.T @ dz, dz.sum(axis=0)
    dh = (dz @ w2.T) * (h_pre > 0)
    g_w1, g_c1 = x.T @ dh, dh.sum(axis=0)
    step[0] += 1
    t = step[0]
    for p, g, m in zip(params, (g_w1, g_c1, g_w2, g_c2), moments):
        m[0] *= b1
        m[0] += (1 - b1) * g
        m[1] *= b2
        m[1] += (1 - b2) * g * g
        p -= lr * (m[0] / (1 - b1 ** t)) / (np.sqrt(m[1] / (1 - b2 ** t)) + eps)
    return loss


row("TrainStepBench", "", adam_step)
