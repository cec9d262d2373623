from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....models import RatingSource
from ....satisfaction.recording import record_rating
from ....tickets.guests import guest_actor
from ...core.context import act_as
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...guest.arguments import EMAIL, ORDER_TOKEN
from ..types import TicketSatisfactionRating
from .ticket_rate import COMMENT, SCORE


class GuestTicketRate(BaseMutation):
    rating = graphene.Field(TicketSatisfactionRating, description="The saved rating.")

    class Arguments:
        order_token = ORDER_TOKEN
        email = EMAIL
        id = graphene.ID(required=True, description="ID of the ticket.")
        score = SCORE
        comment = COMMENT

    class Meta:
        description = (
            "A guest rates a closed ticket of their order, once (where the channel "
            "asks for ratings)."
        )

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "GuestTicketRate":
        guest = guest_actor(data["order_token"], data["email"])
        # The answer is shaped for the guest, whatever token came along.
        act_as(info, guest)
        rating = record_rating(
            guest,
            int_pk(data["id"], "Ticket"),
            score=data["score"],
            comment=data.get("comment"),
            source=RatingSource.GUEST,
        )
        return cls(rating=rating)
