#!/usr/bin/env bash
# Makes the OCR tests' pieces of generated scans (bilevel PNG, 300 dpi):
#
#   ocr-dash-codes.png     表2 of scripts/gen/bdxgen.py --seed 1003 --scan 300
#                          (page 4), its first rows: 7.5 pt Noto Sans, bold
#                          类 rows whose code wraps in its narrow cell ("20"
#                          over "7"), zeros printed as "-";
#   ocr-title-squeezed.png the title of page 5 of --seed 1000 --scan 300:
#                          a serif title whose first word tesseract boxes
#                          into one character's width;
#   ocr-colnum-one.png     表7 of --seed 1004 --scan 300 (page 8), its first
#                          rows: 6.5 pt, the "1" of the column-number row
#                          misread;
#   ocr-title-dash-page.png the whole of page 8 of --seed 1005 --scan 300,
#                          whose title 一般公共预算项目支出情况表 is read
#                          with "-" for 一 (only in the page's context);
#   ocr-names-page.png     page 3 of --seed 1001 --scan 300 (表1, AR PL
#                          UMing): names the page and the cell read
#                          differently ("国有资本…" / "有资本…");
#   ocr-header-raw-line.png 表10 of --seed 1001 --scan 300 (page 14), its
#                          first rows: 资金来源 over three columns, which
#                          tesseract's line mode reads as nothing;
#   ocr-number-spaced.png  表10 of --seed 1000 --scan 300 (page 15), grey
#                          (the misreading needs the grey levels): 7.5 pt
#                          AR PL UMing amounts "0.42" that both models
#                          read as "2" in line mode;
#   ocr-colnum-rough.png   表3 of seed 1004 scanned as ocr-accuracy.py's
#                          rough200 (200 dpi, skew 1.5, noise 0.4, JPEG
#                          60; page 4), its first rows, grey: the column
#                          numbers 1 and 2 read as nothing and 人;
#   ocr-muddle-page.png    page 8 of seed 1003 as rough200, bilevel: the
#                          page's reading makes one "line" of the whole
#                          page, which holds the title;
#   ocr-numbers-eng.png    表3 of --seed 1001 --scan 300 (page 6), its first
#                          rows: eng reads "47,318,237.96" as "7,318,237.96"
#                          both as a word and as a raw line.
#
# Run by hand when they need to change (needs the generator's tools,
# poppler-utils' pdfimages and ImageMagick); the results are committed,
# so the tests need no tool.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gen=$here/../../scripts/gen/bdxgen.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

crop () { # seed page geometry out [grey [rough]] (geometry "" for the whole page)
  scan=$tmp/gen-$1.scan.pdf
  [ -f "$scan" ] || python3 "$gen" --seed "$1" --out "$tmp" --scan 300 >/dev/null
  if [ "${6:-}" = rough ]; then
    python3 "$(dirname "$gen")/genscan.py" "$tmp/gen-$1.pdf" "$tmp/rough.pdf" --seed "$1" \
      --dpi 200 --skew 1.5 --noise 0.4 --jpeg 60
    scan=$tmp/rough.pdf
  fi
  pdfimages -f "$2" -l "$2" -j "$scan" "$tmp/p"
  if [ "${5:-}" = grey ]; then
    convert "$tmp/p-000.jpg" ${3:+-crop "$3" +repage} \
      -density "$([ "${6:-}" = rough ] && echo 200 || echo 300)" -units PixelsPerInch \
      -depth 8 -type Grayscale "png:$here/$4"
  else
    convert "$tmp/p-000.jpg" ${3:+-crop "$3" +repage} \
      -density "$([ "${6:-}" = rough ] && echo 200 || echo 300)" -units PixelsPerInch \
      -threshold 55% -type bilevel "png:$here/$4"
  fi
  rm -f "$tmp"/p-*.jpg
}
crop 1003 4 2160x1000+160+470 ocr-dash-codes.png
crop 1000 5 1500x170+1000+250 ocr-title-squeezed.png
crop 1004 8 3160x700+160+470 ocr-colnum-one.png
crop 1005 8 "" ocr-title-dash-page.png
crop 1001 3 "" ocr-names-page.png
crop 1001 14 2100x700+170+420 ocr-header-raw-line.png
crop 1000 15 3160x900+160+470 ocr-number-spaced.png grey
crop 1004 4 1420x300+110+265 ocr-colnum-rough.png grey rough
crop 1003 8 "" ocr-muddle-page.png bilevel rough
crop 1001 6 2160x520+160+420 ocr-numbers-eng.png
