"""Order numbers a customer names in an e-mail: "Bestellung 1002", "Bestellnummer:
1002", "Auftrag 1002", "order #1002", "Order no. 1002".

Only a number after a word for an order counts, so ticket numbers (`[#10001]`),
tracking numbers, prices and dates stay out. The English "order" is also a verb ("I
want to order 2 more"), so after it a number needs a marker (`#`, "no.", "number", a
colon) or at least three digits. Whether an order exists and belongs to the sender is
the caller's check.
"""

import re

_WORD = (
    r"bestellung(?:s(?:nummer|-?nr))?"
    r"|bestell(?:nummer|-?nr)"
    r"|auftrag(?:s(?:nummer|-?nr))?"
    r"|order(?:-?(?:number|no|nr|id))?"
)
_MARKER = r"nummer|number|num|no|nr|id"
_PATTERN = re.compile(
    rf"\b(?P<word>{_WORD})\b"
    rf"(?P<marker>(?:\s*(?:{_MARKER})\b\.?|\s*[#:.]|\s*-)*)"
    r"\s*(?P<number>\d{1,12})(?![.,]?\d)",
    re.IGNORECASE,
)
# Saleor order numbers fit a PostgreSQL integer.
MAX_ORDER_NUMBER = 2**31 - 1


def order_numbers(*texts: str | None) -> list[int]:
    """Every order number named in the texts (a subject, a body), in order of first
    mention, without repeats."""
    found: list[int] = []
    for text in texts:
        for match in _PATTERN.finditer(text or ""):
            word = match["word"].lower()
            marked = bool(match["marker"].strip())
            digits = match["number"]
            if word == "order" and not marked and len(digits) < 3:
                continue
            number = int(digits)
            if 0 < number <= MAX_ORDER_NUMBER and number not in found:
                found.append(number)
    return found
