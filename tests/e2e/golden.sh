#!/usr/bin/env bash
# End-to-end golden test: the built bdx on a PDF, compared as parsed JSON
# ("expected is a subset of actual", tests/jsoncmp.py) with an expected
# file written by hand from the source document (see tests/golden/README.md).
#   golden.sh BDX PYTHON PDF EXPECTED.json...
set -euo pipefail
bdx=$1 py=$2 pdf=$3
shift 3
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$bdx" extract -q "$pdf" -o "$out/actual.json"
for expected in "$@"; do
  echo "comparing with $(basename "$expected")"
  "$py" "$here/jsoncmp.py" "$expected" "$out/actual.json"
done
echo "ok: $(basename "$pdf") matches"
