from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....models import RatingSource
from ....satisfaction.recording import record_rating
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import TicketSatisfactionRating

SCORE = graphene.Int(
    required=True, description="1 (not satisfied at all) to 5 (very satisfied)."
)
COMMENT = graphene.String(description="What the customer wants to tell (optional).")


class TicketRate(BaseMutation):
    rating = graphene.Field(TicketSatisfactionRating, description="The saved rating.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        score = SCORE
        comment = COMMENT

    class Meta:
        description = (
            "A signed-in customer rates their closed ticket, once (where the channel "
            "asks for ratings)."
        )

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "TicketRate":
        rating = record_rating(
            actor,
            int_pk(data["id"], "Ticket"),
            score=data["score"],
            comment=data.get("comment"),
            source=RatingSource.STOREFRONT,
        )
        return cls(rating=rating)
