#!/usr/bin/env bash
# Benchmark of bdx harvest: N distinct documents (default 1000) harvested
# on one core (--jobs 1 under taskset -c 0), with --jobs 1 on all cores,
# and with --jobs $(nproc), into fresh datasets.  Prints the documents
# per second of the runs, the speed-ups, and the peak resident
# memory of a worker (from wait4's rusage, stored per document in the
# dataset) against the memory limit.  Not part of the test suite.
#
#   scripts/bench-harvest.sh [N]
#
# Environment:
#   BDX          the bdx binary (default: build/bdx, else bdx on PATH)
#   BENCH_INPUT  a folder of PDFs to make the documents from; by default
#                BENCH_SEEDS (50) documents made by the generator
#                (scripts/gen/bdxgen.py, seeds 1000 on; needs chromium),
#                or the bundled samples/*.pdf when it cannot run
#   BENCH_DIR    where to write the documents and datasets (default: a
#                temporary directory, removed at the end); generated
#                documents kept there are reused by the next run
#
# The documents: copies of the input PDFs taken in turn, each with a
# unique comment line appended after %%EOF ("%bdx-bench I"), which PDF
# readers ignore: N documents with N distinct content hashes that extract
# like the originals.  The copies use N times the size of an input on
# disk (about 0.3 GB for 1000 generated documents).
set -euo pipefail
n=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
bdx=${BDX:-}
if [ -z "$bdx" ]; then
  if [ -x "$root/build/bdx" ]; then bdx=$root/build/bdx; else bdx=$(command -v bdx); fi
fi
export BDX_PATTERNS=${BDX_PATTERNS:-$root/patterns}
cores=$(nproc)

if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

src=${BENCH_INPUT:-}
if [ -z "$src" ]; then
  seeds=${BENCH_SEEDS:-50}
  src=$work/generated
  mkdir -p "$src"
  if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
    echo "bench: generating $seeds documents (seeds 1000-$((999 + seeds)))" >&2
    for s in $(seq 1000 $((999 + seeds))); do
      [ -f "$src/gen-$s.pdf" ] && continue
      python3 "$root/scripts/gen/bdxgen.py" --seed "$s" --out "$src/tmp" >/dev/null
      mv "$src/tmp/gen-$s.pdf" "$src/"
    done
    rm -rf "$src/tmp"
  else
    echo "bench: no chromium to generate documents: using samples/*.pdf" >&2
    src=$root/samples
  fi
fi

mapfile -t pdfs < <(find -L "$src" -maxdepth 1 -type f -iname '*.pdf' | sort)
[ "${#pdfs[@]}" -gt 0 ] || { echo "bench: no PDF in $src" >&2; exit 2; }

echo "bench: $n documents from ${#pdfs[@]} PDFs in $src; $cores cores; bdx: $bdx"
echo "bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$work/in"
for i in $(seq 1 "$n"); do
  f=${pdfs[$(( (i - 1) % ${#pdfs[@]} ))]}
  dest=$(printf '%s/in/doc-%05d.pdf' "$work" "$i")
  if [ ! -f "$dest" ]; then
    cp "$f" "$dest"
    printf '%%bdx-bench %d\n' "$i" >>"$dest"
  fi
done

# run JOBS [CPUS]: harvests into a fresh dataset, on the CPUs listed
# (taskset) or on all; prints "DOCS_PER_S CPU_S_PER_DOC" (CPU: the
# harvest and its workers, user + system).
run () {
  local jobs=$1 cpus=${2:-} out=$work/out-$1
  rm -rf "$out"
  python3 - "$bdx" "$work/in" "$out" "$jobs" "$n" "$cpus" <<'EOF'
import os, resource, sqlite3, subprocess, sys, time
bdx, src, out, jobs, n, cpus = sys.argv[1:7]
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.monotonic()
pin = ["taskset", "-c", cpus] if cpus else []
p = subprocess.Popen(pin + [bdx, "harvest", src, "--out", out, "--jobs", jobs, "-q"])
# The harvest process's own CPU (not its workers'), from /proc while it
# runs: it is what competes with the workers when every core runs one.
own = 0.0
tick = os.sysconf("SC_CLK_TCK")
while p.poll() is None:
    try:
        with open("/proc/%d/stat" % p.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        own = (int(fields[11]) + int(fields[12])) / tick
    except (OSError, IndexError, ValueError):
        pass
    time.sleep(0.2)
if p.returncode != 0:
    sys.exit("bench: bdx harvest exited with status %d" % p.returncode)
wall = time.monotonic() - t0
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime
db = sqlite3.connect(out + "/bdx.sqlite")
ok, failed = db.execute("SELECT sum(status <> 'failed'), sum(status = 'failed')"
                        " FROM documents").fetchone()
print("bench: --jobs %s%s: %d documents stored, %d failed, in %.1f s wall,"
      " %.1f s CPU (%.2f cores busy; the harvest process itself %.1f ms"
      " a document)" % (jobs, " on CPU " + cpus if cpus else "", ok,
                        failed or 0, wall, cpu, cpu / wall,
                        own * 1000 / int(n)), file=sys.stderr)
print("%.3f %.3f" % (int(n) / wall, cpu / int(n)))
EOF
}

# One core: the harvest and its one worker share CPU 0.  One job: the
# same on every core, where the harvest's own work (reading results,
# writing the dataset) runs beside the worker.
read -r core core_cpu < <(run 1 0)
read -r one one_cpu < <(run 1)
read -r all all_cpu < <(run "$cores")
read -r max_kb mean_kb < <(python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1] + '/bdx.sqlite')
print(*db.execute('SELECT MAX(max_rss_kb), CAST(AVG(max_rss_kb) AS INTEGER)'
                  ' FROM documents').fetchone())" "$work/out-$cores")

echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "documents:              $n"
echo "docs/s on 1 core:       $core   (CPU $core_cpu s per document; --jobs 1, taskset -c 0)"
echo "docs/s with 1 job:      $one   (CPU $one_cpu s per document; all cores)"
echo "docs/s with $cores jobs:     $all   (CPU $all_cpu s per document; all cores)"
echo "speed-up:               $(awk "BEGIN { printf \"%.2f\", $all / $core }")x over 1 core, $(awk "BEGIN { printf \"%.2f\", $all / $one }")x over 1 job"
echo "peak RSS per worker:    max $((max_kb / 1024)) MiB, mean $((mean_kb / 1024)) MiB (limit: 2048 MiB of address space)"
