"""Creating, renaming and deleting tags (MANAGE_PLUGINS), and changing a ticket's tags
(MANAGE_ORDERS, through `change_ticket_tags`, which rules and macros call too)."""

import re
from collections.abc import Iterable
from typing import TypedDict

from django.db import transaction
from django.utils.text import slugify

from ..actions.common import refuse_merged
from ..actions.config.common import (
    clean_slug,
    clean_text,
    deleted,
    get_for_update,
    require_settings_manager,
    save_unique,
)
from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Tag, Ticket, TicketTag
from ..tickets.access import lock_ticket, require_agent
from ..timeline import events

MAX_TAGS_PER_CHANGE = 50
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class TagFields(TypedDict, total=False):
    name: str
    slug: str
    colour: str


def _apply(tag: Tag, fields: TagFields) -> None:
    if "name" in fields:
        tag.name = clean_text(fields["name"], "name", 64, required=True)
    if fields.get("slug"):
        tag.slug = clean_slug(fields["slug"])
    elif not tag.slug:
        tag.slug = clean_slug(slugify(tag.name)[:64] or "tag")
    if "colour" in fields:
        colour = str(fields["colour"] or "").strip()
        if not COLOUR.match(colour):
            raise field_error(
                "colour",
                "Give the colour as #RRGGBB, e.g. #d97706.",
                HelpdeskErrorCode.INVALID,
            )
        tag.colour = colour.lower()


def _save(tag: Tag) -> None:
    if Tag.objects.filter(name__iexact=tag.name).exclude(pk=tag.pk).exists():
        raise field_error(
            "name", "A tag with this name exists.", HelpdeskErrorCode.UNIQUE
        )
    save_unique(tag, "slug", "A tag with this slug exists.")


def create_tag(actor: Actor, fields: TagFields) -> Tag:
    require_settings_manager(actor)
    if not fields.get("name"):
        raise field_error("name", "This field is required.", HelpdeskErrorCode.REQUIRED)
    tag = Tag()
    _apply(tag, fields)
    with transaction.atomic():
        _save(tag)
    return tag


def update_tag(actor: Actor, tag_id: int, fields: TagFields) -> Tag:
    require_settings_manager(actor)
    with transaction.atomic():
        tag = get_for_update(Tag, tag_id, "Tag")
        _apply(tag, fields)
        _save(tag)
    return tag


def delete_tag(actor: Actor, tag_id: int) -> Tag:
    """Removes the tag from every ticket too (no timeline event per ticket: the tag is
    gone, not taken off one ticket by someone)."""
    require_settings_manager(actor)
    with transaction.atomic():
        return deleted(get_for_update(Tag, tag_id, "Tag"))


def tags_by_slug(slugs: Iterable[str], field: str) -> list[Tag]:
    """The tags named, in the order given; a typed error for an unknown one."""
    wanted = list(dict.fromkeys(slug.strip() for slug in slugs if slug.strip()))
    if len(wanted) > MAX_TAGS_PER_CHANGE:
        raise field_error(
            field,
            f"At most {MAX_TAGS_PER_CHANGE} tags at once.",
            HelpdeskErrorCode.INVALID,
        )
    found = {tag.slug: tag for tag in Tag.objects.filter(slug__in=wanted)}
    missing = [slug for slug in wanted if slug not in found]
    if missing:
        raise field_error(
            field, f"Tag '{missing[0]}' not found.", HelpdeskErrorCode.NOT_FOUND
        )
    return [found[slug] for slug in wanted]


def change_ticket_tags(
    actor: Actor,
    ticket_id: int,
    *,
    add: Iterable[int] = (),
    remove: Iterable[int] = (),
) -> Ticket:
    """Put tags (ids) on a ticket and take others off, in one transaction with one
    `tags_changed` event listing what really changed (nothing changed: no event)."""
    require_agent(actor)
    add_ids, remove_ids = set(add), set(remove)
    if add_ids & remove_ids:
        raise field_error(
            "removeTags",
            "A tag cannot be added and removed at once.",
            HelpdeskErrorCode.INVALID,
        )
    known = Tag.objects.in_bulk(add_ids | remove_ids)
    if len(known) != len(add_ids | remove_ids):
        raise field_error("tags", "Tag not found.", HelpdeskErrorCode.NOT_FOUND)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        present = set(
            TicketTag.objects.filter(ticket=ticket).values_list("tag_id", flat=True)
        )
        adding = sorted(add_ids - present)
        removing = sorted(remove_ids & present)
        if not adding and not removing:
            return ticket
        TicketTag.objects.bulk_create(
            [TicketTag(ticket=ticket, tag_id=tag_id) for tag_id in adding],
            ignore_conflicts=True,
        )
        if removing:
            TicketTag.objects.filter(ticket=ticket, tag_id__in=removing).delete()
        events.tags_changed_event(
            ticket=ticket,
            actor=actor,
            added=[known[pk].slug for pk in adding],
            removed=[known[pk].slug for pk in removing],
        )
    return ticket
