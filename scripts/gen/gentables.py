"""The eleven tables of the standard template, as TableSpecs, from a Budget.

Every table is built from the same Budget, so the tables restate each
other: 表1 and 表4 list the 类 totals of 表3, 表5 is the general-budget part
of 表3, 表6's total is 表5's basic expenditure, 表7's total its project
expenditure, 表10's 公务接待费 is 表6's 30217, and so on.
"""

import gencodes as C
from genmodel import (YEAR, Node, Row, TableSpec, build_header, header_path)

# Titles: (standard wording, short wording).
TITLES = {
    1: ("部门收支总体情况表", "部门收支总表"),
    2: ("部门收入总体情况表", "部门收入总表"),
    3: ("部门支出总体情况表", "部门支出总表"),
    4: ("财政拨款收支预算总体情况表", "财政拨款收支总表"),
    5: ("一般公共预算支出情况表", "一般公共预算支出表"),
    6: ("一般公共预算基本支出情况表", "一般公共预算基本支出表"),
    7: ("一般公共预算项目支出情况表", "一般公共预算项目支出表"),
    8: ("政府性基金预算支出情况表", "政府性基金预算支出表"),
    9: ("国有资本经营预算支出情况表", "国有资本经营预算支出表"),
    10: ("财政拨款“三公”经费支出情况表", "一般公共预算“三公”经费支出表"),
    11: ("上年结转结余情况明细表", "上年结转结余情况表"),
}
IDS = {
    1: "revenue_expenditure_summary", 2: "revenue_summary",
    3: "expenditure_summary", 4: "fiscal_summary",
    5: "general_budget_expenditure", 6: "general_budget_basic_expenditure",
    7: "general_budget_project_expenditure", 8: "government_fund_expenditure",
    9: "state_capital_expenditure", 10: "three_public_expenses", 11: "carryover",
}
T7_COLUMNS = [
    ("total", "项目支出合计"), ("wages_welfare", "工资福利支出"),
    ("goods_services", "商品和服务支出"), ("household_subsidy", "对个人和家庭的补助"),
    ("debt_interest", "债务利息及费用支出"),
    ("capital_construction", "资本性支出（基本建设）"), ("capital", "资本性支出"),
    ("enterprise_subsidy_construction", "对企业补助（基本建设）"),
    ("enterprise_subsidy", "对企业补助"),
    ("social_security_subsidy", "对社会保障基金补助"), ("other", "其他支出"),
]

ALL = ["gb", "gbt", "gf", "gft", "sp", "uf", "fc", "nc"]
GENERAL = ["gb", "gbt"]
FUND = ["gf", "gft"]


def title_for(n, v, department):
    base = TITLES[n][0 if v["wording"] == "standard" else 1]
    if v["title_prefix"] == "year":
        return f"{YEAR}年{base}"
    if v["title_prefix"] == "dept":
        return f"{department}{YEAR}年{base}"
    return base


