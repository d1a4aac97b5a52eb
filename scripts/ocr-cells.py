#!/usr/bin/env python3
"""Count the table cells bdx got right, against an expected disclosure.

usage: ocr-cells.py [--list] [--tables ID,...] [--min-right PCT]
                    [--max-silent N] EXPECTED.json ACTUAL.json
       ocr-cells.py --self-test

A cell is a table's title, a column's id and header, and each row's kind,
code, name and amounts, from the tables of EXPECTED (a golden such as
tests/golden/kizilsu-2026-budget.expected.json).  Tables are matched by id,
rows in order (by code and name when the counts differ).  A table that
ACTUAL lacks counts all its cells wrong.

A wrong cell is "flagged" when ACTUAL says so: its row's `ocr` marks name
its field (code, name or amount); a notice names its page and the text
OCR read there (bdx's low-confidence notices, or a title's; for a column
header read as nothing, its page and "amount column N"; for a header
under a merged one, "PARENT/CHILD", the text of one of its cells, quoted
alone, when no other column of the table has a cell of that text); or a
failed check concerns its table and row.  Otherwise it is "silent".

--tables restricts the count to the tables of those ids.  Prints the counts
(all cells, amounts only) and, with --list, every wrong cell.  Exit status
0; 1 when fewer than --min-right percent of the cells are right, or more
than --max-silent cells are silently wrong (default: no limits); 2 on a
usage error.  Standard library only.
"""

import difflib
import json
import sys


def amount_text(fen, unit):
    """The printed text of an amount in fen, as a low-confidence notice
    quotes it ("54.81" for 54810000 in 万元)."""
    if fen is None:
        return None
    div = {"万元": 1000000, "元": 100, "千元": 100000, "亿元": 10000000000}.get(unit, 100)
    neg = fen < 0
    fen = abs(fen)
    whole, frac = divmod(fen, div)
    digits = len(str(div)) - 1
    s = str(whole)
    if frac:
        s += "." + str(frac).rjust(digits, "0").rstrip("0")
    return ("-" if neg else "") + s


class Nothing(str):
    """An empty reading, with where it is ("amount column 12") for the
    notice that flags it."""

    def __new__(cls, place):
        s = super().__new__(cls, "")
        s.place = place
        return s


def row_key(r):
    return (r.get("side") or "") + "|" + (r.get("code") or "") + "|" + (r.get("name") or "")


def match_rows(exp_rows, act_rows):
    """Pairs (expected row, actual row or None)."""
    if len(exp_rows) == len(act_rows):
        return list(zip(exp_rows, act_rows))
    sm = difflib.SequenceMatcher(a=[row_key(r) for r in exp_rows],
                                 b=[row_key(r) for r in act_rows], autojunk=False)
    pairs = []
    ai = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs += [(exp_rows[i1 + k], act_rows[j1 + k]) for k in range(i2 - i1)]
        else:
            pairs += [(exp_rows[i], None) for i in range(i1, i2)]
    return pairs


