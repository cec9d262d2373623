"""Response templates: canned replies per language with `{{ placeholders }}`.

The body is sanitised HTML (as comments are), the subject plain text; both may use only
the placeholders of `templates_render.PLACEHOLDERS`, checked on save. The preview renders
a template against a ticket the caller may see, with that ticket's values.
"""

from dataclasses import dataclass
from typing import Any, TypedDict

from django.db import transaction

from ...content.templates_render import check, render, ticket_values
from ...core.actor import Actor, ActorKind
from ...core.constants import TicketKind
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...host.shop_models import channel_model
from ...models import ResponseTemplate
from ...tickets.access import visible_tickets
from ...tickets.policies import channel_settings
from .common import (
    clean_language_code,
    clean_template_body,
    clean_text,
    deleted,
    get_for_update,
    not_found,
    require_settings_manager,
    require_settings_reader,
    save_unique,
)

MAX_NAME_LENGTH = 128
MAX_SUBJECT_LENGTH = 255


class TemplateFields(TypedDict, total=False):
    name: str
    language_code: str
    subject: str
    body: str
    kind: str | None
    is_active: bool


@dataclass(frozen=True)
class RenderedTemplate:
    subject: str
    body: str


def create_template(actor: Actor, fields: TemplateFields) -> ResponseTemplate:
    require_settings_manager(actor)
    for required in ("name", "body"):
        if fields.get(required) is None:
            raise field_error(
                required, "This field is required.", HelpdeskErrorCode.REQUIRED
            )
    template = ResponseTemplate(language_code="en")
    _apply(template, fields)
    with transaction.atomic():
        _refuse_taken(template)
        save_unique(template, "name", _taken_message(template))
    return template


def update_template(
    actor: Actor, template_id: int, fields: TemplateFields
) -> ResponseTemplate:
    require_settings_manager(actor)
    with transaction.atomic():
        template = get_for_update(ResponseTemplate, template_id, "Template")
        _apply(template, fields)
        _refuse_taken(template)
        save_unique(template, "name", _taken_message(template))
    return template


def delete_template(actor: Actor, template_id: int) -> ResponseTemplate:
    require_settings_manager(actor)
    with transaction.atomic():
        template = get_for_update(ResponseTemplate, template_id, "Template")
        return deleted(template)


def preview_template(
    actor: Actor, template_id: int, ticket_id: int
) -> RenderedTemplate:
    """The template as it would read on one ticket the caller may see, written by the
    caller (`{{ agent.name }}`)."""
    require_settings_reader(actor)
    template = ResponseTemplate.objects.filter(pk=template_id).first()
    if template is None:
        raise not_found("Template")
    ticket = (
        visible_tickets(actor)
        .select_related("status__customer_status", "customer", "order")
        .filter(pk=ticket_id)
        .first()
    )
    if ticket is None:
        raise not_found("Ticket", "ticket")
    agent = actor.user if actor.kind == ActorKind.STAFF else None
    values = ticket_values(ticket, agent=agent, shop_name=shop_name(ticket.channel_id))
    return RenderedTemplate(
        subject=render(template.subject, values, html_escape=False, field="subject"),
        body=render(template.body, values, field="body"),
    )


def shop_name(channel_id: int | None) -> str:
    """What `{{ shop.name }}` says: the channel's sender name (or the shop's default
    one), else the channel's name."""
    sender = channel_settings(channel_id).sender_name.strip()
    if sender or channel_id is None:
        return sender
    name = channel_model().objects.filter(pk=channel_id).values_list("name", flat=True)
    return str(name.first() or "")


def _apply(template: ResponseTemplate, fields: TemplateFields) -> None:
    data: dict[str, Any] = dict(fields)
    if "name" in data:
        template.name = clean_text(data["name"], "name", MAX_NAME_LENGTH, required=True)
    if "language_code" in data:
        template.language_code = clean_language_code(data["language_code"])
    if "subject" in data:
        subject = clean_text(data["subject"], "subject", MAX_SUBJECT_LENGTH)
        check(subject, "subject")
        template.subject = subject
    if "body" in data:
        template.body = clean_template_body(data["body"], check)
    if "kind" in data:
        kind = data["kind"] or ""
        if kind and kind not in TicketKind.values:
            raise field_error(
                "kind", f"'{kind}' is not a kind of ticket.", HelpdeskErrorCode.INVALID
            )
        template.kind = kind
    if "is_active" in data:
        template.is_active = bool(data["is_active"])


def _refuse_taken(template: ResponseTemplate) -> None:
    taken = (
        ResponseTemplate.objects.filter(
            name=template.name, language_code=template.language_code
        )
        .exclude(pk=template.pk)
        .exists()
    )
    if taken:
        raise field_error("name", _taken_message(template), HelpdeskErrorCode.UNIQUE)


def _taken_message(template: ResponseTemplate) -> str:
    return (
        f"A template named '{template.name}' exists already in "
        f"'{template.language_code}'."
    )
