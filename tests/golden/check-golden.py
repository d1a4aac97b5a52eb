#!/usr/bin/env python3
"""Self-check of a hand-written golden of bdx.disclosure/1.

usage: check-golden.py [--verbose] [GOLDEN] [SEED_TEXT]

GOLDEN defaults to kizilsu-2026-budget.expected.json next to this script.
Without SEED_TEXT only the golden's own consistency is checked:
  - shape: 11 tables, values aligned with columns, level matches code,
    kind "total" exactly for 合计/总计 rows, amounts are integers or null,
    every text NFKC-normalized and free of whitespace;
  - arithmetic: 类 = Σ款 = Σ项 per column, total rows = Σ their parts,
    row identities (合计 = 基本支出 + 项目支出, ...), each project's
    allocation = its amount, and the tables, projects and performance
    tables against each other.
With SEED_TEXT (the converted text of the source document) it also checks
that every table row's amounts are the ones in the same cells of the same
seed row (rows matched by side, code, name and project; every seed data row
must be matched), that every text of the golden occurs in the seed, and
that the projects and performance tables restate the seed.

A sum that differs from its parts by no more than the printed rounding
(half a printed unit, 0.005 万元 = 5000 fen, per summed item) is reported
as within_rounding, not as a failure.  Exit status 0 when nothing failed.
Standard library only.
"""

import json
import os
import re
import sys
import unicodedata
from decimal import Decimal

HALF_UNIT = 5000      # fen: half of 0.01 万元
ONE_UNIT = 10000      # fen: 0.01 万元
TOTAL_NAMES = {"合计", "总计", "收入总计", "支出总计"}


def norm(s):
    """NFKC, no markup, no whitespace: how golden texts are written."""
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"</?(b|p)>", "", s).replace("**", "")
    return re.sub(r"\s+", "", s)


def fen(text):
    """Printed 万元 decimal -> integer fen, or None for a blank cell."""
    text = norm(text)
    if text == "":
        return None
    d = Decimal(text) * 1000000
    if d != d.to_integral_value():
        raise ValueError(f"not a whole number of fen: {text!r}")
    return int(d)


def wan(v):
    return "null" if v is None else f"{Decimal(v) / 1000000:.2f}"


class Report:
    def __init__(self, verbose):
        self.verbose = verbose
        self.counts = {"passed": 0, "within_rounding": 0, "failed": 0}
        self.sections = {}
        self.section = None

    def begin(self, name):
        self.section = name
        self.sections[name] = {"passed": 0, "within_rounding": 0, "failed": 0}

    def add(self, status, msg):
        self.counts[status] += 1
        self.sections[self.section][status] += 1
        if status != "passed" or self.verbose:
            print(f"  {status:15s} {msg}")

    def ok(self, cond, msg):
        self.add("passed" if cond else "failed", msg)
        return cond

    def sum(self, expected, parts, msg, tolerance_per_item=HALF_UNIT):
        """expected (printed) against the sum of printed parts; None is 0."""
        e = expected or 0
        a = sum(p or 0 for p in parts)
        n = max(1, sum(1 for p in parts if p is not None))
        diff = abs(e - a)
        if diff == 0:
            status = "passed"
        elif diff <= tolerance_per_item * n:
            status = "within_rounding"
        else:
            status = "failed"
        self.add(status, f"{msg}: printed {wan(expected)}, parts add to "
                         f"{wan(a)} ({len(parts)} parts)")


# ---------------------------------------------------------------- shape

def walk_strings(x, path=""):
    if isinstance(x, str):
        yield path, x
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from walk_strings(v, f"{path}[{i}]")
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from walk_strings(v, f"{path}.{k}" if path else k)


def columns_of(table, side):
    return [c for c in table["columns"] if c.get("side") == side]


