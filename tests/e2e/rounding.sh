#!/usr/bin/env bash
# Validation on the sample: nothing fails, and the checks within rounding
# are exactly the source's own rounding differences (a hand-derived list).
# `bdx validate` on the JSON agrees with `bdx extract`.
#   rounding.sh BDX PYTHON PDF EXPECTED.json
set -euo pipefail
bdx=$1 py=$2 pdf=$3 expected=$4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bdx" extract -q --strict "$pdf" -o "$out/d.json"
"$bdx" validate "$out/d.json" >"$out/validate.txt"
tail -n 1 "$out/validate.txt"
"$py" - "$out/d.json" "$expected" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
want = json.load(open(sys.argv[2]))["within_rounding"]
res = d["validation"]["results"]
failed = [c for c in res if c["status"] == "failed"]
got = [{k: c[k] for k in ("table", "row", "column", "expected", "actual")}
       for c in res if c["status"] == "within_rounding"]
key = lambda c: (c["table"], c["row"], c["column"])
ok = True
if failed:
    ok = False
    for c in failed:
        print("unexpected failure:", c["id"], c["table"], c["row"], c["column"], c["message"])
if sorted(got, key=key) != sorted(want, key=key):
    ok = False
    print("within rounding differs from the source's own rounding:")
    for c in sorted(got, key=key):
        if c not in want: print("  unexpected:", c)
    for c in sorted(want, key=key):
        if c not in got: print("  missing:   ", c)
print("checks:", d["validation"]["checks"], "within rounding:", len(got), "failed:", len(failed))
sys.exit(0 if ok else 1)
PY
