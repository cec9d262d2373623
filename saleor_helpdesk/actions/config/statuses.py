"""Workflow statuses and the transitions between them.

The workflow must stay usable after every edit: exactly one initial status (active, not
closed), at least one active status in the open group (where a reopened ticket lands)
and one in the closed group (where a close moves to). A status tickets use cannot be
deleted, and its group cannot move into or out of the closed group.
"""

from collections.abc import Sequence
from typing import Any, TypedDict

from django.db import transaction
from django.db.models import ProtectedError

from ...core.actor import Actor
from ...core.constants import StatusGroup
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import field_error
from ...models import StatusTransition, Ticket, TicketStatus
from .common import (
    apply_labels,
    clean_position,
    clean_slug,
    deleted,
    get_for_update,
    lock_all,
    next_position,
    not_found,
    require_settings_manager,
    save_unique,
)

# Groups the workflow cannot do without (see `workflow.reopen_status/closed_status`).
REQUIRED_GROUPS = (StatusGroup.OPEN, StatusGroup.CLOSED)


class StatusFields(TypedDict, total=False):
    slug: str
    name: str
    translations: Sequence[tuple[str, str]]
    group: str
    is_internal: bool
    customer_status_id: int | None
    is_initial: bool
    position: int
    is_active: bool
    pauses_sla: bool


def create_status(actor: Actor, fields: StatusFields) -> TicketStatus:
    require_settings_manager(actor)
    for required in ("slug", "group"):
        if fields.get(required) in (None, ""):
            raise field_error(
                required, "This field is required.", HelpdeskErrorCode.REQUIRED
            )
    with transaction.atomic():
        lock_all(TicketStatus)
        status = TicketStatus(position=next_position(TicketStatus.objects.all()))
        _apply(status, fields, creating=True)
        _save(status)
    return status


def update_status(actor: Actor, status_id: int, fields: StatusFields) -> TicketStatus:
    require_settings_manager(actor)
    with transaction.atomic():
        lock_all(TicketStatus)
        status = get_for_update(TicketStatus, status_id, "Status")
        was_initial, was_closed, was_internal = (
            status.is_initial,
            status.is_closed,
            status.is_internal,
        )
        _apply(status, fields, creating=False)
        if was_initial and not status.is_initial:
            raise field_error(
                "is_initial",
                "A workflow needs an initial status: make another status the initial "
                "one instead.",
                HelpdeskErrorCode.INITIAL_STATUS_REQUIRED,
            )
        if (
            was_closed != status.is_closed
            and Ticket.objects.filter(status=status).exists()
        ):
            raise field_error(
                "group",
                "Tickets use this status: it cannot move into or out of the closed "
                "group.",
                HelpdeskErrorCode.IN_USE,
            )
        if status.is_internal and not was_internal:
            shown_for = TicketStatus.objects.filter(customer_status=status).first()
            if shown_for is not None:
                raise field_error(
                    "is_internal",
                    f"Customers see this status in place of '{shown_for.slug}': it "
                    "cannot be internal itself.",
                    HelpdeskErrorCode.INVALID,
                )
        _require_groups(exclude=status, replacement=status)
        _save(status)
    return status


def delete_status(actor: Actor, status_id: int) -> TicketStatus:
    require_settings_manager(actor)
    with transaction.atomic():
        lock_all(TicketStatus)
        status = get_for_update(TicketStatus, status_id, "Status")
        if status.is_initial:
            raise field_error(
                "id",
                "The initial status cannot be deleted: make another status the "
                "initial one first.",
                HelpdeskErrorCode.INITIAL_STATUS_REQUIRED,
            )
        if Ticket.objects.filter(status=status).exists():
            raise _in_use(status)
        _require_groups(exclude=status, replacement=None, field="id")
        try:
            with transaction.atomic():
                return deleted(status)
        except ProtectedError:
            # A ticket moved here after the check above.
            raise _in_use(status) from None


