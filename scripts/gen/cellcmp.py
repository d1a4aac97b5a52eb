#!/usr/bin/env python3
"""Compare bdx's output with a generated truth, table cell by table cell.

usage: cellcmp.py TRUTH.json ACTUAL.json [--all]

A table cell is one amount in a row's `values`, or one of the row's label
fields (code, name, project).  Tables are matched by their position in
the truth (the generator prints the template's tables in order) and, when
bdx found a different number of tables, by id; rows by their printed
order, after aligning the two row lists on (side, code, name, project) so
that one missing row does not shift every row after it.  A truth row bdx
did not find counts all its cells wrong.

Prints "cells right/total", then the first differing cell (or all of them
with --all), e.g.
  tables[4] general_budget_expenditure (表5) row 2101101 行政单位医疗
  column basic: expected 21300000, got null
Exit status 0 when every cell and every other field checked is right
(columns, ids, titles, numbers, units, empty/note), 1 otherwise.
Standard library only.
"""

import difflib
import json
import signal
import sys


def row_key(r):
    return (r.get("side"), r.get("code"), r.get("name"), r.get("project"))


def row_label(r):
    s = " ".join(str(x) for x in (r.get("side"), r.get("code"), r.get("name")) if x)
    if r.get("project"):
        s += f" [{r['project']}]"
    return s


def cells_of(r):
    n = len(r.get("values", []))
    n += 2  # code, name
    if "project" in r:
        n += 1
    return n


def pair_tables(truth, actual):
    """[(truth table, actual table or None)]."""
    ta, aa = truth.get("tables", []), actual.get("tables", [])
    if len(ta) == len(aa):
        return list(zip(ta, aa))
    out = []
    used = set()
    for t in ta:
        hit = None
        for k, a in enumerate(aa):
            if k not in used and a.get("id") == t.get("id") and t.get("id"):
                hit = k
                break
        if hit is not None:
            used.add(hit)
            out.append((t, aa[hit]))
        else:
            out.append((t, None))
    return out


class Result:
    def __init__(self):
        self.right = 0
        self.total = 0
        self.diffs = []       # (where, message)
        self.field_diffs = []

    def cell(self, ok, where, msg):
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.diffs.append((where, msg))


def same(e, a):
    if e is None or a is None:
        return e is None and a is None
    if isinstance(e, bool) or isinstance(a, bool):
        return e is a
    return e == a


def compare_table(ti, t, a, res):
    tid = t.get("id")
    label = f"tables[{ti}] {tid} (表{t.get('number')})"
    if a is None:
        n = sum(cells_of(r) for r in t["rows"])
        res.total += n
        res.diffs.append((label, "table not found by bdx"))
        return
    for key in ("id", "number", "title", "unit", "empty", "note", "department"):
        if key in t and not same(t[key], a.get(key)):
            res.field_diffs.append((label, f"{key}: expected {json.dumps(t[key], ensure_ascii=False)}, "
                                           f"got {json.dumps(a.get(key), ensure_ascii=False)}"))
    if "pages" in t and t["pages"] != a.get("pages"):
        res.field_diffs.append((label, f"pages: expected {t['pages']}, got {a.get('pages')}"))
    tc, ac = t.get("columns", []), a.get("columns", [])
    if len(tc) != len(ac):
        res.field_diffs.append((label, f"columns: expected {len(tc)}, got {len(ac)}: "
                                       + json.dumps([c.get('header') for c in ac], ensure_ascii=False)))
    for k, c in enumerate(tc):
        if k < len(ac):
            for key in ("id", "header", "side"):
                if key in c and not same(c[key], ac[k].get(key)):
                    res.field_diffs.append((label, f"columns[{k}].{key}: expected "
                                                   f"{json.dumps(c[key], ensure_ascii=False)}, got "
                                                   f"{json.dumps(ac[k].get(key), ensure_ascii=False)}"))
    cols = [c.get("id") or c.get("header") for c in tc]
    trows, arows = t.get("rows", []), a.get("rows", [])
    sm = difflib.SequenceMatcher(a=[row_key(r) for r in trows],
                                 b=[row_key(r) for r in arows], autojunk=False)
    pairs = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            pairs += list(zip(range(i1, i2), range(j1, j2)))
        elif op in ("replace", "delete"):
            # unequal replace: pair what we can in order, the rest missing
            k = min(i2 - i1, j2 - j1) if op == "replace" else 0
            pairs += list(zip(range(i1, i1 + k), range(j1, j1 + k)))
            pairs += [(i, None) for i in range(i1 + k, i2)]
        # insertions (extra actual rows) cost nothing per cell but are noted
        if op in ("insert", "replace") and j2 - j1 > i2 - i1:
            extra = arows[j1 + (i2 - i1):j2]
            for r in extra:
                res.field_diffs.append((label, f"extra row: {row_label(r)} "
                                               f"{json.dumps(r.get('values'), ensure_ascii=False)}"))
    pairs.sort(key=lambda p: p[0])
    for i, j in pairs:
        tr = trows[i]
        where = f"{label} row {i} {row_label(tr)}"
        if j is None:
            res.total += cells_of(tr)
            res.diffs.append((where, "row not found by bdx"))
            continue
        ar = arows[j]
        for key in ("code", "name", "project"):
            if key == "project" and key not in tr:
                continue
            res.cell(same(tr.get(key), ar.get(key)), where,
                     f"{key}: expected {json.dumps(tr.get(key), ensure_ascii=False)}, "
                     f"got {json.dumps(ar.get(key), ensure_ascii=False)}")
        tv, av = tr.get("values", []), ar.get("values", [])
        side_cols = [c for c in tc if c.get("side") == tr.get("side")] if "side" in tr else tc
        names = [c.get("id") or c.get("header") for c in side_cols]
        for k, x in enumerate(tv):
            y = av[k] if k < len(av) else "(missing)"
            col = names[k] if k < len(names) else k
            res.cell(same(x, y) if y != "(missing)" else False, where,
                     f"column {col}: expected {json.dumps(x)}, got {json.dumps(y)}")
        for key in ("kind", "level"):
            if not same(tr.get(key), ar.get(key)):
                res.field_diffs.append((where, f"{key}: expected {tr.get(key)}, got {ar.get(key)}"))


