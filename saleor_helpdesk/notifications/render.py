"""The placeholders e-mails may use, and their renderer.

The same restricted language as response templates (`templates_render`): `{{ name }}`
with one known name, looked up in a dict of strings; nothing else. E-mails know a few
more names than response templates (the reply, the due date, the decision, …).
"""

from collections.abc import Mapping

from ..content.templates_render import PLACEHOLDERS, check_known, render_known

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
    "contract.name": "The support contract's name (its running-low warning).",
    "contract.budget": "The support contract's budget with its unit (5 h, 20 points).",
    "contract.remaining": "What remains of the support contract's budget, with its unit.",
    "sla.target": "The service-level target the e-mail is about (first response, …), in the reader's language.",
    "sla.due": "When that target is or was due, in the reader's language.",
}

Values = Mapping[str, str | int | None]


def check(text: str, field: str = "body") -> None:
    """Refuse unknown placeholders and a `{{` that is never closed."""
    check_known(text, EMAIL_PLACEHOLDERS, field)


def render(
    text: str, values: Values, *, html_escape: bool = True, field: str = "body"
) -> str:
    """Every placeholder replaced in one pass (a value is never expanded again)."""
    return render_known(
        text, values, EMAIL_PLACEHOLDERS, html_escape=html_escape, field=field
    )
