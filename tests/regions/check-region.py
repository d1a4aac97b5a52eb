#!/usr/bin/env python3
"""Check bdx's output for one real document against a hand-written
expectation (tests/regions/*.json, written from the PDF's text, never
from bdx's output).

usage: check-region.py EXPECTED.json ACTUAL.json EXIT_CODE

EXPECTED holds:
  "files"     the document's PDF(s), relative to the real samples folder
              (used by regions.sh, not here);
  "exit"      bdx's exit code;
  "document"  keys of the output's "document" that must be equal;
  "template"  the fingerprint's "tables" list ("id@variant" per table);
  "tables"    every table, in order: the keys given must be equal, and
              "columns" is the list of column ids in printed order;
  "cells"     [TABLE, SIDE, ROW, COLUMN, PRINTED]: the amount in that
              cell is PRINTED (the text as printed, "1,068.78"; null for a
              blank cell), read in the table's unit.  ROW is a code, a
              name (blanks ignored), or "@total" (the total row); SIDE is
              "income", "expenditure" or null;
  "facts"     [KEY, PRINTED, UNIT]: a fact of the narrative;
  "failed"    [CHECK_ID, ROW]: exactly the validation checks that fail
              (the document's own inconsistencies).
Exit status 0 when everything holds, 1 otherwise (every difference is
printed).  Standard library only.
"""

import json
import re
import sys
import unicodedata
from decimal import Decimal

FEN = {"元": 100, "千元": 100000, "万元": 1000000, "亿元": 10000000000}


def fen(printed, unit):
    if printed is None:
        return None
    return int(Decimal(printed.replace(",", "")) * FEN[unit])


def key(name):
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", name or ""))


def find_row(table, side, row):
    cands = [r for r in table["rows"] if side is None or r.get("side") == side]
    if row == "@total":
        totals = [r for r in cands if r["kind"] == "total"]
        for r in totals:
            if r["name"] and "总计" in r["name"]:
                return r
        return totals[0] if totals else None
    if re.fullmatch(r"\d+", row):
        for r in cands:
            if r["code"] == row:
                return r
        return None
    for r in cands:
        if key(r["name"]) == key(row):
            return r
    return None


def main():
    exp = json.load(open(sys.argv[1]))
    act = json.load(open(sys.argv[2]))
    code = int(sys.argv[3])
    errors = []

    if exp.get("exit", 0) != code:
        errors.append(f"exit code {code}, expected {exp.get('exit', 0)}")
    for k, v in exp.get("document", {}).items():
        if act["document"].get(k) != v:
            errors.append(f"document.{k}: {act['document'].get(k)!r}, expected {v!r}")
    if "template" in exp and act["template"]["tables"] != exp["template"]:
        errors.append(f"template.tables: {act['template']['tables']}, expected {exp['template']}")

    tables = act["tables"]
    if "tables" in exp:
        if len(tables) != len(exp["tables"]):
            errors.append(f"{len(tables)} tables, expected {len(exp['tables'])}: "
                          f"{[t['id'] for t in tables]}")
        for i, (et, at) in enumerate(zip(exp["tables"], tables)):
            for k, v in et.items():
                got = [c["id"] for c in at["columns"]] if k == "columns" else at.get(k)
                if got != v:
                    errors.append(f"tables[{i}] ({at['id']}).{k}: {got!r}, expected {v!r}")

    for table_id, side, row, column, printed in exp.get("cells", []):
        t = next((t for t in tables if t["id"] == table_id), None)
        if t is None:
            errors.append(f"cell {table_id}/{row}: no such table")
            continue
        r = find_row(t, side, row)
        if r is None:
            errors.append(f"cell {table_id}/{side}/{row}: no such row")
            continue
        cols = [c for c in t["columns"] if side is None or c.get("side") == side]
        idx = next((i for i, c in enumerate(cols) if c["id"] == column), None)
        if idx is None:
            errors.append(f"cell {table_id}/{row}/{column}: no such column")
            continue
        want = fen(printed, t["unit"])
        got = r["values"][idx]
        if got != want:
            errors.append(f"cell {table_id}/{side}/{row}/{column}: {got}, expected {want} ({printed})")

    for fact_key, printed, unit in exp.get("facts", []):
        f = next((f for f in act["facts"] if f["key"] == fact_key), None)
        want = fen(printed, unit)
        if f is None:
            errors.append(f"fact {fact_key}: missing")
        elif f["value"] != want:
            errors.append(f"fact {fact_key}: {f['value']}, expected {want} ({printed} {unit})")

    if "failed" in exp:
        want = sorted((i, r) for i, r in exp["failed"])
        got = sorted((c["id"], c["row"]) for c in act["validation"]["results"]
                     if c["status"] == "failed")
        for x in got:
            if x not in want:
                errors.append(f"check failed unexpectedly: {x}")
        for x in want:
            if x not in got:
                errors.append(f"check did not fail: {x}")

    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
