"""Per-channel policies and who is responsible for a ticket."""

from typing import Any

from django.db.models import IntegerField, JSONField, Q, Subquery, Value
from django.db.models.functions import Coalesce, JSONObject

from ..models import (
    ChannelSettings,
    Contact,
    CustomerResponsible,
    Priority,
    SupportAgent,
    TicketStatus,
)


def channel_settings(channel_id: int | None) -> ChannelSettings:
    """The channel's own settings, else the shop's defaults row, else built-in defaults."""
    wanted = Q(channel__isnull=True)
    if channel_id is not None:
        wanted |= Q(channel_id=channel_id)
    rows = {row.channel_id: row for row in ChannelSettings.objects.filter(wanted)}
    return rows.get(channel_id) or rows.get(None) or ChannelSettings()


def initial_status_and_default_priority(
    responsible: Any = None,
) -> tuple[TicketStatus, Priority, int | None]:
    """Where a new ticket starts, in one query: the initial status, with the default
    priority (else the first one) and, given `responsible_expression(...)`, the
    responsible agent read alongside as subqueries."""
    names = [field.attname for field in Priority._meta.concrete_fields]
    # The priority's row as one JSON object: one subquery for Django to build and
    # PostgreSQL to run, where a subquery per column cost seven of each.
    candidate = (
        Priority.objects.order_by("-is_default", "position", "pk")
        .annotate(row=JSONObject(**{name: name for name in names}))
        .values("row")[:1]
    )
    status = (
        TicketStatus.objects.filter(is_initial=True)
        .select_related("customer_status")
        .annotate(
            priority_row=Subquery(candidate, output_field=JSONField()),
            responsible_id=responsible
            if responsible is not None
            else Value(None, output_field=IntegerField()),
        )
        .get()
    )
    row = status.priority_row or {}
    priority = Priority(**{name: row.get(name) for name in names})
    priority._state.adding = False
    priority._state.db = status._state.db
    return status, priority, getattr(status, "responsible_id", None)


def is_support_agent(user: Any) -> bool:
    if user is None or user.pk is None:
        return False
    return SupportAgent.objects.filter(
        user_id=user.pk,
        is_active=True,
        user__is_active=True,
        user__is_staff=True,
    ).exists()


def responsible_expression(
    *, customer_id: int | None, contact: Contact | None, policy: ChannelSettings
) -> Any:
    """Who a new ticket goes to (seed 001), as one SQL expression: the customer's
    responsible person, else the contact's, else the shop's default; only active
    support agents qualify. None when there is no candidate at all."""
    agents = SupportAgent.objects.filter(is_active=True, user__is_active=True)
    options = []
    if customer_id:
        mine = CustomerResponsible.objects.filter(customer_id=customer_id)
        options.append(
            agents.filter(user_id__in=mine.values("responsible_id")).values("user_id")[
                :1
            ]
        )
    for candidate in (
        contact.responsible_id if contact is not None else None,
        policy.default_responsible_id,
    ):
        if candidate:
            options.append(agents.filter(user_id=candidate).values("user_id")[:1])
    if not options:
        return None
    subqueries = [Subquery(option, output_field=IntegerField()) for option in options]
    if len(subqueries) == 1:
        return subqueries[0]
    return Coalesce(*subqueries, output_field=IntegerField())
