#!/usr/bin/env bash
# OCR on real scans and photographs of Chinese tables (the shared
# samples' scanned/img: a settlement form with seals and handwriting, a
# balance sheet): bdx reads them without crashing, says they were read by
# OCR, and writes JSON that passes the schema.  They are not budget
# disclosures, so exit 6 is expected.  Skips (77) when the folder is
# absent, as it is in a user's clone.
#   ocr-real.sh BDX PYTHON SCHEMA SAMPLES_REAL_DIR
set -uo pipefail
bdx=$1 py=$2 schema=$3 real=$4
dir=$real/scanned/img
if [ ! -d "$dir" ]; then
  echo "skip: $dir is absent"
  exit 77
fi
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
for img in "$dir"/*; do
  [ -f "$img" ] || continue
  name=$(basename "$img")
  rc=0
  "$bdx" extract -q "$img" -o "$tmp/$name.json" 2>"$tmp/err" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 6 ]; then
    echo "FAIL: $name: exit $rc: $(head -c 300 "$tmp/err")"
    fails=$((fails + 1))
    continue
  fi
  if ! "$py" "$here/schema-check.py" "$schema" "$tmp/$name.json" >"$tmp/schema" 2>&1; then
    echo "FAIL: $name: schema: $(head -c 300 "$tmp/schema")"
    fails=$((fails + 1))
    continue
  fi
  "$py" - "$tmp/$name.json" "$name" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = d["source"]
if s["ocr_pages"] != [1] or s["pages"] != 1:
    sys.exit(f"FAIL: {sys.argv[2]}: source {s}")
print(f"ok   {sys.argv[2]}: {len(d['tables'])} tables, {len(d['notices'])} notices")
PY
done
[ "$fails" -eq 0 ] || exit 1
echo "ok: real scans read"
