"""Categories per kind of ticket. A slug is unique within its kind; a category tickets
use is deactivated, not deleted (the tickets would lose it)."""

from collections.abc import Sequence
from typing import Any, TypedDict

from django.db import transaction

from ...core.actor import Actor
from ...core.constants import TicketKind
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...models import Category, Ticket
from .common import (
    apply_labels,
    clean_position,
    clean_slug,
    deleted,
    get_for_update,
    require_settings_manager,
    save_unique,
)


class CategoryFields(TypedDict, total=False):
    kind: str
    slug: str
    name: str
    translations: Sequence[tuple[str, str]]
    position: int
    is_active: bool


def create_category(actor: Actor, fields: CategoryFields) -> Category:
    require_settings_manager(actor)
    for required in ("kind", "slug"):
        if not fields.get(required):
            raise field_error(
                required, "This field is required.", HelpdeskErrorCode.REQUIRED
            )
    with transaction.atomic():
        category = Category()
        _apply(category, fields, creating=True)
        if "position" not in fields:
            last = (
                Category.objects.filter(kind=category.kind)
                .order_by("-position")
                .values_list("position", flat=True)
                .first()
            )
            category.position = 0 if last is None else last + 1
        save_unique(category, "slug", _slug_message(category))
    return category


def update_category(actor: Actor, category_id: int, fields: CategoryFields) -> Category:
    require_settings_manager(actor)
    with transaction.atomic():
        category = get_for_update(Category, category_id, "Category")
        kind = category.kind
        _apply(category, fields, creating=False)
        if category.kind != kind and Ticket.objects.filter(category=category).exists():
            raise field_error(
                "kind",
                "Tickets use this category: its kind cannot change.",
                HelpdeskErrorCode.IN_USE,
            )
        save_unique(category, "slug", _slug_message(category))
    return category


def delete_category(actor: Actor, category_id: int) -> Category:
    require_settings_manager(actor)
    with transaction.atomic():
        category = get_for_update(Category, category_id, "Category")
        count = Ticket.objects.filter(category=category).count()
        if count:
            raise field_error(
                "id",
                f"Tickets use this category ({count}): deactivate it instead.",
                HelpdeskErrorCode.IN_USE,
            )
        return deleted(category)


def _apply(category: Category, fields: CategoryFields, *, creating: bool) -> None:
    data: dict[str, Any] = dict(fields)
    apply_labels(category, data, creating=creating)
    if "kind" in data:
        if data["kind"] not in TicketKind.values:
            raise field_error(
                "kind",
                f"'{data['kind']}' is not a kind of ticket.",
                HelpdeskErrorCode.INVALID,
            )
        category.kind = data["kind"]
    if "slug" in data:
        category.slug = clean_slug(data["slug"])
    if "position" in data:
        category.position = clean_position(data["position"])
    if "is_active" in data:
        category.is_active = bool(data["is_active"])
    if {"kind", "slug"} & data.keys() and (
        Category.objects.filter(kind=category.kind, slug=category.slug)
        .exclude(pk=category.pk)
        .exists()
    ):
        raise field_error("slug", _slug_message(category), HelpdeskErrorCode.UNIQUE)


def _slug_message(category: Category) -> str:
    return (
        f"A category with the slug '{category.slug}' exists already for "
        f"'{category.kind}' tickets."
    )