class Builder:
    def __init__(self, budget, v, rng):
        self.b, self.v, self.rng = budget, v, rng
        self.dept = budget.department

    # -- helpers ---------------------------------------------------------------

    def values(self, unit, raw, row_printed=True):
        """Raw fen (0 = nothing) to printed values under the zero style."""
        out = []
        for x in raw:
            if x is None:
                out.append(None)
                continue
            r = unit.round(x)
            if x == 0:
                if self.v["zero"] == "blank" or not row_printed:
                    out.append(None)
                else:
                    out.append(0)
            else:
                out.append(r)
        return out

    def total_label(self):
        return self.v["total_label"]

    def empty(self, t, what):
        style = self.v["note_style"]
        title = TITLES[t.number_std][0 if self.v["wording"] == "standard" else 1]
        if style == "seed":
            t.note = f"{self.dept}{YEAR}年没有{what}，{title}为空表。"
        elif style == "short":
            t.note = f"本部门{YEAR}年无{what}，此表为空表。"
        else:
            t.note = f"注：本单位{YEAR}年没有{what}，故本表为空表。"
        t.empty = True
        t.rows = []

    def new(self, n, unit):
        t = TableSpec(IDS[n], n, title_for(n, self.v, self.dept))
        t.number_std = n
        t.unit = unit
        return t

    # -- label columns -------------------------------------------------------

    def label_paths(self, kind, style, project=False, econ=False):
        """Label columns: list of (path, role) for the code/name columns."""
        parent = "经济分类科目编码" if econ else "功能分类科目编码"
        name = "经济分类科目名称" if econ else "功能分类科目名称"
        if kind == "t7":
            parent = "科目编码"
        cols = []
        if style == "split":
            p = Node(parent)
            parts = [("class", "类"), ("section", "款")] + ([] if econ else [("item", "项")])
            for part, text in parts:
                cols.append(([p, Node(text)], ("code", part)))
            cols.append(([Node(name)], ("name",)))
        elif style == "single":
            cols.append(([Node(parent if kind != "t7" else "科目编码")], ("code", "full")))
            cols.append(([Node(name)], ("name",)))
        else:  # combined
            cols.append(([Node(self.v["combined_header"])], ("name_code",)))
        if project:
            cols.append(([Node("项目名称")], ("project",)))
        return cols

    def assemble(self, t, labels, amounts, caption=None, label_caption="科目"):
        """labels: [(path, role)]; amounts: [(path, id)]; caption over all
        amounts (and 科目 over the labels) when the variant prints it."""
        if caption and self.v["caption_row"] == "yes":
            lc = Node(label_caption)
            ac = Node(caption)
            labels = [([lc] + p, r) for p, r in labels]
            amounts = [([ac] + p, i) for p, i in amounts]
        paths = [p for p, _ in labels] + [p for p, _ in amounts]
        t.header = build_header(paths)
        t.layout = [("label",) + r for _, r in labels] + \
            [("amount", k) for k in range(len(amounts))]
        amount_cols = list(range(len(labels), len(paths)))
        t.columns = [(cid, header_path(paths, c, amount_cols), None)
                     for c, (_, cid) in zip(amount_cols, amounts)]
        t.colnum = None
        if self.v["colnum"] == "yes":
            t.colnum = ["※"] * len(labels) + [str(k + 1) for k in range(len(amounts))]

    @staticmethod
    def leaves(spec):
        """Amount header tree -> [(path, id)]: spec is [(text, id) |
        (text, [children])]."""
        out = []

        def walk(nodes, prefix):
            for text, x in nodes:
                node = Node(text)
                if isinstance(x, list):
                    walk(x, prefix + [node])
                else:
                    out.append((prefix + [node], x))
        walk(spec, [])
        return out

    def code_rows(self, t, codes, fn, sources_for_bold=True, project_rows=None):
        """Rows for 类/款/项 codes, values from fn(code)."""
        rows = []
        for code in codes:
            raw = fn(code)
            bold = len(code) < 7
            rows.append(Row("item", C.function_name(code), self.values(t.unit, raw),
                            code=code, bold=bold))
        return rows

    def add_total(self, t, rows, raw, name=None):
        r = Row("total", name or self.total_label(), self.values(t.unit, raw), bold=True)
        if self.v["total_pos"] == "last":
            return rows + [r]
        return [r] + rows

    # -- the tables ----------------------------------------------------------

    def t1(self, unit):
        b, v = self.b, self.v
        t = self.new(1, unit)
        t.two_sided = True
        s = lambda *src: sum(b.sum("", lambda it: it.total([x])) for x in src)
        gb, gbt, gf, gft, sp, uf, fc, nc = (s(x) for x in ALL)
        uf_a = uf * 7 // 10 // 100 * 100 if uf else 0
        cur = gb + gbt + gf + gft + sp + uf
        if v["t1_income"] == "long":
            inc = [
                ("一、本年收入", cur, True), ("1. 一般公共预算拨款", gb + gbt, True),
                ("其中：一般财力", gb, False), ("上级一般公共预算安排转移支付", gbt, False),
                ("2. 政府性基金预算拨款", gf + gft, True), ("其中：政府性基金收入", gf, False),
                ("上级政府性基金安排转移支付", gft, False), ("3. 国有资本经营预算拨款", 0, True),
                ("其中：国有资本经营收入", 0, False), ("上级国有资本经营预算安排转移支付", 0, False),
                ("4. 财政专户核拨", sp, True), ("5. 单位资金", uf, True),
                ("其中：事业收入", uf_a, False), ("上级补助收入", 0, False),
                ("附属单位上缴收入", 0, False), ("事业单位经营收入", 0, False),
                ("其他收入", uf - uf_a, False), ("二、上年结转结余", fc + nc, True),
                ("1. 财政拨款结转", fc, True), ("其中：一般公共预算拨款", fc, False),
                ("政府性基金预算拨款", 0, False), ("国有资本经营预算拨款", 0, False),
                ("2. 非财政拨款结转结余", nc, True), ("其中：财政专户核拨", 0, False),
                ("单位资金", nc, False),
            ]
        else:
            inc = [
                ("一、一般公共预算拨款收入", gb + gbt, False),
                ("二、政府性基金预算拨款收入", gf + gft, False),
                ("三、国有资本经营预算拨款收入", 0, False),
                ("四、财政专户管理资金收入", sp, False),
                ("五、单位资金", uf, False),
                ("六、上年结转结余", fc + nc, False),
            ]
        exp = []
        for code, name in C.CLASSES:
            a = b.sum(code, lambda it: it.total(ALL))
            if v["t1_list"] == "nonzero" and a == 0:
                continue
            exp.append((code, name, a))
        total = cur + fc + nc
        inc_h = v["t1_amount_header"]
        exp_label = "功能分类" if v["t1_codes"] == "yes" else "项目"
        inc_side, exp_side = Node("收入"), Node("支出")
        paths = [[inc_side, Node("项目")], [inc_side, Node(inc_h)],
                 [exp_side, Node(exp_label)], [exp_side, Node(inc_h)]]
        t.header = build_header(paths)
        t.layout = [("label", "name", "income"), ("amount", 0),
                    ("label", "name", "expenditure"), ("amount", 1)]
        t.columns = [("budget", inc_h, "income"), ("budget", inc_h, "expenditure")]
        t.colnum = None
        t.pairs = []
        n = max(len(inc), len(exp))
        irows, erows = [], []
        for i in range(n):
            ir = er = None
            if i < len(inc):
                name, a, bold = inc[i]
                ir = Row("item", name, self.values(unit, [a]), side="income", bold=bold)
                irows.append(ir)
            if i < len(exp):
                code, name, a = exp[i]
                label = f"{code} {name}" if v["t1_codes"] == "yes" else name
                er = Row("item", name, self.values(unit, [a]),
                         code=code if v["t1_codes"] == "yes" else None,
                         side="expenditure")
                er.label = label
                erows.append(er)
            t.pairs.append((ir, er))
        it = Row("total", "收入总计", self.values(unit, [total]), side="income", bold=True)
        et = Row("total", "支出总计", self.values(unit, [total]), side="expenditure", bold=True)
        t.pairs.append((it, et))
        t.rows = irows + [it] + erows + [et]
        return t

    def t2(self, unit):
        b = self.b
        t = self.new(2, unit)
        fiscal = [("财政拨款（补助）小计" if self.v["t2_subtotal"] == "long" else "小计",
                   "fiscal_subtotal"),
                  ("一般公共预算", "general_budget"),
                  ("上级一般公共预算安排的转移支付", "general_budget_transfer"),
                  ("政府性基金预算", "government_fund"),
                  ("上级政府性基金安排的转移支付", "government_fund_transfer"),
                  ("国有资本经营预算", "state_capital"),
                  ("上级国有资本经营预算安排的转移支付", "state_capital_transfer")]
        spec = [("总计", "total"), ("财政拨款（补助）", fiscal),
                ("财政专户（教育收费）", "special_account"), ("单位资金", "unit_funds"),
                ("财政拨款结转", "fiscal_carryover"), ("非财政拨款结转结余", "nonfiscal_carryover")]
        self.assemble(t, self.label_paths("fn", self.v["codes"]), self.leaves(spec))

        def fn(code):
            g = lambda src: b.sum(code, lambda it: it.total(src))
            return [g(ALL), g(GENERAL + FUND), g(["gb"]), g(["gbt"]), g(["gf"]), g(["gft"]),
                    0, 0, g(["sp"]), g(["uf"]), g(["fc"]), g(["nc"])]
        rows = self.code_rows(t, b.codes(ALL), fn)
        t.rows = self.add_total(t, rows, fn(""))
        return t

    def _basic_project(self, n, sources, caption):
        b = self.b
        t = self.new(n, self.units[n])
        spec = [("合计", "total"), ("基本支出", "basic"), ("项目支出", "project")]
        self.assemble(t, self.label_paths("fn", self.v["codes"]), self.leaves(spec),
                      caption=caption)

        def fn(code):
            return [b.sum(code, lambda it: it.total(sources)),
                    b.sum(code, lambda it: it.basic(sources)),
                    b.sum(code, lambda it: it.project(sources))]
        rows = self.code_rows(t, b.codes(sources), fn)
        t.rows = self.add_total(t, rows, fn(""))
        return t

    def t3(self, unit):
        return self._basic_project(3, ALL, "支出预算")

    def t5(self, unit):
        return self._basic_project(5, GENERAL, "一般公共预算支出")

    def t4(self, unit):
        b, v = self.b, self.v
        t = self.new(4, unit)
        t.two_sided = True
        s = lambda src: b.sum("", lambda it: it.total(src))
        # The template's 财政拨款 is this year's: the carry-over from last
        # year is in 表1, 表2 and 表11, not here (表4 = 表5 + 表8).
        gen, fund = s(GENERAL), s(FUND)
        inc = [("一、财政拨款（补助）", gen + fund, True), ("一般公共预算", gen, False),
               ("政府性基金预算", fund, False), ("国有资本经营预算", 0, False)]
        exp = []
        for code, name in C.CLASSES:
            a = [b.sum(code, lambda it: it.total(GENERAL + FUND)),
                 b.sum(code, lambda it: it.total(GENERAL)),
                 b.sum(code, lambda it: it.total(FUND)), 0]
            if v["t1_list"] == "nonzero" and a[0] == 0:
                continue
            exp.append((code, name, a))
        total = gen + fund
        inc_side, exp_side = Node("财政拨款收入"), Node("财政拨款支出")
        inc_h = "合计" if v["t1_amount_header"] != "金额" else "金额"
        exp_label = "功能分类" if v["t1_codes"] == "yes" else "项目"
        heads = ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
        paths = [[inc_side, Node("项目")], [inc_side, Node(inc_h)],
                 [exp_side, Node(exp_label)]] + [[exp_side, Node(h)] for h in heads]
        t.header = build_header(paths)
        t.layout = [("label", "name", "income"), ("amount", 0),
                    ("label", "name", "expenditure")] + [("amount", k) for k in range(1, 5)]
        ids = ["total", "general_budget", "government_fund", "state_capital"]
        t.columns = [("total", inc_h, "income")] + \
            [(i, h, "expenditure") for i, h in zip(ids, heads)]
        t.colnum = None
        t.pairs = []
        irows, erows = [], []
        for i in range(max(len(inc), len(exp))):
            ir = er = None
            if i < len(inc):
                name, a, bold = inc[i]
                ir = Row("item", name, self.values(unit, [a]), side="income", bold=bold)
                irows.append(ir)
            if i < len(exp):
                code, name, a = exp[i]
                er = Row("item", name, self.values(unit, a),
                         code=code if v["t1_codes"] == "yes" else None, side="expenditure")
                er.label = f"{code} {name}" if v["t1_codes"] == "yes" else name
                erows.append(er)
            t.pairs.append((ir, er))
        it = Row("total", "收入总计", self.values(unit, [total]), side="income", bold=True)
        eraw = [total, gen, fund, 0]
        et = Row("total", "支出总计", self.values(unit, eraw), side="expenditure", bold=True)
        t.pairs.append((it, et))
        t.rows = irows + [it] + erows + [et]
        return t

    def t6(self, unit):
        b = self.b
        t = self.new(6, unit)
        spec = [("合计", "total"), ("人员经费", "personnel"), ("公用经费", "public")]
        self.assemble(t, self.label_paths("econ", self.v["codes"], econ=True),
                      self.leaves(spec), caption="一般公共预算基本支出")
        rows = []
        pers = sum(a for _, _, a, k in b.econ if k == "personnel")
        pub = sum(a for _, _, a, k in b.econ if k == "public")
        for cls in ("301", "302", "303"):
            items = [(c, n, a, k) for c, n, a, k in b.econ if c.startswith(cls)]
            if not items:
                continue
            tot = sum(a for _, _, a, _ in items)
            kind = items[0][3]
            raw = [tot, tot if kind == "personnel" else 0, tot if kind == "public" else 0]
            rows.append(Row("item", C.ECON_CLASSES[cls], self.values(unit, raw),
                            code=cls, bold=True))
            for c, n, a, k in items:
                raw = [a, a if k == "personnel" else 0, a if k == "public" else 0]
                rows.append(Row("item", n, self.values(unit, raw), code=c))
        t.rows = self.add_total(t, rows, [pers + pub, pers, pub])
        t.econ = True
        return t

    def t7(self, unit):
        b, v = self.b, self.v
        t = self.new(7, unit)
        spec = [(h, i) for i, h in T7_COLUMNS]
        self.assemble(t, self.label_paths("t7", v["codes"], project=True),
                      self.leaves(spec))
        projects = sorted(b.projects, key=lambda p: p.code)
        if not projects:
            self.empty(t, "一般公共预算项目支出")
            return t
        ids = [i for i, _ in T7_COLUMNS]

        def raw(ps):
            out = [sum(p.amount for p in ps)]
            for i in ids[1:]:
                out.append(sum(p.split.get(i, 0) for p in ps))
            return out
        rows = []
        if v["t7_dept_row"] == "yes":
            rows.append(Row("item", self.dept, self.values(unit, raw(projects))))
        codes = []
        for p in projects:
            for k in (p.code[:3], p.code[:5]):
                if k not in codes:
                    codes.append(k)
            if p.code not in codes:
                codes.append(p.code)
        for code in codes:
            ps = [p for p in projects if p.code.startswith(code)]
            if len(code) < 7:
                rows.append(Row("item", C.function_name(code), self.values(unit, raw(ps)),
                                code=code, bold=True))
            else:
                for p in ps:
                    rows.append(Row("item", C.function_name(code), self.values(unit, raw([p])),
                                    code=code, project=p.name))
        t.rows = self.add_total(t, rows, raw(projects))
        return t

    def t8(self, unit):
        return self._fund(8, unit, FUND, "政府性基金预算支出", "使用政府性基金预算拨款安排的支出")

    def t9(self, unit):
        return self._fund(9, unit, [], "国有资本经营预算支出", "使用国有资本经营预算拨款安排的支出")

    def _fund(self, n, unit, sources, caption, what):
        b = self.b
        t = self.new(n, unit)
        spec = [("合计", "total"), ("基本支出", [("人员经费", "personnel"), ("公用经费", "public")]),
                ("项目支出", "project")]
        self.assemble(t, self.label_paths("fn", self.v["codes"]), self.leaves(spec),
                      caption=caption)
        codes = b.codes(sources) if sources else []
        if not codes:
            self.empty(t, what)
            return t

        def fn(code):
            g = lambda k: b.sum(code, lambda it: sum(it.amt.get(s, [0, 0, 0])[k] for s in sources))
            return [g(0) + g(1) + g(2), g(0), g(1), g(2)]
        rows = self.code_rows(t, codes, fn)
        t.rows = self.add_total(t, rows, fn(""))
        return t

    def t10(self, unit):
        b, v = self.b, self.v
        t = self.new(10, unit)
        spec = [("合计", "total"), ("资金来源", [("一般公共预算", "general_budget"),
                                              ("政府性基金", "government_fund"),
                                              ("国有资本经营预算", "state_capital")])]
        labels = [([Node("“三公”经费支出内容" if v["t10_label"] == "content" else "项目")],
                   ("name",))]
        self.assemble(t, labels, self.leaves(spec))
        veh = b.vehicle_buy + b.vehicle_op
        tot = b.abroad + b.reception + veh
        r = lambda name, a, bold=False: Row("total" if name in ("合计", "总计") else "item",
                                            name, self.values(unit, [a, a, 0, 0]), bold=bold)
        abroad = r("因公出国（境）费", b.abroad)
        recep = r("公务接待费", b.reception)
        vsum = r("公务用车购置及运行费（小计）" if v["t10_rows"] == "seed"
                 else "公务用车购置及运行维护费", veh, True)
        vbuy = r("其中：公务用车购置费", b.vehicle_buy)
        vop = r("公务用车运行费" if v["t10_rows"] == "seed" else "公务用车运行维护费", b.vehicle_op)
        if v["t10_rows"] == "seed":
            rows = [abroad, recep, vsum, vbuy, vop]
        else:
            rows = [abroad, vsum, vbuy, vop, recep]
        t.rows = self.add_total(t, rows, [tot, tot, 0, 0], name="合计")
        return t

    def t11(self, unit):
        b = self.b
        t = self.new(11, unit)
        spec = [("合计", "total"),
                ("财政拨款", [("小计", "fiscal_subtotal"),
                          ("基本支出", [("人员经费", "fiscal_basic_personnel"),
                                    ("公用经费", "fiscal_basic_public")]),
                          ("项目支出", "fiscal_project")]),
                ("非财政拨款", [("小计", "nonfiscal_subtotal"),
                           ("基本支出", [("人员经费", "nonfiscal_basic_personnel"),
                                     ("公用经费", "nonfiscal_basic_public")]),
                           ("项目支出", "nonfiscal_project")])]
        labels = [([Node("项目")], ("name_code",))]
        self.assemble(t, labels, self.leaves(spec))
        codes = [c for c in b.codes(["fc", "nc"]) if len(c) == 7]
        if not codes:
            self.empty(t, "上年结转结余预算安排的支出")
            return t

        def fn(code):
            g = lambda s, k: b.sum(code, lambda it: it.amt.get(s, [0, 0, 0])[k])
            f = [g("fc", 0), g("fc", 1), g("fc", 2)]
            nf = [g("nc", 0), g("nc", 1), g("nc", 2)]
            return [sum(f) + sum(nf), sum(f)] + f + [sum(nf)] + nf
        rows = self.code_rows(t, codes, fn)
        for r in rows:
            r.bold = False
        t.rows = self.add_total(t, rows, fn(""))
        return t

    def all(self, units):
        self.units = units
        return [getattr(self, f"t{n}")(units[n]) for n in range(1, 12)]