def check_shape(g, r):
    r.begin("shape")
    r.ok(g.get("format") == "bdx.disclosure/1", "format is bdx.disclosure/1")
    tables = g["tables"]
    r.ok([t["number"] for t in tables] == list(range(1, 12)),
         "11 tables numbered 1..11 in order")
    for t in tables:
        tid = t["id"]
        r.ok(t["empty"] == (len(t["rows"]) == 0), f"{tid}: empty flag")
        r.ok((t["note"] is not None) == t["empty"], f"{tid}: note iff empty")
        two_sided = any("side" in c for c in t["columns"])
        for i, row in enumerate(t["rows"]):
            where = f"{tid} row {i} {row['name']}"
            side = row.get("side")
            r.ok(two_sided == (side is not None), f"{where}: side present iff two-sided")
            cols = columns_of(t, side)
            r.ok(len(row["values"]) == len(cols), f"{where}: {len(cols)} values")
            r.ok(all(v is None or (isinstance(v, int) and not isinstance(v, bool))
                     for v in row["values"]), f"{where}: amounts are int fen or null")
            code = row["code"]
            if code is None:
                r.ok(row["level"] is None, f"{where}: no code, no level")
            else:
                want = {3: 1, 5: 2, 7: 3}.get(len(code))
                r.ok(code.isdigit() and row["level"] == want,
                     f"{where}: level {row['level']} for code {code}")
            r.ok((row["kind"] == "total") == (row["name"] in TOTAL_NAMES),
                 f"{where}: kind {row['kind']}")
            r.ok(("project" in row) == (tid == "general_budget_project_expenditure"),
                 f"{where}: project key only in the project table")
    for p in g["projects"]:
        r.ok(isinstance(p["amount"], int) and
             all(isinstance(a["amount"], int) for a in p["allocation"]),
             f"project {p['name']}: amounts are int fen")
    ops = {"=": "=", ">=": ">=", "<=": "<=", "≥": ">=", "≤": "<=", ">": ">", "<": "<"}
    level2_of = {"产出指标": {"数量指标", "质量指标", "时效指标"},
                 "成本指标": {"经济成本指标", "社会成本指标", "生态环境成本指标"},
                 "效益指标": {"经济效益指标", "社会效益指标", "生态效益指标",
                              "可持续影响指标"},
                 "满意度指标": {"满意度指标", "服务对象满意度指标"}}
    for pf in g["performance"]:
        label = pf.get("project") or "department"
        for ind in pf["indicators"]:
            m = re.fullmatch(r"(>=|<=|≥|≤|=|>|<)(\d+(?:\.\d+)?)(.*)", ind["target"])
            want = (ops[m.group(1)], float(m.group(2)), m.group(3) or None) if m else \
                (None, None, None)
            r.ok((ind["op"], ind["value"], ind["unit"]) == want,
                 f"{label}: {ind['name']}: op/value/unit {ind['op']} {ind['value']} "
                 f"{ind['unit']} from target {ind['target']}")
            if pf["scope"] == "project":
                r.ok(ind["level2"] in level2_of.get(ind["level1"], ()),
                     f"{label}: {ind['name']}: {ind['level1']}/{ind['level2']}")
    # every table of this template keeps 10 of 100 points for 预算执行率,
    # which is not printed as a row: the printed weights add to 90
    sums = [sum(i["weight"] for i in pf["indicators"]) for pf in g["performance"]]
    r.ok(len(set(sums)) == 1, f"indicator weights add to the same total in every table: {sums}")
    for path, s in walk_strings(g):
        if s != unicodedata.normalize("NFKC", s) or re.search(r"\s", s):
            r.add("failed", f"{path}: text not NFKC or has whitespace: {s!r}")
    r.add("passed", "all texts NFKC-normalized, without whitespace")


# ----------------------------------------------------------- arithmetic

def side_groups(t):
    sides = []
    for row in t["rows"]:
        if row.get("side") not in sides:
            sides.append(row.get("side"))
    return [(s, [row for row in t["rows"] if row.get("side") == s]) for s in sides]


def colname(t, side, j):
    c = columns_of(t, side)[j]
    return c["id"] or c["header"]


