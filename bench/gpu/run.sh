#!/usr/bin/env bash
# The GPU check: on a machine with an NVIDIA GPU and its OpenCL driver (clinfo must list the
# NVIDIA platform), runs the OpenCL conformance suite on the GPU, then prints sgemm 4096x4096
# GFLOP/s, elementwise GB/s, full-sum GB/s, uniform draws/s and the logistic-regression training
# step time. Under 10 minutes.
# Usage: bench/gpu/run.sh [device]   (default opencl0; see `clinfo -l` for the numbering)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
DEVICE="${1:-opencl0}"
clinfo -l || { echo "clinfo lists no OpenCL platform: install the NVIDIA driver's OpenCL ICD" >&2; exit 1; }
export CI=true   # the OpenCL tests must run, not skip
# The suite compares the device with the CPU backend; OpenClTesting uses opencl0.
timeout 420 mvn -B -ntp -q -pl runtime -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='ElemwiseConformanceTest,ReduceDotConformanceTest,FullReduceConformanceTest,RandomConformanceTest,OpenClFunctionTest'
grep -h "Tests run" runtime/target/surefire-reports/*opencl*.txt
mvn -B -ntp -q -pl bench -am package -DskipTests
timeout 150 java -cp bench/target/benchmarks.jar org.symtensor.bench.GpuReport "$DEVICE" 4096