def count_cells(exp, act, only=None):
    """Counts of ACT's table cells against EXP: a dict with total, right,
    amounts, amounts_right, flagged, silent and wrong (one line per
    wrong cell, "flagged" or "SILENT " first)."""
    notices = act.get("notices", [])
    failed = [c for c in act.get("validation", {}).get("results", [])
              if c.get("status") == "failed"]

    def noticed(text, pages):
        return any(f"'{text}'" in n and any(n.startswith(f"page {p}:") for p in pages)
                   for n in notices)

    def flagged(table, arow, text, pages, field=None, parts=None):
        if arow is not None and field is not None \
                and any(m.get("field") == field if isinstance(field, str)
                        else m.get("field") == "values" and m.get("index") == field
                        for m in arow.get("ocr") or []):
            return True
        if text:
            if noticed(text, pages):
                return True
            # a header's own cell, quoted alone: only when no other
            # column has a cell of that text (the notice is this one's)
            for part in parts or []:
                if noticed(part, pages):
                    return True
        elif isinstance(text, Nothing):
            # a cell read as nothing: a notice names its page and place
            for n in notices:
                if text.place in n and any(n.startswith(f"page {p}:") for p in pages):
                    return True
        for c in failed:
            if c.get("table") != table:
                continue
            if arow is None or c.get("row") in (arow.get("code"), arow.get("name"), None):
                return True
        return False

    total = right = 0
    amounts = amounts_right = 0
    silent = flagged_n = 0
    wrong = []

    def count(ok, what, is_amount, table, arow, text, pages, field=None, parts=None):
        nonlocal total, right, amounts, amounts_right, silent, flagged_n
        total += 1
        right += ok
        if is_amount:
            amounts += 1
            amounts_right += ok
        if ok:
            return
        f = flagged(table, arow, text, pages, field, parts)
        flagged_n += f
        silent += not f
        wrong.append(f"{'flagged' if f else 'SILENT '} {table}: {what}")

    act_tables = {}
    for t in act.get("tables", []):
        if t.get("id") and t["id"] not in act_tables:
            act_tables[t["id"]] = t
    for et in exp.get("tables", []):
        tid = et.get("id")
        if only is not None and tid not in only:
            continue
        at = act_tables.get(tid)
        pages = at.get("pages", []) if at else []
        unit = (at or et).get("unit")
        count(at is not None and at.get("title") == et.get("title"),
              f"title {et.get('title')!r} read {at.get('title') if at else None!r}",
              False, tid, None, at.get("title") if at else None, pages)
        acols = at.get("columns", []) if at else []
        # how many columns have a header cell of each text
        cell_uses = {}
        for ac in acols:
            for part in set((ac.get("header") or "").split("/")):
                cell_uses[part] = cell_uses.get(part, 0) + 1
        for i, ec in enumerate(et.get("columns", [])):
            ac = acols[i] if i < len(acols) else None
            ok = ac is not None and ac.get("id") == ec.get("id") \
                and ac.get("header") == ec.get("header")
            read = ac.get("header") if ac else None
            if read == "":
                read = Nothing(f"amount column {i + 1}")
            parts = [p for p in read.split("/") if p and cell_uses.get(p) == 1] \
                if read and "/" in read else None
            count(ok, f"column {i} {ec.get('header')!r} read {ac.get('header') if ac else None!r}",
                  False, tid, None, read, pages, parts=parts)
        for er, ar in match_rows(et.get("rows", []), at.get("rows", []) if at else []):
            label = er.get("name")
            for key in ("kind", "code", "name"):
                ok = ar is not None and ar.get(key) == er.get(key)
                count(ok, f"row {label!r} {key} {er.get(key)!r} read {ar.get(key) if ar else None!r}",
                      False, tid, ar, ar.get(key) if ar else None, pages,
                      field=key if key != "kind" else None)
            avals = ar.get("values", []) if ar else []
            for i, ev in enumerate(er.get("values", [])):
                av = avals[i] if i < len(avals) else "(missing)"
                count(ar is not None and av == ev,
                      f"row {label!r} value {i} {ev!r} read {av!r}", True, tid, ar,
                      amount_text(av, unit) if isinstance(av, int) else None, pages,
                      field=i)

    return {"total": total, "right": right, "amounts": amounts,
            "amounts_right": amounts_right, "flagged": flagged_n,
            "silent": silent, "wrong": wrong}