def check_hierarchy(t, r):
    """类 = Σ款 = Σ项, total = Σ类, per column; income side by numbering."""
    tid = t["id"]
    for side, rows in side_groups(t):
        ncol = len(columns_of(t, side))
        coded = [row for row in rows if row["code"]]
        by_parent = {}
        for row in coded:
            for parent in coded:
                pc = parent["code"]
                if len(row["code"]) == len(pc) + 2 and row["code"].startswith(pc):
                    by_parent.setdefault(pc, (parent, []))[1].append(row)
        groups = list(by_parent.values())
        # income side of two-sided tables: 一、 > 1. > 其中/plain, by position
        if side == "income":
            top = mid = None
            for row in rows:
                n = row["name"]
                if row["kind"] == "total":
                    continue
                if re.match(r"^[一二三四五六七八九十]+、", n):
                    top, mid = row, None
                    groups.append((row, []))
                elif re.match(r"^\d+\.", n):
                    mid = row
                    next(g for g in groups if g[0] is top)[1].append(row)
                    groups.append((row, []))
                else:
                    parent = mid or top
                    next(g for g in groups if g[0] is parent)[1].append(row)
        for parent, children in groups:
            if not children:
                continue
            for j in range(ncol):
                vals = [c["values"][j] for c in children]
                if parent["values"][j] is None and all(v is None for v in vals):
                    continue
                label = parent["code"] or parent["name"]
                r.sum(parent["values"][j], vals,
                      f"{tid}{'/' + side if side else ''} {label} = Σ children "
                      f"[{colname(t, side, j)}]")
        totals = [row for row in rows if row["kind"] == "total"]
        if side == "income":
            tops = [row for row in rows
                    if re.match(r"^[一二三四五六七八九十]+、", row["name"])]
        else:
            tops = [row for row in rows if row["level"] == 1]
        for total in totals:
            if not tops:
                continue
            for j in range(ncol):
                vals = [row["values"][j] for row in tops]
                if total["values"][j] is None and all(v is None for v in vals):
                    continue
                r.sum(total["values"][j], vals,
                      f"{tid}{'/' + side if side else ''} {total['name']} = Σ top rows "
                      f"[{colname(t, side, j)}]")


ROW_IDENTITIES = {
    # table id: [(total column, [part columns])], side None or expenditure
    "revenue_summary": [
        ("total", ["fiscal_subtotal", "special_account", "unit_funds",
                   "fiscal_carryover", "nonfiscal_carryover"]),
        ("fiscal_subtotal", ["general_budget", "general_budget_transfer",
                             "government_fund", "government_fund_transfer",
                             "state_capital", "state_capital_transfer"])],
    "expenditure_summary": [("total", ["basic", "project"])],
    "fiscal_summary": [("total", ["general_budget", "government_fund", "state_capital"])],
    "general_budget_expenditure": [("total", ["basic", "project"])],
    "general_budget_basic_expenditure": [("total", ["personnel", "public"])],
    "general_budget_project_expenditure": [
        ("total", ["wages_welfare", "goods_services", "household_subsidy",
                   "debt_interest", "capital_construction", "capital",
                   "enterprise_subsidy_construction", "enterprise_subsidy",
                   "social_security_subsidy", "other"])],
    "government_fund_expenditure": [("total", ["personnel", "public", "project"])],
    "state_capital_expenditure": [("total", ["personnel", "public", "project"])],
    "three_public_expenses": [("total", ["general_budget", "government_fund", "state_capital"])],
    "carryover": [("total", ["fiscal_subtotal", "nonfiscal_subtotal"]),
                  ("fiscal_subtotal", ["fiscal_basic_personnel", "fiscal_basic_public",
                                       "fiscal_project"]),
                  ("nonfiscal_subtotal", ["nonfiscal_basic_personnel",
                                          "nonfiscal_basic_public", "nonfiscal_project"])],
}


def check_row_identities(t, r):
    tid = t["id"]
    for side, rows in side_groups(t):
        cols = [c["id"] for c in columns_of(t, side)]
        for total_id, part_ids in ROW_IDENTITIES.get(tid, []):
            if total_id not in cols or not all(p in cols for p in part_ids):
                continue
            if side == "income":
                continue
            ti, pis = cols.index(total_id), [cols.index(p) for p in part_ids]
            # table 7: the brief's rule is 1 cent per summed item
            tol = ONE_UNIT if tid == "general_budget_project_expenditure" else HALF_UNIT
            for row in rows:
                vals = [row["values"][i] for i in pis]
                if row["values"][ti] is None and all(v is None for v in vals):
                    continue
                label = row["code"] or row["name"]
                if row.get("project"):
                    label += " " + row["project"]
                r.sum(row["values"][ti], vals,
                      f"{tid} {label}: {total_id} = Σ {'+'.join(part_ids)}", tol)


def check_three_public(t, r):
    rows = {row["name"]: row for row in t["rows"]}
    groups = [("合计", ["因公出国(境)费", "公务接待费", "公务用车购置及运行费(小计)"]),
              ("公务用车购置及运行费(小计)", ["其中:公务用车购置费", "公务用车运行费"])]
    for parent, children in groups:
        if parent not in rows or not all(c in rows for c in children):
            r.add("failed", f"{t['id']}: rows {parent} / {children} not found")
            continue
        for j in range(len(t["columns"])):
            vals = [rows[c]["values"][j] for c in children]
            if rows[parent]["values"][j] is None and all(v is None for v in vals):
                continue
            r.sum(rows[parent]["values"][j], vals,
                  f"{t['id']} {parent} = Σ parts [{colname(t, None, j)}]")


