#!/usr/bin/env python3
"""Generate src/radicals-table.h: CJK radical -> unified ideograph.

Usage:
    gen-radicals.py [-o OUTPUT] CJKRadicals.txt [EquivalentUnifiedIdeograph.txt]

PDF text layers often carry a radical code point (U+2F00..U+2FD5 Kangxi
Radicals, U+2E80..U+2EF3 CJK Radicals Supplement) where the document shows
an ordinary character: "⻔" (U+2ED4) for "门" (U+95E8).  The table maps
each radical to the unified ideograph it looks like.  Sources, first one
that knows a radical wins:

 1. CJKRadicals.txt: radical number -> radical character -> ideograph.
    Simplified radical numbers ("120'") map to the simplified ideograph
    (U+2EB0 -> 纟), which is what Simplified Chinese documents mean.
 2. NFKC (Python's unicodedata): the 214 Kangxi radicals and two supplement
    radicals have compatibility decompositions; they must agree with 1.
 3. EquivalentUnifiedIdeograph.txt, when given (by default it is looked up
    next to CJKRadicals.txt): the remaining supplement radicals, which
    CJKRadicals.txt does not list (U+2E85 ⺅ -> 亻).

Both files ship with the Unicode Character Database (Debian: unicode-data).
Standard library only.  The output is checked in, so building bdx does not
need the Unicode data files.
"""

import argparse
import os
import re
import sys
import unicodedata

KANGXI = range(0x2F00, 0x2FD6)
SUPPLEMENT = range(0x2E80, 0x2EF4)


def is_radical(cp):
    return cp in KANGXI or cp in SUPPLEMENT


def data_lines(path):
    """Yields (line number, fields) for the non-comment lines of a UCD file."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if line:
                yield number, [field.strip() for field in line.split(";")]


def file_title(path):
    """'CJKRadicals-15.0.0.txt' from the file's first comment line."""
    with open(path, encoding="utf-8") as f:
        first = f.readline()
    m = re.match(r"#\s*(\S+-(\d+\.\d+\.\d+)\.txt)", first)
    if not m:
        sys.exit(f"{path}: no versioned name on the first line")
    return m.group(1), m.group(2)


def read_cjk_radicals(path):
    table = {}
    for number, fields in data_lines(path):
        if len(fields) != 3:
            sys.exit(f"{path}:{number}: expected 3 fields")
        rad_number, radical, ideograph = fields
        radical, ideograph = int(radical, 16), int(ideograph, 16)
        if not is_radical(radical):
            sys.exit(f"{path}:{number}: U+{radical:04X} is not a radical")
        if radical in table and table[radical][0] != ideograph:
            sys.exit(f"{path}:{number}: U+{radical:04X} mapped twice")
        table[radical] = (ideograph, f"CJKRadicals {rad_number}")
    return table


def read_equivalents(path):
    table = {}
    for number, fields in data_lines(path):
        if len(fields) != 2:
            sys.exit(f"{path}:{number}: expected 2 fields")
        span, ideograph = fields
        lo, _, hi = span.partition("..")
        for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
            if is_radical(cp):
                table[cp] = int(ideograph, 16)
    return table


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cjk_radicals", help="path to CJKRadicals.txt")
    parser.add_argument("equivalents", nargs="?",
                        help="path to EquivalentUnifiedIdeograph.txt "
                             "(default: next to CJKRadicals.txt)")
    parser.add_argument("-o", "--output",
                        default=os.path.join(here, "..", "src",
                                             "radicals-table.h"))
    args = parser.parse_args()

    equivalents_path = args.equivalents or os.path.join(
        os.path.dirname(args.cjk_radicals), "EquivalentUnifiedIdeograph.txt")
    if not os.path.exists(equivalents_path):
        sys.exit(f"cannot find '{equivalents_path}': pass it as the second "
                 "argument")

    table = read_cjk_radicals(args.cjk_radicals)

    for cp in list(KANGXI) + list(SUPPLEMENT):
        if unicodedata.name(chr(cp), None) is None:
            continue
        nfkc = unicodedata.normalize("NFKC", chr(cp))
        if nfkc == chr(cp):
            continue
        if len(nfkc) != 1:
            sys.exit(f"NFKC of U+{cp:04X} is not one character")
        if cp in table:
            if table[cp][0] != ord(nfkc):
                sys.exit(f"U+{cp:04X}: CJKRadicals.txt and NFKC disagree")
        else:
            table[cp] = (ord(nfkc), "NFKC")

    missing = [cp for cp in KANGXI if cp not in table]
    if missing:
        sys.exit(f"Kangxi radicals without a mapping: {missing}")

    for cp, ideograph in read_equivalents(equivalents_path).items():
        if cp in table:
            if table[cp][0] != ideograph:
                # Does not happen in Unicode 15.0; if it ever does, the
                # radical-number file (simplified forms) stays in charge.
                print(f"note: U+{cp:04X}: keeping CJKRadicals.txt's "
                      f"U+{table[cp][0]:04X} over U+{ideograph:04X}",
                      file=sys.stderr)
        else:
            table[cp] = (ideograph, "EquivalentUnifiedIdeograph")

    radicals_title, version = file_title(args.cjk_radicals)
    equivalents_title, _ = file_title(equivalents_path)

    out = []
    out.append(f"""\
/* bdx — CJK radical to unified ideograph, sorted by radical.
 *
 * GENERATED FILE, do not edit: scripts/gen-radicals.py from the Unicode
 * {version} Character Database files {radicals_title} and
 * {equivalents_title}, with NFKC for the Kangxi radicals.
 * Regenerate with:
 *   scripts/gen-radicals.py UCD/CJKRadicals.txt UCD/EquivalentUnifiedIdeograph.txt
 *
 * {len(table)} entries; included by src/text.c and its unit test.
 */
#ifndef BDX_RADICALS_TABLE_H
#define BDX_RADICALS_TABLE_H

#include <glib.h>

#define BDX_RADICALS_UNICODE_VERSION "{version}"

static const struct {{
  gunichar radical;
  gunichar ideograph;
}} bdx_radicals_table[] = {{""")
    for cp in sorted(table):
        ideograph, source = table[cp]
        name = unicodedata.name(chr(cp)).replace("CJK RADICAL ", "") \
                                         .replace("KANGXI RADICAL ", "")
        out.append(f"  {{ 0x{cp:04X}, 0x{ideograph:04X} }}, "
                   f"/* {chr(cp)} {chr(ideograph)} {name}; {source} */")
    out.append("};\n\n#endif")

    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
