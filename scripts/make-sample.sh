#!/bin/sh
# Render the bundled sample disclosure from its HTML source to PDF.
#
#   scripts/make-sample.sh            # both variants
#
# Writes, relative to the repository root:
#   samples/kizilsu-2026-budget.pdf        font "AR PL UMing CN"
#   samples/kizilsu-2026-budget-noto.pdf   font "Noto Serif CJK SC"
#
# Needs Debian's chromium and the two font packages:
#   apt-get install -y chromium fonts-arphic-uming fonts-noto-cjk
# The PDFs are committed; tests never run this script.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/.." && pwd)
src="$root/samples/src/kizilsu-2026-budget.html"
out_uming="$root/samples/kizilsu-2026-budget.pdf"
out_noto="$root/samples/kizilsu-2026-budget-noto.pdf"

missing=""
chromium_bin=""
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chromium_bin=$c; break; fi
done
[ -n "$chromium_bin" ] || missing="$missing chromium"
if command -v fc-list >/dev/null 2>&1; then
    fc-list | grep -q "AR PL UMing CN" || missing="$missing fonts-arphic-uming"
    fc-list | grep -q "Noto Serif CJK SC" || missing="$missing fonts-noto-cjk"
else
    missing="$missing fontconfig"
fi
if [ -n "$missing" ]; then
    echo "make-sample.sh: missing:$missing" >&2
    echo "make-sample.sh: install with: apt-get install -y$missing" >&2
    exit 1
fi
[ -f "$src" ] || { echo "make-sample.sh: no source '$src'" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# render HTML_FILE OUT_PDF
render() {
    profile=$(mktemp -d "$work/profile.XXXXXX")
    "$chromium_bin" --headless --no-sandbox --disable-gpu \
        --disable-background-networking --disable-component-update \
        --disable-sync --no-first-run --no-default-browser-check \
        --user-data-dir="$profile" \
        --no-pdf-header-footer \
        --print-to-pdf="$2" "file://$1" >"$work/chromium.log" 2>&1 || {
        cat "$work/chromium.log" >&2
        echo "make-sample.sh: chromium failed on '$1'" >&2
        exit 1
    }
    [ -s "$2" ] || { cat "$work/chromium.log" >&2; echo "make-sample.sh: no PDF written to '$2'" >&2; exit 1; }
    echo "wrote $2"
}

# The source names its font once, as --doc-font; the Noto variant is the same
# HTML with that one declaration swapped, rendered from a temporary copy.
grep -q '^:root { --doc-font: "AR PL UMing CN"; }' "$src" || {
    echo "make-sample.sh: '$src' no longer declares --doc-font as expected" >&2
    exit 1
}
sed 's/^:root { --doc-font: "AR PL UMing CN"; }/:root { --doc-font: "Noto Serif CJK SC"; }/' \
    "$src" >"$work/kizilsu-2026-budget-noto.html"

render "$src" "$out_uming"
render "$work/kizilsu-2026-budget-noto.html" "$out_noto"
