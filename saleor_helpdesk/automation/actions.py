"""What a rule does, validated, and doing it through the domain actions.

A rule's actions are a JSON list, run in order: `{"type": <ActionType>, "values":
[<str>, …]}`:

- `assign_user`: one staff user id (a support agent).
- `assign_round_robin`: one contact (queue) slug: the ticket goes to the next active
  agent of that queue, in turn (`QueueCursor`, row-locked, so concurrent rules are
  fair), skipping agents who cannot open the ticket's channel.
- `set_priority`, `set_category`, `set_status`: one slug.
- `set_due_in_hours`: one number; the due date becomes now plus that many hours.
- `add_tags`, `remove_tags`: tag slugs.
- `reply_with_template`: one response template id; the customer gets it as a reply
  (and its e-mail), filled in for the ticket.
- `add_note`: one text, an internal note.
- `send_webhook`: no values; the `rule_applied` event goes out as the signed webhook
  `ticket.rule_matched`, naming the rule.

Every action is the domain's own (`saleor_helpdesk/actions/`, `tags/actions.py`),
called as the rule's actor (`Actor.for_rule`), so permissions, events, e-mails,
webhooks and whatever else hooks into those actions follow, and every event names the
rule.
"""

from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.utils import timezone

from ..actions import (
    add_comment,
    assign_ticket,
    change_category,
    change_due_date,
    change_priority,
    change_status,
)
from ..content.sanitize import MAX_BODY_LENGTH, clean_html, is_blank
from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host import get_host
from ..host.shop_models import user_model
from ..models import (
    Category,
    Contact,
    Priority,
    QueueCursor,
    ResponseTemplate,
    SupportAgent,
    Tag,
    Ticket,
    TicketStatus,
)
from ..tags.actions import change_ticket_tags, tags_by_slug
from ..tickets.policies import is_support_agent

MAX_ACTIONS = 20
MAX_DUE_HOURS = 24 * 366


class ActionType(StrEnum):
    ASSIGN_USER = "assign_user"
    ASSIGN_ROUND_ROBIN = "assign_round_robin"
    SET_PRIORITY = "set_priority"
    SET_CATEGORY = "set_category"
    SET_STATUS = "set_status"
    SET_DUE_IN_HOURS = "set_due_in_hours"
    ADD_TAGS = "add_tags"
    REMOVE_TAGS = "remove_tags"
    REPLY_WITH_TEMPLATE = "reply_with_template"
    ADD_NOTE = "add_note"
    SEND_WEBHOOK = "send_webhook"


NO_VALUES = {ActionType.SEND_WEBHOOK}
MANY_VALUES = {ActionType.ADD_TAGS, ActionType.REMOVE_TAGS}


def _invalid(index: int, message: str, code: HelpdeskErrorCode) -> Exception:
    return field_error("actions", f"Action {index + 1}: {message}", code)


def _int(value: str, index: int) -> int:
    if not value.isdigit():
        raise _invalid(index, f"'{value}' is not an id.", HelpdeskErrorCode.INVALID)
    return int(value)


def _check_reference(type_: ActionType, values: list[str], index: int) -> list[str]:
    """Refuse references to what does not exist now; return the values as stored."""
    missing = HelpdeskErrorCode.NOT_FOUND
    value = values[0] if values else ""
    match type_:
        case ActionType.ASSIGN_USER:
            user = user_model().objects.filter(pk=_int(value, index)).first()
            if not is_support_agent(user):
                raise _invalid(
                    index,
                    "tickets can be assigned only to active members of the support "
                    "team.",
                    HelpdeskErrorCode.NOT_A_SUPPORT_AGENT,
                )
        case ActionType.ASSIGN_ROUND_ROBIN:
            if not Contact.objects.filter(slug=value).exists():
                raise _invalid(index, f"queue '{value}' not found.", missing)
        case ActionType.SET_PRIORITY:
            if not Priority.objects.filter(slug=value).exists():
                raise _invalid(index, f"priority '{value}' not found.", missing)
        case ActionType.SET_CATEGORY:
            if not Category.objects.filter(slug=value).exists():
                raise _invalid(index, f"category '{value}' not found.", missing)
        case ActionType.SET_STATUS:
            if not TicketStatus.objects.filter(slug=value).exists():
                raise _invalid(index, f"status '{value}' not found.", missing)
        case ActionType.SET_DUE_IN_HOURS:
            try:
                hours = Decimal(value)
            except (InvalidOperation, ValueError):
                hours = Decimal(-1)
            if not hours.is_finite() or hours <= 0 or hours > MAX_DUE_HOURS:
                raise _invalid(
                    index,
                    f"give a number of hours between 0 and {MAX_DUE_HOURS}.",
                    HelpdeskErrorCode.INVALID,
                )
        case ActionType.ADD_TAGS | ActionType.REMOVE_TAGS:
            known = set(
                Tag.objects.filter(slug__in=values).values_list("slug", flat=True)
            )
            unknown = [slug for slug in values if slug not in known]
            if unknown:
                raise _invalid(index, f"tag '{unknown[0]}' not found.", missing)
        case ActionType.REPLY_WITH_TEMPLATE:
            if not ResponseTemplate.objects.filter(
                pk=_int(value, index), is_active=True
            ).exists():
                raise _invalid(index, "response template not found.", missing)
        case ActionType.ADD_NOTE:
            if len(value) > MAX_BODY_LENGTH:
                raise _invalid(
                    index, "the note is too long.", HelpdeskErrorCode.BODY_TOO_LONG
                )
            cleaned = clean_html(value)
            if is_blank(cleaned):
                raise _invalid(index, "write the note.", HelpdeskErrorCode.EMPTY_BODY)
            return [cleaned]
    return values


