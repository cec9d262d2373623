"""The e-mail that forwards a ticket to an outside address (a carrier, a supplier): the
note staff wrote and the ticket's public conversation, never an internal note.

It is an outbox row like every other e-mail: written in the forward's transaction and
handed to a worker after commit (`planner.dispatch`), so a rolled-back forward sends
nothing and a committed one is sent even after a crash, with the same retries, `failed`
state and timeline events (`sending.py`). Its text is the notification
`ticket_forwarded`, shipped in German and English and rewritable by the merchant.

Language: nothing is known about the outside reader, so the e-mail is written in the
ticket's language (the customer's, the one the quoted conversation is in) when there is
a text in it, else in the shop's (`settings.LANGUAGE_CODE`), else in English: the rule
of the customer's e-mails (`messages.choose_language`). It carries no signature (that
is for the customer's e-mails) and no recipient in CC: the ticket's CC addresses are the
customer's.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from ..core.constants import AuthorType, CommentVisibility
from ..models import EmailMessage, EmailTemplate, Ticket
from ..tickets.policies import channel_settings
from .defaults import CONVERSATION_AUTHORS, DATE_FORMATS
from .kinds import Notification
from .messages import Draft, html_to_text, language_of, render_message
from .planner import dispatch


def conversation_text(ticket: Ticket, language: str) -> str:
    """Every public message of the ticket, oldest first, as plain text: who (customer
    or shop) and when, then the text. Internal notes are never read."""
    authors = CONVERSATION_AUTHORS.get(language, CONVERSATION_AUTHORS["en"])
    date_format = DATE_FORMATS.get(language, DATE_FORMATS["en"])
    public = ticket.comments.filter(visibility=CommentVisibility.PUBLIC).order_by(
        "created_at", "pk"
    )
    parts = []
    for comment in public:
        who = (
            authors["customer"]
            if comment.author_type == AuthorType.CUSTOMER
            else authors["shop"]
        )
        when = timezone.localtime(comment.created_at).strftime(date_format)
        parts.append(f"{who}, {when}:\n{html_to_text(comment.body)}")
    return "\n\n".join(parts)


def plan_forward_email(
    ticket: Ticket, *, to: str, note_html: str, agent: Any = None
) -> EmailMessage:
    """The outbox row forwarding `ticket` to `to` with staff's note (sanitised HTML),
    saved in the caller's transaction and sent after it commits. `agent`: the staff
    user who forwards (`{{ agent.name }}`; without one, the shop's name)."""
    overrides = {
        (row.notification, row.language): row
        for row in EmailTemplate.objects.filter(
            notification=Notification.TICKET_FORWARDED, is_active=True
        )
    }
    draft = Draft(
        ticket=ticket,
        notification=Notification.TICKET_FORWARDED,
        to=[to],
        language_code=ticket.language_code,
        agent=agent,
    )
    language = language_of(draft, overrides)
    draft.values = {
        "forward.note": html_to_text(note_html),
        "ticket.conversation": conversation_text(ticket, language),
    }
    message = render_message(draft, channel_settings(ticket.channel_id), overrides)
    message.save()
    ids = [message.pk]
    transaction.on_commit(lambda: dispatch(ids))
    return message
