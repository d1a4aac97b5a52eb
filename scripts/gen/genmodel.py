"""The generator's model: a department's budget, built bottom-up, and the
tables that restate it.

Amounts are integers in fen (分) throughout.  The budget is built from the
bottom: economic items of basic expenditure (表6) → the function 项 they
land on (养老 = 30108, 医疗 = 30110 + 30111, 住房公积金 = 30113, the rest on
行政运行 / 事业运行) → 项 of projects (表7) → 款 → 类 → totals.  Every
table restates those numbers; each printed cell is rounded on its own to
the table's printed unit, as budget systems print them, so a printed total
may differ from the sum of its printed parts by the rounding.

A table is a TableSpec: its header as rows of cells (with spans), its
amount columns, and its data rows, each a Row with the values as printed
(in fen, already rounded; None for a blank).  The same TableSpec gives the
HTML (genhtml.py) and the truth (to_truth()).
"""

import unicodedata

import gencodes as C

YEAR = 2026


# ---- text ---------------------------------------------------------------

def norm(s):
    """NFKC and no whitespace: the golden's convention for text."""
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace())


# ---- units and printing -----------------------------------------------------

UNIT_FEN = {"元": 100, "万元": 1000000}


class Unit:
    """How a table prints amounts: 元 or 万元, decimals, separators."""

    def __init__(self, name, decimals, sep):
        self.name, self.decimals, self.sep = name, decimals, sep
        self.step = UNIT_FEN[name] // (10 ** decimals)  # fen per last digit

    def round(self, fen):
        """fen rounded to what this unit prints (half up, as printed)."""
        if fen is None:
            return None
        q = self.step
        sign = -1 if fen < 0 else 1
        return sign * ((abs(fen) + q // 2) // q * q)

    def fmt(self, fen):
        if fen is None:
            return ""
        sign = "-" if fen < 0 else ""
        units = abs(fen) // self.step           # in last printed digits
        whole, frac = divmod(units, 10 ** self.decimals)
        w = f"{whole:,}" if self.sep else str(whole)
        if self.decimals:
            return f"{sign}{w}.{frac:0{self.decimals}d}"
        return sign + w

    def tag(self):
        return f"{self.name}{self.decimals}{'s' if self.sep else ''}"


# ---- the budget -----------------------------------------------------------------

SOURCES = ["gb", "gbt", "gf", "gft", "sp", "uf", "fc", "nc"]


class Item:
    """A 项 of the function classification with its money by source."""

    def __init__(self, code):
        self.code = code
        self.name = C.function_name(code)
        # source -> [personnel, public, project]; for gb, personnel holds
        # all basic (the split is by economic item, in 表6)
        self.amt = {}

    def add(self, source, personnel=0, public=0, project=0):
        a = self.amt.setdefault(source, [0, 0, 0])
        a[0] += personnel
        a[1] += public
        a[2] += project

    def basic(self, sources):
        return sum(self.amt[s][0] + self.amt[s][1] for s in sources if s in self.amt)

    def project(self, sources):
        return sum(self.amt[s][2] for s in sources if s in self.amt)

    def total(self, sources):
        return self.basic(sources) + self.project(sources)


class Project:
    def __init__(self, name, code, source, split, allocation, basis):
        self.name, self.code, self.source = name, code, source
        self.split = split            # table-7 column id -> fen
        self.amount = sum(split.values())
        self.allocation = allocation  # [(item, fen)]
        self.basis = basis


def _money(rng, lo, hi, cents):
    """A random amount in fen between lo and hi yuan."""
    y = rng.uniform(lo, hi)
    f = int(y * 100)
    if not cents:
        f -= f % 100
    return f


def _split(rng, total, n, step):
    """total fen split into n positive parts, each a multiple of step."""
    if n <= 1:
        return [total]
    units = total // step
    cuts = sorted(rng.sample(range(1, max(units, n + 1)), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [units])]
    parts = [p * step for p in parts]
    parts[-1] += total - sum(parts)
    return parts


class Budget:
    """One department's budget."""

    def __init__(self, rng, v):
        self.rng = rng
        self.v = v
        prov, pref, county = rng.choice(C.PLACES)
        self.level = v["level"]
        self.place = {"province": prov, "prefecture": pref, "county": county}[self.level]
        self.short_place = self.place
        self.kind = v["dept"]
        d = C.DEPARTMENTS[self.kind]
        lvl = {"province": 0, "prefecture": 1, "county": 2}[self.level]
        self.department = d["names"][lvl].format(self.place)
        self.d = d
        scale = {"province": 6.0, "prefecture": 2.5, "county": 1.0}[self.level]
        cents = v["cents"] == "yes"
        self.items = {}
        self.build_basic(rng, scale, cents)
        self.build_projects(rng, scale, cents)
        self.build_other_sources(rng, scale, cents)
        self.build_three_public(rng, cents)

    def item(self, code):
        if code not in self.items:
            self.items[code] = Item(code)
        return self.items[code]

    # 表6: basic expenditure by economic item, then onto the function 项.
    def build_basic(self, rng, scale, cents):
        S = _money(rng, 60e4, 400e4, cents) * scale / 100.0  # yuan
        has_inst = bool(self.d["inst"]) and rng.random() < 0.8
        self.has_inst = has_inst
        econ = []
        for code, name, share, p in C.ECON_PERSONNEL:
            if code in ("30101", "30102", "30108", "30110", "30113") or rng.random() < p:
                if code == "30107" and not has_inst:
                    continue
                y = S * share * rng.uniform(0.8, 1.2)
                econ.append((code, name, _money(rng, y, y * 1.01, cents), "personnel"))
        for code, name, share, p in C.ECON_HOUSEHOLD:
            if rng.random() < p:
                y = S * share * rng.uniform(0.5, 1.5)
                econ.append((code, name, _money(rng, y, y * 1.01, cents), "personnel"))
        for code, name, share, p in C.ECON_PUBLIC:
            if code in ("30201", "30299") or rng.random() < p:
                y = S * share * rng.uniform(0.5, 1.6)
                econ.append((code, name, max(_money(rng, y, y * 1.01, cents), 100), "public"))
        econ.sort()
        self.econ = econ
        amt = {c: a for c, _, a, _ in econ}
        self.basic_total = sum(a for _, _, a, _ in econ)
        mapped = 0

        def put(code, fen):
            nonlocal mapped
            if fen > 0:
                self.item(code).add("gb", personnel=fen)
                mapped += fen
        put(C.PENSION, amt.get("30108", 0))
        put(C.ANNUITY, amt.get("30109", 0))
        med = amt.get("30110", 0)
        if has_inst:
            a = med * rng.randint(25, 60) // 100
            put(C.MEDICAL_ADMIN, a)
            put(C.MEDICAL_INST, med - a)
        else:
            put(C.MEDICAL_ADMIN, med)
        put(C.MEDICAL_CIVIL, amt.get("30111", 0))
        put(C.HOUSING_FUND, amt.get("30113", 0))
        if "30302" in amt:
            r = amt["30302"]
            if has_inst:
                a = r * rng.randint(30, 70) // 100
                put(C.RETIRED_ADMIN, a)
                put(C.RETIRED_INST, r - a)
            else:
                put(C.RETIRED_ADMIN, r)
        rest = self.basic_total - mapped
        if has_inst:
            insts = rng.sample(self.d["inst"], rng.randint(1, len(self.d["inst"])))
            shares = _split(rng, rest, 1 + len(insts), 100)
            put(self.d["admin"], shares[0])
            for c, s in zip(insts, shares[1:]):
                put(c, s)
        else:
            put(self.d["admin"], rest)

    # 表7: projects of the general budget.
    def build_projects(self, rng, scale, cents):
        n = self.v["projects"]
        self.projects = []
        used = set()
        prefix = self.place if rng.random() < 0.5 else ""
        for i in range(n):
            topic = rng.choice(self.d["topics"])
            for _ in range(5):
                if topic not in used:
                    break
                topic = rng.choice(self.d["topics"])
            used.add(topic)
            name = (prefix if rng.random() < 0.6 else "") + \
                (f"{YEAR}年" if rng.random() < 0.2 else "") + topic + \
                rng.choice(C.PROJECT_SUFFIX)
            if any(p.name == name for p in self.projects):
                name = name + f"（{i + 1}）"
            code = rng.choice(self.d["proj"])
            amount = _money(rng, 2e4, 300e4 * rng.choice([0.2, 1, 1, 3]), cents) * int(scale)
            amount = max(amount, 500000)
            if not cents and rng.random() < 0.6:
                amount -= amount % 1000000       # whole 万元
            split = {}
            kinds = ["goods_services"]
            r = rng.random()
            if r < 0.25:
                kinds.append("capital")
            elif r < 0.32:
                kinds.append("capital_construction")
            if rng.random() < 0.12:
                kinds.append("household_subsidy")
            if rng.random() < 0.06:
                kinds.append("other")
            if rng.random() < 0.05:
                kinds.append("wages_welfare")
            if rng.random() < 0.1 and len(kinds) > 1:
                kinds.remove("goods_services")
            parts = _split(rng, amount, len(kinds), 100 if not cents else 1)
            for k, p in zip(kinds, parts):
                split[k] = p
            # Allocation as the narrative states it: whole 万元 or 0.01 万元.
            n_alloc = rng.randint(1, 4)
            items = rng.sample(C.ALLOCATION_ITEMS, n_alloc)
            alloc_parts = _split(rng, amount - amount % 10000, n_alloc, 10000)
            alloc_parts[-1] += amount % 10000
            allocation = list(zip(items, alloc_parts))
            place = self.place
            basis = "，".join(p.format(y=YEAR, place=place, topic=topic)
                             for p in rng.sample(C.BASIS_PHRASES, rng.randint(1, 3)))
            basis += f"，设立{name}，用于{topic}相关工作。"
            source = "gbt" if (self.v["transfer"] == "yes" and rng.random() < 0.4) else "gb"
            p = Project(name, code, source, split, allocation, basis)
            self.projects.append(p)
            self.item(code).add(source, project=p.amount)

    def build_other_sources(self, rng, scale, cents):
        v = self.v
        self.fund_projects = []
        if v["fund"] == "yes":
            codes = self.d["fund"] or ["2296002"]
            for code in rng.sample(codes, min(len(codes), rng.randint(1, 2))):
                a = _money(rng, 5e4, 200e4, cents) * int(scale)
                src = "gft" if rng.random() < 0.3 else "gf"
                if rng.random() < 0.25:
                    pub = a // 10
                    pub -= pub % 100
                    self.item(code).add(src, public=pub, project=a - pub)
                else:
                    self.item(code).add(src, project=a)
        if v["special"] == "yes":
            codes = self.d["special"] or self.d["inst"] or [self.d["admin"]]
            for code in codes[:2]:
                a = _money(rng, 10e4, 300e4, cents) * int(scale)
                b = a * rng.randint(40, 90) // 100
                b -= b % 100
                self.item(code).add("sp", personnel=b, project=a - b)
        if v["unit_funds"] == "yes":
            codes = self.d["inst"] or [self.d["admin"]]
            for code in codes[:2]:
                a = _money(rng, 5e4, 200e4, cents) * int(scale)
                b = a * rng.randint(30, 100) // 100
                b -= b % 100
                pers = b * rng.randint(30, 80) // 100
                pers -= pers % 100
                self.item(code).add("uf", personnel=pers, public=b - pers, project=a - b)
        if v["carryover"] == "yes":
            codes = [p.code for p in self.projects] or self.d["proj"]
            for code in rng.sample(codes, min(2, len(codes))):
                a = _money(rng, 1e4, 80e4, cents) * int(scale)
                self.item(code).add("fc", project=a)
            if v["unit_funds"] == "yes" and rng.random() < 0.5:
                code = (self.d["inst"] or [self.d["admin"]])[0]
                a = _money(rng, 1e4, 30e4, cents)
                self.item(code).add("nc", public=a)

    def build_three_public(self, rng, cents):
        amt = {c: a for c, _, a, _ in self.econ}
        self.abroad = amt.get("30212", 0)
        self.reception = amt.get("30217", 0)
        self.vehicle_op = amt.get("30231", 0)
        self.vehicle_buy = 0
        if rng.random() < 0.15:
            self.vehicle_buy = _money(rng, 10e4, 30e4, False)

    # -- sums over the function classification --------------------------------

    def codes(self, sources):
        """Every 类, 款, 项 with money from `sources`, in printed order."""
        items = sorted(c for c, it in self.items.items() if it.total(sources) != 0
                       or it.project(sources) != 0 or it.basic(sources) != 0)
        out = []
        for c in items:
            for k in (c[:3], c[:5], c):
                if k not in out:
                    out.append(k)
        return out

    def sum(self, code, fn):
        """fn(item) summed over the 项 under code (a 类, 款 or 项)."""
        return sum(fn(it) for c, it in self.items.items() if c.startswith(code))


# ---- tables ----------------------------------------------------------------

class Cell:
    def __init__(self, text, colspan=1, rowspan=1):
        self.text, self.colspan, self.rowspan = text, colspan, rowspan


class Row:
    """A data row: label fields, values (fen, printed; None blank), looks."""

    def __init__(self, kind, name, values, code=None, project=None, side=None,
                 bold=False, level_hint=None):
        self.kind, self.name, self.values = kind, name, values
        self.code, self.project, self.side = code, project, side
        self.bold = bold
        self.level = {3: 1, 5: 2, 7: 3}.get(len(code)) if code else None


class TableSpec:
    """One printed table.

    labels: the label columns, each ('code', part) with part in 'class',
    'section', 'item' (split codes), 'full' (one code column), or ('name',)
    ('name_code',: code and name in one cell), ('project',), each with the
    side it belongs to (two-sided tables).
    header: rows of Cell over all columns (labels first per side).
    amount columns: [(side, header_path)] in printed order.
    """

    def __init__(self, tid, number, title):
        self.id, self.number, self.title = tid, number, title
        self.columns = []        # [(id, header, side)]
        self.header = []         # [[Cell]]
        self.layout = []         # per printed column: ('label', kind, side) | ('amount', idx)
        self.rows = []           # [Row]
        self.empty = False
        self.note = None
        self.unit = None
        self.tags = {}
        self.two_sided = False
        self.widths = None       # relative widths of printed columns
        self.colnum = None       # the column-number row, or None

    def truth(self, department, pages=None):
        t = {
            "id": self.id, "number": self.number, "title": norm(self.title),
            "unit": self.unit.name, "department": norm(department),
            "empty": self.empty, "note": norm(self.note),
            "columns": [], "rows": [],
        }
        if pages:
            t["pages"] = pages
        for cid, header, side in self.columns:
            c = {"id": cid, "header": norm(header)}
            if self.two_sided:
                c["side"] = side
            t["columns"].append(c)
        with_project = self.id == "general_budget_project_expenditure"
        for r in self.rows:
            d = {"kind": r.kind, "code": r.code, "level": r.level,
                 "name": norm(r.name)}
            if with_project:
                d["project"] = norm(r.project)
            d["values"] = list(r.values)
            if self.two_sided:
                d["side"] = r.side
            t["rows"].append(d)
        return t


# ---- headers -------------------------------------------------------------------

class Node:
    """A header cell: its text; the printed columns under it are found from
    the paths that contain it."""

    def __init__(self, text):
        self.text = text


def build_header(paths):
    """Rows of Cell from each printed column's path (top-down Nodes).

    A node shared by adjacent columns on the same row merges into one cell
    (colspan); a path shorter than the deepest one lets its last node span
    down (rowspan)."""
    depth = max(len(p) for p in paths)
    n = len(paths)
    grid = [[None] * n for _ in range(depth)]
    for c, p in enumerate(paths):
        for r, node in enumerate(p):
            last = r == len(p) - 1
            for rr in range(r, depth if last else r + 1):
                grid[rr][c] = node
    rows = []
    done = set()
    for r in range(depth):
        row = []
        for c in range(n):
            node = grid[r][c]
            if id(node) in done:
                continue
            done.add(id(node))
            colspan = 1
            while c + colspan < n and grid[r][c + colspan] is node:
                colspan += 1
            rowspan = 1
            while r + rowspan < depth and grid[r + rowspan][c] is node:
                rowspan += 1
            cell = Cell(node.text, colspan, rowspan)
            cell.col = c
            row.append(cell)
        rows.append(row)
    return rows


def header_path(paths, c, amount_cols):
    """The contract's header of amount column c: the distinct cells over it,
    top-down, leaving out a non-last one that spans every amount column of
    its side."""
    parts = []
    p = paths[c]
    for i, node in enumerate(p):
        last = i == len(p) - 1
        if not last:
            covers = [k for k in amount_cols if node in paths[k]]
            if set(covers) == set(amount_cols):
                continue
        parts.append(node.text)
    return "/".join(parts)
