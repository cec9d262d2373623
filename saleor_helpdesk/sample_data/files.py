"""The files customers and staff attach: small valid PNGs and one-page PDFs."""

import random
import struct
import zlib
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from .texts import FILE_NAMES


def png_bytes(rng: random.Random, width: int = 48, height: int = 36) -> bytes:
    """A small valid PNG: a coloured gradient standing in for a customer's photo."""
    red, green, blue = (rng.randrange(256) for _ in range(3))
    rows = b"".join(
        b"\x00"
        + bytes(
            value
            for x in range(width)
            for value in (
                (red + 3 * x) % 256,
                (green + 4 * y) % 256,
                (blue + x + y) % 256,
            )
        )
        for y in range(height)
    )

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def pdf_bytes(lines: list[str]) -> bytes:
    """A small valid one-page PDF showing `lines` in Helvetica."""

    def escape(text: str) -> bytes:
        raw = text.encode("cp1252", "replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    shown = b" T* ".join(b"(" + escape(line) + b") Tj" for line in lines)
    stream = b"BT /F1 12 Tf 16 TL 56 780 Td " + shown + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def sample_file(
    rng: random.Random, what: str, language: str, values: dict[str, str]
) -> Any:
    """An upload of kind `what` ("photo", "screenshot", "statement", "return_label",
    "delivery_note" or "call_notes"), named in the ticket's language."""
    n = rng.randint(1000, 9999)
    if what == "photo":
        return SimpleUploadedFile(f"IMG_{n}.png", png_bytes(rng), "image/png")
    name = FILE_NAMES[language][what].format(n=n, order=values["order"] or n)
    if what == "screenshot":
        return SimpleUploadedFile(name, png_bytes(rng, 64, 40), "image/png")
    title = {
        "statement": "Kontoauszug / Bank statement",
        "return_label": "Retourenschein / Return label",
        "delivery_note": "Lieferschein / Delivery note",
        "call_notes": "Gesprächsnotiz / Call notes",
    }[what]
    lines = [title, values["name"]]
    if values["order"]:
        lines.append(f"Bestellung / Order {values['order']}")
    return SimpleUploadedFile(name, pdf_bytes(lines), "application/pdf")
