#!/usr/bin/env bash
# Benchmark bdx's OCR path against plain tesseract on the same scanned
# pages, and measure bdx's accuracy against the truth.
#
#   scripts/bench-ocr.sh [--dpi N] [--rough] [--pages LIST] [--jobs N]
#                        [--keep DIR] [PDF [TRUTH.json]]
#
# PDF (default: the bundled sample) is "scanned" with bdx-scan into a
# multi-page TIFF at --dpi (default 300); --rough adds what a 200 dpi
# office scan has: 1.5° of skew, grey noise and JPEG artefacts.  Then:
#
#   plain tesseract   `tesseract SCAN.tiff OUT -l chi_sim --dpi N` (one
#                     process, every page, tesseract's own defaults: page
#                     segmentation 3, OpenMP on), and once more with
#                     OMP_THREAD_LIMIT=1 (what a batch of pages run
#                     one process per core would do);
#   bdx               `bdx extract SCAN.tiff --jobs N` (all pages OCR).
#
# Prints both wall-clock times and their ratio, then the table cells bdx
# got right against TRUTH (default: the sample's golden; a generated
# document's truth works too): scripts/gen/cellcmp.py's count (amounts and
# row labels) when present, and scripts/ocr-cells.py's (with titles and
# columns, and how many wrong cells were flagged rather than silent, each
# listed).  --keep DIR keeps the scan and bdx's JSON there.
#
# bdx and bdx-scan are found as $BDX and $BDX_SCAN, else in build/ (a
# CMake build tree at the repository's root).  Needs tesseract with
# chi_sim, python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dpi=300 rough=0 pages="" jobs="" keep=""
while [ $# -gt 0 ]; do
  case $1 in
    --dpi) dpi=$2; shift 2 ;;
    --rough) rough=1; shift ;;
    --pages) pages=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    -*) echo "bench-ocr: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
pdf=${1:-$root/samples/kizilsu-2026-budget.pdf}
truth=${2:-$root/tests/golden/kizilsu-2026-budget.expected.json}
bdx=${BDX:-$root/build/bdx}
scan=${BDX_SCAN:-$root/build/tests/bdx-scan}
for t in "$bdx" "$scan"; do
  [ -x "$t" ] || { echo "bench-ocr: $t not found (set BDX / BDX_SCAN)" >&2; exit 2; }
done
command -v tesseract >/dev/null || { echo "bench-ocr: no tesseract" >&2; exit 2; }
export BDX_PATTERNS=${BDX_PATTERNS:-$root/patterns}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=(--dpi "$dpi")
[ "$rough" -eq 1 ] && args+=(--skew 1.5 --noise 12 --jpeg 60 --seed 7)
[ -n "$pages" ] && args+=(--pages "$pages")
"$scan" "${args[@]}" "$pdf" "$tmp/scan.tiff"
echo "scanned: $(basename "$pdf") at $dpi dpi$([ "$rough" -eq 1 ] && echo ', skewed, noisy, JPEG')"

now () { date +%s.%N; }
calc () { python3 -c "print('%.2f' % ($1))"; }

t0=$(now)
tesseract "$tmp/scan.tiff" "$tmp/plain" -l chi_sim --dpi "$dpi" >/dev/null 2>&1
t1=$(now)
OMP_THREAD_LIMIT=1 tesseract "$tmp/scan.tiff" "$tmp/plain1" -l chi_sim --dpi "$dpi" \
  >/dev/null 2>&1
t2=$(now)
jargs=()
[ -n "$jobs" ] && jargs=(--jobs "$jobs")
rc=0
"$bdx" extract -q "${jargs[@]}" "$tmp/scan.tiff" -o "$tmp/bdx.json" || rc=$?
t3=$(now)
[ "$rc" -eq 0 ] || [ "$rc" -eq 6 ] || { echo "bench-ocr: bdx failed ($rc)" >&2; exit 1; }

plain=$(calc "$t1 - $t0") plain1=$(calc "$t2 - $t1") ours=$(calc "$t3 - $t2")
pages_read=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['source']['pages'])" "$tmp/bdx.json")
echo "pages: $pages_read"
echo "plain tesseract:                      $plain s"
echo "plain tesseract, OMP_THREAD_LIMIT=1:  $plain1 s"
echo "bdx extract (${jobs:-$(nproc)} jobs):              $ours s"
echo "ratio bdx / tesseract:                $(calc "$ours / $plain")" \
     "($(calc "$ours / $plain1") against the single-thread run)"

if [ -f "$root/scripts/gen/cellcmp.py" ]; then
  echo "cellcmp (amounts and row labels):"
  python3 "$root/scripts/gen/cellcmp.py" "$truth" "$tmp/bdx.json" | sed 's/^/  /' || true
fi
echo "ocr-cells (with titles and columns):"
python3 "$root/scripts/ocr-cells.py" --list "$truth" "$tmp/bdx.json" | sed 's/^/  /'
if [ -n "$keep" ]; then
  mkdir -p "$keep" && cp "$tmp/scan.tiff" "$tmp/bdx.json" "$keep/"
fi
