#!/usr/bin/env python3
"""Turns JMH's JSON results (and numpy_bench.py's lines) into the markdown table of bench/README.md.

Usage: report.py jmh.json numpy.jsonl > table.md. Ratios are against baselines measured in the
same run: each benchmark class's hand-written scalar loop (or OpenBLAS called directly for matrix
products), so a ratio above 1 means slower than the baseline.
"""
import json
import sys

BASELINE = {"MatmulBench": "openBlasDirect", "CallOverheadBench": "plainJava"}


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
        param = (r.get("params") or {}).get("dtype", "")
        score = r["primaryMetric"]["score"]
        unit = r["primaryMetric"]["scoreUnit"]
        ms = score / 1000.0 if unit.startswith("us") else score * 1000 if unit.startswith("s/") else score
        if unit.startswith("ns"):
            ms = score / 1e6
        rows.setdefault((cls, param), {})[method] = ms
    print("| benchmark | dtype | variant | time | vs baseline | NumPy |")
    print("| --- | --- | --- | ---: | ---: | ---: |")
    for (cls, param), methods in sorted(rows.items()):
        base_name = BASELINE.get(cls, "handWrittenLoop")
        base = methods.get(base_name)
        np_ms = numpy.get((cls, param))
        for method, ms in sorted(methods.items()):
            ratio = "" if base is None else ("baseline" if method == base_name else f"{ms / base:.2f}x")
            t = f"{ms * 1000:.3f} µs" if ms < 0.01 else f"{ms:.3f} ms"
            npcol = f"{np_ms:.3f} ms" if np_ms is not None and method == base_name else ""
            print(f"| {cls.replace('Bench', '')} | {param or '-'} | {method} | {t} | {ratio} | {npcol} |")
    if note:
        print(f"\n{note}")


main()