def create_transition(
    actor: Actor,
    source_id: int,
    target_id: int,
    *,
    staff_allowed: bool = True,
    customer_allowed: bool = False,
    system_allowed: bool = True,
) -> StatusTransition:
    require_settings_manager(actor)
    source = TicketStatus.objects.filter(pk=source_id).first()
    if source is None:
        raise not_found("Status", "source")
    target = TicketStatus.objects.filter(pk=target_id).first()
    if target is None:
        raise not_found("Status", "target")
    if source.pk == target.pk:
        raise field_error(
            "target",
            "A transition must lead to another status.",
            HelpdeskErrorCode.SAME_STATUS,
        )
    message = f"The transition from '{source.slug}' to '{target.slug}' exists already."
    with transaction.atomic():
        if StatusTransition.objects.filter(source=source, target=target).exists():
            raise field_error("target", message, HelpdeskErrorCode.UNIQUE)
        transition = StatusTransition(
            source=source,
            target=target,
            staff_allowed=bool(staff_allowed),
            customer_allowed=bool(customer_allowed),
            system_allowed=bool(system_allowed),
        )
        save_unique(transition, "target", message)
    return transition


def delete_transition(actor: Actor, transition_id: int) -> StatusTransition:
    require_settings_manager(actor)
    with transaction.atomic():
        transition = get_for_update(StatusTransition, transition_id, "Transition")
        return deleted(transition)


def _apply(status: TicketStatus, fields: StatusFields, *, creating: bool) -> None:
    data: dict[str, Any] = dict(fields)
    apply_labels(status, data, creating=creating)
    if "slug" in data:
        status.slug = clean_slug(data["slug"])
        if TicketStatus.objects.filter(slug=status.slug).exclude(pk=status.pk).exists():
            raise field_error(
                "slug", _slug_message(status.slug), HelpdeskErrorCode.UNIQUE
            )
    if "group" in data:
        if data["group"] not in StatusGroup.values:
            raise field_error(
                "group",
                f"'{data['group']}' is not a status group.",
                HelpdeskErrorCode.INVALID,
            )
        status.group = data["group"]
    if "position" in data:
        status.position = clean_position(data["position"])
    for flag in ("is_internal", "is_active", "is_initial", "pauses_sla"):
        if flag in data:
            setattr(status, flag, bool(data[flag]))
    if "customer_status_id" in data:
        status.customer_status = _customer_status(status, data["customer_status_id"])
    if status.is_initial:
        if not status.is_active:
            raise field_error(
                "is_active",
                "The initial status must stay active.",
                HelpdeskErrorCode.INITIAL_STATUS_REQUIRED,
            )
        if status.is_closed:
            raise field_error(
                "is_initial",
                "A status of the closed group cannot be the initial status.",
                HelpdeskErrorCode.INVALID,
            )


def _customer_status(
    status: TicketStatus, customer_status_id: int | None
) -> TicketStatus | None:
    if customer_status_id is None:
        return None
    shown = TicketStatus.objects.filter(pk=customer_status_id).first()
    if shown is None:
        raise not_found("Status", "customer_status")
    if shown.pk == status.pk:
        raise field_error(
            "customer_status",
            "A status cannot stand in for itself.",
            HelpdeskErrorCode.SAME_STATUS,
        )
    if shown.is_internal:
        raise field_error(
            "customer_status",
            "Customers must be shown a status that is not internal.",
            HelpdeskErrorCode.INVALID,
        )
    return shown


def _save(status: TicketStatus) -> None:
    if status.is_initial:
        # Exactly one initial status: the new one takes the flag from the old one.
        TicketStatus.objects.filter(is_initial=True).exclude(pk=status.pk).update(
            is_initial=False
        )
    save_unique(status, "slug", _slug_message(status.slug))


def _slug_message(slug: str) -> str:
    return f"A status with the slug '{slug}' exists already."


def _require_groups(
    *, exclude: TicketStatus, replacement: TicketStatus | None, field: str = ""
) -> None:
    """After replacing `exclude` by `replacement` (None: deleting it), each required
    group must keep an active status."""
    for group in REQUIRED_GROUPS:
        others = (
            TicketStatus.objects.filter(group=group, is_active=True)
            .exclude(pk=exclude.pk)
            .exists()
        )
        kept = replacement is not None and (
            replacement.group == group and replacement.is_active
        )
        if not (others or kept):
            blame = field or ("is_active" if exclude.group == group else "group")
            raise field_error(
                blame,
                f"The workflow needs at least one active status in the '{group}' group.",
                HelpdeskErrorCode.STATUS_GROUP_REQUIRED,
            )


def _in_use(status: TicketStatus) -> Exception:
    count = Ticket.objects.filter(status=status).count()
    return field_error(
        "id",
        f"Tickets use this status ({count}): move them to another status or "
        "deactivate it instead.",
        HelpdeskErrorCode.IN_USE,
    )
