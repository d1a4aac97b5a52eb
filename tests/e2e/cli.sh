#!/usr/bin/env bash
# The CLI on bad input and bad usage: each case gives one clear line on
# stderr, its documented exit code, and never a partial output file.
#   cli.sh BDX SAMPLE.pdf DATA_DIR
set -uo pipefail
bdx=$1 sample=$2 data=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 n=0

# expect CODE REGEX -- ARGS...: run bdx, check exit code and stderr.
expect () {
  local code=$1 regex=$2
  shift 3
  n=$((n + 1))
  local rc=0
  "$bdx" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  if [ "$rc" -ne "$code" ]; then
    echo "FAIL: bdx $*: exit $rc, expected $code; stderr: $(head -c 300 "$tmp/err")"
    fails=$((fails + 1))
  elif ! grep -Eq -- "$regex" "$tmp/err" "$tmp/out"; then
    echo "FAIL: bdx $*: output does not match /$regex/: $(head -c 300 "$tmp/err")"
    fails=$((fails + 1))
  else
    echo "ok   bdx $* -> $rc"
  fi
}

# No output file may be left behind by a failed extract.
no_file () {
  n=$((n + 1))
  if [ -e "$1" ]; then
    echo "FAIL: $1 was left behind"
    fails=$((fails + 1))
  fi
}

printf 'hello, not a pdf\n' >"$tmp/text.pdf"
head -c 200000 "$sample" >"$tmp/truncated.pdf"
: >"$tmp/empty.pdf"

expect 2 'usage: bdx'              --
expect 2 "'frobnicate' is not a bdx command" -- frobnicate
expect 0 '^bdx [0-9]+\.[0-9]+'     -- --version
expect 0 'exit codes'              -- help
expect 0 '--password'              -- help extract
expect 2 'extract needs a PDF'     -- extract
expect 2 'Unknown option'          -- extract --no-such-option x.pdf
expect 3 "No such file"            -- extract "$tmp/missing.pdf" -o "$tmp/o1.json"
no_file "$tmp/o1.json"
expect 4 'not a PDF file'          -- extract "$tmp/text.pdf" -o "$tmp/o2.json"
no_file "$tmp/o2.json"
expect 4 'not a PDF file'          -- extract "$tmp/empty.pdf"
expect 4 'truncated'               -- extract "$tmp/truncated.pdf" -o "$tmp/o3.json"
no_file "$tmp/o3.json"
expect 4 'no pages'                -- extract "$data/zero-pages.pdf"
expect 5 'encrypted PDF \(give --password\)' -- extract "$data/encrypted.pdf" -o "$tmp/o4.json"
no_file "$tmp/o4.json"
expect 5 'wrong password'          -- extract --password nope "$data/encrypted.pdf"
expect 0 'tables'                  -- extract --password bdx "$data/encrypted.pdf" -o "$tmp/o5.json"
expect 6 'does not look like a budget disclosure' -- extract "$data/not-a-disclosure.pdf" -o "$tmp/o6.json"
n=$((n + 1))
grep -q '"format": "bdx.disclosure/1"' "$tmp/o6.json" \
  || { echo "FAIL: no JSON written for a non-disclosure"; fails=$((fails + 1)); }
mkdir -p "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
  expect 10 'cannot write'         -- extract "$sample" -o "$tmp/ro/x.json"
fi
expect 10 'cannot write'           -- extract "$sample" -o "$tmp/no/such/dir/x.json"
no_file "$tmp/no/such/dir/x.json"
if [ -c /dev/full ]; then
  expect 10 'No space left'        -- extract "$sample" -o /dev/full
  # Written in place: a rename over it would replace the device node.
  n=$((n + 1))
  [ -c /dev/full ] || { echo "FAIL: /dev/full is no longer a device"; fails=$((fails + 1)); }
fi
expect 0 'tables'                  -- extract "$sample" -o /dev/null
n=$((n + 1))
[ -c /dev/null ] || { echo "FAIL: /dev/null is no longer a device"; fails=$((fails + 1)); }

# --strict: with a deliberately false identity added to a copy of the
# patterns (合计 = 基本支出, untrue for table 3), a check fails.
cp -r "$(dirname "$0")/../../patterns" "$tmp/strict"
cat >"$tmp/strict/zz-false.pat" <<'PAT'
[check.row_sum.false_identity]
id = test.false_identity
table = expenditure_summary
total = total
parts = basic
message = 合计 ≠ 基本支出 (a rule false on purpose)
PAT
expect 7 '[1-9][0-9]* failed'     -- extract --strict --patterns "$tmp/strict" "$sample" -o "$tmp/s.json"
expect 0 '[1-9][0-9]* failed'     -- extract --patterns "$tmp/strict" "$sample" -o "$tmp/s.json"
expect 7 'test.false_identity'    -- validate --patterns "$tmp/strict" "$tmp/s.json"
expect 0 ' 0 failed'              -- validate "$tmp/s.json"
# A check of form (a code of 6 digits) is listed with its message alone,
# not with amounts it does not have.
sed 's/"code": "2014101"/"code": "201410"/' "$tmp/s.json" >"$tmp/badcode.json"
expect 7 '^    科目编码“201410”格式不对[^:]*$' -- validate "$tmp/badcode.json"

# Limits.
expect 8 'more than the limit of 3' -- extract --max-pages 3 "$sample" -o "$tmp/o7.json"
no_file "$tmp/o7.json"
expect 8 'characters, more than the limit of 100' -- extract --max-chars 100 "$sample"
expect 2 'positive number'         -- extract --max-pages -1 "$sample"

# Pattern sets.
mkdir -p "$tmp/pats" && printf '[x]\nkey ~ (unclosed\n' >"$tmp/pats/bad.pat"
expect 9 'bad.pat:2:[0-9]+: '      -- patterns check "$tmp/pats"
expect 9 'bad.pat:2:[0-9]+: '      -- extract --patterns "$tmp/pats" "$sample"
expect 0 'ok'                      -- patterns check
expect 2 'usage: bdx patterns check' -- patterns frob

echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
