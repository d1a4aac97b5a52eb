#!/usr/bin/env python3
"""Writes annotated.pdf: one page, a line of text, and a FreeText
annotation whose appearance stream draws the word ANNOTATED.  A render
of the page draws the annotation (and a text layer built by the render
takes its text); poppler's text pass does not.  Standard library only:
  tests/data/make-annotated.py tests/data/annotated.pdf"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from minipdf import pdf, stream  # noqa: E402


page_text = b"BT /F1 12 Tf 72 720 Td (Page text) Tj ET"
annot_text = b"BT /F1 12 Tf 2 6 Td (ANNOTATED) Tj ET"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
    b" /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
    stream(page_text, extra=b" "),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    b"<< /Type /Annot /Subtype /FreeText /Rect [72 600 272 624]"
    b" /Contents (ANNOTATED) /DA (/F1 12 Tf 0 g) /AP << /N 7 0 R >> >>",
    stream(annot_text, extra=b" /Type /XObject /Subtype /Form /BBox [0 0 200 24]"
                             b" /Resources << /Font << /F1 5 0 R >> >>"),
]
with open(sys.argv[1], "wb") as f:
    f.write(pdf(objects, header=b"%PDF-1.4\n"))
