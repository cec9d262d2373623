"""The merchant's e-mail texts: read the effective text per notification and language,
override it, go back to the shipped one, and preview it against a real ticket.

Everything here needs MANAGE_PLUGINS (the helpdesk's settings permission). The body is
sanitised HTML (as response templates are); subject and body may use only the
placeholders of `render.EMAIL_PLACEHOLDERS`, checked on save.
"""

from dataclasses import dataclass
from typing import Any, TypedDict

from django.db import transaction

from ..actions.config.common import (
    clean_language_code,
    clean_text,
    not_found,
    require_settings_manager,
)
from ..content.sanitize import MAX_BODY_LENGTH, clean_html, is_blank
from ..core.actor import Actor, ActorKind
from ..core.choice_labels import choice_label
from ..core.constants import CommentVisibility, ComplaintDecision
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import EmailTemplate
from ..tickets.access import visible_tickets
from ..tickets.policies import channel_settings
from .defaults import DEFAULTS, SHIPPED_LANGUAGES
from .kinds import Notification
from .messages import Draft, base_language, html_to_text, render_message
from .render import check

MAX_SUBJECT_LENGTH = 255


class EmailTemplateFields(TypedDict, total=False):
    subject: str
    body: str
    is_active: bool


@dataclass(frozen=True)
class EffectiveTemplate:
    notification: str
    language: str
    subject: str
    body: str
    is_active: bool
    is_customized: bool


@dataclass(frozen=True)
class EmailPreview:
    subject: str
    html: str
    text: str


def _notification(value: Any) -> str:
    if value not in Notification.values:
        raise field_error(
            "notification",
            f"'{value}' is not a notification.",
            HelpdeskErrorCode.INVALID,
        )
    return str(value)


def _effective(
    notification: str, language: str, row: EmailTemplate | None
) -> EffectiveTemplate:
    if row is not None:
        return EffectiveTemplate(
            notification, language, row.subject, row.body, row.is_active, True
        )
    shipped = DEFAULTS[notification]
    subject, body = shipped.get(language) or shipped["en"]
    return EffectiveTemplate(notification, language, subject, body, True, False)


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
        [_notification(notification)] if notification else Notification.values
    )
    return [
        _effective(name, lang, rows.get((name, lang)))
        for name in notifications
        for lang in languages
    ]


def update_template(
    actor: Actor, notification: str, language: str, fields: EmailTemplateFields
) -> EffectiveTemplate:
    """Write the merchant's text (fields not given keep the current text)."""
    require_settings_manager(actor)
    notification = _notification(notification)
    language = clean_language_code(language, "language_code")
    with transaction.atomic():
        row = (
            EmailTemplate.objects.select_for_update()
            .filter(notification=notification, language=language)
            .first()
        )
        current = _effective(notification, language, row)
        if row is None:
            row = EmailTemplate(notification=notification, language=language)
            row.subject, row.body = current.subject, current.body
        if "subject" in fields:
            subject = clean_text(
                fields["subject"], "subject", MAX_SUBJECT_LENGTH, required=True
            )
            check(subject, "subject")
            row.subject = subject
        if "body" in fields:
            row.body = _clean_body(fields["body"])
        if "is_active" in fields:
            row.is_active = bool(fields["is_active"])
        row.save()
    return _effective(notification, language, row)


def delete_template(
    actor: Actor, notification: str, language: str
) -> EffectiveTemplate:
    """Drop the merchant's text: the shipped one is sent again."""
    require_settings_manager(actor)
    notification = _notification(notification)
    language = clean_language_code(language, "language_code")
    with transaction.atomic():
        deleted, _ = EmailTemplate.objects.filter(
            notification=notification, language=language
        ).delete()
    if not deleted:
        raise not_found("E-mail template", "language_code")
    return _effective(notification, language, None)


def preview_template(
    actor: Actor, notification: str, language: str, ticket_id: int
) -> EmailPreview:
    """The e-mail as it would be sent about one ticket the caller may see, in
    `language`, with the ticket's values (its last public reply as the reply)."""
    require_settings_manager(actor)
    notification = _notification(notification)
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
    message = render_message(draft, channel_settings(ticket.channel_id), overrides)
    return EmailPreview(
        subject=message.subject, html=message.body_html, text=message.body_text
    )


def _clean_body(value: Any) -> str:
    raw = str(value or "")
    if len(raw) > MAX_BODY_LENGTH:
        raise field_error(
            "body",
            f"A template may be at most {MAX_BODY_LENGTH} characters long.",
            HelpdeskErrorCode.BODY_TOO_LONG,
        )
    body = clean_html(raw)
    if is_blank(body):
        raise field_error("body", "Enter the text.", HelpdeskErrorCode.EMPTY_BODY)
    check(body, "body")
    return body
