"""Reading raw messages: headers and bodies decoded from every charset and transfer
encoding clients use, attachments with their bytes, and broken messages kept, never
raised."""

import hashlib
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from saleor_helpdesk.content.filetypes import sniff_content_type
from saleor_helpdesk.inbound import message as message_module
from saleor_helpdesk.inbound.message import (
    UNREADABLE,
    Address,
    decode_bytes,
    normalise_message_id,
    parse_message,
)
from tests.inbound.conftest import BIG_ATTACHMENT_SIZE, parsed, raw, sample_names

CET = timezone(timedelta(hours=1))


def test_every_sample_is_read_without_a_defect_except_the_broken_ones():
    # given every sample message
    # when each is read
    results = {name: parsed(name) for name in sample_names()}

    # then only the two broken ones are marked malformed
    assert {name for name, msg in results.items() if msg.malformed} == {
        "malformed",
        "malformed_headers",
    }
    assert all(msg.size == len(raw(name)) for name, msg in results.items())


# --- a new mail (Thunderbird: UTF-8, quoted-printable, format=flowed) ------------------


def test_a_new_mail_is_read_with_its_sender_subject_and_flowed_text_joined():
    # given a customer's first mail, written in Thunderbird
    # when it is read
    msg = parsed("new_customer_thunderbird")

    # then every field is decoded
    assert msg.message_id == "3f6c1a2b-9d8e-4f70-b1c2-d3e4f5a6b7c8@example.de"
    assert not msg.message_id_synthetic
    assert msg.in_reply_to is None
    assert msg.references == ()
    assert msg.subject == "Wo bleibt meine Bestellung? (Lieferverzögerung)"
    assert (msg.from_address, msg.from_name) == (
        "anna.schmidt@example.de",
        "Anna Schmidt",
    )
    assert msg.to == (Address("support@gartenwelt.example"),)
    assert msg.delivered_to == (Address("support@gartenwelt.example"),)
    assert msg.date == datetime(2026, 3, 2, 9, 14, 31, tzinfo=CET)
    assert msg.html is None
    assert msg.attachments == ()
    # and the soft line break of format=flowed is undone; the signature line stays
    assert msg.text == (
        "Guten Tag,\n\n"
        "meine Bestellung 1002 ist noch nicht angekommen. Laut Sendungsverfolgung liegt "
        "das Paket seit Freitag im Verteilzentrum. Können Sie bitte nachsehen, was da "
        "los ist?\n\n"
        "Danke und schöne Grüße\n\n"
        "-- \n"
        "Anna Schmidt\n"
        "Lindenstraße 12, 10969 Berlin\n"
    )


# --- replies ---------------------------------------------------------------------------


def test_a_gmail_reply_keeps_its_threading_headers_and_both_parts():
    msg = parsed("reply_gmail_en")

    assert msg.in_reply_to == (
        "helpdesk.10002.5f0c3e7a9b2d4c6e8f1a3b5c7d9e0f12@gartenwelt.example"
    )
    assert msg.references == (
        "helpdesk.ticket.10002@gartenwelt.example",
        "helpdesk.10002.5f0c3e7a9b2d4c6e8f1a3b5c7d9e0f12@gartenwelt.example",
    )
    assert msg.subject == "Re: [#10002] We have received your request"
    assert msg.to == (
        Address("support+2yqadz2d7fdsfmuby@gartenwelt.example", "Gartenwelt Support"),
    )
    assert msg.content_type == "multipart/alternative"
    assert msg.text is not None
    assert msg.text.startswith("Thanks for the quick answer!")
    assert msg.html is not None
    assert '<blockquote class="gmail_quote"' in msg.html


def test_an_outlook_reply_in_windows_1252_is_decoded_exactly():
    # given a German Outlook reply: Windows-1252, quoted-printable, an ISO-8859-1
    # encoded sender name
    # when it is read
    msg = parsed("reply_outlook_de")

    # then umlauts, ß, the euro sign and German quotation marks come out exactly
    assert msg.from_name == "Jürgen Größ"
    assert msg.text is not None
    assert msg.text.startswith(
        "Hallo,\n\nanbei das Foto vom beschädigten Blumenkübel. Eine Erstattung über "
        "49,90 € wäre mir lieber als ein „Ersatz“.\n\nMit freundlichen Grüßen\n"
        "Jürgen Größ\n\nVon: Gartenwelt Support"
    )
    assert msg.html is not None
    assert "beschädigten Blumenkübel" in msg.html
    assert "„Ersatz“" in msg.html
    # and a References header folded over two lines gives both ids
    assert msg.references == (
        "helpdesk.ticket.10003@gartenwelt.example",
        "helpdesk.10003.8c1d2e3f4a5b46c7d8e9f0a1b2c3d4e5@gartenwelt.example",
    )
    assert msg.date == datetime(2026, 3, 3, 13, 3, 51, tzinfo=UTC)


