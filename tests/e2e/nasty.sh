#!/usr/bin/env bash
# Hostile PDFs (tests/nasty/make-nasty.py): each ends with its clear exit
# code, within a time limit and a memory bound, and never a crash.
#   nasty.sh BDX PYTHON
set -euo pipefail
bdx=$1 py=$2
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$py" "$here/nasty/make-nasty.py" "$out"
"$py" - "$bdx" "$out" <<'PY'
import os, resource, subprocess, sys, time
bdx, d = sys.argv[1], sys.argv[2]
# file: allowed exit codes (4 damaged, 6 not a disclosure, 8 limit)
expect = {
    "cyclic.pdf": {4, 6},
    "many-pages.pdf": {8},
    "many-glyphs.pdf": {8},
    "nested-forms.pdf": {4, 6},
    "bomb.pdf": {6},
    "bad-xref.pdf": {4, 6},
}
LIMIT_S, LIMIT_MB = 120, 1536
bad = 0
for name, codes in sorted(expect.items()):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.monotonic()
    try:
        p = subprocess.run([bdx, "extract", "-q", os.path.join(d, name),
                            "-o", os.path.join(d, name + ".json")],
                           capture_output=True, text=True, timeout=LIMIT_S)
        rc, err = p.returncode, p.stderr.strip().splitlines()
    except subprocess.TimeoutExpired:
        rc, err = "timeout", []
    secs = time.monotonic() - t
    # ru_maxrss of children is the largest of any child so far, in KiB.
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    ok = rc in codes and rss <= LIMIT_MB
    print("%s %-18s exit %s in %.1f s, peak %s MB: %s" % (
        "ok  " if ok else "FAIL", name, rc, secs,
        rss if rss > before // 1024 else "<=%d" % rss, err[-1] if err else ""))
    bad += not ok
sys.exit(1 if bad else 0)
PY
