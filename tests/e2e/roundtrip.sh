#!/usr/bin/env bash
# Round trip: bdx on a generated disclosure, compared with the truth the
# generator wrote for it (scripts/gen/bdxgen.py; the committed set is in
# tests/roundtrip/, see its README).
#   roundtrip.sh BDX PYTHON PDF TRUTH.json
# Prints the table cells right / total and, on a difference, the first
# differing table cell (scripts/gen/cellcmp.py); then compares every field
# of the truth with the output ("expected is a subset", tests/jsoncmp.py),
# which decides the exit status.
set -euo pipefail
bdx=$1 py=$2 pdf=$3 truth=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

status=0
"$bdx" extract -q "$pdf" -o "$out/actual.json" || status=$?
# 6: not a disclosure, 7: checks failed (only with --strict): JSON is there
if [ "$status" -ne 0 ] && [ "$status" -ne 6 ]; then
  echo "bdx failed on $(basename "$pdf") (exit $status)" >&2
  exit 1
fi
"$py" "$root/scripts/gen/cellcmp.py" "$truth" "$out/actual.json" || true
"$py" "$root/tests/jsoncmp.py" --max 5 "$truth" "$out/actual.json"
echo "ok: $(basename "$pdf") matches its truth"
