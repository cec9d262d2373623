"""The new text of a message: quoted history and signatures taken off, for every
client's way of quoting; HTML sanitised; forwards kept whole."""

import dataclasses
import time

import pytest

from saleor_helpdesk.inbound.content import (
    MAX_SPLIT_CHARS,
    body_text,
    html_to_text,
    is_forward,
    reply_content,
    strip_reply,
    text_as_html,
)
from saleor_helpdesk.inbound.message import parse_message
from tests.inbound.conftest import parsed

REPLIES = {
    "reply_gmail_en": (
        "Thanks for the quick answer! The parcel arrived today, but the lid of the "
        "planter is\ncracked. Can you send a replacement lid?\n\nJohn"
    ),
    "reply_outlook_de": (
        "Hallo,\n\nanbei das Foto vom beschädigten Blumenkübel. Eine Erstattung über "
        "49,90 € wäre mir lieber als ein „Ersatz“."
    ),
    "reply_apple_mail_de": (
        "Hallo Frau Berger,\n\nvielen Dank, die Rücksendung ist unterwegs. Die "
        "Sendungsnummer lautet 00340434161234567890."
    ),
}


@pytest.mark.parametrize("name", sorted(REPLIES))
def test_a_reply_is_stripped_to_exactly_the_new_text(name):
    # given a reply from Gmail ("On … wrote:"), Outlook ("Von: … Gesendet: …") or
    # Apple Mail ("Am … schrieb …:"), each with a signature or closing
    # when its content is read
    content = reply_content(parsed(name))

    # then only what the customer wrote now is left
    assert content.text == REPLIES[name]
    assert content.stripped is True
    assert content.forwarded is False
    # and the whole body is still there
    assert "Gartenwelt" in content.full_text


@pytest.mark.parametrize("name", ["reply_gmail_en", "reply_outlook_de"])
def test_the_html_part_alone_gives_the_same_reply(name):
    # given the same reply without its text part
    msg = dataclasses.replace(parsed(name), text=None)

    # when its content is read, then the HTML, turned into text, is stripped alike
    assert " ".join(reply_content(msg).text.split()) == " ".join(REPLIES[name].split())


def test_a_signature_after_the_standard_delimiter_is_removed():
    content = reply_content(parsed("new_customer_thunderbird"))

    assert content.text == (
        "Guten Tag,\n\n"
        "meine Bestellung 1002 ist noch nicht angekommen. Laut Sendungsverfolgung liegt "
        "das Paket seit Freitag im Verteilzentrum. Können Sie bitte nachsehen, was da "
        "los ist?\n\n"
        "Danke und schöne Grüße"
    )
    assert "Lindenstraße" not in content.text
    assert "Lindenstraße" in content.full_text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "photo_and_pdf_iphone",
            "Hallo,\n\nanbei ein Foto der Beschädigung und die Rechnung.",
        ),
        (
            "latin1_subject",
            "Sehr geehrte Damen und Herren,\n\nich möchte die Gießkanne aus meiner "
            "Bestellung 1009 zurückschicken. Sie ist größer als erwartet.\n"
            "Bitte schicken Sie mir einen Rücksendeschein.",
        ),
        (
            "no_message_id",
            "Guten Morgen,\n\nwir moechten 40 Pflanzkuebel fuer unser Buero bestellen. "
            "Gibt es einen Mengenrabatt?",
        ),
    ],
)
def test_closings_and_sent_from_lines_are_removed(name, text):
    assert reply_content(parsed(name)).text == text


def test_an_html_only_mail_is_read_as_text_and_its_html_sanitised():
    # given an HTML-only mail with scripts, a style and an event handler
    content = reply_content(parsed("html_only_script"))

    # then the text has none of them, and neither has the sanitised HTML
    assert content.text == (
        "Guten Tag,\n\ndie Lieferung zu meiner Bestellnummer: 1008 fehlt noch. Können "
        "Sie mir den Status nennen?"
    )
    assert content.html == (
        "<p>Guten Tag,</p><p>die Lieferung zu meiner <b>Bestellnummer: 1008</b> fehlt "
        "noch. Können Sie mir den Status nennen?</p><p>Viele Grüße<br>Petra Lang</p>"
    )
    for dangerous in ("alert", "script", "onerror", "document.cookie", "color:"):
        assert dangerous not in content.text
        assert dangerous not in content.html
    # the document's title is no part of the message
    assert "Anfrage" not in content.html


def test_a_forwarded_mail_is_kept_whole():
    # given a customer's note above a forwarded carrier notice
    content = reply_content(parsed("forwarded_gmail_de"))

    # then the forwarded message is part of the text: it is what we are to read
    assert content.forwarded is True
    assert content.stripped is False
    assert content.text.startswith("Hallo,\n\nlaut DHL wurde mein Paket zugestellt")
    assert "---------- Forwarded message ---------" in content.text
    assert content.text.endswith(
        "Ihre Sendung 00340434161234567891 wurde am 02.03.2026 um 15:47 Uhr in der "
        "Packstation 112 zugestellt.\n\nIhr DHL Team"
    )


