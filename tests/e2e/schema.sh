#!/usr/bin/env bash
# bdx's real output validates against the JSON Schema of the contract.
#   schema.sh BDX PYTHON SCHEMA PDF...
set -euo pipefail
bdx=$1 py=$2 schema=$3
shift 3
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=0
for pdf in "$@"; do
  i=$((i + 1))
  rc=0
  "$bdx" extract -q "$pdf" -o "$out/$i.json" || rc=$?
  # 6: read, but not a disclosure: the JSON is written all the same.
  if [ $rc -ne 0 ] && [ $rc -ne 6 ]; then
    echo "bdx failed on $pdf with exit code $rc" >&2
    exit 1
  fi
  "$py" "$here/schema-check.py" "$schema" "$out/$i.json"
done
echo "ok: $i outputs valid"
