#!/usr/bin/env bash
# Set up, build, and run bdx on the bundled samples:
#   scripts/demo.sh
# Installs missing Debian packages, builds into build/, and writes one
# JSON per sample into build/samples-out/, with bdx's summary line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" >/dev/null

mkdir -p build/samples-out
status=0
for pdf in samples/*.pdf; do
  out=build/samples-out/$(basename "${pdf%.pdf}").json
  build/bdx extract "$pdf" -o "$out" || status=$?
  echo "  -> $out"
done
exit $status
