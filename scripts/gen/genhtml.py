"""HTML for a generated disclosure: a cover, the tables, optionally the
project descriptions and the closing date; printed to PDF by headless
Chromium (see bdxgen.py).  The CSS is the bundled sample's
(samples/src/kizilsu-2026-budget.html) with the variant's font, sizes and
widths filled in.
"""

import html

from genmodel import YEAR

FONTS = {
    "uming": ('"AR PL UMing CN"', "shadow"),
    "ukai": ('"AR PL UKai CN"', "shadow"),
    "noto-serif": ('"Noto Serif CJK SC"', "weight"),
    "noto-sans": ('"Noto Sans CJK SC"', "weight"),
}

PT_MM = 0.3528
PORTRAIT_W = 210 - 30       # mm inside the table pages' margins
LANDSCAPE_W = 297 - 30
PORTRAIT_H = 297 - 33
LANDSCAPE_H = 210 - 33

CN_NUM = "一二三四五六七八九十"


def cn_number(n):
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    return CN_NUM[n // 10 - 1] + "十" + (CN_NUM[n % 10 - 1] if n % 10 else "")


def esc(s):
    return html.escape(s, quote=False)


def text_em(s):
    """Width of s in em: CJK 1, ASCII digits and punctuation about 0.55."""
    w = 0.0
    for ch in s:
        w += 0.55 if ord(ch) < 0x2000 else 1.0
    return w


CSS = """
:root { --doc-font: %(font)s; }
.b { %(bold)s }
.cover .org, .cover .doc, h1.part, h2.sec, h2.ttl, .tno { %(bold)s }
@page { size: A4; margin: 22mm 20mm 20mm 20mm; }
@page wide { size: A4 landscape; margin: 18mm 15mm 15mm 15mm; }
@page tbl { size: A4; margin: 18mm 15mm 15mm 15mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: var(--doc-font), %(generic)s; font-size: 12pt;
       line-height: 1.65; color: #000; }
.sheet { break-before: page; }
.tbl { page: tbl; }
.wide { page: wide; }
.cover { height: 240mm; text-align: center; }
.cover .org { padding-top: 70mm; font-size: 24pt; line-height: 1.5; }
.cover .doc { margin-top: 14mm; font-size: 22pt; letter-spacing: 1pt; }
h1.part { text-align: center; font-size: 16pt; margin: 0 0 4mm 0; }
h2.sec { font-size: 12pt; margin: 3mm 0 1mm 0; text-indent: 2em; }
p { margin: 0 0 1mm 0; text-indent: 2em; text-align: justify; }
p.sign { text-align: right; text-indent: 0; margin-top: 10mm; padding-right: 4em; }
p.date { text-align: right; text-indent: 0; padding-right: 5em; }
.partpage { padding-top: 100mm; }
.partpage h1.part { font-size: 22pt; }
.tno { font-size: 10.5pt; line-height: 1.4; margin: 0 0 1mm 0; text-indent: 0; }
.tno.right { text-align: right; }
h2.ttl { text-align: center; line-height: 1.4; margin: 1mm 0 3mm 0; font-weight: normal; }
.meta { display: flex; justify-content: space-between; font-size: 10pt;
        line-height: 1.4; margin: 0 0 1mm 0; }
.meta.right { justify-content: flex-end; }
.cont { font-size: 10pt; line-height: 1.4; margin: 0 0 1mm 0; text-indent: 0; }
table.grid { border-collapse: collapse; table-layout: fixed; width: 100%%;
             line-height: 1.3; }
table.grid tr { break-inside: avoid; }
table.grid td { border: %(border)spt solid #000; padding: 0.6mm 1mm;
                vertical-align: middle; overflow-wrap: anywhere; }
table.grid thead td, table.grid td.h { text-align: center; }
table.grid td.c { text-align: center; }
table.grid td.l { text-align: left; }
table.grid td.n { text-align: right; white-space: nowrap; }
table.grid td.i1 { padding-left: 1.2em; }
table.grid td.i2 { padding-left: 2.4em; }
.emptynote { margin-top: 3mm; font-size: 12pt; text-indent: 2em; }
"""


class Renderer:
    def __init__(self, doc, v, rng):
        self.doc, self.v, self.rng = doc, v, rng
        self.parts = []
        font, bold = FONTS[v["font"]]
        self.bold_kind = bold if v["bold"] == "auto" else v["bold"]
        self.css = CSS % {
            "font": font,
            "generic": "sans-serif" if "sans" in v["font"] else "serif",
            "bold": ("text-shadow: 0.035em 0 0 #000; font-weight: normal;"
                     if self.bold_kind == "shadow" else "font-weight: bold;"),
            "border": v["border"],
        }

    # -- pieces --------------------------------------------------------------

    def cover(self):
        d = self.doc
        self.parts.append(
            f'<div class="cover"><div class="org">{esc(d.department)}</div>'
            f'<div class="doc">{esc(d.cover_title)}</div></div>')
        if self.v["part_page"] == "yes":
            self.parts.append(
                f'<div class="sheet partpage"><h1 class="part">第二部分 {YEAR}年部门预算公开表</h1></div>')

    def number_label(self, t):
        n = t.number_std
        s = self.v["numbering"]
        return {"biao": f"表{n}", "biao_space": f"表 {n}", "fubiao": f"附表{n}",
                "sub": f"表1-{n}"}.get(s)

    def caption(self, t, cont=False):
        """Number line, title, department and unit lines."""
        v = self.v
        out = []
        title = t.title
        if not cont:
            lab = self.number_label(t)
            if lab:
                cls = "tno right" if v["number_pos"] == "right" else "tno"
                out.append(f'<p class="{cls}">{esc(lab)}</p>')
            size = t.title_pt
            if v["numbering"] == "inline":
                gap = "1em" if v["inline_gap"] == "narrow" else "3em"
                inner = (f'<span style="margin-right:{gap}">表{t.number_std}</span>'
                         f'{esc(title)}')
            elif v["numbering"] == "chinese":
                inner = f"{cn_number(t.number_std)}、{esc(title)}"
            else:
                inner = esc(title)
            out.append(f'<h2 class="ttl" style="font-size:{size:.1f}pt">{inner}</h2>')
        elif v["cont_label"] == "yes":
            out.append(f'<p class="cont">续表{t.number_std}</p>')
        unit = t.unit.name
        meta = v["meta"]
        if meta == "flex":
            out.append(f'<div class="meta"><span>编制部门：{esc(self.doc.department)}</span>'
                       f'<span>单位：{unit}</span></div>')
        elif meta == "words":
            out.append(f'<div class="meta"><span>编制单位：{esc(self.doc.department)}</span>'
                       f'<span>金额单位：{unit}</span></div>')
        else:
            out.append(f'<div class="meta right"><span>单位：{unit}</span></div>')
        return "\n".join(out)

    # -- tables --------------------------------------------------------------

    def fit(self, t):
        """Font size, orientation and column widths (mm) for table t."""
        v = self.v
        wide_table = len(t.layout) > 9
        if v["orient"] == "landscape":
            landscape = True
        elif v["orient"] == "wide":
            landscape = wide_table
        else:
            landscape = False
        size = v["font_pt"]
        mins = None
        while True:
            avail = (LANDSCAPE_W if landscape else PORTRAIT_W) - 3
            em = size * PT_MM
            mins, prefs = [], []
            for k, col in enumerate(t.layout):
                texts = self.column_texts(t, k)
                longest = max((text_em(x) for x in texts), default=2)
                if col[0] == "amount":
                    w = max(longest, 3.2) * em + 2.5
                    mins.append(w)
                    prefs.append(w * 1.25)
                elif col[1] == "code":
                    w = max(longest, 1.6) * em + 2.5
                    mins.append(w)
                    prefs.append(w)
                else:   # names wrap
                    mins.append(5 * em + 2)
                    prefs.append(min(longest, v["name_em"]) * em + 2.5)
            if sum(mins) <= avail:
                break
            if not landscape and (v["orient"] != "portrait" and wide_table or size <= 6.5):
                landscape = True        # too wide for a portrait page
                continue
            if size <= 5.5:
                break
            size -= 0.5
        # Share the room: names get their preferred width (the longest
        # name, up to name_em: narrower makes long names wrap) if possible;
        # amount columns up to twice their need; what is left goes to the
        # names again, then to all columns.
        widths = list(mins)
        room = avail - sum(widths)
        names = [k for k, c in enumerate(t.layout) if c[0] == "label" and c[1] != "code"]
        amounts = [k for k, c in enumerate(t.layout) if c[0] == "amount"]
        for k in names:
            add = min(prefs[k] - widths[k], room)
            if add > 0:
                widths[k] += add
                room -= add
        if room > 0 and amounts:
            jitter = [self.rng.uniform(0.8, 1.2) for _ in amounts]
            s = sum(jitter)
            add = min(room, sum(mins[k] for k in amounts))
            for k, j in zip(amounts, jitter):
                widths[k] += add * j / s
            room -= add
        if room > 0:
            total = sum(widths)
            widths = [w + room * w / total for w in widths]
        return size, landscape, widths

    def column_texts(self, t, k):
        return [row[k][0] for row in self.body_rows(t) if k < len(row)]

    def label_text(self, t, row, role):
        """The printed text of a label cell."""
        kind = role[1]
        if kind == "name":
            return getattr(row, "label", None) or row.name or ""
        if kind == "project":
            return row.project or ""
        if kind == "name_code":
            if row.code:
                return f"{row.code} {row.name}"
            return row.name or ""
        if kind == "code":
            c = row.code
            if not c:
                return ""
            part = role[2]
            if part == "full":
                return c
            if part == "class":
                return c[:3]
            if part == "section":
                return c[3:5] if len(c) >= 5 else ""
            if part == "item":
                return c[5:7] if len(c) >= 7 else ""
        return ""

    def body_rows(self, t):
        """Rows of (text, css class, colspan) per printed column."""
        if getattr(t, "_body", None) is not None:
            return t._body
        out = []
        fmt = t.unit.fmt
        v = self.v

        def amount(x):
            if x is None:
                return ""
            if x == 0 and v["zero"] == "dash":
                return "-"
            return fmt(x)
        if t.two_sided:
            for ir, er in t.pairs:
                cells = []
                side_cols = [[k for k, c in enumerate(t.layout) if (c[0] == "label" and c[2] == s)]
                             for s in ("income", "expenditure")]
                amount_idx = {"income": [0], "expenditure": list(range(1, len(t.columns)))}
                for side, r in (("income", ir), ("expenditure", er)):
                    b = " b" if r is not None and r.bold else ""
                    if r is None:
                        cells.append(("", "l", 1))
                        cells += [("", "n", 1)] * len(amount_idx[side])
                        continue
                    label = getattr(r, "label", None) or r.name
                    cls = "c" if r.kind == "total" else "l"
                    cells.append((label, cls + b, 1))
                    for x in r.values:
                        cells.append((amount(x), "n" + b, 1))
                out.append(cells)
            t._body = out
            return out
        nlabels = sum(1 for c in t.layout if c[0] == "label")
        for r in t.rows:
            b = " b" if r.bold else ""
            cells = []
            for k, col in enumerate(t.layout):
                if col[0] == "amount":
                    cells.append((amount(r.values[col[1]]), "n" + b, 1))
                    continue
                role = col
                if col[1] == "code":
                    cells.append((self.label_text(t, r, ("label", "code", col[2])), "c" + b, 1))
                else:
                    text = self.label_text(t, r, col)
                    cls = "l"
                    lvl = (r.level or 1) - 1
                    if col[1] in ("name", "name_code") and lvl > 0 and r.kind != "total":
                        if v["indent"] == "css":
                            cls += f" i{lvl}"
                        elif v["indent"] == "spaces":
                            text = "\u3000" * lvl + text
                    if r.kind == "total" and col[1] in ("name", "name_code"):
                        cls = "c"
                    cells.append((text, cls + b, 1))
            if r.kind == "total" and v["total_merge"] == "yes" and nlabels > 1:
                # the total's label spans the code and name columns
                names = [k for k, c in enumerate(t.layout) if c[0] == "label"
                         and c[1] != "project"]
                if len(names) > 1:
                    first = names[0]
                    merged = (cells[names[-1]][0], "c" + b, len(names))
                    cells = [merged if k == first else c for k, c in enumerate(cells)
                             if k == first or k not in names]
            out.append(cells)
        t._body = out
        return out

    def table_html(self, t, rows, widths, head_repeat, note=None):
        v = self.v
        out = [f'<table class="grid" style="width:{sum(widths):.1f}mm">', "<colgroup>"]
        out += [f'<col style="width:{w:.1f}mm">' for w in widths]
        out.append("</colgroup>")
        head = []
        hh = v["header_row_mm"]
        for hr in t.header:
            cells = "".join(
                f'<td class="h"{" colspan=%d" % c.colspan if c.colspan > 1 else ""}'
                f'{" rowspan=%d" % c.rowspan if c.rowspan > 1 else ""}>{esc(c.text)}</td>'
                for c in hr)
            head.append(f'<tr style="height:{hh}mm">{cells}</tr>')
        if t.colnum:
            head.append('<tr>' + "".join(f'<td class="h">{esc(x)}</td>' for x in t.colnum) + "</tr>")
        if head_repeat:
            out.append("<thead>" + "\n".join(head) + "</thead>")
            out.append("<tbody>")
        else:
            out.append("<tbody>")
            out += head
        rh = v["row_mm"]
        for cells in rows:
            tds = []
            for text, cls, span in cells:
                sp = f' colspan="{span}"' if span > 1 else ""
                tds.append(f'<td class="{cls}"{sp}>{esc(text)}</td>')
            out.append(f'<tr style="height:{rh}mm">' + "".join(tds) + "</tr>")
        if note:
            out.append(f'<tr><td class="l" colspan="{len(widths)}" style="padding:2mm 3mm">'
                       f'{esc(note)}</td></tr>')
        out.append("</tbody></table>")
        return "\n".join(out)

    def table(self, t):
        v = self.v
        size, landscape, widths = self.fit(t)
        t.landscape = landscape
        t.font_pt = size
        avail = LANDSCAPE_W if landscape else PORTRAIT_W
        t.title_pt = min(v["title_pt"], avail / (text_em(self.full_title(t)) * PT_MM * 1.04))
        sheet = "sheet " + ("wide" if landscape else "tbl")
        style = f' style="font-size:{size:.1f}pt"'
        rows = self.body_rows(t)
        repeat = v["repeat"]
        pieces = [rows]
        if repeat == "manual" and rows:
            # Split by hand, as office suites print: a new page with the
            # department/unit line (and 续表) and the whole header again.
            page_h = (LANDSCAPE_H if landscape else PORTRAIT_H) - 40 - 8 * len(t.header)
            per = max(3, int(page_h / (v["row_mm"] + 1.5) * 0.55))
            if len(rows) > per and self.rng.random() < 0.9:
                per = min(per, max(3, len(rows) // 2 + self.rng.randint(-2, 2)))
                pieces = [rows[:per]] + [rows[i:i + per] for i in range(per, len(rows), per)]
        html_parts = []
        for i, chunk in enumerate(pieces):
            body = [self.caption(t, cont=i > 0)]
            last = i == len(pieces) - 1
            inside = last and t.empty and v["note_place"] == "inside"
            body.append(self.table_html(t, chunk, widths, head_repeat=repeat == "thead",
                                        note=t.note if inside else None))
            if last and t.empty and not inside:
                body.append(f'<p class="emptynote">{esc(t.note)}</p>')
            html_parts.append(f'<div class="{sheet}"{style}>\n' + "\n".join(body) + "\n</div>")
        t.n_pieces = len(pieces)
        self.parts.append("\n".join(html_parts))

    def full_title(self, t):
        if self.v["numbering"] == "inline":
            return f"表{t.number_std}   " + t.title
        if self.v["numbering"] == "chinese":
            return f"{cn_number(t.number_std)}、" + t.title
        return t.title

    # -- narrative -------------------------------------------------------------

    def narrative(self, projects, unit_fmt):
        d = self.doc
        out = ['<div class="sheet">',
               f'<h1 class="part">第三部分 {YEAR}年部门预算情况说明</h1>',
               f'<h2 class="sec">七、关于{esc(d.department)}{YEAR}年一般公共预算项目支出情况说明</h2>']
        for i, p in enumerate(projects):
            out.append(f"<p>（{cn_number(i + 1)}）项目名称：{esc(p.name)}</p>")
            out.append(f"<p>设立的政策依据：{esc(p.basis)}</p>")
            out.append(f"<p>预算安排规模：{unit_fmt(p.printed_amount)}</p>")
            out.append(f"<p>项目承担单位：{esc(d.department)}</p>")
            alloc = "，".join(f"{esc(item)}{unit_fmt(a, short=True)}" for item, a in p.printed_alloc)
            out.append(f"<p>资金分配情况：{alloc}。</p>")
            sep = self.v["period_sep"]
            out.append(f"<p>资金执行时间：{YEAR}年1月1日{sep}{YEAR}年12月31日</p>")
        out.append("</div>")
        self.parts.append("\n".join(out))

    def closing(self, own_page):
        """The department and the date under the text; on a page of their
        own when no text precedes them (they never share a table's page)."""
        d = self.doc
        if d.published:
            y, m, dd = d.published.split("-")
            html = (f'<p class="sign">{esc(d.department)}</p>'
                    f'<p class="date">{int(y)}年{int(m)}月{int(dd)}日</p>')
            if own_page:
                html = f'<div class="sheet">{html}</div>'
            self.parts.append(html)
            return f"{int(y)}年{int(m)}月{int(dd)}日"
        return None

    def html(self):
        d = self.doc
        return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                f"<title>{esc(d.department)}{YEAR}年部门预算公开</title>\n"
                f"<style>{self.css}</style>\n</head>\n<body>\n"
                + "\n".join(self.parts) + "\n</body>\n</html>\n")
