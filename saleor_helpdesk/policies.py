"""Per-channel policies and who is responsible for a ticket."""

from typing import Any

from django.db.models import Exists, OuterRef, Q

from .models import (
    ChannelSettings,
    Contact,
    CustomerResponsible,
    Priority,
    SupportAgent,
)


def channel_settings(channel_id: int | None) -> ChannelSettings:
    """The channel's own settings, else the shop's defaults row, else built-in defaults."""
    wanted = Q(channel__isnull=True)
    if channel_id is not None:
        wanted |= Q(channel_id=channel_id)
    rows = {row.channel_id: row for row in ChannelSettings.objects.filter(wanted)}
    return rows.get(channel_id) or rows.get(None) or ChannelSettings()


def default_priority() -> Priority:
    return (
        Priority.objects.filter(is_default=True).first()
        or Priority.objects.order_by("position", "pk")[0]
    )


def active_agent_ids() -> set[int]:
    return set(
        SupportAgent.objects.filter(is_active=True, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )


def is_support_agent(user: Any) -> bool:
    if user is None or user.pk is None:
        return False
    return SupportAgent.objects.filter(
        user_id=user.pk,
        is_active=True,
        user__is_active=True,
        user__is_staff=True,
    ).exists()


def responsible_for(
    *, customer_id: int | None, contact: Contact | None, policy: ChannelSettings
) -> int | None:
    """Who a new ticket goes to (seed 001): the customer's responsible person, then the
    contact's, then the shop's default; only active support agents qualify.

    One query: the active agents among the candidates, marking the customer's own."""
    fixed = [
        pk
        for pk in (
            contact.responsible_id if contact is not None else None,
            policy.default_responsible_id,
        )
        if pk
    ]
    customers = CustomerResponsible.objects.filter(customer_id=customer_id)
    wanted = Q(user_id__in=fixed)
    if customer_id:
        wanted |= Q(user_id__in=customers.values("responsible_id"))
    agents = dict(
        SupportAgent.objects.filter(wanted, is_active=True, user__is_active=True)
        .annotate(
            is_customers=Exists(customers.filter(responsible_id=OuterRef("user_id")))
        )
        .values_list("user_id", "is_customers")
    )
    if not agents:
        return None
    own = [user_id for user_id, is_customers in agents.items() if is_customers]
    if own:
        return own[0]
    return next((pk for pk in fixed if pk in agents), None)
