"""The placeholders e-mails may use, and their renderer.

The same restricted language as response templates (`templates_render`): `{{ name }}`
with one known name, looked up in a dict of strings; nothing else. E-mails know a few
more names than response templates (the reply, the due date, the decision, …).
"""

import html
import re
from collections.abc import Mapping

from ..content.templates_render import PLACEHOLDERS, UnknownPlaceholder

EMAIL_PLACEHOLDERS: dict[str, str] = {
    **PLACEHOLDERS,
    "reply.text": "The reply the e-mail is about, as plain text.",
    "due_date": "The ticket's new due date, in the reader's language.",
    "complaint.decision": "The complaint's decision, in the reader's language.",
    "refund.amount": "The refund's amount with its currency, as the reader's language writes money (45,00 €, $45.00).",
    "reopen.hint": "A sentence telling the customer how to reopen the ticket.",
    "ticket.url": "The ticket's page (setting HELPDESK_TICKET_URL; empty without it).",
    "ticket.conversation": "The ticket's public conversation (never internal notes), as plain text.",
    "forward.note": "The note staff forwarded the ticket with, as plain text.",
}

_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)

Values = Mapping[str, str | int | None]


def check(text: str, field: str = "body") -> None:
    """Refuse unknown placeholders and a `{{` that is never closed."""
    end = 0
    unknown: list[str] = []
    for match in _TAG.finditer(text):
        if match.group(1).strip() not in EMAIL_PLACEHOLDERS:
            unknown.append(match.group(0))
        end = match.end()
    if "{{" in text[end:]:
        raise UnknownPlaceholder(
            field, "A placeholder is opened with '{{' but never closed with '}}'."
        )
    if unknown:
        allowed = ", ".join(f"{{{{ {name} }}}}" for name in EMAIL_PLACEHOLDERS)
        raise UnknownPlaceholder(
            field,
            f"Unknown placeholder: {', '.join(dict.fromkeys(unknown))}. "
            f"Allowed placeholders: {allowed}.",
        )


def render(
    text: str, values: Values, *, html_escape: bool = True, field: str = "body"
) -> str:
    """Every placeholder replaced in one pass (a value is never expanded again)."""
    check(text, field)
    for name, value in values.items():
        if name not in EMAIL_PLACEHOLDERS:
            raise KeyError(f"{name!r} is not a placeholder.")
        if value is not None and not isinstance(value, str | int):
            raise TypeError(f"The value of {name!r} must be text or a number.")

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip())
        text_value = "" if value is None else str(value)
        return html.escape(text_value, quote=True) if html_escape else text_value

    return _TAG.sub(replace, text)
