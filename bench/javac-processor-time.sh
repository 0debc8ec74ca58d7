#!/usr/bin/env bash
# javac time of the samples module with and without the Symtensor processor (docs/processor.md).
# Run after `mvn -o -pl samples -am compile`. Both variants compile the same sources with the same
# class path in a fresh javac JVM; -proc:none also gets the sources the processor generated, so
# both produce the same classes. Two warm-up runs each, then N runs alternating; prints medians.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-5}
JAVAPOET=$(find ~/.m2/repository/com/palantir/javapoet -name 'javapoet-*.jar' | head -1)
CP=api/target/classes:runtime/target/classes
PP=processor/target/classes:api/target/classes:$JAVAPOET
SRC=$(find samples/src/main/java -name '*.java')
GEN=$(find samples/target/generated-sources/annotations -name '*.java')
OUT=$(mktemp -d)
common=(--release 17 -Xlint:all,-processing,-serial -nowarn -cp "$CP")
with()    { rm -rf "$OUT/a"; javac "${common[@]}" -processorpath "$PP" -d "$OUT/a" -s "$OUT/a" $SRC > /dev/null 2>&1; }
without() { rm -rf "$OUT/b"; javac "${common[@]}" -proc:none -d "$OUT/b" $SRC $GEN > /dev/null 2>&1; }
# wall and CPU (user + sys of javac's JVM, less sensitive to other load on a shared machine) in ms
TIMEFORMAT='%3R %3U %3S'
run() { { time "$1"; } 2>&1 | awk '{printf "%d %d", $1 * 1000, ($2 + $3) * 1000}'; }
for _ in 1 2; do with; without; done
aw=(); ac=(); bw=(); bc=()
for _ in $(seq "$N"); do
  read -r w c <<< "$(run with)"; aw+=("$w"); ac+=("$c")
  read -r w c <<< "$(run without)"; bw+=("$w"); bc+=("$c")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "with processor: wall ${aw[*]} ms, median $(median "${aw[@]}"); cpu ${ac[*]} ms, median $(median "${ac[@]}")"
echo "-proc:none:     wall ${bw[*]} ms, median $(median "${bw[@]}"); cpu ${bc[*]} ms, median $(median "${bc[@]}")"
echo "sources: $(echo $SRC | wc -w) hand-written, $(echo $GEN | wc -w) generated; load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
