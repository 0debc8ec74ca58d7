#!/usr/bin/env bash
# Builds examples/minimal as a new user would (README, "Use it in your project"): install the
# reactor's artifacts into the local Maven repository, copy the example to a fresh directory outside
# this repository, and build it there against what was installed. Its tests call the generated
# LogisticSymbolic and check the values, with and without the Vector API. The fresh directory has no
# .mvn/jvm.config, so javac (and with it the annotation processor) runs in a JVM without
# jdk.incubator.vector: this also checks that the processor does not need the incubator module.
# Extra arguments go to both mvn runs (e.g. -o, or -Dmaven.repo.local=DIR for a private repository).
# It installs 0.1.0-SNAPSHOT artifacts into the local repository, as a user would: on a machine where
# several checkouts share ~/.m2, run `.ci/run -Dmaven.repo.local=DIR` (both steps take it) with DIR a copy
# of ~/.m2/repository, so one checkout's snapshots do not replace another's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
start=$(date +%s)
# The project version, from the root pom's own <version> (the first one after symtensor-parent).
version=$(awk '/<artifactId>symtensor-parent<\/artifactId>/ {p = 1} p && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
echo "fresh project: installing Symtensor $version into the local repository (mvn -B -ntp install -DskipTests)"
mvn -B -ntp install -DskipTests "$@"
fresh=$(mktemp -d "${TMPDIR:-/tmp}/symtensor-fresh.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
tar -C examples/minimal --exclude=target -cf - . | tar -C "$fresh" -xf -
echo "fresh project: building a copy of examples/minimal in $fresh"
(cd "$fresh" && mvn -B -ntp verify -Dsymtensor.version="$version" "$@")
echo "fresh project: OK: examples/minimal built from a fresh directory against Symtensor $version and its tests passed ($(( $(date +%s) - start )) s)"
