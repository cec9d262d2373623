from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....effort.tracking import heartbeat
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import TicketTimeTracking


class TicketTimeHeartbeat(BaseMutation):
    tracking = graphene.Field(TicketTimeTracking, description="What was recorded.")

    class Arguments:
        ticket = graphene.ID(
            required=True, description="ID of the ticket the tab shows."
        )
        tab = graphene.String(
            required=True,
            description="The tab's own random name (1 to 64 characters), the same for "
            "all its beats.",
        )
        active = graphene.Boolean(
            required=True,
            description="Whether the user gave input in this tab recently (not idle).",
        )
        idle_seconds = graphene.Int(
            description="When idle: seconds since the tab's last input; that time is "
            "not counted."
        )

    class Meta:
        description = (
            "A heartbeat of a Dashboard tab showing a ticket, about every 30 seconds "
            "while the page is visible: counts the caller's time on the ticket, each "
            "second once however many tabs beat (staff users with MANAGE_ORDERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketTimeHeartbeat":
        state = heartbeat(
            actor,
            int_pk(data["ticket"], "Ticket", "ticket"),
            tab=data["tab"],
            active=data["active"],
            idle_seconds=data.get("idle_seconds"),
        )
        return cls(tracking=TicketTimeTracking.from_state(state))
