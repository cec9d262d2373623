"""The merchant's e-mail texts: override the shipped text of one notification in one
language, or drop the override so the shipped text is sent again.

Both need MANAGE_PLUGINS. The body is sanitised HTML (as response templates are);
subject and body may use only the placeholders of `notifications.render
.EMAIL_PLACEHOLDERS`, checked on save. Reading the effective texts and previewing them
is `notifications.templates`.
"""

from typing import TypedDict

from django.db import transaction

from ...core.actor import Actor
from ...models import EmailTemplate
from ...notifications.render import check
from ...notifications.texts import (
    EffectiveTemplate,
    check_notification,
    effective_template,
)
from .common import (
    clean_language_code,
    clean_template_body,
    clean_text,
    not_found,
    require_settings_manager,
)

MAX_SUBJECT_LENGTH = 255


class EmailTemplateFields(TypedDict, total=False):
    subject: str
    body: str
    is_active: bool


def update_email_template(
    actor: Actor, notification: str, language: str, fields: EmailTemplateFields
) -> EffectiveTemplate:
    """Write the merchant's text (fields not given keep the current text). The row is
    locked, so two concurrent edits of the same text apply one after the other."""
    require_settings_manager(actor)
    notification = check_notification(notification)
    language = clean_language_code(language, "language_code")
    with transaction.atomic():
        row = (
            EmailTemplate.objects.select_for_update()
            .filter(notification=notification, language=language)
            .first()
        )
        current = effective_template(notification, language, row)
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
            row.body = clean_template_body(fields["body"], check)
        if "is_active" in fields:
            row.is_active = bool(fields["is_active"])
        row.save()
    return effective_template(notification, language, row)


def delete_email_template(
    actor: Actor, notification: str, language: str
) -> EffectiveTemplate:
    """Drop the merchant's text: the shipped one is sent again."""
    require_settings_manager(actor)
    notification = check_notification(notification)
    language = clean_language_code(language, "language_code")
    with transaction.atomic():
        deleted, _ = EmailTemplate.objects.filter(
            notification=notification, language=language
        ).delete()
    if not deleted:
        raise not_found("E-mail template", "language_code")
    return effective_template(notification, language, None)