def test_an_apple_mail_reply_decodes_a_subject_of_plain_and_encoded_words():
    msg = parsed("reply_apple_mail_de")

    assert msg.subject == "Re: [#10004] Rücksendung Ihrer Bestellung"
    assert msg.from_name == "Maria Weiß"
    assert msg.message_id == "8E1F2A3B-4C5D-4E7F-8091-A2B3C4D5E6F7@example.com"
    assert msg.text is not None
    assert "> Am 03.03.2026 um 10:15 schrieb Gartenwelt Support" in msg.text


def test_iso_8859_1_body_and_a_subject_in_two_charsets():
    # given a mail with an 8-bit ISO-8859-1 body and a subject of two encoded words,
    # one ISO-8859-1 (with a Windows-1252 dash under that label) and one UTF-8 base64
    # when it is read
    msg = parsed("latin1_subject")

    # then both are decoded as their writer meant them
    assert msg.subject == (
        "Rücksendung für Bestellung 1009 \u2013 Gießkanne (größer als erwartet)"
    )
    assert msg.from_name == "Björn Müller"
    assert msg.text == (
        "Sehr geehrte Damen und Herren,\n\n"
        "ich möchte die Gießkanne aus meiner Bestellung 1009 zurückschicken. Sie ist "
        "größer als erwartet.\n"
        "Bitte schicken Sie mir einen Rücksendeschein.\n\n"
        "Mit freundlichen Grüßen\n"
        "Björn Müller\n"
    )


def test_an_html_only_mail_in_base64_keeps_its_html_for_the_sanitiser():
    msg = parsed("html_only_script")

    assert msg.text is None
    assert msg.html is not None
    assert "Können Sie mir den Status nennen?" in msg.html
    # the parser keeps what was sent; sanitising is content.py's job
    assert "<script>" in msg.html


# --- attachments -----------------------------------------------------------------------


def test_a_photo_and_a_pdf_come_out_byte_exact_with_their_names():
    # given a mail from an iPhone with an inline photo and an attached PDF
    # when it is read
    msg = parsed("photo_and_pdf_iphone")

    # then the text and the HTML are the body, the two files are attachments
    assert msg.text == (
        "Hallo,\n\nanbei ein Foto der Beschädigung und die Rechnung.\n\n"
        "Gesendet von meinem iPhone\n"
    )
    assert msg.html is not None
    photo, invoice = msg.attachments
    assert photo.filename == "IMG_0412.jpeg"
    assert photo.content_type == "image/jpeg"
    assert photo.inline is True
    assert photo.content_id == "F3A1C2B4-5D6E-4F70-8192-A3B4C5D6E7F8"
    assert f"cid:{photo.content_id}" in msg.html
    assert sniff_content_type(photo.content) == "image/jpeg"
    assert photo.content.endswith(b"\xff\xd9")
    assert photo.size == 683
    # and an RFC 2231 file name with an umlaut is decoded
    assert invoice.filename == "Rechnung März 1002.pdf"
    assert invoice.content_type == "application/pdf"
    assert invoice.inline is False
    assert invoice.content_id is None
    assert sniff_content_type(invoice.content) == "application/pdf"
    assert invoice.content.endswith(b"%%EOF\n")
    assert invoice.size == 593


def test_a_20_mb_attachment_is_read_whole(big_message, big_attachment):
    # given a message with a 20 MB attachment
    # when it is read
    started = time.monotonic()
    msg = parse_message(big_message)
    seconds = time.monotonic() - started

    # then the file comes out byte for byte and the size is the message's
    [video] = msg.attachments
    assert video.filename == "schaden.mp4"
    assert video.content_type == "video/mp4"
    assert video.size == BIG_ATTACHMENT_SIZE
    assert video.content == big_attachment
    assert msg.size == len(big_message) > BIG_ATTACHMENT_SIZE
    assert msg.text == "Hallo,\n\nanbei ein Video vom Schaden.\n\nAnna\n"
    # generous: about 3 s on a developer's machine
    assert seconds < 30


