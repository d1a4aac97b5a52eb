#!/usr/bin/env python3
"""Turn the sample's HTML source into a flat OpenDocument text (.fodt).

    python3 html2fodt.py IN.html OUT.fodt [--font NAME]

Used by scripts/make-sample-lo.sh, which then exports the .fodt to PDF with
LibreOffice Writer. Writer's own HTML import drops the print CSS (borders,
page breaks, the landscape page), so the document is written again the way
an office user would set it up in Writer:

- paragraph and cell styles for the print CSS's classes, one font for all
  scripts (western, Asian and complex) and real bold (the CSS fakes bold by
  overprinting; here the font's bold face is used, as Writer does when the
  font has one);
- languages as a Chinese Writer sets them by default: Asian text zh-CN,
  western text en-US. (With zh-CN for western text as well, Writer breaks
  lines inside numbers, "14.9" | "2 万元"; the sample does not do that.)
- ruled tables with every cell bordered, colspan/rowspan as merged cells,
  the HTML <thead> rows as repeated heading rows;
- three page styles: text pages, table pages and an A4 landscape page for
  table 7 (the CSS's @page default, tbl and wide), each sheet starting on a
  new page with its page style;
- headings (h1.part, h2.sec, h3.sub) as Writer headings of outline level
  1-3, so the PDF gets bookmarks as a Writer export does.

Only the tags and classes the sample uses are handled; anything else stops
the script, so a change to the HTML is not silently dropped. Python 3
standard library only.
"""

import argparse
import html.parser
import re
import sys
from xml.sax.saxutils import escape, quoteattr

VOID = {"meta", "col", "br", "link", "img", "hr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.children = []
        self.parent = parent

    @property
    def classes(self):
        return set(self.attrs.get("class", "").split())

    def elements(self, tag=None):
        return [c for c in self.children
                if isinstance(c, Node) and (tag is None or c.tag == tag)]

    def text(self):
        out = []
        for c in self.children:
            out.append(c.text() if isinstance(c, Node) else c)
        return "".join(out)


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is None:
            raise SystemExit(f"html2fodt: stray </{tag}>")
        self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)

    def handle_comment(self, data):
        pass


def find(node, tag):
    for c in node.elements():
        if c.tag == tag:
            return c
        r = find(c, tag)
        if r is not None:
            return r
    return None


# ---- page geometry (mm), from the HTML's @page rules ------------------------

PAGES = {
    # master name: (width, height, top, right, bottom, left)
    "Standard": (210, 297, 22, 20, 20, 20),
    "Table": (210, 297, 18, 15, 15, 15),
    "Wide": (297, 210, 18, 15, 15, 15),
}


def text_width(master):
    w, _, _, r, _, l = PAGES[master]
    return w - l - r


# ---- styles -----------------------------------------------------------------

def para_style(name, display=None, parent="Standard", size=None, bold=False,
               align=None, indent=None, left=None, right=None, top=None,
               bottom=None, line=None, spacing=None, tabs=None,
               family_class="text", outline=None):
    """A common paragraph style; lengths are strings with units."""
    pp = []
    if align:
        pp.append(f'fo:text-align="{align}"')
        if align == "justify":
            pp.append('fo:text-align-last="start"')
    for attr, v in (("fo:text-indent", indent), ("fo:margin-left", left),
                    ("fo:margin-right", right), ("fo:margin-top", top),
                    ("fo:margin-bottom", bottom), ("fo:line-height", line)):
        if v is not None:
            pp.append(f'{attr}="{v}"')
    tp = []
    if size:
        tp += [f'fo:font-size="{size}"', f'style:font-size-asian="{size}"',
               f'style:font-size-complex="{size}"']
    if bold:
        tp += ['fo:font-weight="bold"', 'style:font-weight-asian="bold"',
               'style:font-weight-complex="bold"']
    if spacing:
        tp.append(f'fo:letter-spacing="{spacing}"')
    disp = f' style:display-name={quoteattr(display)}' if display else ""
    ol = f' style:default-outline-level="{outline}"' if outline else ""
    tabxml = ""
    if tabs:
        tabxml = "<style:tab-stops>" + "".join(
            f'<style:tab-stop style:position="{pos}" style:type="{kind}"/>'
            for pos, kind in tabs) + "</style:tab-stops>"
    par = f'<style:paragraph-properties {" ".join(pp)}>{tabxml}</style:paragraph-properties>' \
        if (pp or tabxml) else ""
    txt = f'<style:text-properties {" ".join(tp)}/>' if tp else ""
    return (f'<style:style style:name="{name}"{disp} style:family="paragraph" '
            f'style:parent-style-name="{parent}" style:class="{family_class}"{ol}>'
            f'{par}{txt}</style:style>')


