#!/usr/bin/env bash
# OCR end to end, the ways pages come in:
#  - a multi-page TIFF and a PNG, given to bdx directly;
#  - a PDF mixing a scanned page and a text page: each read its own way,
#    source.text_pages / ocr_pages say which;
#  - a PDF whose text layer is garbled (fonts without ToUnicode,
#    tests/data/garbled-tounicode.pdf): triage sends it to OCR, and its
#    table comes out as the clean PDF's; with --ocr never it is read as it
#    is and a notice says so;
#  - bad --ocr, --dpi and --jobs values are usage errors.
#   ocr-inputs.sh BDX PYTHON BDX_SCAN SAMPLE.pdf GOLDEN.json SCRIPTS_DIR DATA_DIR
set -euo pipefail
bdx=$1 py=$2 scan=$3 sample=$4 golden=$5 scripts=$6 data=$7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
table=expenditure_summary

run () { # OUT.json ARGS...: bdx extract, exit 0 or 6 (not a disclosure)
  local out=$1
  shift
  local rc=0
  "$bdx" extract -q --jobs 2 "$@" -o "$out" || rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 6 ]; then
    echo "FAIL: bdx extract $*: exit $rc"
    exit 1
  fi
}

pages () { # JSON TEXT_PAGES OCR_PAGES
  "$py" - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = d["source"]
want = (json.loads(sys.argv[2]), json.loads(sys.argv[3]))
got = (s["text_pages"], s["ocr_pages"])
if got != want:
    sys.exit(f"FAIL: {sys.argv[1]}: text/ocr pages {got}, expected {want}")
print(f"ok   pages: text {got[0]}, ocr {got[1]}")
PY
}

cells () { # JSON
  "$py" "$scripts/ocr-cells.py" --list --tables "$table" --min-right 99.5 \
    --max-silent 0 "$golden" "$1"
}

# Pictures: the cover alone as a PNG; the cover and 表3 as a two-page TIFF.
"$scan" --pages 1 "$sample" "$tmp/cover.png"
run "$tmp/png.json" "$tmp/cover.png"
pages "$tmp/png.json" '[]' '[1]'
"$scan" --pages 1,8 "$sample" "$tmp/two.tiff"
run "$tmp/tiff.json" "$tmp/two.tiff"
pages "$tmp/tiff.json" '[]' '[1, 2]'
cells "$tmp/tiff.json"

# A scanned cover, then 表3 with its text layer.
"$scan" --pages 1,8 --text 8 "$sample" "$tmp/mixed.pdf"
run "$tmp/mixed.json" "$tmp/mixed.pdf"
pages "$tmp/mixed.json" '[2]' '[1]'
cells "$tmp/mixed.json"

# Garbled text layer: OCR, and the same table as the clean page.
run "$tmp/garbled.json" "$data/garbled-tounicode.pdf"
pages "$tmp/garbled.json" '[]' '[1]'
grep -q 'garbled text layer' "$tmp/garbled.json" || {
  echo "FAIL: no notice of the garbled text layer"
  exit 1
}
cells "$tmp/garbled.json"
run "$tmp/garbled-never.json" --ocr never "$data/garbled-tounicode.pdf"
pages "$tmp/garbled-never.json" '[1]' '[]'
grep -q 'it was read as it is' "$tmp/garbled-never.json" || {
  echo "FAIL: --ocr never: no notice of the garbled text layer"
  exit 1
}

# --ocr never on a picture; bad values.
rc=0
"$bdx" extract -q --ocr never "$tmp/cover.png" -o "$tmp/x.json" 2>"$tmp/err" || rc=$?
[ "$rc" -ne 0 ] && grep -q 'only be read by OCR' "$tmp/err" || {
  echo "FAIL: --ocr never on a picture: exit $rc, $(cat "$tmp/err")"
  exit 1
}
for bad in "--ocr sometimes" "--dpi 10" "--jobs -1"; do
  rc=0
  # shellcheck disable=SC2086
  "$bdx" extract -q $bad "$sample" -o "$tmp/x.json" 2>"$tmp/err" || rc=$?
  [ "$rc" -eq 2 ] || {
    echo "FAIL: bdx extract $bad: exit $rc, expected 2"
    exit 1
  }
  echo "ok   $bad -> 2: $(cat "$tmp/err")"
done
echo "ok: pictures, mixed and garbled PDFs read page by page"