def test_a_forwarded_message_attached_whole_is_an_eml_attachment():
    raw_bytes = (
        b"From: Lena Vogel <lena.vogel@example.de>\r\n"
        b"To: support@gartenwelt.example\r\n"
        b"Subject: WG: Lieferung\r\n"
        b"Message-ID: <fwd.1@example.de>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSiehe unten.\r\n"
        b"--b1\r\nContent-Type: message/rfc822\r\n\r\n"
        b"From: DHL <noreply@dhl.example>\r\n"
        b"Subject: =?utf-8?q?Zustellung_verz=C3=B6gert?=\r\n"
        b"Message-ID: <inner.1@dhl.example>\r\n\r\n"
        b"Ihre Sendung kommt morgen.\r\n"
        b"--b1--\r\n"
    )

    msg = parse_message(raw_bytes)

    assert msg.text == "Siehe unten."
    [forwarded] = msg.attachments
    assert forwarded.content_type == "message/rfc822"
    assert forwarded.filename == "Zustellung verzögert.eml"
    assert b"Message-ID: <inner.1@dhl.example>" in forwarded.content
    assert forwarded.content.rstrip().endswith(b"Ihre Sendung kommt morgen.")
    # the inner message's id is not the outer one's
    assert msg.message_id == "fwd.1@example.de"


# --- Message-IDs -----------------------------------------------------------------------


def test_a_message_without_message_id_gets_a_stable_id_from_its_bytes():
    # given a message without a Message-ID
    data = raw("no_message_id")

    # when it is read twice
    first, second = parse_message(data), parse_message(data)

    # then both readings carry the same synthetic id: the SHA-256 of the bytes
    assert first.message_id_synthetic is True
    assert first.message_id == second.message_id
    assert first.message_id == f"{hashlib.sha256(data).hexdigest()}@sha256.invalid"
    # and another message gets another id
    assert parse_message(data + b"\n").message_id != first.message_id


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("<abc@example.com>", "abc@example.com"),
        ("  <abc@example.com>  ", "abc@example.com"),
        ("<abc@example.com> (a comment)", "abc@example.com"),
        ("abc@example.com", "abc@example.com"),
        ("<first@example.com> <second@example.com>", "first@example.com"),
        ("", None),
        ("no id here", None),
        (None, None),
    ],
)
def test_message_ids_are_normalised(value, normalised):
    assert normalise_message_id(value) == normalised


def test_a_message_id_longer_than_a_column_is_hashed_stably():
    long_id = "<" + "x" * 400 + "@example.com>"

    normalised = normalise_message_id(long_id)

    assert normalised is not None
    assert len(normalised) <= 255
    assert normalised == normalise_message_id(long_id)
    assert normalised.endswith("@long.invalid")


# --- charsets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "charset", "text"),
    [
        ("Grüße".encode(), "utf-8", "Grüße"),
        ("Grüße".encode("latin-1"), "iso-8859-1", "Grüße"),
        # Outlook's euro sign and quotes under a Latin-1 label: read as Windows-1252
        (b"49,90 \x80 \x84Ersatz\x93", "iso-8859-1", "49,90 € „Ersatz“"),
        (b"49,90 \x80", "windows-1252", "49,90 €"),
        # no charset or an unknown one: UTF-8 when the bytes are UTF-8, else 1252
        ("Grüße".encode(), None, "Grüße"),
        ("Grüße".encode(), "x-no-such-charset", "Grüße"),
        ("Grüße".encode("cp1252"), "x-no-such-charset", "Grüße"),
        ("Grüße".encode("cp1252"), "unknown-8bit", "Grüße"),
        # a wrong label: the bytes that do not fit become U+FFFD, nothing raises
        (b"Gr\xfc\xdfe", "utf-8", "Gr\ufffd\ufffde"),
        ("Ελλάδα".encode("iso-8859-7"), "iso-8859-7", "Ελλάδα"),
        # line ends and NUL
        (b"eins\r\nzwei\rdrei\x00", "utf-8", "eins\nzwei\ndrei"),
    ],
)
def test_bytes_are_decoded_from_any_charset(payload, charset, text):
    assert decode_bytes(payload, charset) == text


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        (
            b"Content-Type: text/plain; charset=utf-8\n"
            b"Content-Transfer-Encoding: base64\n",
            b"R3LDvMOfZSBhdXMgTcO8bmNoZW4=\n",
        ),
        (
            b"Content-Type: text/plain; charset=iso-8859-1\n"
            b"Content-Transfer-Encoding: quoted-printable\n",
            b"Gr=FC=DFe aus M=FCnchen\n",
        ),
        (
            b"Content-Type: text/plain; charset=windows-1252\n"
            b"Content-Transfer-Encoding: base64\n",
            b"R3L832UgYXVzIE38bmNoZW4K\n",
        ),
        (b"Content-Type: text/plain; charset=utf-8\n", "Grüße aus München\n".encode()),
    ],
)
def test_bodies_are_decoded_from_every_transfer_encoding(headers, body):
    data = (
        b"From: a@example.com\nSubject: x\nMIME-Version: 1.0\n" + headers + b"\n" + body
    )

    msg = parse_message(data)

    assert msg.text is not None
    assert msg.text.strip() == "Grüße aus München"


