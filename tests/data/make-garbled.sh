#!/usr/bin/env bash
# Makes garbled-tounicode.pdf, the OCR tests' PDF with a garbled text
# layer: pages of the bundled sample whose fonts lost their /ToUnicode
# maps.  Their glyphs still draw the same (a picture of the page is
# unchanged) but poppler's text is the glyph ids taken for code points —
# Arabic, Indic, CJK extension A … — which triage calls garbled.
# Run by hand when it needs to change (needs qpdf and its fix-qdf); the
# result is committed, so the tests need no tool.
#   make-garbled.sh [PAGES]     default: 8 (表3, 部门支出总体情况表)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sample=$here/../../samples/kizilsu-2026-budget.pdf
pages=${1:-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

qpdf --empty --pages "$sample" "$pages" -- "$tmp/pages.pdf"
# QDF form: one object per line range, streams uncompressed, so that the
# /ToUnicode entries can be cut with sed and fix-qdf can mend the xref.
qpdf --qdf --object-streams=disable "$tmp/pages.pdf" "$tmp/pages.qdf"
sed 's|^  /ToUnicode [0-9]* 0 R$||' "$tmp/pages.qdf" > "$tmp/cut.qdf"
fix-qdf "$tmp/cut.qdf" > "$tmp/fixed.qdf"
qpdf --compress-streams=y --object-streams=generate "$tmp/fixed.qdf" \
  "$here/garbled-tounicode.pdf"
echo "wrote $here/garbled-tounicode.pdf (pages $pages of the sample)"
