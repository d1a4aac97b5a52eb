#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz/) for a given time each:
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default 600 s, all targets)
# Builds with clang into build-fuzz/ (ASan + UBSan + libFuzzer), starts
# each target from its seed corpus in tests/fuzz/corpus/<target>/ and
# keeps what it learns in build-fuzz/corpus/<target>/.  A crash, leak or
# timeout is copied into tests/fuzz/corpus/<target>/ so that ctest replays
# it from then on: fix the bug, then commit the file.  Prints a line per
# target: seconds run, executions, new crashers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(money json text patterns pdf table)

scripts/deps.sh
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBDX_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" \
  --target $(printf 'fuzz-%s ' "${targets[@]}") >/dev/null

export BDX_PATTERNS=$root/patterns
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp
status=0
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t art=build-fuzz/artifacts/$t
  rm -rf "$art" # what an earlier run found is in tests/fuzz/corpus already
  mkdir -p "$work" "$art"
  log=build-fuzz/fuzz-$t.log
  start=$(date +%s)
  rc=0
  build-fuzz/tests/fuzz/fuzz-$t -max_total_time="$secs" -timeout=20 \
    -rss_limit_mb=2048 -max_len=262144 -artifact_prefix="$art/" \
    "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1 || rc=$?
  ran=$(( $(date +%s) - start ))
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
  [ -n "$execs" ] || execs=$(grep -Eo '#[0-9]+' "$log" | tail -n 1 | tr -d '#')
  found=0
  for f in "$art"/*; do
    [ -e "$f" ] || continue
    cp "$f" "tests/fuzz/corpus/$t/"
    found=$((found + 1))
  done
  echo "fuzz-$t: ${ran}s, ${execs:-?} runs, exit $rc, $found new crasher(s) kept"
  [ "$found" -eq 0 ] || status=1
done
exit $status
