"""A PDF written by hand, for the test generators (tests/nasty,
tests/fuzz, tests/data): numbered objects, a correct cross-reference
table (or, on request, a broken one) and the trailer.  Standard library
only."""
import zlib

HEADER = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"


def pdf(objs, root=1, xref=True, header=HEADER):
    """The file of objects 1..n (bytes each), catalog `root`."""
    out = bytearray(header)
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
    else:
        out += b"xref\n0 9\nthis is not a table\n"
    out += (b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, root, start))
    return bytes(out)


def stream(data, compress=False, extra=b""):
    """A stream object; `extra` goes into its dictionary after /Length."""
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
