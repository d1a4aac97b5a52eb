#!/usr/bin/env python3
"""Writes a tiny PDF for the pdf fuzz target's seed corpus: one page with a
ruled 3x3 grid and numbers in Helvetica.  Small seeds make fast fuzzing."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from minipdf import pdf, stream as stream_obj  # noqa: E402

content = ["0.5 w"]
for y in (700, 680, 660, 640):
    content.append(f"100 {y} m 400 {y} l S")
for x in (100, 200, 300, 400):
    content.append(f"{x} 640 m {x} 700 l S")
cells = [("Total", "417.37", "186.63"), ("201", "373.03", ""), ("2080505", "18.38", "1,234.56")]
for r, row in enumerate(cells):
    for c, text in enumerate(row):
        if text:
            content.append(f"BT /F1 9 Tf {110 + c * 100} {686 - r * 20} Td ({text}) Tj ET")
stream = "\n".join(content).encode()

objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    stream_obj(stream),
]
sys.stdout.buffer.write(pdf(objs, header=b"%PDF-1.4\n"))
