"""Per-channel policies and who is responsible for a ticket."""

from typing import Any

from django.db.models import Q

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
    *, customer_id: int | None, contact: Contact | None, channel_id: int | None
) -> int | None:
    """Who a new ticket goes to (seed 001): the customer's responsible person, then the
    contact's, then the shop's default; only active support agents qualify."""
    agents = active_agent_ids()
    candidates: list[int | None] = []
    if customer_id:
        candidates.append(
            CustomerResponsible.objects.filter(customer_id=customer_id)
            .values_list("responsible_id", flat=True)
            .first()
        )
    if contact is not None:
        candidates.append(contact.responsible_id)
    candidates.append(channel_settings(channel_id).default_responsible_id)
    return next((c for c in candidates if c and c in agents), None)
