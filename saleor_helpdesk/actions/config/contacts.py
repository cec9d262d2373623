"""Contacts (queues) customers address. A contact's responsible person must be an active
member of the support team; a contact tickets use is deactivated, not deleted."""

from collections.abc import Sequence
from typing import Any, TypedDict

from django.db import transaction

from ...core.actor import Actor
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...models import Contact, Ticket
from .common import (
    apply_labels,
    clean_email,
    clean_position,
    clean_slug,
    clean_text,
    deleted,
    get_for_update,
    next_position,
    require_settings_manager,
    save_unique,
    support_agent_user,
)

MAX_DESCRIPTION_LENGTH = 2000


class ContactFields(TypedDict, total=False):
    slug: str
    name: str
    translations: Sequence[tuple[str, str]]
    email: str
    description: str
    responsible_id: int | None
    position: int
    is_active: bool


def create_contact(actor: Actor, fields: ContactFields) -> Contact:
    require_settings_manager(actor)
    if not fields.get("slug"):
        raise field_error("slug", "This field is required.", HelpdeskErrorCode.REQUIRED)
    with transaction.atomic():
        contact = Contact(position=next_position(Contact.objects.all()))
        _apply(contact, fields, creating=True)
        save_unique(contact, "slug", _slug_message(contact.slug))
    return contact


def update_contact(actor: Actor, contact_id: int, fields: ContactFields) -> Contact:
    require_settings_manager(actor)
    with transaction.atomic():
        contact = get_for_update(Contact, contact_id, "Contact")
        _apply(contact, fields, creating=False)
        save_unique(contact, "slug", _slug_message(contact.slug))
    return contact


def delete_contact(actor: Actor, contact_id: int) -> Contact:
    require_settings_manager(actor)
    with transaction.atomic():
        contact = get_for_update(Contact, contact_id, "Contact")
        count = Ticket.objects.filter(contact=contact).count()
        if count:
            raise field_error(
                "id",
                f"Tickets use this contact ({count}): deactivate it instead.",
                HelpdeskErrorCode.IN_USE,
            )
        return deleted(contact)


def _apply(contact: Contact, fields: ContactFields, *, creating: bool) -> None:
    data: dict[str, Any] = dict(fields)
    apply_labels(contact, data, creating=creating)
    if "slug" in data:
        contact.slug = clean_slug(data["slug"])
        if Contact.objects.filter(slug=contact.slug).exclude(pk=contact.pk).exists():
            raise field_error(
                "slug", _slug_message(contact.slug), HelpdeskErrorCode.UNIQUE
            )
    if "email" in data:
        contact.email = clean_email(data["email"], "email")
    if "description" in data:
        contact.description = clean_text(
            data["description"], "description", MAX_DESCRIPTION_LENGTH
        )
    if "responsible_id" in data:
        contact.responsible = support_agent_user(data["responsible_id"], "responsible")
    if "position" in data:
        contact.position = clean_position(data["position"])
    if "is_active" in data:
        contact.is_active = bool(data["is_active"])


def _slug_message(slug: str) -> str:
    return f"A contact with the slug '{slug}' exists already."
