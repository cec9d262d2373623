"""The text of an SMS: plain, cleaned, and how many SMS parts it takes.

A text goes out in parts: 160 characters of the GSM 7-bit alphabet (German umlauts and
ß are in it; `€`, `[`, `]`, `{`, `}`, `\\`, `~`, `^`, `|` count twice), or 70 when any
character lies outside it (emoji, curly quotes, most non-Latin scripts: UCS-2). A text
longer than one part is split into parts of 153 or 67 that the phone joins again, and
each part is billed. A reply may take `MAX_PARTS` parts: 459 GSM characters, or 201
otherwise.
"""

import math
import unicodedata
from dataclasses import dataclass

from django.utils.html import linebreaks

from ..content.sanitize import clean_html
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error

MAX_PARTS = 3

# GSM 03.38: the basic set (without the escape character) and the extension table,
# whose characters are sent as escape + character.
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")


@dataclass(frozen=True)
class SmsSize:
    parts: int
    # Characters (GSM: septets) the text takes, and how many one part holds.
    units: int
    gsm: bool


def sms_size(text: str) -> SmsSize:
    if all(char in GSM_BASIC or char in GSM_EXTENSION for char in text):
        units = sum(2 if char in GSM_EXTENSION else 1 for char in text)
        single, joined, gsm = 160, 153, True
    else:
        # UCS-2 counts UTF-16 code units: an emoji takes two.
        units = len(text.encode("utf-16-le")) // 2
        single, joined, gsm = 70, 67, False
    parts = 1 if units <= single else math.ceil(units / joined)
    return SmsSize(parts=parts, units=units, gsm=gsm)


def clean_text(body: str) -> str:
    """The text as sent: line breaks as `\\n`, a tab as a space, other control
    characters dropped, surrounding blank space trimmed."""
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = "".join(
        char for char in text if char == "\n" or unicodedata.category(char) != "Cc"
    )
    return text.strip()


def check_text(body: str) -> str:
    """The cleaned text, or a typed error on `body` when it is empty or takes more
    than `MAX_PARTS` parts."""
    text = clean_text(body)
    if not text:
        raise field_error("body", "Write a message.", HelpdeskErrorCode.EMPTY_BODY)
    size = sms_size(text)
    if size.parts > MAX_PARTS:
        limit = (153 if size.gsm else 67) * MAX_PARTS
        raise field_error(
            "body",
            f"An SMS reply may take at most {MAX_PARTS} parts: {limit} characters "
            f"here ({153 * MAX_PARTS} of the SMS alphabet, {67 * MAX_PARTS} when the "
            f"text holds others, such as emoji); this one takes {size.units}.",
            HelpdeskErrorCode.BODY_TOO_LONG,
        )
    return text


def text_as_html(text: str) -> str:
    """The text as a comment's body: escaped, paragraphs and line breaks kept."""
    return clean_html(linebreaks(text, autoescape=True))