def common_styles(font):
    s = []
    s.append(
        '<style:default-style style:family="paragraph">'
        '<style:paragraph-properties style:writing-mode="lr-tb" '
        'style:line-break="strict" style:punctuation-wrap="hanging"/>'
        f'<style:text-properties style:font-name="{font}" '
        f'style:font-name-asian="{font}" style:font-name-complex="{font}" '
        'fo:font-size="12pt" style:font-size-asian="12pt" '
        'style:font-size-complex="12pt" fo:language="en" fo:country="US" '
        'style:language-asian="zh" style:country-asian="CN" '
        'fo:hyphenate="false"/>'
        '</style:default-style>')
    s.append(
        '<style:default-style style:family="table-cell">'
        '<style:table-cell-properties style:vertical-align="middle"/>'
        '</style:default-style>')
    s.append('<style:style style:name="Standard" style:family="paragraph" '
             'style:class="text"/>')
    # narrative
    s.append(para_style("Body", "Body Text", align="justify", indent="24pt",
                        bottom="1mm", top="0mm", line="115%"))
    s.append(para_style("Body_Flush", "Body Flush", parent="Body", indent="0pt"))
    s.append(para_style("Sign", "Signature", parent="Body", align="end",
                        indent="0pt", top="10mm", right="48pt"))
    s.append(para_style("Date", "Date Line", parent="Body", align="end",
                        indent="0pt", right="60pt"))
    s.append(para_style("Empty_Note", "Empty Table Note", parent="Body",
                        top="3mm"))
    s.append(para_style("Heading_1", "Heading 1", size="16pt", bold=True,
                        align="center", top="0mm", bottom="4mm", line="115%",
                        outline=1))
    s.append(para_style("Part_Page", "Part Page Heading", parent="Heading_1",
                        size="22pt", top="100mm"))
    s.append(para_style("Heading_2", "Heading 2", size="12pt", bold=True,
                        align="justify", indent="24pt", top="3mm",
                        bottom="1mm", line="115%", outline=2))
    s.append(para_style("Heading_3", "Heading 3", size="12pt", bold=True,
                        align="justify", indent="24pt", top="2mm",
                        bottom="1mm", line="115%", outline=3))
    # cover and contents
    s.append(para_style("Cover_Org", "Cover Department", size="24pt",
                        bold=True, align="center", top="70mm", line="125%"))
    s.append(para_style("Cover_Doc", "Cover Title", size="22pt", bold=True,
                        align="center", top="14mm", spacing="1pt"))
    s.append(para_style("Contents_Heading", "Contents Heading", size="18pt",
                        bold=True, align="center", bottom="6mm",
                        spacing="6pt"))
    s.append(para_style("Contents_Part", "Contents Part", size="11pt",
                        bold=True, top="2.5mm", line="135%"))
    s.append(para_style("Contents_Item", "Contents Item", size="11pt",
                        left="44pt", indent="-22pt", line="135%"))
    # budget tables
    s.append(para_style("Table_No", "Table Number", size="10.5pt",
                        bottom="1mm"))
    s.append(para_style("Table_Title", "Table Title", size="16pt", bold=True,
                        align="center", top="1mm", bottom="4mm"))
    for master in ("Table", "Wide"):
        w = text_width(master)
        s.append(para_style(f"Table_Meta_{master}", f"Table Meta {master}",
                            size="10pt", bottom="1mm",
                            tabs=[(f"{w - 0.01:.2f}mm", "right")]))
    s.append(para_style("Cell", "Table Contents", size="9pt", align="center",
                        family_class="extra"))
    s.append(para_style("Cell_L", "Table Contents Left", parent="Cell",
                        align="start", family_class="extra"))
    s.append(para_style("Cell_R", "Table Contents Right", parent="Cell",
                        align="end", family_class="extra"))
    s.append(para_style("Cell_Goal", "Table Contents Goal", parent="Cell",
                        align="start", line="115%", family_class="extra"))
    # performance tables
    s.append(para_style("Perf_Title", "Performance Title", size="16pt",
                        bold=True, align="center"))
    s.append(para_style("Perf_Year", "Performance Year", size="11pt",
                        align="center", top="1mm", bottom="3mm"))
    s.append('<style:style style:name="Strong" style:display-name="Strong '
             'Emphasis" style:family="text"><style:text-properties '
             'fo:font-weight="bold" style:font-weight-asian="bold" '
             'style:font-weight-complex="bold"/></style:style>')
    return "\n".join(s)


