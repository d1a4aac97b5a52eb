#!/usr/bin/env bash
# valgrind memcheck on the bundled samples (minutes per file, so not part
# of ctest; the sanitizer build covers the same ground in the test suite).
#   scripts/valgrind.sh [BDX]
# BDX_NO_JIT=1 keeps pcre2 on its interpreter: valgrind cannot see into
# JIT-compiled code and reports false "uninitialised value" errors there.
# Exit 0 when every file has no error and no definite leak.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bdx=${1:-$root/build/bdx}
export BDX_PATTERNS=${BDX_PATTERNS:-$root/patterns} BDX_NO_JIT=1
status=0
for pdf in "$root"/samples/*.pdf; do
  log=$(mktemp)
  if valgrind --leak-check=full --errors-for-leak-kinds=definite \
       --error-exitcode=99 "$bdx" extract -q "$pdf" -o /dev/null 2>"$log"; then
    echo "clean  $(basename "$pdf"): $(grep 'ERROR SUMMARY' "$log" | sed 's/^==[0-9]*== //')"
  else
    echo "ERRORS $(basename "$pdf"):"; grep -E 'ERROR SUMMARY|definitely lost' "$log"
    status=1
  fi
  rm -f "$log"
done
exit $status