def self_test():
    """What counts as flagged, on small documents; 0 when all hold."""
    exp = {"tables": [{"id": "t", "title": "T", "unit": "元", "columns": [
        {"id": "a", "header": "资金来源/小计"}, {"id": "b", "header": "其他/小计"},
        {"id": "c", "header": "项目支出"}],
        "rows": [{"kind": "item", "code": "220", "name": "自然资源海洋气象等支出",
                  "values": [100, 100, 0]}]}]}

    def act(name, headers, ocr=None, notices=(), values=(100, 100, 0)):
        row = {"kind": "item", "code": "220", "name": name, "values": list(values)}
        if ocr is not None:
            row["ocr"] = ocr
        return {"tables": [{"id": "t", "title": "T", "unit": "元", "pages": [3],
                            "columns": [{"id": i, "header": h} for i, h in zip("abc", headers)],
                            "rows": [row]}], "notices": list(notices)}

    heads = ["资金来源/小计", "其他/小计", "项目支出"]
    cases = [
        # a name whose notice quotes the cell with its code: its ocr mark flags it
        ("ocr mark", act("自然资源海详气象等支出", heads,
                         [{"field": "name", "read": "220自然资源海详气象等支出",
                           "confidence": 38, "repaired": False}],
                         ["page 3: OCR read '220自然资源海详气象等支出' with low confidence"]),
         1, 0),
        ("no mark", act("自然资源海详气象等支出", heads), 0, 1),
        ("mark of another field", act("自然资源海详气象等支出", heads,
                                      [{"field": "code", "read": "220", "confidence": 38,
                                        "repaired": False}]), 0, 1),
        # an amount read as nothing ("1730,000.00"): its mark flags it
        ("amount mark", act("自然资源海洋气象等支出", heads,
                            [{"field": "values", "index": 1, "read": "1,000.00",
                              "confidence": None, "repaired": False}],
                            values=(100, None, 0)), 1, 0),
        ("mark of another amount", act("自然资源海洋气象等支出", heads,
                                       [{"field": "values", "index": 0, "read": "1.00",
                                         "confidence": 38, "repaired": False}],
                                       values=(100, None, 0)), 0, 1),
        # a header under a merged one, its own cell quoted
        ("own cell quoted", act("自然资源海洋气象等支出", ["资金来原/小计", "其他/小计", "项目支出"],
                                notices=["page 3: OCR read '资金来原' with low confidence"]),
         1, 0),
        ("cell of two columns quoted", act("自然资源海洋气象等支出",
                                           ["资金来源/小汁", "其他/小汁", "项目支出"],
                                           notices=["page 3: OCR read '小汁' with low confidence"]),
         0, 2),
        # a title quoted by a notice on its page
        ("title quoted", dict(act("自然资源海洋气象等支出", heads), tables=[dict(
            act("自然资源海洋气象等支出", heads)["tables"][0], title="T”")],
            notices=["page 3: OCR read the title 'T”', whose quotes or brackets do not pair"]),
         1, 0),
        ("other page", act("自然资源海洋气象等支出", ["资金来原/小计", "其他/小计", "项目支出"],
                           notices=["page 4: OCR read '资金来原' with low confidence"]),
         0, 1),
    ]
    bad = 0
    for name, a, flagged, silent in cases:
        c = count_cells(exp, a)
        if (c["flagged"], c["silent"]) != (flagged, silent):
            print(f"self-test {name}: {c['flagged']} flagged, {c['silent']} silent; "
                  f"expected {flagged}, {silent}: {c['wrong']}")
            bad += 1
    print(f"self-test: {len(cases) - bad}/{len(cases)} cases pass")
    return 1 if bad else 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    args = [a for a in argv[1:]]
    listing = "--list" in args
    args = [a for a in args if a != "--list"]
    def option(name, conv):
        if name not in args:
            return None
        k = args.index(name)
        if k + 1 >= len(args):
            return None
        v = conv(args[k + 1])
        del args[k:k + 2]
        return v
    try:
        max_silent = option("--max-silent", int)
        min_right = option("--min-right", float)
        only = option("--tables", lambda v: set(v.split(",")))
    except ValueError:
        print(__doc__, file=sys.stderr)
        return 2
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    exp = json.load(open(args[0], encoding="utf-8"))
    act = json.load(open(args[1], encoding="utf-8"))
    c = count_cells(exp, act, only)
    total, right, silent, wrong = c["total"], c["right"], c["silent"], c["wrong"]
    amounts, amounts_right, flagged_n = c["amounts"], c["amounts_right"], c["flagged"]

    pct = lambda a, b: 100.0 * a / b if b else 100.0
    print(f"cells: {right}/{total} right ({pct(right, total):.2f}%); "
          f"amounts: {amounts_right}/{amounts} ({pct(amounts_right, amounts):.2f}%); "
          f"wrong: {flagged_n} flagged, {silent} silent")
    if listing:
        for w in wrong:
            print("  " + w)
    if max_silent is not None and silent > max_silent:
        print(f"FAIL: {silent} cells silently wrong (at most {max_silent} allowed)")
        return 1
    if min_right is not None and pct(right, total) < min_right:
        print(f"FAIL: {pct(right, total):.2f}% of the cells right, "
              f"less than {min_right}%")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
