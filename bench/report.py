#!/usr/bin/env python3
"""Turns JMH's JSON results (and numpy_bench.py's lines) into the markdown table of bench/README.md.

Usage: report.py jmh.json numpy.jsonl > table.md. Ratios are against baselines measured in the
same run: each benchmark class's hand-written scalar loop (or OpenBLAS called directly for matrix
products), so a ratio above 1 means slower than the baseline.
"""
import json
import sys

BASELINE = {"RandomBench": "plainJavaSplittableRandomFreshArray", "MatmulBench": "openBlasDirect", "CallOverheadBench": "plainJava", "MlpGradBench": "forward",
            "GeneratedKernelBench": "dynamicFunction", "ScanBench": "plainJava", "TrainStepBench": "forwardAndGradient",
            "Conv2dBench": "openBlasIm2colGemmPerImage"}


def thread_free(method):
    """Rows whose code does not use the runtime's pool: measured in every fork, shown once."""
    return method.startswith(("handWritten", "plainJava", "memoryCopy", "ejml"))


def fmt(ms, like=None):
    """Milliseconds, or microseconds below 0.01 ms (judged by ``like`` for an error bar)."""
    ref = ms if like is None else like
    return f"{ms * 1000:.3f} µs" if ref < 0.01 else f"{ms:.3f} ms"


def main():
    results = json.load(open(sys.argv[1]))
    numpy = {}
    note = None
    for line in open(sys.argv[2]):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        if "skip" in r:
            note = r["skip"]
        else:
            numpy[(r["benchmark"], r["param"])] = r["ms"]
    rows = {}
    for r in results:
        cls, method = r["benchmark"].split(".")[-2:]
        params = r.get("params") or {}
        param = params.get("dtype", "")
        threads = params.get("threads")
        if threads is not None and thread_free(method):
            if threads != "1":
                continue  # the same loop in every fork: shown once
            threads = None
        score = r["primaryMetric"]["score"]
        err = r["primaryMetric"].get("scoreError")
        unit = r["primaryMetric"]["scoreUnit"]
        if unit == "ops/s":  # throughput (RandomBench: draws per second) shown as ms per 10^6 operations
            per_million_ms = 1e9 / score
            err = err / score * per_million_ms if isinstance(err, (int, float)) and err == err else None
            score, scale = per_million_ms, 1
        else:
            scale = 1e-3 if unit.startswith("us") else 1e3 if unit.startswith("s/") else 1e-6 if unit.startswith("ns") else 1
        err = err * scale if isinstance(err, (int, float)) and err == err else None  # NaN with one iteration
        rows.setdefault((cls, param), {})[(method, threads)] = (score * scale, err)
    print("| benchmark | dtype | variant | threads | time (± 99.9% CI) | vs baseline | NumPy | vs NumPy |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for (cls, param), methods in sorted(rows.items()):
        base_name = BASELINE.get(cls, "handWrittenLoop")
        np_ms = numpy.get((cls, param))
        for (method, threads), (ms, err) in sorted(methods.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            base = methods.get((base_name, threads), methods.get((base_name, None), (None, None)))[0]
            is_base = method == base_name
            ratio = "" if base is None else ("baseline" if is_base else f"{ms / base:.2f}x")
            t = fmt(ms) + ("" if err is None else f" ± {fmt(err, ms)}")
            npcol = f"{np_ms:.3f} ms" if np_ms is not None and is_base and threads in (None, "1") else ""
            vs_np = f"{ms / np_ms:.2f}x" if np_ms else ""
            print(f"| {cls.replace('Bench', '')} | {param or '-'} | {method} | {threads or '-'} | {t} | {ratio} | {npcol} | {vs_np} |")
    if note:
        print(f"\n{note}")


main()