def clean_actions(raw: Any) -> list[dict[str, Any]]:
    """The actions as stored, or a typed error on `actions` naming the first bad one."""
    if not isinstance(raw, list):
        raise field_error(
            "actions", "Actions must be a list.", HelpdeskErrorCode.INVALID
        )
    if not raw:
        raise field_error(
            "actions", "Give the rule at least one action.", HelpdeskErrorCode.REQUIRED
        )
    if len(raw) > MAX_ACTIONS:
        raise field_error(
            "actions", f"At most {MAX_ACTIONS} actions.", HelpdeskErrorCode.INVALID
        )
    cleaned = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise _invalid(index, "give a type and values.", HelpdeskErrorCode.INVALID)
        try:
            type_ = ActionType(str(item.get("type")))
        except ValueError:
            raise _invalid(
                index,
                f"unknown action '{item.get('type')}'.",
                HelpdeskErrorCode.INVALID,
            ) from None
        values = item.get("values") or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise _invalid(
                index, "values must be a list of strings.", HelpdeskErrorCode.INVALID
            )
        values = [value.strip() for value in values if value.strip()]
        expected = (
            "no values"
            if type_ in NO_VALUES
            else "one or more values"
            if type_ in MANY_VALUES
            else "exactly one value"
        )
        count_ok = (
            not values
            if type_ in NO_VALUES
            else bool(values)
            if type_ in MANY_VALUES
            else len(values) == 1
        )
        if not count_ok:
            raise _invalid(
                index, f"'{type_}' takes {expected}.", HelpdeskErrorCode.INVALID
            )
        cleaned.append(
            {"type": type_.value, "values": _check_reference(type_, values, index)}
        )
    return cleaned


def next_in_queue(contact: Contact, ticket: Ticket) -> int | None:
    """The next agent of the queue in turn for `ticket` (by user id, after the one who
    got the last ticket), among active agents who may open the ticket's channel. The
    cursor row stays locked until the caller's transaction ends."""
    QueueCursor.objects.get_or_create(contact=contact)
    cursor = QueueCursor.objects.select_for_update().get(contact=contact)
    agents = list(
        SupportAgent.objects.filter(
            contacts=contact,
            is_active=True,
            user__is_active=True,
            user__is_staff=True,
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    access = get_host().staff_access(agents) if agents else {}
    eligible = [
        user_id
        for user_id in agents
        if user_id in access and access[user_id].may_work(ticket.channel_id)
    ]
    if not eligible:
        return None
    last = cursor.last_user_id
    chosen = next(
        (user_id for user_id in eligible if last is None or user_id > last), eligible[0]
    )
    cursor.last_user_id = chosen
    cursor.save(update_fields=["last_user", "updated_at"])
    return chosen


def perform(actor: Actor, ticket: Ticket, actions: Sequence[dict[str, Any]]) -> bool:
    """Do the actions on the ticket in order, as `actor` (the rule's). Returns whether
    a webhook was asked for. A refused action raises (its `ValidationError`); the
    caller rolls the rule's changes back."""
    webhook = False
    for action in actions:
        type_ = ActionType(action["type"])
        values: list[str] = action["values"]
        value = values[0] if values else ""
        with transaction.atomic():
            match type_:
                case ActionType.ASSIGN_USER:
                    assign_ticket(actor, ticket.pk, int(value))
                case ActionType.ASSIGN_ROUND_ROBIN:
                    contact = Contact.objects.filter(slug=value).first()
                    if contact is None:
                        raise field_error(
                            "actions",
                            f"Queue '{value}' not found.",
                            HelpdeskErrorCode.NOT_FOUND,
                        )
                    chosen = next_in_queue(contact, ticket)
                    if chosen is None:
                        raise field_error(
                            "actions",
                            f"Queue '{value}' has no agent who may open this ticket.",
                            HelpdeskErrorCode.NOT_A_SUPPORT_AGENT,
                        )
                    assign_ticket(actor, ticket.pk, chosen)
                case ActionType.SET_PRIORITY:
                    change_priority(actor, ticket.pk, _pk(Priority, value))
                case ActionType.SET_CATEGORY:
                    category = (
                        Category.objects.filter(slug=value, kind=ticket.kind).first()
                        or Category.objects.filter(slug=value).first()
                    )
                    change_category(
                        actor,
                        ticket.pk,
                        category.pk if category else _pk(Category, value),
                    )
                case ActionType.SET_STATUS:
                    change_status(actor, ticket.pk, _pk(TicketStatus, value))
                case ActionType.SET_DUE_IN_HOURS:
                    due = timezone.now() + timedelta(hours=float(value))
                    change_due_date(actor, ticket.pk, due)
                case ActionType.ADD_TAGS | ActionType.REMOVE_TAGS:
                    ids = [tag.pk for tag in tags_by_slug(values, "actions")]
                    adding = type_ == ActionType.ADD_TAGS
                    change_ticket_tags(
                        actor,
                        ticket.pk,
                        add=ids if adding else (),
                        remove=() if adding else ids,
                    )
                case ActionType.REPLY_WITH_TEMPLATE:
                    add_comment(actor, ticket.pk, "", template_id=int(value))
                case ActionType.ADD_NOTE:
                    add_comment(actor, ticket.pk, value, internal=True)
                case ActionType.SEND_WEBHOOK:
                    webhook = True
    return webhook


def _pk(model: Any, slug: str) -> int:
    pk = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if pk is None:
        raise field_error(
            "actions", f"'{slug}' not found.", HelpdeskErrorCode.NOT_FOUND
        )
    return int(pk)
