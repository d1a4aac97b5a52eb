#!/usr/bin/env bash
# OCR end to end: scanned copies of the sample's 表3 (部门支出总体情况表),
# made by bdx-scan, read by bdx; the table's cells are counted against the
# golden (scripts/ocr-cells.py): at 300 dpi clean at least 99.5 % right,
# at 200 dpi with skew, noise and JPEG at least 98 %, and in both no
# wrong cell that is not flagged (a notice or a failed check).  A page
# scanned sideways is turned upright.
#   ocr-scan.sh BDX PYTHON BDX_SCAN SAMPLE.pdf GOLDEN.json SCRIPTS_DIR
set -euo pipefail
bdx=$1 py=$2 scan=$3 sample=$4 golden=$5 scripts=$6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
page=8 table=expenditure_summary

check () { # NAME PDF MIN_RIGHT
  local name=$1 pdf=$2 min=$3
  "$bdx" extract -q --jobs 2 "$pdf" -o "$tmp/$name.json" || {
    rc=$?
    # 6: not a disclosure; still a JSON to look at.
    [ "$rc" -eq 6 ] || { echo "FAIL: $name: bdx exit $rc"; exit 1; }
  }
  "$py" - "$tmp/$name.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = d["source"]
assert s["ocr_pages"] == [1] and s["text_pages"] == [], s
PY
  echo "$name:"
  "$py" "$scripts/ocr-cells.py" --list --tables "$table" --min-right "$min" \
    --max-silent 0 "$golden" "$tmp/$name.json"
}

"$scan" --pages $page --dpi 300 "$sample" "$tmp/clean300.pdf"
check clean300 "$tmp/clean300.pdf" 99.5

"$scan" --pages $page --dpi 200 --skew 1.5 --noise 12 --jpeg 60 --seed 7 \
  "$sample" "$tmp/rough200.pdf"
check rough200 "$tmp/rough200.pdf" 98

"$scan" --pages $page --dpi 300 --rotate 1 "$sample" "$tmp/sideways.pdf"
check sideways "$tmp/sideways.pdf" 99.5
echo "ok: scanned pages read"
