#!/bin/sh
# Render the bundled sample disclosure a second, independent way: with
# LibreOffice Writer, as a department exporting from Writer would.
#
#   scripts/make-sample-lo.sh
#
# Writes, relative to the repository root:
#   samples/kizilsu-2026-budget-lo.pdf     font "Noto Sans CJK SC", LibreOffice
#
# How: samples/src/html2fodt.py turns samples/src/kizilsu-2026-budget.html
# into a flat OpenDocument text (ruled tables with merged cells, page styles
# with an A4 landscape page for table 7), then headless LibreOffice exports
# it with writer_pdf_Export. Writer's own HTML import is not used: it drops
# the print CSS (cell borders, page breaks, the landscape page).
#
# Needs python3, Debian's LibreOffice Writer and the Noto CJK fonts:
#   apt-get install -y --no-install-recommends libreoffice-writer fonts-noto-cjk
# The PDF is committed; tests never run this script.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/.." && pwd)
src="$root/samples/src/kizilsu-2026-budget.html"
conv="$root/samples/src/html2fodt.py"
out="$root/samples/kizilsu-2026-budget-lo.pdf"
font="Noto Sans CJK SC"

missing=""
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
soffice_bin=""
for c in soffice libreoffice; do
    if command -v "$c" >/dev/null 2>&1; then soffice_bin=$c; break; fi
done
[ -n "$soffice_bin" ] || missing="$missing libreoffice-writer"
if command -v fc-list >/dev/null 2>&1; then
    fc-list | grep -q "$font" || missing="$missing fonts-noto-cjk"
else
    missing="$missing fontconfig"
fi
if [ -n "$missing" ]; then
    echo "make-sample-lo.sh: missing:$missing" >&2
    echo "make-sample-lo.sh: install with: apt-get install -y --no-install-recommends$missing" >&2
    exit 1
fi
[ -f "$src" ] || { echo "make-sample-lo.sh: no source '$src'" >&2; exit 1; }
[ -f "$conv" ] || { echo "make-sample-lo.sh: no converter '$conv'" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

python3 "$conv" --font "$font" "$src" "$work/kizilsu-2026-budget-lo.fodt"

# A throw-away LibreOffice profile: no user settings leak into the PDF, and
# a running LibreOffice of the user's is not disturbed.
"$soffice_bin" --headless --norestore \
    "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf:writer_pdf_Export --outdir "$work" \
    "$work/kizilsu-2026-budget-lo.fodt" >"$work/soffice.log" 2>&1 || {
    cat "$work/soffice.log" >&2
    echo "make-sample-lo.sh: LibreOffice failed" >&2
    exit 1
}
[ -s "$work/kizilsu-2026-budget-lo.pdf" ] || {
    cat "$work/soffice.log" >&2
    echo "make-sample-lo.sh: no PDF written" >&2
    exit 1
}
cp "$work/kizilsu-2026-budget-lo.pdf" "$out"
echo "wrote $out"
