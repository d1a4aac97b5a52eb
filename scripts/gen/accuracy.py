#!/usr/bin/env python3
"""Round-trip accuracy of bdx over generated documents.

usage: accuracy.py N [--first SEED] [--jobs J] [--bdx PATH] [--keep DIR [--reuse]]
                     [--variant KEY=VALUE ...] [--failures K]

Generates N documents (seeds SEED .. SEED+N-1, default 1000), runs
`bdx extract` on each and compares every table cell with the truth
(cellcmp.py).  Prints the cells right / cells total over all documents,
then per value of each layout variant (per document) and per table id,
per unit and per "broken over pages" (per table), then the first
differing cell of the first K failing documents.

bdx is found as $BDX, --bdx, or build/bdx under the repository; the
patterns as $BDX_PATTERNS or the repository's patterns/.  Generation
needs chromium (see bdxgen.py).  Standard library only.
"""

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True    # no __pycache__ in the source tree
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import bdxgen  # noqa: E402
import cellcmp  # noqa: E402


def find_bdx(arg):
    for c in (arg, os.environ.get("BDX"), os.path.join(ROOT, "build", "bdx")):
        if c and os.path.exists(c):
            return c
    p = shutil.which("bdx")
    if p:
        return p
    raise SystemExit("accuracy: no bdx (give --bdx or set BDX)")


def run_one(seed, work, bdx, forced, reuse=False):
    name = f"gen-{seed}"
    if reuse and os.path.exists(os.path.join(work, name + ".meta.json")):
        gen = subprocess.CompletedProcess([], 0, b"")
    else:
        gen = subprocess.run([sys.executable, os.path.join(HERE, "bdxgen.py"), "--seed", str(seed),
                          "--out", work, "--name", name]
                             + sum((["--variant", f"{k}={v}"] for k, v in forced.items()), []),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if gen.returncode != 0:
        return seed, None, None, "generator failed: " + gen.stdout.decode()[-500:]
    pdf = os.path.join(work, name + ".pdf")
    out = os.path.join(work, name + ".out.json")
    r = subprocess.run([bdx, "extract", "-q", pdf, "-o", out],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode not in (0, 6, 7) or not os.path.exists(out):
        return seed, None, None, f"bdx exit {r.returncode}: " + r.stdout.decode()[-500:]
    with open(os.path.join(work, name + ".json"), encoding="utf-8") as f:
        truth = json.load(f)
    with open(out, encoding="utf-8") as f:
        actual = json.load(f)
    with open(os.path.join(work, name + ".meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    return seed, truth, actual, meta


def per_table_counts(truth, actual):
    """{table id: (right, total)} for one document."""
    out = {}
    for ti, (t, a) in enumerate(cellcmp.pair_tables(truth, actual)):
        res = cellcmp.Result()
        cellcmp.compare_table(ti, t, a, res)
        out[t["id"]] = (res.right, res.total, res.diffs[:1] + res.field_diffs[:1])
    return out


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--first", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--bdx")
    ap.add_argument("--keep")
    ap.add_argument("--variant", action="append", default=[])
    ap.add_argument("--failures", type=int, default=10)
    ap.add_argument("--reuse", action="store_true",
                    help="with --keep: do not generate documents already there")
    a = ap.parse_args(argv[1:])
    bdx = find_bdx(a.bdx)
    os.environ.setdefault("BDX_PATTERNS", os.path.join(ROOT, "patterns"))
    forced = dict(kv.split("=", 1) for kv in a.variant)
    work = a.keep or tempfile.mkdtemp(prefix="bdxgen-")
    os.makedirs(work, exist_ok=True)

    total = [0, 0]
    by_variant = collections.defaultdict(lambda: [0, 0])
    by_table = collections.defaultdict(lambda: [0, 0])
    docs_ok = 0
    fields_bad = collections.Counter()
    failures = []
    errors = []
    seeds = range(a.first, a.first + a.n)
    with ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for seed, truth, actual, meta in ex.map(lambda s: run_one(s, work, bdx, forced, a.reuse), seeds):
            if truth is None:
                errors.append((seed, meta))
                continue
            res = cellcmp.compare(truth, actual)
            total[0] += res.right
            total[1] += res.total
            v = meta["variants"]
            for key in bdxgen.REPORTED:
                c = by_variant[(key, str(v[key]))]
                c[0] += res.right
                c[1] += res.total
            for tid, (right, tot, _) in per_table_counts(truth, actual).items():
                tm = meta["tables"][tid]
                for key in (("table", tid), ("table unit", tm["unit"]),
                            ("table broken", "yes" if tm["pages"] > 1 else "no"),
                            ("table landscape", "yes" if tm["landscape"] else "no")):
                    c = by_table[key]
                    c[0] += right
                    c[1] += tot
            for _, msg in res.field_diffs:
                fields_bad[msg.split(":")[0]] += 1
            if not res.diffs and not res.field_diffs:
                docs_ok += 1
            elif res.diffs:
                failures.append((seed, res.diffs[0], len(res.diffs)))
            else:
                failures.append((seed, res.field_diffs[0], 0))
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)

    def pct(r, t):
        return f"{r}/{t} = {100.0 * r / t:.2f}%" if t else "0/0"
    n_docs = a.n - len(errors)
    print(f"documents: {n_docs} (seeds {a.first}..{a.first + a.n - 1}), "
          f"all fields right: {docs_ok}")
    print(f"cells right: {pct(*total)}")
    print("\nper variant (document level):")
    for key in bdxgen.REPORTED:
        parts = [f"{val} {pct(*by_variant[(k, val)])}"
                 for (k, val) in sorted(by_variant) if k == key]
        print(f"  {key}: " + "; ".join(parts))
    print("\nper table:")
    for kind in ("table", "table unit", "table broken", "table landscape"):
        parts = [f"{val} {pct(*by_table[(k, val)])}" for (k, val) in sorted(by_table) if k == kind]
        print(f"  {kind}: " + "; ".join(parts))
    if fields_bad:
        print("\nother fields wrong (count of differences):")
        for k, n in fields_bad.most_common(20):
            print(f"  {n:5d}  {k}")
    if errors:
        print(f"\n{len(errors)} documents not compared:")
        for seed, msg in errors[:a.failures]:
            print(f"  seed {seed}: {msg}")
    if failures:
        print(f"\nfirst failures ({len(failures)} documents with a difference):")
        for seed, (where, msg), n in failures[:a.failures]:
            print(f"  seed {seed}: {where}: {msg}" + (f"  ({n} cells wrong)" if n else ""))
    return 0 if total[0] == total[1] and not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
