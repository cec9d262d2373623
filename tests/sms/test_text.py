"""How long an SMS reply may be, counted in SMS parts as phones and providers do."""

import pytest
from django.core.exceptions import ValidationError

from saleor_helpdesk.sms.text import check_text, clean_text, sms_size, text_as_html


@pytest.mark.parametrize(
    ("text", "parts", "units", "gsm"),
    [
        ("a" * 160, 1, 160, True),
        ("a" * 161, 2, 161, True),
        ("a" * 306, 2, 306, True),
        ("a" * 307, 3, 307, True),
        # umlauts and ß are in the SMS alphabet
        ("Grüße aus Köln, Ihr Straßen-Team: ÄÖÜäöüß", 1, 41, True),
        # the euro sign is sent as escape + character
        ("€" * 80, 1, 160, True),
        ("€" * 81, 2, 162, True),
        # one character outside the alphabet makes the whole text UCS-2
        ("„Danke“", 1, 7, False),
        ("a" * 70, 1, 70, True),
        ("ą" * 70, 1, 70, False),
        ("ą" * 71, 2, 71, False),
        # an emoji takes two UTF-16 units
        ("👍" * 35, 1, 70, False),
        ("👍" * 36, 2, 72, False),
    ],
)
def test_parts_as_phones_count_them(text, parts, units, gsm):
    size = sms_size(text)

    assert (size.parts, size.units, size.gsm) == (parts, units, gsm)


def test_three_parts_of_the_sms_alphabet_are_459_characters():
    assert check_text("a" * 459) == "a" * 459

    with pytest.raises(ValidationError) as raised:
        check_text("a" * 460)

    [error] = raised.value.error_dict["body"]
    assert error.code == "body_too_long"
    assert error.message == (
        "An SMS reply may take at most 3 parts: 459 characters here (459 of the SMS "
        "alphabet, 201 when the text holds others, such as emoji); this one takes 460."
    )


def test_three_parts_with_an_emoji_are_201_units():
    assert check_text("😀" + "a" * 199) == "😀" + "a" * 199  # 201 units

    with pytest.raises(ValidationError) as raised:
        check_text("😀" + "a" * 200)

    [error] = raised.value.error_dict["body"]
    assert error.code == "body_too_long"
    assert "201 characters here" in error.message
    assert error.message.endswith("this one takes 202.")


@pytest.mark.parametrize("body", ["", "   ", "\n\t\n", "\x00\x07"])
def test_an_empty_text_is_refused(body):
    with pytest.raises(ValidationError) as raised:
        check_text(body)

    [error] = raised.value.error_dict["body"]
    assert (error.code, error.message) == ("empty_body", "Write a message.")


def test_line_breaks_are_kept_and_control_characters_dropped():
    assert clean_text("  Hallo\r\nAnna,\rich\tbins\x00\x1b.\u200d  ") == (
        "Hallo\nAnna,\nich bins.\u200d"
    )


def test_the_comment_shows_the_text_escaped_with_its_line_breaks():
    html = text_as_html("Hallo <b>Anna</b>,\nIhr Paket & Co.\n\nGruß")

    assert html == (
        "<p>Hallo &lt;b&gt;Anna&lt;/b&gt;,<br>Ihr Paket &amp; Co.</p>\n\n<p>Gruß</p>"
    )
