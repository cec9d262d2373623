"""Small but real files, and uploads as clients send them."""

import io

from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.helpdesk import PNG_BYTES

PNG = PNG_BYTES
JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xdb\x00C\x00" + bytes(range(1, 65)) + b"\xff\xd9"
)
GIF87 = b"GIF87a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
GIF89 = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
WEBP = (
    b"RIFF\x1a\x00\x00\x00WEBPVP8L\r\x00\x00\x00/\x00\x00\x00\x10\x07\x10\x11\x11"
    b"\x88\x88\xfe\x07\x00"
)
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00\x00\x00\x00meta"
HEIC_MIF1 = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heicmiaf" + b"\x00" * 8
MP4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 8
HTML = b"<!DOCTYPE html>\n<html><body><h1>Your parcel</h1></body></html>\n"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)">'
    b"<circle r='5'/></svg>"
)
TEXT = b"Hallo,\nmein Paket ist nicht angekommen.\tBestellung 1042.\r\n"


def upload(name: str, content: bytes, content_type: str = "image/png"):
    """A file as a storefront sends it; the declared type is ignored by the helpdesk."""
    return SimpleUploadedFile(name, content, content_type=content_type)


def raw_upload(name: str, content: bytes) -> File:
    """A file object with the name exactly as sent: Django's `UploadedFile` would
    already cut a path to its last part, other callers of the actions might not."""
    return File(io.BytesIO(content), name=name)


def lying_upload(name: str, content: bytes, declared_size: int) -> File:
    """A file object whose `size` claims less than it holds."""
    file = File(io.BytesIO(content), name=name)
    file.size = declared_size
    return file