def table(g, tid):
    return next(t for t in g["tables"] if t["id"] == tid)


def col(t, cid, side=None):
    return [c["id"] for c in columns_of(t, side)].index(cid)


def check_arithmetic(g, r):
    r.begin("arithmetic")
    for t in g["tables"]:
        check_hierarchy(t, r)
        check_row_identities(t, r)
    check_three_public(table(g, "three_public_expenses"), r)
    for p in g["projects"]:
        r.sum(p["amount"], [a["amount"] for a in p["allocation"]],
              f"project {p['name']}: amount = Σ allocation")


def check_cross(g, r):
    r.begin("cross-table")
    t1, t2, t3 = table(g, "revenue_expenditure_summary"), table(g, "revenue_summary"), \
        table(g, "expenditure_summary")
    t4, t5, t6 = table(g, "fiscal_summary"), table(g, "general_budget_expenditure"), \
        table(g, "general_budget_basic_expenditure")
    t7, t10 = table(g, "general_budget_project_expenditure"), table(g, "three_public_expenses")

    def row_by(t, code=None, name=None, side=None, project=None):
        for row in t["rows"]:
            if row.get("side") == side and (code is None or row["code"] == code) and \
                    (name is None or row["name"] == name) and \
                    (project is None or row.get("project") == project):
                return row
        return None

    for t in (t1, t4):
        inc = row_by(t, name="收入总计", side="income")
        exp = row_by(t, name="支出总计", side="expenditure")
        r.ok(inc["values"][0] == exp["values"][0],
             f"{t['id']}: 收入总计 {wan(inc['values'][0])} = 支出总计 {wan(exp['values'][0])}")
    r.ok([(x["code"], x["name"], x["values"]) for x in t3["rows"]] ==
         [(x["code"], x["name"], x["values"]) for x in t5["rows"]],
         "table 3 = table 5 row by row (all income is general budget)")
    for row in t3["rows"]:
        r2 = row_by(t2, code=row["code"], name=row["name"])
        r.ok(r2 is not None and r2["values"][0] == row["values"][0],
             f"table 2 total = table 3 total for {row['code'] or row['name']}")
        if row["level"] == 1:
            for t in (t1, t4):
                e = row_by(t, code=row["code"], side="expenditure")
                r.ok(e is not None and e["values"][0] == row["values"][0],
                     f"{t['id']} {row['code']} = table 3 {row['code']}")
    for t in (t1, t4):
        for e in t["rows"]:
            if e.get("side") == "expenditure" and e["level"] == 1 and e["values"][0] is not None:
                r.ok(row_by(t3, code=e["code"]) is not None,
                     f"{t['id']} {e['code']} has a row in table 3")
    tot3 = row_by(t3, name="总计")
    r.ok(row_by(t6, name="总计")["values"][0] == tot3["values"][col(t3, "basic")],
         "table 6 total = table 3 basic expenditure")
    r.ok(row_by(t7, name="总计")["values"][0] == tot3["values"][col(t3, "project")],
         "table 7 total = table 3 project expenditure")
    r.ok(row_by(t3, code="2014199")["values"][col(t3, "project")] ==
         row_by(t7, code="20141")["values"][0],
         "table 7 数据事务 = table 3 2014199 project expenditure")
    r.ok(row_by(t10, name="公务接待费")["values"][0] == row_by(t6, code="30217")["values"][0],
         "table 10 公务接待费 = table 6 30217 公务接待费")
    r.ok(sum(p["amount"] for p in g["projects"]) == row_by(t7, name="总计")["values"][0],
         "Σ project amounts = table 7 total")
    perf = {p.get("project"): p for p in g["performance"]}
    for p in g["projects"]:
        row = row_by(t7, code="2014199", project=p["name"])
        r.ok(row is not None and row["values"][0] == p["amount"],
             f"project {p['name']}: amount = table 7 row")
        pf = perf.get(p["name"])
        r.ok(pf is not None and pf["funds"]["total"] == p["amount"] and
             pf["funds"]["fiscal"] + pf["funds"]["other"] == pf["funds"]["total"],
             f"project {p['name']}: performance funds = amount")
    dept = [p for p in g["performance"] if p["scope"] == "department"]
    r.ok(len(dept) == 1 and dept[0]["funds"]["total"] ==
         row_by(t1, name="收入总计", side="income")["values"][0],
         "department performance funds = 收入总计")


