"""What a file is, judged from its bytes: signatures, text, markup and junk."""

import pytest

from saleor_helpdesk.content.attachments import SNIFF_BYTES
from saleor_helpdesk.content.filetypes import sniff_content_type
from tests.files import samples

# --- binary formats a helpdesk accepts ------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(samples.PNG, "image/png", id="png"),
        pytest.param(samples.JPEG, "image/jpeg", id="jpeg"),
        pytest.param(samples.GIF87, "image/gif", id="gif87a"),
        pytest.param(samples.GIF89, "image/gif", id="gif89a"),
        pytest.param(samples.WEBP, "image/webp", id="webp"),
        pytest.param(samples.PDF, "application/pdf", id="pdf"),
        pytest.param(samples.HEIC, "image/heic", id="heic"),
        pytest.param(samples.HEIC_MIF1, "image/heic", id="heic-mif1-brand"),
    ],
)
def test_a_known_format_is_recognised_by_its_signature(content, expected):
    # given the first bytes of a file of a known format
    # when its type is sniffed
    sniffed = sniff_content_type(content)

    # then the signature decides
    assert sniffed == expected


def test_the_signature_wins_over_markup_that_follows_it():
    # given a PNG signature followed by an HTML page (a polyglot)
    content = samples.PNG[:8] + b"<html><script>alert(1)</script></html>"

    # when its type is sniffed
    sniffed = sniff_content_type(content)

    # then it is a PNG, which the download serves as an image with nosniff
    assert sniffed == "image/png"


def test_riff_that_is_not_webp_is_not_an_image():
    # given a RIFF container holding a WAVE file
    content = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00"

    # when its type is sniffed
    sniffed = sniff_content_type(content)

    # then it is nothing the helpdesk knows
    assert sniffed == "application/octet-stream"


def test_an_iso_media_file_with_a_video_brand_is_not_heic():
    # given an MP4's `ftyp` box
    # when its type is sniffed
    sniffed = sniff_content_type(samples.MP4)

    # then it is not taken for a HEIC photo
    assert sniffed == "application/octet-stream"


# --- text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(samples.TEXT, id="ascii-with-tab-and-crlf"),
        pytest.param("Grüße aus München: 20 € ✓ 📦\n".encode(), id="utf-8"),
        pytest.param(b"\xef\xbb\xbfText with a byte order mark", id="utf-8-bom"),
        pytest.param(b"If 1 < 2 and 3 > 2, then x<y.", id="angle-brackets"),
    ],
)
def test_utf8_text_is_plain_text(content):
    # given UTF-8 text without markup a browser would render
    # when its type is sniffed
    sniffed = sniff_content_type(content)

    # then it is plain text
    assert sniffed == "text/plain"


@pytest.mark.parametrize("cut", [1, 2], ids=["one-byte-missing", "two-bytes-missing"])
def test_text_cut_in_the_middle_of_a_multibyte_character_is_still_text(cut):
    # given text whose first SNIFF_BYTES end inside the three bytes of "€"
    content = b"a" * (SNIFF_BYTES - 3 + cut) + "€ und mehr Text".encode()
    head = content[:SNIFF_BYTES]
    assert head.endswith("€".encode()[: 3 - cut])

    # when the head is sniffed
    sniffed = sniff_content_type(head)

    # then the cut character does not make the text binary
    assert sniffed == "text/plain"


def test_text_cut_inside_a_four_byte_emoji_is_still_text():
    # given a head ending with the first three of the four bytes of "📦"
    head = b"Paket " + "📦".encode()[:3]

    # when it is sniffed
    sniffed = sniff_content_type(head)

    # then it is text
    assert sniffed == "text/plain"


def test_an_invalid_byte_in_the_middle_of_text_makes_it_binary():
    # given Latin-1 text (not UTF-8) with an "ü" in the middle
    content = "Grüße aus München, das Paket ist nicht da.".encode("latin-1")

    # when it is sniffed
    sniffed = sniff_content_type(content)

    # then it is not taken for text
    assert sniffed == "application/octet-stream"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"Hello world\xff", id="invalid-start-byte-at-the-end"),
        pytest.param(b"Hello world\x80", id="stray-continuation-byte-at-the-end"),
        pytest.param(b"Hello world\xe2\x28", id="broken-sequence-at-the-end"),
    ],
)
def test_bytes_that_are_not_utf8_near_the_end_make_it_binary(content):
    # given text whose last bytes are not a cut character but invalid UTF-8
    # when it is sniffed
    sniffed = sniff_content_type(content)

    # then it is binary: only a character cut by the read is forgiven
    assert sniffed == "application/octet-stream"


# --- junk -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="nothing"),
        pytest.param(bytes(range(256)), id="all-byte-values"),
        pytest.param(b"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", id="invalid-utf-8"),
        pytest.param(b"\x01\x02\x03\x1b[31mred", id="control-characters"),
        pytest.param(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", id="windows-exe"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00", id="elf"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", id="zip"),
        pytest.param("Hallo".encode("utf-16"), id="utf-16-text"),
        pytest.param("€".encode()[:2], id="only-a-cut-character"),
    ],
)
def test_anything_else_is_application_octet_stream(content):
    # given bytes that are neither a known format nor UTF-8 text
    # when they are sniffed
    sniffed = sniff_content_type(content)

    # then they are an unknown binary, which no shop allows by default
    assert sniffed == "application/octet-stream"


# --- markup a browser would render -----------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(samples.HTML, id="html-page"),
        pytest.param(b"<script>alert(document.cookie)</script>", id="script"),
        pytest.param(b"\n\n   <SCRIPT SRC=//evil.example/x.js></SCRIPT>", id="upper"),
        pytest.param(b"<img src=x onerror=alert(1)>", id="img-onerror"),
        pytest.param(
            b"Perfectly normal words, then <iframe src=//evil.example>", id="iframe"
        ),
        pytest.param(b'<a href="javascript:alert(1)">click</a>', id="link"),
        pytest.param(b"<?xml version='1.0'?><root/>", id="xml"),
        pytest.param(b"\xef\xbb\xbf<html><body>x</body></html>", id="bom-html"),
        pytest.param(
            "<meta charset=utf-8><p>Grüße</p>".encode(), id="meta-with-utf-8-text"
        ),
    ],
)
def test_html_and_script_are_text_html(content):
    # given markup a browser would render or run
    # when it is sniffed
    sniffed = sniff_content_type(content)

    # then it is HTML, whatever the file is called
    assert sniffed == "text/html"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(samples.SVG, id="svg"),
        pytest.param(
            b'<?xml version="1.0" encoding="UTF-8"?>\n' + samples.SVG, id="xml-svg"
        ),
        pytest.param(b"<!DOCTYPE html><html><SVG onload=alert(1)>", id="svg-in-html"),
    ],
)
def test_svg_is_image_svg_xml(content):
    # given an SVG image, which can carry script
    # when it is sniffed
    sniffed = sniff_content_type(content)

    # then it is SVG, not a harmless image type
    assert sniffed == "image/svg+xml"


def test_markup_behind_a_cut_character_is_still_found():
    # given a script tag followed by a character the read cut in half
    head = b"<script>alert(1)</script>" + "€".encode()[:2]

    # when it is sniffed
    sniffed = sniff_content_type(head)

    # then the markup is seen
    assert sniffed == "text/html"
