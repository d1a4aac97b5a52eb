#!/usr/bin/env python3
"""OCR accuracy of bdx over scans of generated documents.

usage: ocr-accuracy.py N [--first SEED] [--scan clean300|rough200|both]
                       [--jobs J] [--bdx PATH] [--keep DIR] [--worst K]
                       [--variant KEY=VALUE ...]

Generates N documents (seeds SEED .. SEED+N-1, default 1000) and their
scans, runs `bdx extract --jobs J` on each scan (one at a time: OCR uses
J threads) and counts the table cells against the truth with
scripts/ocr-cells.py: cells right / total, amounts right, wrong cells
flagged (a notice or a failed check says so) and silently wrong, per
document and overall, then the K worst documents' silent cells.

Scans (genscan.py):
  clean300   300 dpi, no skew, no noise, JPEG 75 (bdxgen.py --scan 300)
  rough200   200 dpi, skew up to 1.5 degrees, noise 0.4, JPEG 60

With --keep DIR the documents, scans and bdx's JSON stay in DIR; a rerun
generates only what is missing there and runs bdx again (--no-run: only
count the JSON already there).  bdx is $BDX, --bdx or build/bdx; the
patterns $BDX_PATTERNS or patterns/.  Standard library only.
"""

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

from accuracy import find_bdx  # noqa: E402  (this folder)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True    # no __pycache__ in the source tree
ROOT = os.path.dirname(os.path.dirname(HERE))

SCANS = {
    "clean300": ["--dpi", "300", "--jpeg", "75"],
    "rough200": ["--dpi", "200", "--skew", "1.5", "--noise", "0.4", "--jpeg", "60"],
}


def load_ocr_cells():
    spec = importlib.util.spec_from_file_location(
        "ocr_cells", os.path.join(ROOT, "scripts", "ocr-cells.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(cmd):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return r.returncode, r.stdout.decode(errors="replace")


def prepare(seed, scan, work, forced):
    """The truth and the scan of one seed, made when missing; or an error."""
    name = f"gen-{seed}"
    truth = os.path.join(work, name + ".json")
    pdf = os.path.join(work, name + ".pdf")
    if not (os.path.exists(truth) and os.path.exists(pdf)):
        rc, out = run([sys.executable, os.path.join(HERE, "bdxgen.py"), "--seed", str(seed),
                       "--out", work, "--name", name]
                      + sum((["--variant", f"{k}={v}"] for k, v in forced.items()), []))
        if rc != 0:
            return None, None, "generator failed: " + out[-400:]
    spdf = os.path.join(work, f"{name}.{scan}.pdf")
    if not os.path.exists(spdf):
        rc, out = run([sys.executable, os.path.join(HERE, "genscan.py"), pdf, spdf,
                       "--seed", str(seed)] + SCANS[scan])
        if rc != 0:
            return None, None, "scan failed: " + out[-400:]
    return truth, spdf, None


def main(argv):
    ap = argparse.ArgumentParser(description="OCR accuracy over generated scans")
    ap.add_argument("n", type=int)
    ap.add_argument("--first", type=int, default=1000)
    ap.add_argument("--scan", choices=["clean300", "rough200", "both"], default="clean300")
    ap.add_argument("--jobs", type=int, default=2, help="bdx --jobs (default 2)")
    ap.add_argument("--bdx")
    ap.add_argument("--keep")
    ap.add_argument("--no-run", action="store_true",
                    help="with --keep: count bdx's JSON already there")
    ap.add_argument("--worst", type=int, default=3,
                    help="list the silent cells of the K worst documents")
    ap.add_argument("--list", action="store_true", help="list every wrong cell")
    ap.add_argument("--variant", action="append", default=[])
    a = ap.parse_args(argv[1:])
    bdx = find_bdx(a.bdx)
    os.environ.setdefault("BDX_PATTERNS", os.path.join(ROOT, "patterns"))
    forced = dict(kv.split("=", 1) for kv in a.variant)
    work = a.keep or tempfile.mkdtemp(prefix="bdxocr-")
    os.makedirs(work, exist_ok=True)
    cells = load_ocr_cells()
    scans = ["clean300", "rough200"] if a.scan == "both" else [a.scan]

    status = 0
    for scan in scans:
        tot = dict(total=0, right=0, amounts=0, amounts_right=0, flagged=0, silent=0)
        per_doc = []
        print(f"== {scan} ==")
        for seed in range(a.first, a.first + a.n):
            truth, spdf, err = prepare(seed, scan, work, forced)
            if err:
                print(f"  seed {seed}: {err}")
                status = 1
                continue
            out = spdf[:-4] + ".out.json"
            secs = 0.0
            if not a.no_run or not os.path.exists(out):
                t0 = time.monotonic()
                rc, msg = run([bdx, "extract", "-q", "--jobs", str(a.jobs), spdf, "-o", out])
                secs = time.monotonic() - t0
                if rc not in (0, 6, 7) or not os.path.exists(out):
                    print(f"  seed {seed}: bdx exit {rc}: {msg[-400:]}")
                    status = 1
                    continue
            with open(truth, encoding="utf-8") as f:
                exp = json.load(f)
            with open(out, encoding="utf-8") as f:
                act = json.load(f)
            c = cells.count_cells(exp, act)
            for k in tot:
                tot[k] += c[k]
            per_doc.append((seed, c))
            pct = 100.0 * c["right"] / c["total"] if c["total"] else 100.0
            print(f"  seed {seed}: cells {c['right']}/{c['total']} ({pct:.2f}%), "
                  f"amounts {c['amounts_right']}/{c['amounts']}, "
                  f"wrong {c['flagged']} flagged, {c['silent']} silent"
                  + (f"  [{secs:.0f} s]" if secs else ""), flush=True)
            if a.list:
                for w in c["wrong"]:
                    print("      " + w)
        pct = lambda r, t: 100.0 * r / t if t else 100.0
        print(f"  overall: cells {tot['right']}/{tot['total']} "
              f"({pct(tot['right'], tot['total']):.2f}%), amounts "
              f"{tot['amounts_right']}/{tot['amounts']} "
              f"({pct(tot['amounts_right'], tot['amounts']):.2f}%), "
              f"wrong {tot['flagged']} flagged, {tot['silent']} silent")
        worst = sorted(per_doc, key=lambda sc: sc[1]["right"] / max(1, sc[1]["total"]))
        for seed, c in worst[:a.worst]:
            silent = [w for w in c["wrong"] if w.startswith("SILENT")]
            if not silent:
                continue
            print(f"  seed {seed}, silently wrong ({len(silent)}):")
            for w in silent[:15]:
                print("      " + w)
            if len(silent) > 15:
                print(f"      … {len(silent) - 15} more")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
