#!/usr/bin/env bash
# bdx on the real documents of other regions' templates (Jiangsu, Shanghai
# Putuo, final accounts, a report that is not a disclosure), each checked
# against an expectation written by hand from the PDF's text
# (tests/regions/*.json, tests/regions/check-region.py): the tables found
# and their ids, columns and numbers, a handful of cells, the narrative's
# facts, exactly the validation checks that fail (the document's own
# inconsistencies) and the exit code.  A document published as two PDFs
# (narrative + tables) is extracted as one.  Skips (exit 77) when the
# folder is absent, as in a user's clone.
#   regions.sh BDX PYTHON SCHEMA DIR
set -euo pipefail
bdx=$1 py=$2 schema=$3 dir=$4
[ -d "$dir" ] || { echo "skipped: no $dir"; exit 77; }
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
for expected in "$here"/regions/*.json; do
  name=$(basename "$expected" .json)
  mapfile -t files < <("$py" -c 'import json,sys
for f in json.load(open(sys.argv[1]))["files"]: print(f)' "$expected")
  paths=()
  for f in "${files[@]}"; do paths+=("$dir/$f"); done
  rc=0
  "$bdx" extract -q "${paths[@]}" -o "$out/$name.json" 2>"$out/err" || rc=$?
  if [ ! -s "$out/$name.json" ]; then
    echo "FAIL $name: exit $rc, no output: $(cat "$out/err")"; fail=1; continue
  fi
  if ! "$py" "$here/schema-check.py" "$schema" "$out/$name.json" >/dev/null; then
    echo "FAIL $name: output does not validate"; fail=1; continue
  fi
  if "$py" "$here/regions/check-region.py" "$expected" "$out/$name.json" "$rc"; then
    echo "ok   $name (exit $rc)"
  else
    echo "FAIL $name"; fail=1
  fi
done
exit $fail