# ------------------------------------------------------------ the seed

def tab_rows(lines):
    return [[norm(c) for c in line.split("\t")] for line in lines if "\t" in line]


def seed_table_sections(lines):
    """{table number: lines}, from each '表 N' line to the next or to 第三部分."""
    marks = [(i, int(m.group(1))) for i, line in enumerate(lines)
             if (m := re.fullmatch(r"表\s*(\d+)", line.strip()))]
    end = next(i for i, line in enumerate(lines) if "第三部分" in line and i > marks[-1][0])
    out = {}
    for k, (i, n) in enumerate(marks):
        j = marks[k + 1][0] if k + 1 < len(marks) else end
        out[n] = lines[i:j]
    return out


def seed_data_rows(section):
    """The tab rows after the header: after each ※ row; when a table has
    none, after its first two tab rows.  A non-table line (编制部门 of a
    continuation page) starts a new header."""
    has_mark = any(line.startswith("※") for line in section)
    out, in_data, seen = [], not has_mark, 0
    for line in section:
        if "\t" not in line:
            if line.strip() and has_mark:
                in_data = False
            continue
        cells = [norm(c) for c in line.split("\t")]
        seen += 1
        if cells[0] == "※":
            in_data = True
            continue
        if not has_mark and seen <= 2:
            continue
        if in_data:
            out.append(cells)
    return out


def seed_entries(t, rows):
    """Seed rows -> entries (side, code, name, project, values, cells)."""
    out = []
    two_sided = any("side" in c for c in t["columns"])
    if two_sided:
        wi = len(columns_of(t, "income"))
        we = len(columns_of(t, "expenditure"))
        for cells in rows:
            if len(cells) != 1 + wi + 1 + we:
                out.append(("?", None, "|".join(cells), None, None, cells))
                continue
            if cells[0]:
                out.append(("income", None, cells[0], None,
                            [fen(c) for c in cells[1:1 + wi]], cells))
            label = cells[1 + wi]
            if label:
                m = re.fullmatch(r"(\d+)(.*)", label)
                code, name = (m.group(1), m.group(2)) if m else (None, label)
                out.append(("expenditure", code, name, None,
                            [fen(c) for c in cells[2 + wi:]], cells))
        return out
    ncol = len(t["columns"])
    for cells in rows:
        labels, amounts = cells[:len(cells) - ncol], cells[len(cells) - ncol:]
        codes = [c for c in labels if c.isdigit()]
        texts = [c for c in labels if c and not c.isdigit()]
        if len(cells) <= ncol or not texts:
            out.append(("?", None, "|".join(cells), None, None, cells))
            continue
        out.append((None, "".join(codes) or None, texts[0],
                    texts[1] if len(texts) > 1 else None,
                    [fen(c) for c in amounts], cells))
    return out


def check_seed_tables(g, lines, r):
    r.begin("seed: tables")
    sections = seed_table_sections(lines)
    for t in g["tables"]:
        tid, section = t["id"], sections.get(t["number"], [])
        text = norm("".join(section))
        r.ok(norm(t["title"]) in text, f"{tid}: title {t['title']} printed under 表 {t['number']}")
        rows = seed_data_rows(section)
        entries = seed_entries(t, rows)
        if t["empty"]:
            r.ok(not entries, f"{tid}: the seed table has no data rows")
            r.ok(t["note"] in text, f"{tid}: note printed under the table")
            continue
        used = [False] * len(entries)
        last = {}
        for i, row in enumerate(t["rows"]):
            key = (row.get("side"), row["code"], row["name"], row.get("project"))
            k = next((k for k, e in enumerate(entries)
                      if not used[k] and e[:4] == key), None)
            label = f"{tid} row {i} {row['code'] or ''}{row['name']}" + \
                (f" [{row['project']}]" if row.get("project") else "")
            if k is None:
                r.add("failed", f"{label}: no such row in the seed")
                continue
            used[k] = True
            r.ok(k > last.get(row.get("side"), -1), f"{label}: in printed order")
            last[row.get("side")] = k
            seed_vals = entries[k][4]
            missing = [wan(v) for v in row["values"]
                       if v is not None and v not in seed_vals]
            r.ok(not missing, f"{label}: every amount appears in the seed row"
                              + (f" (missing {missing})" if missing else ""))
            diffs = [f"[{colname(t, row.get('side'), j)}] golden {wan(a)} seed {wan(b)}"
                     for j, (a, b) in enumerate(zip(row["values"], seed_vals)) if a != b]
            r.ok(not diffs, f"{label}: same cells as the seed row"
                            + (": " + "; ".join(diffs) if diffs else ""))
        for k, e in enumerate(entries):
            if not used[k]:
                r.add("failed", f"{tid}: seed row not in the golden: {e[5]}")