def page_styles():
    layouts, masters = [], []
    for name, (w, h, t, r, b, l) in PAGES.items():
        orient = "landscape" if w > h else "portrait"
        layouts.append(
            f'<style:page-layout style:name="pm_{name}">'
            f'<style:page-layout-properties fo:page-width="{w}mm" '
            f'fo:page-height="{h}mm" style:print-orientation="{orient}" '
            f'fo:margin-top="{t}mm" fo:margin-right="{r}mm" '
            f'fo:margin-bottom="{b}mm" fo:margin-left="{l}mm" '
            'style:writing-mode="lr-tb"/></style:page-layout>')
        masters.append(f'<style:master-page style:name="{name}" '
                       f'style:page-layout-name="pm_{name}"/>')
    return "\n".join(layouts), "\n".join(masters)


# ---- content ----------------------------------------------------------------

class Writer:
    def __init__(self):
        self.body = []
        self.auto = []           # automatic styles
        self.auto_names = {}
        self.master = None       # master page of the current sheet
        self.pending_break = None  # master page the next block starts
        self.ntable = 0

    # automatic paragraph style = BASE starting a new page with MASTER
    def break_style(self, base, master):
        key = ("P", base, master)
        if key not in self.auto_names:
            name = f"P{len(self.auto_names) + 1}"
            self.auto_names[key] = name
            self.auto.append(
                f'<style:style style:name="{name}" style:family="paragraph" '
                f'style:parent-style-name="{base}" '
                f'style:master-page-name="{master}"/>')
        return self.auto_names[key]

    def pstyle(self, base):
        if self.pending_break:
            m, self.pending_break = self.pending_break, None
            return self.break_style(base, m)
        return base

    def auto_style(self, key, xml_fn):
        if key not in self.auto_names:
            name = f"{key[0]}{len(self.auto_names) + 1}"
            self.auto_names[key] = name
            self.auto.append(xml_fn(name))
        return self.auto_names[key]

    # inline content of a block element -> ODF inline XML
    def inline(self, node, pre=False):
        parts = []

        def walk(n):
            for c in n.children:
                if isinstance(c, str):
                    parts.append(("t", c))
                elif c.tag == "br":
                    parts.append(("br", None))
                elif c.tag == "b":
                    parts.append(("b+", None))
                    walk(c)
                    parts.append(("b-", None))
                elif c.tag == "span":
                    walk(c)
                else:
                    raise SystemExit(f"html2fodt: unexpected <{c.tag}> inline")
        walk(node)
        # HTML whitespace: collapse runs (unless pre-wrap), trim the ends
        if not pre:
            norm = []
            for k, v in parts:
                if k == "t":
                    v = re.sub(r"[ \t\r\n]+", " ", v)
                norm.append((k, v))
            parts = norm
            # trim leading/trailing space of the block and around <br>
            def trim(seq, lead):
                rng = range(len(seq)) if lead else range(len(seq) - 1, -1, -1)
                for i in rng:
                    k, v = seq[i]
                    if k == "t":
                        v2 = v.lstrip(" ") if lead else v.rstrip(" ")
                        seq[i] = (k, v2)
                        if v2:
                            return
                    elif k == "br":
                        return
            segs, cur = [], []
            for p in parts:
                if p[0] == "br":
                    segs.append(cur)
                    segs.append([p])
                    cur = []
                else:
                    cur.append(p)
            segs.append(cur)
            parts = []
            for sg in segs:
                if sg and sg[0][0] != "br":
                    trim(sg, True)
                    trim(sg, False)
                parts += sg
        out = []
        for k, v in parts:
            if k == "t":
                out.append(self.text_xml(v))
            elif k == "br":
                out.append("<text:line-break/>")
            elif k == "b+":
                out.append('<text:span text:style-name="Strong">')
            elif k == "b-":
                out.append("</text:span>")
        return "".join(out)

    @staticmethod
    def text_xml(s):
        # runs of spaces need <text:s/>; a single space between words stays
        out = []
        for m in re.finditer(r" {2,}|[^ ]+| ", s):
            t = m.group(0)
            if t.startswith("  "):
                out.append(f' <text:s text:c="{len(t) - 1}"/>')
            else:
                out.append(escape(t))
        return "".join(out)

    def para(self, style, content, tag="text:p", level=None):
        st = self.pstyle(style)
        lv = f' text:outline-level="{level}"' if level else ""
        self.body.append(f'<{tag} text:style-name="{st}"{lv}>{content}</{tag}>')

    # ---- blocks ----
    def sheet(self, div):
        cls = div.classes
        if "cover" in cls:
            master = "Standard"
        elif "wide" in cls:
            master = "Wide"
        elif "tbl" in cls:
            master = "Table"
        else:
            master = "Standard"
        self.master = master
        self.pending_break = master
        for el in div.elements():
            self.block(el, div)

    def block(self, el, div):
        cls = el.classes
        t = el.tag
        if t == "div" and "org" in cls:
            self.para("Cover_Org", self.inline(el))
        elif t == "div" and "doc" in cls:
            self.para("Cover_Doc", self.inline(el))
        elif t == "div" and "meta" in cls:
            spans = el.elements("span")
            if len(spans) != 2:
                raise SystemExit("html2fodt: div.meta without two spans")
            self.para(f"Table_Meta_{self.master}",
                      self.inline(spans[0]) + "<text:tab/>" + self.inline(spans[1]))
        elif t == "h1" and "toc" in div.classes:
            self.para("Contents_Heading", self.inline(el))
        elif t == "h1" and "part" in cls:
            style = "Part_Page" if "partpage" in div.classes else "Heading_1"
            self.para(style, self.inline(el), "text:h", 1)
        elif t == "h2" and "sec" in cls:
            self.para("Heading_2", self.inline(el), "text:h", 2)
        elif t == "h3" and "sub" in cls:
            self.para("Heading_3", self.inline(el), "text:h", 3)
        elif t == "h2" and "ttl" in cls:
            self.para("Table_Title", self.inline(el))
        elif t == "h2" and "ptitle" in cls:
            self.para("Perf_Title", self.inline(el))
        elif t == "p":
            if "toc" in div.classes:
                style = "Contents_Part" if "part" in cls else "Contents_Item"
            elif "tno" in cls:
                style = "Table_No"
            elif "pyear" in cls:
                style = "Perf_Year"
            elif "sign" in cls:
                style = "Sign"
            elif "date" in cls:
                style = "Date"
            elif "emptynote" in cls:
                style = "Empty_Note"
            elif "flush" in cls:
                style = "Body_Flush"
            elif not cls:
                style = "Body"
            else:
                raise SystemExit(f"html2fodt: p class {sorted(cls)}")
            self.para(style, self.inline(el))
        elif t == "table":
            self.table(el)
        else:
            raise SystemExit(f"html2fodt: unexpected <{t} class={sorted(cls)}>")

    # ---- tables ----
    def table(self, tbl):
        self.ntable += 1
        cls = tbl.classes
        perf = "perf" in cls
        total = text_width(self.master)
        cols = []
        cg = tbl.elements("colgroup")
        for col in (cg[0].elements("col") if cg else []):
            m = re.search(r"width:\s*([\d.]+)(mm|%)", col.attrs.get("style", ""))
            if not m:
                cols.append(None)
            elif m.group(2) == "mm":
                cols.append(float(m.group(1)))
            else:
                cols.append(total * float(m.group(1)) / 100)
        head_rows, body_rows = [], []
        for part in tbl.elements():
            if part.tag == "thead":
                head_rows += part.elements("tr")
            elif part.tag == "tbody":
                body_rows += part.elements("tr")
            elif part.tag == "tr":
                body_rows.append(part)
            elif part.tag != "colgroup":
                raise SystemExit(f"html2fodt: <{part.tag}> in table")
        ncols = max(len(cols), self.grid_width(head_rows + body_rows))
        cols += [None] * (ncols - len(cols))
        fixed = sum(c for c in cols if c is not None)
        free = [i for i, c in enumerate(cols) if c is None]
        if free:
            share = (total - fixed) / len(free)
            if share < 3:
                raise SystemExit("html2fodt: table columns do not fit")
            for i in free:
                cols[i] = share
        width = sum(cols)

        tname = f"Table{self.ntable}"
        # the table's own style: width, and a page break when it opens a sheet
        brk = ""
        if self.pending_break:
            brk = f' style:master-page-name="{self.pending_break}"'
            self.pending_break = None
        self.auto.append(
            f'<style:style style:name="{tname}" style:family="table"{brk}>'
            f'<style:table-properties style:width="{width:.2f}mm" '
            'table:align="margins" fo:margin-top="0mm" fo:margin-bottom="0mm" '
            'table:border-model="collapsing" style:may-break-between-rows="true"/>'
            '</style:style>')
        out = [f'<table:table table:name="{tname}" table:style-name="{tname}">']
        for i, w in enumerate(cols):
            cn = self.auto_style(("C", f"{w:.2f}"), lambda n, w=w: (
                f'<style:style style:name="{n}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{w:.2f}mm"/>'
                '</style:style>'))
            out.append(f'<table:table-column table:style-name="{cn}"/>')

        # row heights (CSS td heights are the rows' minimum heights)
        def row_height(in_head):
            if perf:
                return "6.5mm"
            if "r65" in cls:
                return "5.8mm"
            if "r2" in cls:
                return "9mm" if in_head else "11mm"
            return "6.5mm" if in_head else "7mm"

        pad_lr = "0.4mm" if ("t7" in cls) else "1mm"
        grid = self.layout(head_rows + body_rows, ncols)
        nhead = len(head_rows)
        if nhead:
            out.append("<table:table-header-rows>")
        for r, tr in enumerate(head_rows + body_rows):
            in_head = r < nhead
            rn = self.auto_style(("R", row_height(in_head)), lambda n, h=row_height(in_head): (
                f'<style:style style:name="{n}" style:family="table-row">'
                f'<style:table-row-properties style:min-row-height="{h}" '
                'fo:keep-together="always"/></style:style>'))
            out.append(f'<table:table-row table:style-name="{rn}">')
            for c in range(ncols):
                cell = grid[r][c]
                if cell is None:
                    raise SystemExit(f"html2fodt: table {self.ntable} row {r} has a hole")
                if cell[0] != "cell":
                    out.append("<table:covered-table-cell/>")
                    continue
                _, td, rs, cs = cell
                hcls = td.classes
                pad_tb = "1mm" if perf else "0.6mm"
                pad_side = "1mm" if perf else (pad_lr if in_head else "1mm")
                cst = self.auto_style(("K", pad_tb, pad_side), lambda n, a=pad_tb, b=pad_side: (
                    f'<style:style style:name="{n}" style:family="table-cell">'
                    '<style:table-cell-properties style:vertical-align="middle" '
                    f'fo:padding-top="{a}" fo:padding-bottom="{a}" '
                    f'fo:padding-left="{b}" fo:padding-right="{b}" '
                    'fo:border="0.6pt solid #000000"/></style:style>'))
                span = ""
                if cs > 1:
                    span += f' table:number-columns-spanned="{cs}"'
                if rs > 1:
                    span += f' table:number-rows-spanned="{rs}"'
                if in_head and not perf:
                    pst = "Cell"
                elif "goal" in hcls:
                    pst = "Cell_Goal"
                elif "l" in hcls:
                    pst = "Cell_L"
                elif "n" in hcls:
                    pst = "Cell_R"
                else:
                    pst = "Cell"
                content = self.inline(td, pre="pre" in hcls)
                if "b" in hcls and content:
                    content = f'<text:span text:style-name="Strong">{content}</text:span>'
                out.append(f'<table:table-cell table:style-name="{cst}" '
                           f'office:value-type="string"{span}>'
                           f'<text:p text:style-name="{pst}">{content}</text:p>'
                           '</table:table-cell>')
            out.append("</table:table-row>")
            if in_head and r == nhead - 1:
                out.append("</table:table-header-rows>")
        out.append("</table:table>")
        self.body.append("\n".join(out))

    @staticmethod
    def grid_width(rows):
        return max((sum(int(td.attrs.get("colspan", 1)) for td in tr.elements("td"))
                    for tr in rows), default=0)

    @staticmethod
    def layout(rows, ncols):
        """The HTML table model: each cell's place in the grid."""
        grid = [[None] * ncols for _ in rows]
        for r, tr in enumerate(rows):
            c = 0
            for td in tr.elements("td"):
                while c < ncols and grid[r][c] is not None:
                    c += 1
                rs = int(td.attrs.get("rowspan", 1))
                cs = int(td.attrs.get("colspan", 1))
                if c + cs > ncols or r + rs > len(rows):
                    raise SystemExit(f"html2fodt: cell spans out of its table (row {r})")
                for dr in range(rs):
                    for dc in range(cs):
                        if grid[r + dr][c + dc] is not None:
                            raise SystemExit(f"html2fodt: overlapping cells (row {r})")
                        grid[r + dr][c + dc] = ("covered",)
                grid[r][c] = ("cell", td, rs, cs)
                c += cs
        return grid


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--font", default="Noto Sans CJK SC")
    a = ap.parse_args()

    tb = TreeBuilder()
    with open(a.input, encoding="utf-8") as f:
        tb.feed(f.read())
    tb.close()
    title_node = find(tb.root, "title")
    title = title_node.text().strip() if title_node else ""
    body = find(tb.root, "body")
    if body is None:
        raise SystemExit("html2fodt: no <body>")

    w = Writer()
    for div in body.elements():
        if div.tag != "div":
            raise SystemExit(f"html2fodt: <{div.tag}> directly in <body>")
        w.sheet(div)

    layouts, masters = page_styles()
    font = a.font
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{escape(title)}</dc:title><dc:language>zh-CN</dc:language></office:meta>
<office:font-face-decls>
<style:font-face style:name={quoteattr(font)} svg:font-family={quoteattr(repr(font) if ' ' in font else font)} style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
{common_styles(font)}
</office:styles>
<office:automatic-styles>
{chr(10).join(w.auto)}
{layouts}
</office:automatic-styles>
<office:master-styles>
{masters}
</office:master-styles>
<office:body><office:text>
{chr(10).join(w.body)}
</office:text></office:body>
</office:document>
"""
    with open(a.output, "w", encoding="utf-8") as f:
        f.write(doc)


if __name__ == "__main__":
    main()
