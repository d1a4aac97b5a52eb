#!/usr/bin/env python3
"""Writes annotated.pdf: one page, a line of text, and a FreeText
annotation whose appearance stream draws the word ANNOTATED.  A render
of the page draws the annotation (and a text layer built by the render
takes its text); poppler's text pass does not.  Standard library only:
  tests/data/make-annotated.py tests/data/annotated.pdf"""
import sys

def pdf(objects):
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)

def stream(dict_extra, data):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), dict_extra) + data + b"\nendstream"

page_text = b"BT /F1 12 Tf 72 720 Td (Page text) Tj ET"
annot_text = b"BT /F1 12 Tf 2 6 Td (ANNOTATED) Tj ET"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
    stream(b"", page_text),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 272 624]"
    b" /Contents (ANNOTATED) /DA (/F1 12 Tf 0 g) /AP << /N 7 0 R >> >>",
    stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 24]"
           b" /Resources << /Font << /F1 5 0 R >> >>", annot_text),
]
with open(sys.argv[1], "wb") as f:
    f.write(pdf(objects))