def check_seed_texts(g, seed_norm, r):
    r.begin("seed: texts")
    # cells the converter wrapped across rows; reconstructed by hand
    reconstructed = {"保障12345政务服务便民热线工作正常开展,提高工作效率"}
    skip = {"format", "kind", "id", "side", "scope", "op", "published",
            "start", "end", "code"}
    seen = set()
    for path, s in walk_strings(g):
        key = path.rsplit(".", 1)[-1].split("[")[0]
        if key in skip or s in seen:
            continue
        seen.add(s)
        parts = s.split("/") if key == "header" else [s]
        for part in parts:
            if part in reconstructed:
                r.add("passed", f"{path}: {part} (reconstructed from a wrapped cell)")
                continue
            r.ok(part in seed_norm, f"{path}: {part[:40]} occurs in the seed")


def number_text(v):
    """fen -> shortest 万元 text as a regex alternative (7 -> 7, 7.0, 7.00)."""
    d = Decimal(v) / 1000000
    s = format(d.normalize(), "f")
    return re.escape(s) + (r"(\.0+)?" if "." not in s else "0*")


def check_seed_projects(g, seed_norm, r):
    r.begin("seed: projects")
    chunks = re.split(r"\([一二三四五六七八九十]+\)项目名称:", seed_norm)[1:]
    r.ok(len(chunks) == len(g["projects"]), f"{len(g['projects'])} projects in the seed")
    for p, chunk in zip(g["projects"], chunks):
        m = re.search(r"资金执行时间:\d+年\d+月\d+日到\d+年\d+月\d+日", chunk)
        chunk = chunk[:m.end()] if m else chunk
        name = p["name"]
        r.ok(chunk.startswith(name + "设立的政策依据:"), f"project {name}: name")
        m = re.search(r"设立的政策依据:(.*)预算安排规模:", chunk)
        r.ok(m is not None and m.group(1) == p["basis"], f"project {name}: basis")
        m = re.search(r"预算安排规模:([\d.]+)万元", chunk)
        r.ok(m is not None and fen(m.group(1)) == p["amount"], f"project {name}: amount")
        m = re.search(r"项目承担单位:(.*?)资金分配情况", chunk)
        r.ok(m is not None and m.group(1) == p["owner"], f"project {name}: owner")
        m = re.search(r"资金分配情况:(.*?)。", chunk)
        items = []
        if m:
            for part in m.group(1).split(","):
                mm = re.fullmatch(r"(.*?)([\d.]+)万元", part)
                items.append({"item": mm.group(1), "amount": fen(mm.group(2))} if mm else part)
        r.ok(items == p["allocation"], f"project {name}: allocation")
        m = re.search(r"资金执行时间:(\d+)年(\d+)月(\d+)日到(\d+)年(\d+)月(\d+)日", chunk)
        if m:
            y1, m1, d1, y2, m2, d2 = (int(x) for x in m.groups())
            period = {"start": f"{y1:04d}-{m1:02d}-{d1:02d}", "end": f"{y2:04d}-{m2:02d}-{d2:02d}"}
        r.ok(m is not None and period == p["period"], f"project {name}: period")