def test_raw_utf8_and_latin1_headers_are_read():
    # given headers written as raw 8-bit bytes (RFC 6532 UTF-8, and Latin-1 from an
    # old mailer) instead of encoded words
    data = (
        b"From: \xc3\x84nne M\xc3\xbcller <anne@example.de>\n"
        b"Subject: Gr\xfc\xdfe aus K\xf6ln\n"
        b"To: support@gartenwelt.example\n\nText\n"
    )

    msg = parse_message(data)

    assert msg.from_address == "anne@example.de"
    assert msg.from_name == "Änne Müller"
    assert msg.subject == "Grüße aus Köln"


def test_control_characters_never_reach_a_header_value():
    data = b"From: a@example.com\nSubject: =?utf-8?q?eins=00zwei=0D=0Adrei?=\n\nx\n"

    msg = parse_message(data)

    assert msg.subject == "eins zwei drei"
    assert all("\x00" not in value for _, value in msg.headers)


# --- broken messages -------------------------------------------------------------------


def test_a_message_with_a_broken_boundary_is_kept_for_staff():
    # given a multipart message whose boundary never comes, with garbage headers
    # when it is read
    msg = parsed("malformed")

    # then it is marked, its defects are named, and its text is there to read
    assert msg.malformed is True
    assert "StartBoundaryNotFoundDefect" in msg.defects
    assert msg.text is not None
    assert "Hallo, meine Bestellung 1010 ist kaputt angekommen." in msg.text
    # and what could be read was read
    assert msg.message_id == "broken.1@example.com"
    assert msg.from_address == "broken@example.com"
    assert msg.date is None
    assert msg.header("X-Raw-8bit") == "Grüße aus München"
    assert msg.subject.startswith("Kaputter Betreff")
    assert Address("support@gartenwelt.example") in msg.to


def test_garbage_in_the_header_block_is_kept_as_text():
    msg = parsed("malformed_headers")

    assert msg.malformed is True
    assert {
        "FirstHeaderLineIsContinuationDefect",
        "MissingHeaderBodySeparatorDefect",
    } <= (set(msg.defects))
    assert msg.from_address == "somebody@example.com"
    assert msg.text is not None
    assert "Der Text dieser Nachricht." in msg.text


def test_a_message_without_sender_is_malformed():
    msg = parse_message(b"Subject: Hallo\n\nText\n")

    assert msg.malformed is True
    assert msg.from_address == ""
    assert msg.text == "Text\n"


def test_when_reading_fails_the_bytes_come_back_as_text(monkeypatch):
    # given a failure deep inside the reader
    def fail(self):
        raise RecursionError("nested too deep")

    monkeypatch.setattr(message_module._Reader, "read", fail)
    data = b"From: a@example.com\nSubject: x\n\nGr\xc3\xbc\xc3\x9fe\n"

    # when the message is read
    msg = parse_message(data)

    # then nothing is raised: the result is marked and keeps the bytes as text
    assert msg.malformed is True
    assert msg.defects == (UNREADABLE, "RecursionError")
    assert msg.text == "From: a@example.com\nSubject: x\n\nGrüße\n"
    assert msg.message_id == f"{hashlib.sha256(data).hexdigest()}@sha256.invalid"


def test_nesting_deeper_than_any_client_writes_is_cut_off():
    depth = 60
    opening = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i)
        for i in range(depth)
    )
    data = b"From: a@example.com\nMIME-Version: 1.0\n" + opening + b"\ninnen\n"

    msg = parse_message(data)

    assert "NestingTooDeep" in msg.defects


@pytest.mark.parametrize("charset", [b"utf\x00-8", b"\x00"])
def test_a_charset_name_with_a_nul_is_read_as_no_charset(charset):
    # given a charset parameter that is no charset's name (found by the fuzz test:
    # the standard library raises on it in more than one place)
    data = (
        b'From: a@example.com\nContent-Type: text/plain; charset="'
        + charset
        + b'"\n\nGr\xc3\xbc\xc3\x9fe\n'
    )

    # when the message is read
    msg = parse_message(data)

    # then the text is read as if no charset were named
    assert UNREADABLE not in msg.defects
    assert msg.text == "Grüße\n"
