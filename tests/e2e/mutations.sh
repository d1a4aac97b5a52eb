#!/usr/bin/env bash
# A changed number is caught: the sample's JSON with one number altered at
# a time (a total, a cell in the middle of table 7, a narrative fact, a
# project allocation) gives `bdx validate` exit 7, with a failed check in
# the right table and row, and failures nowhere unrelated.
#   mutations.sh BDX PYTHON PDF
set -euo pipefail
bdx=$1 py=$2 pdf=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bdx" extract -q "$pdf" -o "$out/base.json"
"$py" - "$bdx" "$out" <<'PY'
import json, subprocess, sys, copy
bdx, out = sys.argv[1], sys.argv[2]
base = json.load(open(out + "/base.json"))

def table(d, tid):
    return next(t for t in d["tables"] if t["id"] == tid)

def col(t, cid):
    return next(i for i, c in enumerate(t["columns"]) if c["id"] == cid)

def mutate_cell(tid, pick, cid, delta):
    def f(d):
        t = table(d, tid)
        r = next(r for r in t["rows"] if pick(r))
        r["values"][col(t, cid)] += delta
    return f

def mutate_fact(key, delta):
    def f(d):
        next(x for x in d["facts"] if x["key"] == key)["value"] += delta
    return f

def mutate_alloc(p, i, delta):
    def f(d):
        d["projects"][p]["allocation"][i]["amount"] += delta
    return f

# (name, mutation, where a failure must be: (table or fact key, row),
#  tables/keys that failures may name at all)
cases = [
    ("table 3 total", mutate_cell("expenditure_summary", lambda r: r["kind"] == "total", "total", 100000),
     ("expenditure_summary", None),
     {"expenditure_summary", "revenue_expenditure_summary", "general_budget_expenditure",
      "revenue_summary", "fiscal_summary", None}),
    ("table 7 middle cell", mutate_cell("general_budget_project_expenditure",
                                        lambda r: r.get("project") == "克州数字政府工作业务经费项目",
                                        "goods_services", 10000),
     ("general_budget_project_expenditure", "克州数字政府工作业务经费项目"),
     {"general_budget_project_expenditure"}),
    ("narrative fact", mutate_fact("basic_expenditure", 1000000),
     ("basic_expenditure", None), None),
    ("project allocation", mutate_alloc(0, 1, 1000000),
     ("克州电子政务外网专项运维费项目", None), None),
]
bad = 0
for name, mut, (where, row), allowed in cases:
    d = copy.deepcopy(base)
    mut(d)
    path = "%s/m.json" % out
    json.dump(d, open(path, "w"), ensure_ascii=False)
    p = subprocess.run([bdx, "validate", path], capture_output=True, text=True)
    v = subprocess.run([bdx, "validate", path, "-o", out + "/v.json"], capture_output=True, text=True)
    res = json.load(open(out + "/v.json"))["validation"]["results"]
    failed = [c for c in res if c["status"] == "failed"]
    hit = [c for c in failed
           if where in (c["table"], c["row"]) or where in c["id"]
           if row is None or c["row"] == row or row in (c["message"] or "")]
    stray = [c for c in failed if allowed is not None and c["table"] not in allowed]
    ok = p.returncode == 7 and hit and not stray
    print("%s %-20s exit %d, %d failed, %d in the right place%s" % (
        "ok  " if ok else "FAIL", name, p.returncode, len(failed), len(hit),
        "" if not stray else "; unrelated: " + ", ".join(c["id"] for c in stray)))
    if not ok:
        bad += 1
        for c in failed[:8]:
            print("     ", c["id"], c["table"], c["row"], c["column"], c["message"])
sys.exit(1 if bad else 0)
PY
