#!/usr/bin/env bash
# Benchmark: bdx extract against pdftotext -layout on the same born-digital
# PDFs, in the same run.  Prints, per file and in total, pages per second
# for both, the time ratio (bdx / pdftotext), and peak memory (RSS) of
# both; then the median and range of the per-file ratios.  Each command
# runs REPEAT times (default 5); the best time counts.
#   scripts/bench-extract.sh [BDX] [PDF...]
# Defaults: build/bdx, the bundled samples, and the real disclosures in
# ../shared/samples-real/ when that folder exists.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bdx=${1:-$root/build/bdx}
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$root"/samples/*.pdf)
  real=$root/../shared/samples-real
  [ -d "$real" ] && while IFS= read -r -d '' f; do files+=("$f"); done \
    < <(find "$real" -name '*.pdf' -print0 | sort -z)
fi
export BDX_PATTERNS=${BDX_PATTERNS:-$root/patterns}
python3 - "$bdx" "${REPEAT:-5}" "${files[@]}" <<'PY'
import os, resource, subprocess, sys, time
bdx, repeat, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def run(cmd):
    """Best wall time over `repeat` runs, and the peak RSS (MB) of one run."""
    best, rss = None, 0
    for _ in range(repeat):
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1); os.dup2(fd, 2)
            os.execvp(cmd[0], cmd)
        t = time.perf_counter()
        _, status, ru = os.wait4(pid, 0)
        dt = time.perf_counter() - t
        if os.waitstatus_to_exitcode(status) not in (0, 6):
            sys.exit("failed: %s" % " ".join(cmd))
        best = dt if best is None else min(best, dt)
        rss = max(rss, ru.ru_maxrss / 1024)
    return best, rss

def pages(f):
    out = subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout
    return int(next(l.split()[-1] for l in out.splitlines() if l.startswith("Pages:")))

print("%-44s %5s %9s %9s %6s %8s %8s" % ("file", "pages", "bdx p/s", "ptt p/s",
                                           "ratio", "bdx MB", "ptt MB"))
tb = tp = n = 0
mb = mp = 0
ratios = []
for f in files:
    p = pages(f)
    b, brss = run([bdx, "extract", "-q", f, "-o", os.devnull])
    t, trss = run(["pdftotext", "-layout", f, os.devnull])
    tb += b; tp += t; n += p; mb = max(mb, brss); mp = max(mp, trss)
    ratios.append((b / t, brss / trss))
    print("%-44s %5d %9.0f %9.0f %6.2f %8.1f %8.1f" % (
        os.path.basename(f)[:44], p, p / b, p / t, b / t, brss, trss))
print("%-44s %5d %9.0f %9.0f %6.2f %8.1f %8.1f" % ("total", n, n / tb, n / tp,
                                                   tb / tp, mb, mp))
# The total weighs files by their time; the median shows the typical file.
time_ratios = sorted(r[0] for r in ratios)
mem_ratios = sorted(r[1] for r in ratios)
mid = len(ratios) // 2
median = lambda v: v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2
print("per file: time ratio median %.2f (%.2f to %.2f); memory ratio median "
      "%.2f (%.2f to %.2f)" % (median(time_ratios), time_ratios[0],
                                time_ratios[-1], median(mem_ratios),
                                mem_ratios[0], mem_ratios[-1]))
PY
