#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar, runs the JMH benchmarks with short iterations and NumPy's
# counterparts, and writes the results table into bench/README.md. Takes about 6 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl bench -am package -DskipTests
# ignoreLock: a stale /tmp/jmh.lock left by an earlier run must not block this one
java --add-modules jdk.incubator.vector -Djmh.ignoreLock=true -jar bench/target/benchmarks.jar \
    'bench\.(LogisticBench|FmaSumBench|SoftmaxBench|MatmulBench|CallOverheadBench|MlpGradBench|TrainStepBench|NpzBench|GeneratedKernelBench|ScanBench|Conv2dBench|RandomBench)\.' \
    -f 1 -wi 3 -i 5 -w 1 -r 1 -rf json -rff bench/target/jmh.json
python3 bench/numpy_bench.py > bench/target/numpy.jsonl
{
  echo "# Benchmarks"
  echo
  echo "Measured by \`bench/run.sh\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)):"
  echo "JMH average time per call, one fork, 3 warm-up and 5 measured iterations of 1 s; ± is JMH's 99.9% confidence"
  echo "half-width over the 5 iterations (the machine is shared, so expect run-to-run moves beyond it)."
  echo "\"vs baseline\" divides by the hand-written scalar loop of the same benchmark (OpenBLAS called"
  echo "directly for Matmul, a plain Java add for CallOverhead, the forward pass alone for MlpGrad, loss and gradients without"
  echo "the update for TrainStep, the runtime function \`function().call\` for GeneratedKernel (the typed call of the"
  echo "processor's kernel against it), the plain Java loop for Scan), measured in the same run."
  echo "\"threads\" is the CPU runtime's pool size in that fork (threads=N; JMH's @Param, each value its own fork); rows"
  echo "that do not use the pool (hand-written loops, the memoryCopy bandwidth rows, EJML) are shown once. RandomBench is shown"
  echo "as ms per 10^6 draws. The NumPy column is the same computation in NumPy (best of 5), on the baseline's row; \"vs NumPy\" divides by it"
  echo "(for TrainStep it is the whole Adam step, so compare it with the adamStep row)."
  echo
  python3 bench/report.py bench/target/jmh.json bench/target/numpy.jsonl
} > bench/README.md
bench/threads.sh > /dev/null
cat bench/README.md