def compare(truth, actual):
    res = Result()
    for k in ("kind", "year", "department", "published", "unit"):
        d = truth.get("document", {})
        if k in d and not same(d[k], actual.get("document", {}).get(k)):
            res.field_diffs.append(("document", f"{k}: expected {json.dumps(d[k], ensure_ascii=False)}, "
                                                f"got {json.dumps(actual.get('document', {}).get(k), ensure_ascii=False)}"))
    pairs = pair_tables(truth, actual)
    for ti, (t, a) in enumerate(pairs):
        compare_table(ti, t, a, res)
    if len(actual.get("tables", [])) > len(truth.get("tables", [])):
        extra = [x.get("title") for x in actual["tables"]][len(truth["tables"]):]
        res.field_diffs.append(("tables", f"{len(actual['tables'])} tables, expected "
                                          f"{len(truth['tables'])}; extra: {extra}"))
    # projects: every field of each
    tp, ap = truth.get("projects", []), actual.get("projects", [])
    res.projects_total = len(tp)
    res.projects_right = 0
    for k, p in enumerate(tp):
        q = ap[k] if k < len(ap) else None
        bad = []
        if q is None:
            bad.append("missing")
        else:
            for key, val in p.items():
                if val != q.get(key):
                    bad.append(f"{key}: expected {json.dumps(val, ensure_ascii=False)[:80]}, "
                               f"got {json.dumps(q.get(key), ensure_ascii=False)[:80]}")
        if bad:
            res.field_diffs.append((f"projects[{k}] {p['name']}", "; ".join(bad)))
        else:
            res.projects_right += 1
    if len(ap) > len(tp):
        res.field_diffs.append(("projects", f"{len(ap)} projects, expected {len(tp)}"))
    return res


def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # quiet under `| head`
    args = [a for a in argv[1:] if not a.startswith("--")]
    show_all = "--all" in argv
    if len(args) != 2:
        print(__doc__)
        return 2
    with open(args[0], encoding="utf-8") as f:
        truth = json.load(f)
    with open(args[1], encoding="utf-8") as f:
        actual = json.load(f)
    res = compare(truth, actual)
    print(f"cells {res.right}/{res.total}")
    for where, msg in (res.diffs if show_all else res.diffs[:1]):
        print(f"first differing cell: {where}: {msg}" if not show_all else f"{where}: {msg}")
    for where, msg in (res.field_diffs if show_all else res.field_diffs[:5]):
        print(f"field: {where}: {msg}")
    return 0 if not res.diffs and not res.field_diffs else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
