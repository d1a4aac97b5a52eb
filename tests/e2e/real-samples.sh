#!/usr/bin/env bash
# bdx on every real disclosure in the shared samples folder: no crash,
# a clear exit code, JSON that validates.  Skips (exit 77) when the
# folder is absent, as in a user's clone.
#   real-samples.sh BDX PYTHON SCHEMA DIR
set -euo pipefail
bdx=$1 py=$2 schema=$3 dir=$4
[ -d "$dir" ] || { echo "skipped: no $dir"; exit 77; }
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
while IFS= read -r -d '' pdf; do
  rc=0
  "$bdx" extract "$pdf" -o "$out/x.json" 2>"$out/err" || rc=$?
  name=${pdf#"$dir"/}
  case $rc in
    0|6) "$py" "$here/schema-check.py" "$schema" "$out/x.json" >/dev/null \
           || { echo "FAIL $name: output does not validate"; fail=1; }
         echo "ok   $name (exit $rc): $(tail -n 1 "$out/err")" ;;
    *)   echo "FAIL $name: exit $rc: $(cat "$out/err")"; fail=1 ;;
  esac
done < <(find "$dir" -name '*.pdf' -print0 | sort -z)
exit $fail
