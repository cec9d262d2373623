"""The service-level fields of a ticket, for staff; null for customers and guests
(`TicketType` takes them in as a mixin)."""

from typing import Any

import graphene
from django.utils import timezone

from ...models import Ticket
from ...sla.state import ticket_state
from ..core.scalars import DateTime
from .dataloaders import SlaTargetsByTicketIdLoader
from .enums import SlaStateEnum
from .types import TicketSlaTarget


def _agent(info: Any) -> bool:
    return bool(info.context.actor.is_agent)


class TicketSlaFields:
    sla_due_at = DateTime(
        description=(
            "When the earliest running service-level target is due (in the past: "
            "overdue); null when none runs. Staff only."
        )
    )
    sla_state = graphene.Field(
        SlaStateEnum,
        description=(
            "Where the ticket stands against its service levels: the most urgent "
            "state of its open targets; null without targets. Staff only."
        ),
    )
    sla_targets = graphene.List(
        graphene.NonNull(TicketSlaTarget),
        description="The ticket's service-level targets, oldest first. Staff only.",
    )

    @staticmethod
    def resolve_sla_due_at(root: Ticket, info: Any) -> Any:
        return root.sla_due_at if _agent(info) else None

    @staticmethod
    def resolve_sla_state(root: Ticket, info: Any) -> Any:
        if not _agent(info):
            return None
        return (
            SlaTargetsByTicketIdLoader(info.context)
            .load(root.pk)
            .then(lambda targets: ticket_state(targets, timezone.now()))
        )

    @staticmethod
    def resolve_sla_targets(root: Ticket, info: Any) -> Any:
        if not _agent(info):
            return None
        return SlaTargetsByTicketIdLoader(info.context).load(root.pk)
