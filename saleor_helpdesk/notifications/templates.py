"""The merchant's e-mail texts as they are sent: the effective text per notification
and language (the merchant's, else the shipped one), and a preview against a real
ticket. Both need MANAGE_PLUGINS (the helpdesk's settings permission).

Writing and dropping a merchant's text are actions (`actions/config/emails.py`).
"""

from dataclasses import dataclass

from ..actions.config.common import (
    clean_language_code,
    not_found,
    require_settings_manager,
)
from ..core.actor import Actor, ActorKind
from ..core.choice_labels import choice_label
from ..core.constants import CommentVisibility, ComplaintDecision
from ..models import EmailTemplate
from ..tickets.access import visible_tickets
from ..tickets.policies import channel_settings
from .defaults import SHIPPED_LANGUAGES
from .forward import conversation_text
from .kinds import Notification
from .messages import (
    Draft,
    base_language,
    html_to_text,
    language_of,
    render_message,
)
from .texts import EffectiveTemplate, check_notification, effective_template


@dataclass(frozen=True)
class EmailPreview:
    subject: str
    html: str
    text: str


def list_templates(
    actor: Actor, notification: str | None = None, language: str | None = None
) -> list[EffectiveTemplate]:
    """Each notification in each shipped language (and each language the merchant
    wrote), as it is sent today."""
    require_settings_manager(actor)
    rows = {
        (row.notification, row.language): row for row in EmailTemplate.objects.all()
    }
    languages = sorted(set(SHIPPED_LANGUAGES) | {lang for _n, lang in rows})
    if language:
        languages = [clean_language_code(language, "language_code")]
    notifications = (
        [check_notification(notification)] if notification else Notification.values
    )
    return [
        effective_template(name, lang, rows.get((name, lang)))
        for name in notifications
        for lang in languages
    ]


def preview_template(
    actor: Actor, notification: str, language: str, ticket_id: int
) -> EmailPreview:
    """The e-mail as it would be sent about one ticket the caller may see, in
    `language`, with the ticket's values (its last public reply as the reply)."""
    require_settings_manager(actor)
    notification = check_notification(notification)
    language = clean_language_code(language, "language_code")
    ticket = (
        visible_tickets(actor)
        .select_related("status__customer_status", "customer", "order", "channel")
        .filter(pk=ticket_id)
        .first()
    )
    if ticket is None:
        raise not_found("Ticket", "ticket")
    last_reply = (
        ticket.comments.filter(visibility=CommentVisibility.PUBLIC)
        .order_by("-created_at", "-pk")
        .first()
    )
    values: dict[str, str | int | None] = {
        "reply.text": html_to_text(last_reply.body) if last_reply else "",
        "due_date": ticket.due_date.strftime("%Y-%m-%d %H:%M")
        if ticket.due_date
        else "",
    }
    complaint = getattr(ticket, "complaint", None)
    if complaint is not None:
        values["complaint.decision"] = choice_label(
            ComplaintDecision, complaint.decision, base_language(language)
        )
    agent = actor.user if actor.kind == ActorKind.STAFF else None
    draft = Draft(
        ticket=ticket,
        notification=notification,
        to=[ticket.customer_email],
        language_code=language,
        values=values,
        agent=agent,
    )
    overrides = {
        (row.notification, row.language): row
        for row in EmailTemplate.objects.filter(
            notification=notification, language=language
        )
    }
    if notification == Notification.TICKET_FORWARDED:
        # The conversation as a forward quotes it; the note is the forward's own.
        draft.values["ticket.conversation"] = conversation_text(
            ticket, language_of(draft, overrides)
        )
    message = render_message(draft, channel_settings(ticket.channel_id), overrides)
    return EmailPreview(
        subject=message.subject, html=message.body_html, text=message.body_text
    )
