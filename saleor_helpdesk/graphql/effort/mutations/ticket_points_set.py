from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....effort.contracts import set_ticket_points
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...core.scalars import Decimal


class TicketPointsSet(BaseMutation):
    points = Decimal(
        description="The ticket's points now; null: the contract's default."
    )

    class Arguments:
        ticket = graphene.ID(required=True, description="ID of the ticket.")
        points = Decimal(
            description="Points the ticket draws from a points contract (0 to "
            "999999.99); null: the contract's default."
        )

    class Meta:
        description = (
            "Set the points a ticket draws from its customer's points contract "
            "(staff with MANAGE_ORDERS)."
        )

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "TicketPointsSet":
        _, points = set_ticket_points(
            actor, int_pk(data["ticket"], "Ticket", "ticket"), data.get("points")
        )
        return cls(points=points)
