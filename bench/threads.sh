#!/usr/bin/env bash
# Runs ThreadsBench (one compiled function called from 1 and from 2 threads, JMH throughput) and
# writes its numbers as the "## Threads" section at the end of bench/README.md (replacing an
# older one). Expects bench/target/benchmarks.jar (bench/run.sh builds it). Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
java --add-modules jdk.incubator.vector -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar \
    'bench\.ThreadsBench\.' -f 1 -wi 3 -i 5 -w 1 -r 1 -rf json -rff bench/target/threads.json > /dev/null
python3 - "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY' > bench/target/threads.md
import json, sys
cores, load = sys.argv[1], sys.argv[2]
r = {x["benchmark"].split(".")[-1]: x["primaryMetric"] for x in json.load(open("bench/target/threads.json"))}
def row(name):
    m = r[name]
    return f"| {name} | {m['score']:.1f} ± {m['scoreError']:.1f} |"
print("## Threads")
print()
print(f"`bench/threads.sh`: `ThreadsBench`, one compiled function called by 1 and by 2 threads at once, calls per ms of")
print(f"all threads together (JMH throughput, ± 99.9% CI), {cores} cores, load average {load} when it ended.")
print("`pure` is `2x + 1` over 1,000 float32s (no shared state, no lock); `update` adds the sum of x to a")
print("shared scalar (serialized on that variable's lock, so 2 threads cannot beat 1).")
print()
print("| benchmark | calls/ms |")
print("| --- | ---: |")
for n in ("pureOneThread", "pureTwoThreads", "updateOneThread", "updateTwoThreads"):
    print(row(n))
print()
print(f"2 threads / 1 thread: pure {r['pureTwoThreads']['score'] / r['pureOneThread']['score']:.2f}x, "
      f"update {r['updateTwoThreads']['score'] / r['updateOneThread']['score']:.2f}x.")
if float(load) > float(cores) - 1:
    print()
    print(f"The machine was busy (load {load} on {cores} cores): the two benchmark threads did not have two free")
    print("cores, so this ratio measures the machine, not contention inside Symtensor. That pure calls take no lock")
    print("and run at once is tested deterministically by ThreadContractTest.pureFunction_twoThreadsAreInsideOneCallAtOnce;")
    print("rerun bench/threads.sh on an idle machine with at least 2 cores for the ratio (the target is at least 1.7x).")
PY
python3 - <<'PY'
readme = open("bench/README.md").read()
section = open("bench/target/threads.md").read()
cut = readme.find("\n## Threads\n")
if cut >= 0:
    # replace the section only: the sections after it stay
    rest = readme.find("\n## ", cut + 1)
    tail = readme[rest + 1:] if rest >= 0 else ""
    head = readme[:cut + 1]
    open("bench/README.md", "w").write(head + section + ("\n" + tail if tail else ""))
else:
    if not readme.endswith("\n"):
        readme += "\n"
    open("bench/README.md", "w").write(readme + "\n" + section)
PY
cat bench/target/threads.md
