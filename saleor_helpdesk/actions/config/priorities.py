"""Priorities and their target resolution times. Exactly one is the default (new tickets
get it); a priority tickets use cannot be deleted."""

from collections.abc import Sequence
from typing import Any, TypedDict

from django.db import transaction
from django.db.models import ProtectedError

from ...core.actor import Actor
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...models import Priority, Ticket
from .common import (
    apply_labels,
    clean_position,
    clean_slug,
    deleted,
    get_for_update,
    lock_all,
    next_position,
    require_settings_manager,
    save_unique,
)

# A target beyond a year is no target.
MAX_RESOLUTION_HOURS = 24 * 365


class PriorityFields(TypedDict, total=False):
    slug: str
    name: str
    translations: Sequence[tuple[str, str]]
    resolution_hours: int | None
    position: int
    is_default: bool


def create_priority(actor: Actor, fields: PriorityFields) -> Priority:
    require_settings_manager(actor)
    if not fields.get("slug"):
        raise field_error("slug", "This field is required.", HelpdeskErrorCode.REQUIRED)
    with transaction.atomic():
        lock_all(Priority)
        priority = Priority(position=next_position(Priority.objects.all()))
        _apply(priority, fields, creating=True)
        _save(priority)
    return priority


def update_priority(actor: Actor, priority_id: int, fields: PriorityFields) -> Priority:
    require_settings_manager(actor)
    with transaction.atomic():
        lock_all(Priority)
        priority = get_for_update(Priority, priority_id, "Priority")
        was_default = priority.is_default
        _apply(priority, fields, creating=False)
        if was_default and not priority.is_default:
            raise field_error(
                "is_default",
                "New tickets need a default priority: make another priority the "
                "default instead.",
                HelpdeskErrorCode.DEFAULT_PRIORITY_REQUIRED,
            )
        _save(priority)
    return priority


def delete_priority(actor: Actor, priority_id: int) -> Priority:
    require_settings_manager(actor)
    with transaction.atomic():
        lock_all(Priority)
        priority = get_for_update(Priority, priority_id, "Priority")
        if priority.is_default:
            raise field_error(
                "id",
                "The default priority cannot be deleted: make another priority the "
                "default first.",
                HelpdeskErrorCode.DEFAULT_PRIORITY_REQUIRED,
            )
        if Ticket.objects.filter(priority=priority).exists():
            raise _in_use(priority)
        try:
            with transaction.atomic():
                return deleted(priority)
        except ProtectedError:
            raise _in_use(priority) from None


def _apply(priority: Priority, fields: PriorityFields, *, creating: bool) -> None:
    data: dict[str, Any] = dict(fields)
    apply_labels(priority, data, creating=creating)
    if "slug" in data:
        priority.slug = clean_slug(data["slug"])
        if Priority.objects.filter(slug=priority.slug).exclude(pk=priority.pk).exists():
            raise field_error(
                "slug", _slug_message(priority.slug), HelpdeskErrorCode.UNIQUE
            )
    if "resolution_hours" in data:
        hours = data["resolution_hours"]
        if hours is not None and not 1 <= hours <= MAX_RESOLUTION_HOURS:
            raise field_error(
                "resolution_hours",
                f"The resolution time must be between 1 and {MAX_RESOLUTION_HOURS} "
                "hours (or empty for none).",
                HelpdeskErrorCode.INVALID,
            )
        priority.resolution_hours = hours
    if "position" in data:
        priority.position = clean_position(data["position"])
    if "is_default" in data:
        priority.is_default = bool(data["is_default"])


def _save(priority: Priority) -> None:
    if priority.is_default:
        Priority.objects.filter(is_default=True).exclude(pk=priority.pk).update(
            is_default=False
        )
    save_unique(priority, "slug", _slug_message(priority.slug))


def _slug_message(slug: str) -> str:
    return f"A priority with the slug '{slug}' exists already."


def _in_use(priority: Priority) -> Exception:
    count = Ticket.objects.filter(priority=priority).count()
    return field_error(
        "id",
        f"Tickets use this priority ({count}): give them another priority first.",
        HelpdeskErrorCode.IN_USE,
    )
