#!/bin/sh
# Regenerate the committed round-trip set, tests/roundtrip/: nine
# generated disclosures whose forced variants cover every layout variant
# of the generator at least once (see tests/roundtrip/README.md).
#
#   scripts/gen/make-roundtrip.sh [OUTDIR]      (default tests/roundtrip)
#
# Needs what scripts/gen/bdxgen.py needs (chromium, the CJK fonts,
# poppler-utils).  Tests never run this; they read the committed files.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../.." && pwd)
out=${1:-$root/tests/roundtrip}
mkdir -p "$out"

gen() {
    name=$1 seed=$2
    shift 2
    args=""
    for v in "$@"; do args="$args --variant $v"; done
    # shellcheck disable=SC2086
    python3 "$here/bdxgen.py" --seed "$seed" --out "$out" --name "$name" $args
    echo "wrote $out/$name.pdf"
}

# 1. The seed's template: 类/款/项 columns, ※ row, header repeated, 万元.
gen rt-1-template 9001 font=uming codes=split colnum=yes repeat=thead \
    numbering=biao wording=standard title_prefix=none unit=wan orient=wide \
    zero=blank meta=flex total_pos=first caption_row=yes t1_income=long \
    note_place=below narrative=no projects=6 level=prefecture
# 2. Sans, one code column, no ※ row, broken tables without the header
#    repeated, 元 with separators, printed zeros, totals last.
gen rt-2-sans-single 9002 font=noto-sans codes=single colnum=no repeat=none \
    numbering=fubiao wording=short title_prefix=year unit=yuan yuan_decimals=2 \
    orient=portrait zero=zero meta=words total_pos=last total_merge=yes \
    t1_income=short indent=css narrative=no projects=3 level=county
# 3. Serif, code and name in one column, split by hand with 续表, landscape,
#    units mixed per table, dashes for zeros, the empty-table note inside.
gen rt-3-serif-combined 9003 font=noto-serif codes=combined combined_header=科目名称 \
    colnum=yes repeat=manual cont_label=yes numbering=sub wording=standard \
    title_prefix=dept unit=mixed orient=landscape zero=dash note_place=inside \
    meta=unit_only indent=spaces narrative=no projects=4 level=province
# 4. Kai, every source of money: non-empty 政府性基金 and 结转结余 tables.
gen rt-4-kai-sources 9004 font=ukai codes=split colnum=no repeat=thead \
    numbering=inline inline_gap=narrow wording=short title_prefix=none \
    unit=yuan yuan_decimals=0 orient=wide zero=blank t1_codes=no t1_list=nonzero \
    fund=yes carryover=yes special=yes unit_funds=yes transfer=yes \
    narrative=no projects=5 level=county dept=education
# 5. 一、 numbered titles, ten projects with their descriptions.
gen rt-5-chinese-projects 9005 font=uming codes=single colnum=yes repeat=none \
    numbering=chinese wording=standard title_prefix=none unit=wan wan_sep=yes \
    orient=landscape zero=zero narrative=yes published=yes projects=10 \
    level=prefecture bold=shadow
# 6. No table numbers, no projects (an empty project table), real bold.
gen rt-6-unnumbered 9006 font=noto-sans codes=combined combined_header=功能分类科目 \
    colnum=no repeat=manual cont_label=no numbering=none wording=short \
    title_prefix=year unit=wan orient=wide zero=blank projects=0 bold=weight \
    narrative=no level=county
# 7. Long names wrapping in a narrow name column, number at the right.
gen rt-7-wrapping 9007 font=noto-serif codes=split colnum=yes repeat=thead \
    numbering=biao_space number_pos=right wording=standard title_prefix=dept \
    unit=yuan orient=portrait zero=blank name_em=8 font_pt=10 narrative=no \
    projects=7 level=province dept=government
# 8. Number and title on one line, 万元 with separators, all landscape.
gen rt-8-inline 9008 font=uming codes=split colnum=no repeat=none \
    numbering=inline inline_gap=wide wording=short title_prefix=none \
    unit=mixed orient=landscape zero=dash meta=flex t10_rows=alt \
    t10_label=item total_label=合计 narrative=no projects=2 level=county
# 9. Sans strokes on glyph box edges (保障, 国有): no short rules that split
#    cells; a 三公 table with every amount blank, its rows still data.
gen rt-9-strokes 1016 tables=1,3,10 font=noto-sans
