"""Macros: a named bundle (a reply from a template or a text, a status, a priority,
tags to add and remove, an assignment) an agent applies to a ticket in one step.

Configured with MANAGE_PLUGINS; previewed and applied with MANAGE_ORDERS. The preview
renders the reply exactly as `apply_macro` will post it (the same function), without
writing anything. Applying runs the domain actions in one transaction (a refused step
changes nothing) and adds a `macro_applied` event.
"""

from dataclasses import dataclass
from typing import Any, TypedDict

from django.db import transaction

from ..actions import add_comment, assign_ticket, change_priority, change_status
from ..actions.common import refuse_merged
from ..actions.config.common import (
    clean_text,
    deleted,
    get_for_update,
    not_found,
    require_settings_manager,
    save_unique,
)
from ..actions.config.templates import shop_name
from ..content.sanitize import MAX_BODY_LENGTH, clean_html, is_blank
from ..content.templates_render import check, render, ticket_values
from ..core.actor import Actor, ActorKind
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host.shop_models import user_model
from ..models import Macro, Priority, ResponseTemplate, Tag, Ticket, TicketStatus
from ..tags.actions import change_ticket_tags, tags_by_slug
from ..tickets.access import lock_ticket, require_agent, visible_tickets
from ..tickets.policies import is_support_agent
from ..timeline import events


class MacroFields(TypedDict, total=False):
    name: str
    template_id: int | None
    body: str
    internal: bool
    status: str | None  # slug; None: the status stays
    priority: str | None  # slug; None: the priority stays
    add_tags: list[str]  # slugs
    remove_tags: list[str]  # slugs
    assignee_id: int | None
    assign_to_me: bool
    is_active: bool


@dataclass(frozen=True)
class MacroPreview:
    subject: str
    body: str  # sanitised HTML, as the customer (or, for a note, the team) reads it
    internal: bool


def _row(model: Any, pk: int | None, what: str, field: str) -> Any:
    if pk is None:
        return None
    row = model.objects.filter(pk=pk).first()
    if row is None:
        raise not_found(what, field)
    return row


def _by_slug(model: Any, slug: str | None, what: str, field: str) -> Any:
    if not slug:
        return None
    row = model.objects.filter(slug=slug).first()
    if row is None:
        raise not_found(what, field)
    return row


def _apply(macro: Macro, fields: MacroFields) -> tuple[list[Tag], list[Tag]]:
    """Check and set the fields given; the tags to add and remove (as they will be)."""
    if "name" in fields:
        macro.name = clean_text(fields["name"], "name", 128, required=True)
    if "template_id" in fields:
        macro.template = _row(
            ResponseTemplate, fields["template_id"], "Template", "template"
        )
    if "body" in fields:
        raw = str(fields["body"] or "")
        if len(raw) > MAX_BODY_LENGTH:
            raise field_error(
                "body", "The text is too long.", HelpdeskErrorCode.BODY_TOO_LONG
            )
        body = clean_html(raw)
        macro.body = "" if is_blank(body) else body
        check(macro.body, "body")
    if "internal" in fields:
        macro.internal = bool(fields["internal"])
    if "status" in fields:
        macro.status = _by_slug(TicketStatus, fields["status"], "Status", "status")
    if "priority" in fields:
        macro.priority = _by_slug(Priority, fields["priority"], "Priority", "priority")
    if "assignee_id" in fields:
        user = _row(user_model(), fields["assignee_id"], "User", "assignee")
        if user is not None and not is_support_agent(user):
            raise field_error(
                "assignee",
                "Tickets can be assigned only to active members of the support team.",
                HelpdeskErrorCode.NOT_A_SUPPORT_AGENT,
            )
        macro.assignee = user
    if "assign_to_me" in fields:
        macro.assign_to_me = bool(fields["assign_to_me"])
    if "is_active" in fields:
        macro.is_active = bool(fields["is_active"])
    add = tags_by_slug(fields["add_tags"], "addTags") if "add_tags" in fields else None
    remove = (
        tags_by_slug(fields["remove_tags"], "removeTags")
        if "remove_tags" in fields
        else None
    )
    if macro.pk is not None:
        add = list(macro.add_tags.all()) if add is None else add
        remove = list(macro.remove_tags.all()) if remove is None else remove
    if {t.pk for t in add or []} & {t.pk for t in remove or []}:
        raise field_error(
            "removeTags",
            "A tag cannot be added and removed at once.",
            HelpdeskErrorCode.INVALID,
        )
    return add or [], remove or []


