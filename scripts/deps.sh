#!/usr/bin/env bash
# Installs the Debian packages bdx needs to build, test and run, if any is
# missing.  Needs root (or sudo) only when something must be installed.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # libraries bdx links
  libglib2.0-dev libpoppler-glib-dev libcairo2-dev libjson-c-dev
  libpcre2-dev libsqlite3-dev libtesseract-dev libleptonica-dev nettle-dev
  # data they need at run time: CJK CMaps for poppler, Chinese for tesseract
  poppler-data tesseract-ocr-chi-sim
  # tests: JSON comparison and schema validation, sanitizers, fuzzers,
  # pdftotext for the benchmarks
  python3 python3-jsonschema clang libclang-rt-14-dev poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "bdx: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
  --no-install-recommends "${missing[@]}" >/dev/null
