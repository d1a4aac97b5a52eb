#!/usr/bin/env python3
"""Scanned variant of a PDF: every page rendered to an image, distorted as
a scanner and a photocopier would (skew, blur, noise, JPEG artefacts), and
wrapped back into an image-only PDF (no text layer).

usage: genscan.py IN.pdf OUT.pdf [--dpi 200] [--skew DEG] [--blur R]
                  [--noise AMOUNT] [--jpeg QUALITY] [--seed N] [--color]

--skew DEG     each page is rotated by a random angle in [-DEG, DEG]
--blur R       Gaussian blur of radius R pixels (0.6 to 1.2 looks like a scan)
--noise A      Gaussian noise, ImageMagick's -attenuate A (0.2 to 1)
--jpeg Q       JPEG quality (30 blocky, 75 usual, 95 clean)
--color        keep the page in RGB (default: grey, as most scans)

Needs pdftoppm (poppler-utils) and ImageMagick's convert (Debian
imagemagick).  Only generation needs them; no test does.  The PDF is
written here (standard library only): one /DCTDecode image per page, the
page size that of the original.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile


def find_convert():
    for c in ("magick", "convert"):
        p = shutil.which(c)
        if p:
            return [p] if c == "convert" else [p, "convert"]
    raise SystemExit("genscan: ImageMagick not found (apt-get install imagemagick)")


def jpeg_info(data):
    """(width, height, components) from a JPEG's SOF marker."""
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            h = int.from_bytes(data[i + 5:i + 7], "big")
            w = int.from_bytes(data[i + 7:i + 9], "big")
            return w, h, data[i + 9]
        i += 2 + length
    raise ValueError("not a JPEG with a frame header")


def write_pdf(pages, out):
    """pages: [(jpeg bytes, width_pt, height_pt)]."""
    objs = []          # bodies, object k+1

    def add(body):
        objs.append(body)
        return len(objs)
    catalog = add(None)
    tree = add(None)
    kids = []
    for data, wpt, hpt in pages:
        w, h, comps = jpeg_info(data)
        cs = {1: b"/DeviceGray", 3: b"/DeviceRGB", 4: b"/DeviceCMYK"}[comps]
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                  b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                  % (w, h, cs, len(data)) + data + b"\nendstream")
        content = b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (wpt, hpt)
        c = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.3f %.3f] "
                   b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                   % (tree, wpt, hpt, img, c))
        kids.append(page)
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objs[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                      + b"] /Count %d >>" % len(kids))
    buf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % (k + 1) + body + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        buf += b"%010d 00000 n \n" % off
    buf += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, xref)
    with open(out, "wb") as f:
        f.write(buf)


def page_sizes(pdf):
    """[(width_pt, height_pt)] per page, from pdfinfo."""
    r = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], stdout=subprocess.PIPE,
                       check=True)
    sizes = []
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split("size:")[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


def scan(pdf, out, dpi=200, skew=0.0, blur=0.0, noise=0.0, quality=75, seed=0,
         color=False):
    rng = random.Random(seed)
    convert = find_convert()
    sizes = page_sizes(pdf)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi)] + ([] if color else ["-gray"])
                       + [pdf, os.path.join(tmp, "p")], check=True)
        images = sorted(f for f in os.listdir(tmp) if f.startswith("p-"))
        if len(images) != len(sizes):
            raise SystemExit(f"genscan: {len(images)} images for {len(sizes)} pages")
        pages = []
        for k, (name, (wpt, hpt)) in enumerate(zip(images, sizes)):
            src = os.path.join(tmp, name)
            dst = os.path.join(tmp, f"s-{k:04d}.jpg")
            args = [src, "-background", "white"]
            if skew:
                args += ["-rotate", f"{rng.uniform(-skew, skew):.3f}"]
                w = round(wpt * dpi / 72)
                h = round(hpt * dpi / 72)
                args += ["-gravity", "center", "-extent", f"{w}x{h}"]
            if blur:
                args += ["-blur", f"0x{blur}"]
            if noise:
                args += ["-attenuate", str(noise), "+noise", "Gaussian"]
            args += ["-strip", "-quality", str(quality), dst]
            subprocess.run(convert + args, check=True)
            with open(dst, "rb") as f:
                pages.append((f.read(), wpt, hpt))
        write_pdf(pages, out)
    return out


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("out")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--skew", type=float, default=0.0)
    ap.add_argument("--blur", type=float, default=0.0)
    ap.add_argument("--noise", type=float, default=0.0)
    ap.add_argument("--jpeg", type=int, default=75)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--color", action="store_true")
    a = ap.parse_args(argv[1:])
    scan(a.pdf, a.out, a.dpi, a.skew, a.blur, a.noise, a.jpeg, a.seed, a.color)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