def _save(macro: Macro, tags: tuple[list[Tag], list[Tag]]) -> None:
    save_unique(macro, "name", "A macro with this name exists.")
    macro.add_tags.set(tags[0])
    macro.remove_tags.set(tags[1])


def create_macro(actor: Actor, fields: MacroFields) -> Macro:
    require_settings_manager(actor)
    if not fields.get("name"):
        raise field_error("name", "This field is required.", HelpdeskErrorCode.REQUIRED)
    macro = Macro()
    tags = _apply(macro, fields)
    with transaction.atomic():
        _save(macro, tags)
    return macro


def update_macro(actor: Actor, macro_id: int, fields: MacroFields) -> Macro:
    require_settings_manager(actor)
    with transaction.atomic():
        macro = get_for_update(Macro, macro_id, "Macro")
        tags = _apply(macro, fields)
        _save(macro, tags)
    return macro


def delete_macro(actor: Actor, macro_id: int) -> Macro:
    require_settings_manager(actor)
    with transaction.atomic():
        return deleted(get_for_update(Macro, macro_id, "Macro"))


def _active_macro(macro_id: int) -> Macro:
    macro = (
        Macro.objects.select_related("template", "status", "priority")
        .filter(pk=macro_id, is_active=True)
        .first()
    )
    if macro is None:
        raise not_found("Macro", "macro")
    return macro


def render_reply(actor: Actor, ticket: Ticket, macro: Macro) -> MacroPreview | None:
    """The macro's reply on this ticket, written by `actor`; None without a reply."""
    text = macro.template.body if macro.template is not None else macro.body
    if not text:
        return None
    agent = actor.user if actor.kind == ActorKind.STAFF else None
    values = ticket_values(ticket, agent=agent, shop_name=shop_name(ticket.channel_id))
    subject = (
        render(macro.template.subject, values, html_escape=False, field="subject")
        if macro.template is not None
        else ""
    )
    return MacroPreview(
        subject=subject,
        body=clean_html(render(text, values, field="body")),
        internal=macro.internal,
    )


def preview_macro(actor: Actor, ticket_id: int, macro_id: int) -> MacroPreview | None:
    """What applying the macro would post on the ticket; writes nothing."""
    require_agent(actor)
    macro = _active_macro(macro_id)
    ticket = (
        visible_tickets(actor)
        .select_related("status__customer_status", "customer", "order")
        .filter(pk=ticket_id)
        .first()
    )
    if ticket is None:
        raise not_found("Ticket", "ticket")
    return render_reply(actor, ticket, macro)


def apply_macro(actor: Actor, ticket_id: int, macro_id: int) -> Ticket:
    require_agent(actor)
    macro = _active_macro(macro_id)
    if macro.assign_to_me and (actor.kind != ActorKind.STAFF or not actor.user_id):
        raise field_error(
            "macro",
            "This macro assigns the ticket to whoever applies it: only a staff user "
            "can.",
            HelpdeskErrorCode.INVALID,
        )
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id, "ticket")
        refuse_merged(ticket)
        reply = render_reply(actor, ticket, macro)
        status_id = macro.status_id
        if reply is not None:
            # The status moves with the reply, as an agent's reply with a status does.
            add_comment(
                actor,
                ticket.pk,
                reply.body,
                internal=reply.internal,
                status_id=status_id,
            )
        elif status_id is not None and status_id != ticket.status_id:
            change_status(actor, ticket.pk, status_id)
        if macro.priority_id is not None:
            change_priority(actor, ticket.pk, macro.priority_id)
        add = list(macro.add_tags.values_list("pk", flat=True))
        remove = list(macro.remove_tags.values_list("pk", flat=True))
        if add or remove:
            change_ticket_tags(actor, ticket.pk, add=add, remove=remove)
        assignee = actor.user_id if macro.assign_to_me else macro.assignee_id
        if assignee is not None:
            assign_ticket(actor, ticket.pk, assignee)
        events.macro_applied_event(
            ticket=ticket, actor=actor, macro_id=macro.pk, macro=macro.name
        )
    return Ticket.objects.select_related("status", "priority").get(pk=ticket.pk)
