"""What a file is, judged from its bytes alone.

The name and the content type a client sends are never trusted: an HTML page renamed to
`photo.png` is HTML. Only the types a helpdesk needs are recognised; everything else is
`application/octet-stream`, which no shop allows by default.
"""

import codecs
import re

OCTET_STREAM = "application/octet-stream"

EXTENSION_BY_TYPE = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/html": ".html",
    "image/svg+xml": ".svg",
}

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
]

_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1"}

# Anything a browser would parse as markup: a tag (`<p>`, `<a href`, `<br/>`), a
# comment or doctype (`<!`), or a processing instruction (`<?xml`). An address in angle
# brackets (`<anna@example.com>`) is not a tag.
_MARKUP = re.compile(rb"<(?:[a-z][a-z0-9-]*[\s/>]|!|\?)")


def sniff_content_type(head: bytes) -> str:
    """The content type of a file from its first bytes (pass at least 512)."""
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return "image/heic"
    return _sniff_text(head)


def _sniff_text(head: bytes) -> str:
    if not head or b"\x00" in head:
        return OCTET_STREAM
    try:
        # Not final: the read may have cut a multi-byte character at the end. Any other
        # byte that is not UTF-8 (also in the last three) means this is not text.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return OCTET_STREAM
    if not text:
        return OCTET_STREAM
    lowered = text.lower().encode()
    if b"<svg" in lowered:
        return "image/svg+xml"
    if _MARKUP.search(lowered):
        return "text/html"
    if any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text):
        return OCTET_STREAM
    return "text/plain"