@pytest.mark.parametrize(
    ("subject", "text", "forward"),
    [
        (
            "Fwd: Lieferung",
            "Siehe unten\n\n---------- Forwarded message ---------\n",
            True,
        ),
        (
            "WG: Lieferung",
            "Siehe unten\n\n-----Ursprüngliche Nachricht-----\nVon: x",
            True,
        ),
        ("Lieferung", "Siehe unten\n\nBegin forwarded message:\n\nFrom: x", True),
        ("Lieferung", "Anfang der weitergeleiteten Nachricht:\n\nVon: x", True),
        # a reply quoting an old forward, and Outlook's reply separator
        ("Re: Lieferung", "Danke\n\n---------- Forwarded message ---------\n", False),
        ("AW: Lieferung", "Danke\n\n-----Ursprüngliche Nachricht-----\nVon: x", False),
        ("Lieferung", "Danke\n\n> ---------- Forwarded message ---------\n", False),
        ("Fwd: Lieferung", "ohne Markierung", False),
    ],
)
def test_what_counts_as_a_forward(subject, text, forward):
    assert is_forward(subject, text) is forward


def test_a_message_without_new_text_keeps_its_whole_text():
    # given a message that is nothing but a closing
    assert strip_reply("Viele Grüße\nAnna") == "Viele Grüße\nAnna"


def test_an_answer_below_the_quote_is_kept_without_the_quote():
    # given a bottom-posted answer
    text = (
        "Am 03.03.2026 um 10:15 schrieb Gartenwelt Support <support@gartenwelt.example>:\n"
        "> Bitte senden Sie uns ein Foto.\n"
        "\n"
        "Das Foto kommt gleich.\n"
    )

    assert strip_reply(text) == "Das Foto kommt gleich."


def test_a_trailing_quote_under_an_unknown_attribution_is_dropped():
    # given a French client's attribution line, which the German/English rules do
    # not know
    text = (
        "Merci, c'est reçu.\n\n"
        "Le mar. 3 mars 2026 à 10:15, Gartenwelt Support <support@gartenwelt.example> "
        "a écrit :\n"
        "> Bonjour,\n> votre colis est parti.\n"
    )

    assert strip_reply(text) == "Merci, c'est reçu."


def test_hyphen_lists_are_no_signature():
    text = "Bitte schicken Sie:\n\n- einen Deckel\n- zwei Schrauben\n\nDanke"

    assert strip_reply(text) == text


def test_a_long_body_is_split_within_the_limit_and_kept_whole_when_unsplit():
    # given a reply longer than the splitter reads, with no quote
    paragraph = " ".join(["Das ist ein langer Bericht über den Schaden."] * 20)
    text = "\n\n".join([paragraph] * (MAX_SPLIT_CHARS // len(paragraph) + 5))

    # then all of it stays
    assert strip_reply(text) == text.strip()


@pytest.mark.parametrize(
    "line",
    [
        "Am x schrieb " * 250,
        "On x wrote " * 300,
        "Am " + "x schrieb:" * 300,
        "Von: " + "x " * 3000,
        "> " * 20000,
    ],
)
def test_hostile_lines_do_not_stall_the_splitter(line):
    # given lines that make the splitter's patterns backtrack for minutes
    text = "Hallo\n" + "\n".join([line] * 20)

    # when the reply is read, then it is read quickly and nothing is lost
    started = time.monotonic()
    reply = strip_reply(text)
    assert time.monotonic() - started < 5
    assert reply.startswith("Hallo")


# --- HTML to text ----------------------------------------------------------------------


def test_html_becomes_text_with_quotes_marked():
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<p>Erste&nbsp;Zeile<br>zweite Zeile</p>"
        "<ul><li>eins</li><li>zwei</li></ul>"
        "<div>Am Montag schrieb Support:</div>"
        "<blockquote><p>Zitat</p><blockquote>tiefer</blockquote></blockquote>"
        "<script>alert(1)</script></body></html>"
    )

    assert html_to_text(html) == (
        "Erste Zeile\nzweite Zeile\n\n- eins\n- zwei\n\nAm Montag schrieb Support:\n"
        "> Zitat\n>\n> > tiefer"
    )


def test_body_text_prefers_the_text_part():
    msg = parsed("reply_gmail_en")

    assert body_text(msg) == msg.text
    assert body_text(dataclasses.replace(msg, text="  \n")) == html_to_text(
        msg.html or ""
    )
    assert body_text(dataclasses.replace(msg, text=None, html=None)) == ""


def test_text_as_html_escapes_and_keeps_paragraphs():
    assert text_as_html("Hallo <b>\n\nZeile 1\nZeile 2 & mehr") == (
        "<p>Hallo &lt;b&gt;</p><p>Zeile 1<br>Zeile 2 &amp; mehr</p>"
    )


def test_content_of_a_broken_message_is_still_read():
    msg = parse_message(b"\xff\xfe\x00garbage\n\n\x00\x01")

    content = reply_content(msg)

    assert "\x00" not in content.text
