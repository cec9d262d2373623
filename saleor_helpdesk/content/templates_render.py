"""A small, safe renderer for merchant-written text with `{{ placeholders }}`.

Response templates (and, later, e-mails) are written by merchants, so they are never
handed to Django's template engine: that engine reaches attributes, calls methods and
runs tags. This renderer knows only a fixed list of names, each looked up in a plain dict
of strings. There are no attribute lookups, filters, expressions, tags or loops: `{{` and
`}}` with one known name between them is the whole language.

- `check(text)` refuses unknown placeholders (and a `{{` that is never closed) with a
  typed `unknown_placeholder` error; call it when a template is saved.
- `render(text, values)` replaces every placeholder in one pass, so a value that itself
  contains `{{ … }}` (a customer's subject, say) is never expanded. Values are
  HTML-escaped unless the text is plain (`html=False`, for e-mail subjects).
- `ticket_values(…)` builds the values for one ticket.
"""

import html
import re
from collections.abc import Iterator, Mapping
from typing import Any

from django.core.exceptions import ValidationError

from ..core.error_codes import HelpdeskErrorCode

PLACEHOLDERS: dict[str, str] = {
    "customer.first_name": "The customer's first name.",
    "customer.name": "The customer's full name.",
    "ticket.number": "The ticket's number.",
    "ticket.subject": "The ticket's subject.",
    "order.number": "The number of the ticket's order (empty without one).",
    "status": "The ticket's status, as the customer sees it, in their language.",
    "agent.name": "The name of the staff user who answers.",
    "shop.name": "The shop's name (the channel's sender name, else the channel).",
}

# `{{`, then anything up to the nearest `}}`. What sits between must be exactly one
# known name (with optional spaces around it); anything else is refused by `check`.
_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_OPEN = "{{"


class UnknownPlaceholder(ValidationError):
    """The text uses a placeholder that is not on the list, or leaves `{{` open."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(
            {
                field: ValidationError(
                    message, code=HelpdeskErrorCode.UNKNOWN_PLACEHOLDER.value
                )
            }
        )


def _tags(text: str) -> Iterator[tuple[str, str]]:
    """(raw tag, name inside) for each `{{ … }}`; ValueError for a `{{` left open.

    Each match starts at the first `{{` after the previous one, so an unclosed `{{` can
    only sit after the last match.
    """
    end = 0
    for match in _TAG.finditer(text):
        yield match.group(0), match.group(1).strip()
        end = match.end()
    if _OPEN in text[end:]:
        raise ValueError("unclosed placeholder")


def placeholders_in(text: str) -> list[str]:
    """The names used in `text`, in order of first use (known or not)."""
    names: list[str] = []
    try:
        for _raw, name in _tags(text):
            if name not in names:
                names.append(name)
    except ValueError:
        pass
    return names


def check(text: str, field: str = "body") -> None:
    """Refuse anything between `{{` and `}}` that is not a known placeholder."""
    check_known(text, PLACEHOLDERS, field)


def render(
    text: str,
    values: Mapping[str, str | int | None],
    *,
    html_escape: bool = True,
    field: str = "body",
) -> str:
    """`text` with every placeholder replaced by its value ("" when missing).

    Raises `UnknownPlaceholder` for a text `check` would refuse. A value is converted
    with `str()` only if it is a string or a number; any other object is refused, so no
    model instance (and none of its attributes) can reach the output.
    """
    return render_known(
        text, values, PLACEHOLDERS, html_escape=html_escape, field=field
    )


def check_known(text: str, known: Mapping[str, str], field: str = "body") -> None:
    """Refuse anything between `{{` and `}}` that is not one of `known` (the response
    templates' names, or the e-mails' larger set in `notifications/render.py`)."""
    try:
        unknown = [raw for raw, name in _tags(text) if name not in known]
    except ValueError:
        raise UnknownPlaceholder(
            field,
            "A placeholder is opened with '{{' but never closed with '}}'.",
        ) from None
    if unknown:
        listed = ", ".join(dict.fromkeys(unknown))
        allowed = ", ".join(f"{{{{ {name} }}}}" for name in known)
        raise UnknownPlaceholder(
            field,
            f"Unknown placeholder: {listed}. Allowed placeholders: {allowed}.",
        )


def render_known(
    text: str,
    values: Mapping[str, str | int | None],
    known: Mapping[str, str],
    *,
    html_escape: bool = True,
    field: str = "body",
) -> str:
    """`render` over the placeholder set `known`; every placeholder is replaced in one
    pass, so a value is never expanded again."""
    check_known(text, known, field)
    for name, value in values.items():
        if name not in known:
            raise KeyError(f"{name!r} is not a placeholder.")
        if value is not None and not isinstance(value, str | int):
            raise TypeError(f"The value of {name!r} must be text or a number.")

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip())
        text_value = "" if value is None else str(value)
        return html.escape(text_value, quote=True) if html_escape else text_value

    return _TAG.sub(replace, text)


def _full_name(user: Any) -> str:
    if user is None:
        return ""
    return f"{user.first_name or ''} {user.last_name or ''}".strip()


def ticket_values(
    ticket: Any, *, agent: Any = None, shop_name: str = ""
) -> dict[str, str | int | None]:
    """The placeholder values for one ticket (with `status`, `customer` and `order`
    loaded), answered by `agent` (a user, or None)."""
    customer = ticket.customer if ticket.customer_id else None
    name = (ticket.customer_name or "").strip() or _full_name(customer)
    first_name = (customer.first_name or "").strip() if customer else ""
    if not first_name and name:
        first_name = name.split()[0]
    order = ticket.order if ticket.order_id else None
    return {
        "customer.first_name": first_name,
        "customer.name": name,
        "ticket.number": ticket.number,
        "ticket.subject": ticket.subject,
        "order.number": str(order.number) if order is not None else "",
        "status": ticket.status.customer_label(ticket.language_code),
        "agent.name": _full_name(agent),
        "shop.name": shop_name,
    }
