#!/usr/bin/env python3
"""Writes hostile PDFs into a folder, for tests/e2e/nasty.sh:

  cyclic.pdf        page tree whose Kids point back at itself
  many-pages.pdf    100,000 pages (a tiny page tree, a few MB)
  many-glyphs.pdf   one page drawing 1,200,000 characters (compressed)
  nested-forms.pdf  form XObjects nested 2,000 deep, plus a form that
                    draws itself
  bomb.pdf          a content stream that inflates to 100 MB of spaces
  bad-xref.pdf      garbage where the cross-reference table should be

Standard library only; each file is built with a correct xref unless the
point is that it is not."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from minipdf import pdf, stream  # noqa: E402


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page(parent, contents, res=b"/Font << /F1 4 0 R >>"):
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
            b"/Resources << %s >> /Contents %d 0 R >>" % (parent, res, contents))


def main(out):
    os.makedirs(out, exist_ok=True)
    w = lambda name, data: open(os.path.join(out, name), "wb").write(data)

    # Kids of the page tree point at the tree itself.
    w("cyclic.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                         page(2, 5), FONT, stream(b"BT /F1 9 Tf 72 720 Td (x) Tj ET")]))

    # 100,000 pages sharing one content stream.
    n = 100000
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
            b"null", FONT, stream(b"BT /F1 9 Tf 72 720 Td (1) Tj ET")]
    objs += [page(2, 5)] * n
    w("many-pages.pdf", pdf(objs))

    # 1.2 million characters on one page.
    # A page of 200 x 200 inches (the largest PDF allows) in 6 pt type:
    # 600 lines of 2,000 characters, all on the page.
    line = b"(" + b"0123456789" * 200 + b") ' "
    text = b"BT /F1 6 Tf 10 14390 Td 7 TL " + line * 600 + b"ET"
    big = page(2, 5).replace(b"[0 0 595 842]", b"[0 0 14400 14400]")
    w("many-glyphs.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                              b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                              big, FONT, stream(text, compress=True)]))

    # Forms nested 2,000 deep (each draws the next), and one drawing itself.
    depth = 2000
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            page(2, 5, b"/Font << /F1 4 0 R >> /XObject << /X0 6 0 R /S %d 0 R >>" % (6 + depth)),
            FONT, stream(b"/X0 Do /S Do BT /F1 9 Tf 72 720 Td (end) Tj ET")]
    for i in range(depth):
        nxt = (b"/Resources << /XObject << /X0 %d 0 R >> >>" % (7 + i)) if i + 1 < depth else b""
        body = b"/X0 Do" if i + 1 < depth else b"BT /F1 9 Tf 72 700 Td (deep) Tj ET"
        objs.append(stream(body, extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] " + nxt))
    me = 6 + depth
    objs.append(stream(b"/S Do", extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                                        b"/Resources << /XObject << /S %d 0 R >> >>" % me))
    w("nested-forms.pdf", pdf(objs))

    # A content stream that inflates 1000-fold.
    bomb = b" " * (100 * 1024 * 1024)
    w("bomb.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                       b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       page(2, 5), FONT, stream(bomb, compress=True)]))

    w("bad-xref.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                           b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                           page(2, 5), FONT, stream(b"BT /F1 9 Tf 72 720 Td (x) Tj ET")],
                          xref=False))


if __name__ == "__main__":
    main(sys.argv[1])
