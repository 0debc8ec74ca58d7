#!/usr/bin/env bash
# The training step in Symtensor, TensorFlow Java and DL4J SameDiff, measured in one JMH run (-Ppeers;
# downloads about 270 MB of peer libraries on first use; Linux x86-64). Extra arguments go to JMH,
# e.g. bench/peers.sh -f 1 -wi 3 -i 3 -w 2 -r 2
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -Ppeers -pl bench -am compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/peers.cp
java --add-modules jdk.incubator.vector -Djmh.ignoreLock=true \
  -cp "bench/target/classes:$(cat bench/target/peers.cp)" org.openjdk.jmh.Main \
  'bench\.TrainStepBench\.adamStep|bench\.peers\.' -jvmArgsAppend --add-modules=jdk.incubator.vector "$@"
