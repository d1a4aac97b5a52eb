#!/usr/bin/env bash
# Set up, build and run the whole test suite:
#   scripts/test.sh
# Installs missing Debian packages, then builds twice and runs ctest on
# each: a sanitizer build (ASan + UBSan + LeakSanitizer, warnings as
# errors) and a release build.  The last line is ctest's summary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)

scripts/deps.sh

echo "== sanitizer build (ASan + UBSan)"
CC=${CC:-gcc} cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
  -DBDX_SANITIZE=ON -DBDX_WERROR=ON >/dev/null
cmake --build build-asan -j "$jobs" >/dev/null
ASAN_OPTIONS=detect_leaks=1 \
LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan -j "$jobs" --output-on-failure

echo "== release build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBDX_WERROR=ON >/dev/null
cmake --build build -j "$jobs" >/dev/null
ctest --test-dir build -j "$jobs" --output-on-failure