def check_seed_performance(g, lines, r):
    r.begin("seed: performance")
    starts = [i for i, line in enumerate(lines) if re.match(r"#+\s*(部门整体|项目支出)绩效目标表", line)]
    end = next(i for i, line in enumerate(lines) if i > starts[-1] and "其他需说明的事项" in line)
    bounds = list(zip(starts, starts[1:] + [end]))
    r.ok(len(bounds) == len(g["performance"]), f"{len(g['performance'])} performance tables")
    for pf, (a, b) in zip(g["performance"], bounds):
        rows = tab_rows(lines[a:b])
        label = pf.get("project") or "department"

        def after(word):
            for cells in rows:
                for k, c in enumerate(cells):
                    if c == word:
                        return next((x for x in cells[k + 1:] if x), None)
            return None
        if pf["scope"] == "department":
            r.ok(after("部门名称(盖章)") == pf["department"], f"{label}: department")
            r.ok(after("部门联系人") == pf["manager"], f"{label}: manager (部门联系人)")
            r.ok(after("年度绩效目标") == pf["goal"], f"{label}: goal")
            fiscal = fen(after("上级安排")) + fen(after("本级安排"))
            other = fen(after("其他"))
            r.ok(pf["funds"] == {"total": fiscal + other, "fiscal": fiscal, "other": other},
                 f"{label}: funds")
        else:
            r.ok(after("项目名称") == pf["project"], f"{label}: project")
            r.ok(after("预算单位") == pf["department"], f"{label}: department")
            r.ok(after("项目负责人") == pf["manager"], f"{label}: manager")
            r.ok(after("项目总体目标") == pf["goal"], f"{label}: goal")
            funds = {"total": fen(after("年度预算总额")), "fiscal": fen(after("其中:财政拨款")),
                     "other": fen(after("其他资金"))}
            r.ok(pf["funds"] == funds, f"{label}: funds")
        head = next(k for k, cells in enumerate(rows) if cells[0] == "一级指标")
        body = rows[head + 1:]
        used = [False] * len(body)
        for ind in pf["indicators"]:
            k = next((k for k, cells in enumerate(body) if not used[k] and any(
                c == ind["name"] or (len(c) >= 8 and ind["name"].startswith(c)) for c in cells)),
                None)
            if k is None:
                r.add("failed", f"{label}: indicator {ind['name']} not in the seed")
                continue
            used[k] = True
            cells = body[k]
            fields = ["target", "basis", "previous", "scoring", "evidence"]
            bad = [f for f in fields if ind[f] is not None and ind[f] not in cells]
            if ind["weight"] is not None and str(ind["weight"]) not in cells:
                bad.append("weight")
            r.ok(not bad, f"{label}: {ind['name']}: cells of its seed row"
                          + (f" (not found: {bad})" if bad else ""))
            # a null evidence must really be absent from the seed row
            if ind["evidence"] is None and pf["scope"] == "project":
                r.ok(not {"工作资料", "原始凭证", "说明材料"} & set(cells),
                     f"{label}: {ind['name']}: no evidence printed in its seed row")
        for k, cells in enumerate(body):
            if not used[k] and any(c.isdigit() for c in cells):
                r.add("failed", f"{label}: seed indicator row not in the golden: {cells}")


# ----------------------------------------------------------------- main

def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in argv
    if "--help" in argv or "-h" in argv or len(args) > 2:
        print(__doc__)
        return 0 if len(args) <= 2 else 2
    here = os.path.dirname(os.path.abspath(__file__))
    golden_path = args[0] if args else os.path.join(here, "kizilsu-2026-budget.expected.json")
    with open(golden_path, encoding="utf-8") as f:
        g = json.load(f)
    r = Report(verbose)
    check_shape(g, r)
    check_arithmetic(g, r)
    check_cross(g, r)
    if len(args) == 2:
        with open(args[1], encoding="utf-8") as f:
            lines = f.read().split("\n")
        seed_norm = norm("\n".join(lines))
        check_seed_tables(g, lines, r)
        check_seed_texts(g, seed_norm, r)
        check_seed_projects(g, seed_norm, r)
        check_seed_performance(g, lines, r)
    print()
    for name, c in r.sections.items():
        print(f"{name:20s} passed {c['passed']:4d}  within_rounding {c['within_rounding']:3d}"
              f"  failed {c['failed']:3d}")
    c = r.counts
    print(f"{'total':20s} passed {c['passed']:4d}  within_rounding {c['within_rounding']:3d}"
          f"  failed {c['failed']:3d}")
    tables = g["tables"]
    cells = sum(1 for t in tables for row in t["rows"] for v in row["values"] if v is not None)
    print(f"golden: {len(tables)} tables, {sum(len(t['rows']) for t in tables)} rows, "
          f"{cells} non-null cells, {len(g['projects'])} projects, indicators per "
          f"performance table {[len(p['indicators']) for p in g['performance']]}")
    return 1 if c["failed"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
