#!/usr/bin/env python3
"""Generate a synthetic department budget disclosure: the truth as
bdx.disclosure/1 JSON and the PDF a department would publish for it.

usage: bdxgen.py --seed N --out DIR [--name NAME] [--variant KEY=VALUE ...]
                 [--keep-html] [--html-only] [--no-compress]
                 [--scan DPI [--skew DEG] [--blur R] [--noise S] [--jpeg Q]]
       bdxgen.py --list-variants

Writes DIR/NAME.json (the truth), DIR/NAME.pdf, DIR/NAME.meta.json (seed
and the variants chosen, per document and per table) and, with --scan,
DIR/NAME.scan.pdf (an image-only scan of the PDF; see genscan.py).
NAME defaults to gen-<seed>.  The same seed and variants give the same
truth and the same HTML (the PDF differs only in its creation date).

Needs Debian's chromium, fonts-arphic-uming, fonts-arphic-ukai,
fonts-noto-cjk and poppler-utils (pdftotext); qpdf, when installed,
recompresses the PDF (2-3 times smaller).  Python standard library
only.  See docs/generator.md.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True    # no __pycache__ in the source tree
sys.path.insert(0, HERE)

import gencodes as C  # noqa: E402
from genmodel import YEAR, Budget, Unit, norm  # noqa: E402
from gentables import Builder  # noqa: E402
from genhtml import Renderer  # noqa: E402

# Each variant: its values with weights.  Document-level; a few are drawn
# again per table (see PER_TABLE).
VARIANTS = {
    "level": [("county", 5), ("prefecture", 3), ("province", 2)],
    "dept": [(k, 1) for k in C.DEPARTMENTS],
    "cents": [("no", 3), ("yes", 1)],
    "projects": [(0, 2)] + [(n, 2 if n <= 6 else 1) for n in range(1, 11)],
    "transfer": [("no", 3), ("yes", 1)],
    "fund": [("no", 4), ("yes", 1)],
    "special": [("no", 6), ("yes", 1)],
    "unit_funds": [("no", 2), ("yes", 1)],
    "carryover": [("no", 5), ("yes", 1)],
    # printing of amounts
    "unit": [("wan", 4), ("yuan", 3), ("mixed", 2)],
    "yuan_decimals": [(2, 4), (0, 1)],
    "wan_sep": [("no", 3), ("yes", 1)],
    "zero": [("blank", 6), ("zero", 2), ("dash", 1)],
    # fonts and sizes
    "font": [("uming", 3), ("noto-serif", 2), ("noto-sans", 3), ("ukai", 1)],
    "bold": [("auto", 4), ("shadow", 1), ("weight", 1)],
    "font_pt": [(7.5, 1), (8, 2), (8.5, 2), (9, 3), (9.5, 2), (10, 2), (10.5, 1)],
    "title_pt": [(14, 1), (15, 1), (16, 2), (18, 1)],
    "row_mm": [(5, 1), (5.8, 2), (6.5, 2), (7, 2), (8, 1)],
    "header_row_mm": [(6, 1), (6.5, 2), (8, 1), (9, 1)],
    "name_em": [(8, 1), (10, 2), (13, 2), (16, 2), (24, 2), (40, 2)],
    "border": [("0.5", 1), ("0.6", 2), ("0.8", 1), ("1", 1)],
    "indent": [("none", 4), ("css", 1), ("spaces", 1)],
    # titles and captions
    "numbering": [("biao", 3), ("biao_space", 2), ("fubiao", 2), ("sub", 1),
                  ("inline", 2), ("chinese", 2), ("none", 1)],
    "number_pos": [("left", 3), ("right", 1)],
    "inline_gap": [("narrow", 1), ("wide", 1)],
    "wording": [("standard", 1), ("short", 1)],
    "title_prefix": [("none", 4), ("year", 1), ("dept", 1)],
    "meta": [("flex", 4), ("words", 1), ("unit_only", 1)],
    "cont_label": [("no", 1), ("yes", 1)],
    "part_page": [("no", 2), ("yes", 1)],
    # table structure
    "codes": [("split", 4), ("single", 2), ("combined", 2)],
    "combined_header": [("科目名称", 1), ("项目", 1), ("功能分类科目", 1)],
    "colnum": [("yes", 1), ("no", 1)],
    "caption_row": [("yes", 1), ("no", 1)],
    "repeat": [("thead", 2), ("none", 2), ("manual", 1)],
    "orient": [("wide", 3), ("portrait", 1), ("landscape", 1)],
    "total_pos": [("first", 4), ("last", 1)],
    "total_label": [("总计", 1), ("合计", 1)],
    "total_merge": [("no", 2), ("yes", 1)],
    "t1_income": [("long", 2), ("short", 1)],
    "t1_list": [("full", 2), ("nonzero", 1)],
    "t1_codes": [("yes", 3), ("no", 1)],
    "t1_amount_header": [("预算数", 3), ("金额", 1), ("2026年预算数", 1)],
    "t2_subtotal": [("long", 1), ("short", 1)],
    "t7_dept_row": [("yes", 1), ("no", 1)],
    "t10_label": [("content", 2), ("item", 1)],
    "t10_rows": [("seed", 1), ("alt", 1)],
    "note_style": [("seed", 2), ("short", 1), ("note", 1)],
    "note_place": [("below", 4), ("inside", 1)],
    # the rest of the document
    "narrative": [("yes", 1), ("no", 1)],
    "period_sep": [("到", 1), ("至", 1)],
    "published": [("yes", 2), ("no", 1)],
    # which tables to print (comma-separated numbers; "all" the eleven)
    "tables": [("all", 1)],
}
# Drawn again for each table (a document mixes them).
PER_TABLE = ["name_em"]
# Variants the accuracy report groups by (the layout variants of the issue).
REPORTED = ["font", "unit", "numbering", "wording", "title_prefix", "codes",
            "colnum", "repeat", "orient", "caption_row", "total_pos", "zero",
            "meta", "note_place", "indent", "total_merge", "bold", "level"]


def choose(rng, forced):
    v = {}
    for key, options in VARIANTS.items():
        values = [o for o, _ in options]
        weights = [w for _, w in options]
        pick = values[0] if len(values) == 1 else rng.choices(values, weights)[0]
        v[key] = pick
    for key, val in forced.items():
        if key not in VARIANTS:
            raise SystemExit(f"bdxgen: unknown variant '{key}' (see --list-variants)")
        kinds = {type(o) for o, _ in VARIANTS[key]}
        if key == "tables":
            pass
        elif int in kinds:
            val = int(val)
        elif float in kinds:
            val = float(val)
        v[key] = val
    return v


class Doc:
    pass


def units_for(v, rng):
    yuan = lambda: Unit("元", v["yuan_decimals"], True)
    wan = lambda: Unit("万元", 2, v["wan_sep"] == "yes")
    out = {}
    for n in range(1, 12):
        if v["unit"] == "wan":
            out[n] = wan()
        elif v["unit"] == "yuan":
            out[n] = yuan()
        else:
            out[n] = yuan() if rng.random() < 0.5 else wan()
    return out


def find_chromium():
    for c in ("chromium", "chromium-browser"):
        p = shutil.which(c)
        if p:
            return p
    raise SystemExit("bdxgen: chromium not found (apt-get install chromium)")


def print_pdf(html_path, pdf_path):
    with tempfile.TemporaryDirectory() as profile:
        cmd = [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--no-default-browser-check",
               f"--user-data-dir={profile}", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf_path}", "file://" + os.path.abspath(html_path)]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=180)
        if r.returncode != 0 or not os.path.exists(pdf_path) or os.path.getsize(pdf_path) == 0:
            sys.stderr.write(r.stdout.decode("utf-8", "replace"))
            raise SystemExit(f"bdxgen: chromium failed on {html_path}")


def pdf_pages_text(pdf_path):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"],
                       stdout=subprocess.PIPE, check=True)
    pages = r.stdout.decode("utf-8").split("\f")
    if pages and pages[-1].strip() == "":
        pages = pages[:-1]
    return [norm(p) for p in pages]


def table_pages(pages, specs, narrative_title):
    """1-based pages of each table: from the page where its title first
    appears (after the previous table's) to the page before the next."""
    starts = []
    at = 0
    for t in specs:
        key = norm(t.title)
        found = None
        for i in range(at, len(pages)):
            if key in pages[i]:
                found = i
                break
        if found is None:
            raise SystemExit(f"bdxgen: title '{t.title}' not found in the PDF text")
        starts.append(found)
        at = found + 1
    end = len(pages)
    while end > starts[-1] + 1 and not pages[end - 1]:
        end -= 1            # a blank page at the end is no table's
    if narrative_title:
        key = norm(narrative_title)
        for i in range(starts[-1] + 1, len(pages)):
            if key in pages[i]:
                end = i
                break
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else end
        out.append(list(range(s + 1, max(s + 1, e) + 1)))
    return out


def generate(seed, out_dir, name=None, forced=None, keep_html=False, html_only=False,
             compress=True):
    rng = random.Random(seed)
    v = choose(rng, forced or {})
    name = name or f"gen-{seed}"
    budget = Budget(rng, v)
    units = units_for(v, rng)
    doc = Doc()
    doc.department = budget.department
    doc.cover_title = rng.choice([f"{YEAR}年部门预算公开", f"{YEAR}年部门预算",
                                  f"{YEAR}年度部门预算公开"])
    doc.published = None
    if v["narrative"] == "yes" and v["published"] == "yes":
        m = rng.choice([1, 2, 3])
        doc.published = f"{YEAR}-{m:02d}-{rng.randint(1, 28):02d}"
    builder = Builder(budget, v, rng)
    specs = builder.all(units)
    if v["tables"] != "all":
        keep = {int(x) for x in str(v["tables"]).split(",")}
        specs = [t for t in specs if t.number_std in keep]
    r = Renderer(doc, v, rng)
    r.cover()
    per_table = {}
    for t in specs:
        tv = dict(v)
        for key in PER_TABLE:
            if key not in (forced or {}):
                values, weights = zip(*VARIANTS[key])
                tv[key] = rng.choices(values, weights)[0]
        r.v = tv
        r.table(t)
        per_table[t.id] = {
            "unit": t.unit.tag(), "landscape": t.landscape, "font_pt": t.font_pt,
            "pieces": t.n_pieces, "rows": len(t.rows), "empty": t.empty,
            "name_em": tv["name_em"]}
    r.v = v
    narrative_title = None
    projects_truth = []
    if v["narrative"] == "yes" and budget.projects:
        nu = Unit("元", 2, True) if v["unit"] == "yuan" else Unit("万元", 2, False)

        def ufmt(fen, short=False):
            s = nu.fmt(fen)
            if short and "." in s:
                s = s.rstrip("0").rstrip(".")
            return s + nu.name
        for p in budget.projects:
            p.printed_amount = nu.round(p.amount)
            parts = [nu.round(a) for _, a in p.allocation]
            parts[-1] += p.printed_amount - sum(parts)
            if parts[-1] <= 0:
                parts = [p.printed_amount]
                p.allocation = p.allocation[:1]
            p.printed_alloc = [(item, a) for (item, _), a in zip(p.allocation, parts)]
            projects_truth.append({
                "name": norm(p.name), "amount": p.printed_amount, "basis": norm(p.basis),
                "owner": norm(budget.department),
                "allocation": [{"item": norm(i), "amount": a} for i, a in p.printed_alloc],
                "period": {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"}})
        r.narrative(budget.projects, ufmt)
        narrative_title = "第三部分"
    if v["narrative"] == "yes":
        date = r.closing(own_page=narrative_title is None)
        if narrative_title is None:
            narrative_title = date
    if not budget.projects or v["narrative"] == "no":
        doc.published = doc.published if v["narrative"] == "yes" else None

    os.makedirs(out_dir, exist_ok=True)
    html_path = os.path.join(out_dir, name + ".html")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(r.html())
    if html_only:
        return None
    pdf_path = os.path.join(out_dir, name + ".pdf")
    print_pdf(html_path, pdf_path)
    if compress and shutil.which("qpdf"):
        # Chromium deflates lightly; qpdf makes the file 2-3 times smaller
        # (object streams, level-9 deflate) without changing a page.
        tmp = pdf_path + ".tmp"
        subprocess.run(["qpdf", "--object-streams=generate", "--recompress-flate",
                        "--compression-level=9", pdf_path, tmp], check=True)
        os.replace(tmp, pdf_path)
    if not keep_html:
        os.remove(html_path)
    pages = pdf_pages_text(pdf_path)
    tpages = table_pages(pages, specs, narrative_title)

    numbers = v["numbering"] != "none"
    dept_printed = v["meta"] in ("flex", "words")
    tables = []
    for t, pg in zip(specs, tpages):
        t.number = t.number_std if numbers else None
        tt = t.truth(budget.department if dept_printed else None, pages=pg)
        tables.append(tt)
        per_table[t.id]["pages"] = len(pg)
    unit_names = {t.unit.name for t in specs}
    document = {"kind": "budget", "year": YEAR, "department": norm(budget.department),
                "published": doc.published}
    if len(unit_names) == 1:
        document["unit"] = unit_names.pop()
    truth = {"format": "bdx.disclosure/1", "document": document, "tables": tables,
             "projects": projects_truth}
    with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    meta = {"seed": seed, "name": name, "pages": len(pages), "variants": v,
            "tables": per_table}
    with open(os.path.join(out_dir, name + ".meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return pdf_path


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int)
    ap.add_argument("--out", default=".")
    ap.add_argument("--name")
    ap.add_argument("--variant", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--keep-html", action="store_true")
    ap.add_argument("--html-only", action="store_true")
    ap.add_argument("--no-compress", action="store_true",
                    help="keep Chromium's PDF as printed (no qpdf pass)")
    ap.add_argument("--list-variants", action="store_true")
    ap.add_argument("--scan", type=int, metavar="DPI")
    ap.add_argument("--skew", type=float, default=0.0, metavar="DEG")
    ap.add_argument("--blur", type=float, default=0.0, metavar="RADIUS")
    ap.add_argument("--noise", type=float, default=0.0, metavar="AMOUNT")
    ap.add_argument("--jpeg", type=int, default=75, metavar="QUALITY")
    a = ap.parse_args(argv[1:])
    if a.list_variants:
        for k, opts in VARIANTS.items():
            print(f"{k}: " + " ".join(str(o) for o, _ in opts))
        return 0
    if a.seed is None:
        ap.error("--seed is required")
    forced = {}
    for kv in a.variant:
        if "=" not in kv:
            ap.error(f"--variant wants KEY=VALUE, not '{kv}'")
        k, val = kv.split("=", 1)
        forced[k] = val
    pdf = generate(a.seed, a.out, a.name, forced, a.keep_html or a.html_only, a.html_only,
                   not a.no_compress)
    if pdf and a.scan:
        import genscan
        out = pdf[:-4] + ".scan.pdf"
        genscan.scan(pdf, out, dpi=a.scan, skew=a.skew, blur=a.blur, noise=a.noise,
                     quality=a.jpeg, seed=a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
