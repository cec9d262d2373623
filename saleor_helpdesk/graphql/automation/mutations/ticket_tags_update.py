from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....tags.actions import change_ticket_tags, tags_by_slug
from ....tickets.access import require_agent
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...tickets.types import TicketType


class TicketTagsUpdate(BaseMutation):
    ticket = graphene.Field(TicketType, description="The ticket with its tags.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        add_tags = graphene.List(
            graphene.NonNull(graphene.String), description="Slugs of tags to put on."
        )
        remove_tags = graphene.List(
            graphene.NonNull(graphene.String), description="Slugs of tags to take off."
        )

    class Meta:
        description = "Put tags on a ticket and take others off (MANAGE_ORDERS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketTagsUpdate":
        ticket_id = int_pk(data["id"], "Ticket")
        # Before the slugs are looked up: a customer learns nothing about tags.
        require_agent(actor)
        add = tags_by_slug(data.get("add_tags") or [], "addTags")
        remove = tags_by_slug(data.get("remove_tags") or [], "removeTags")
        ticket = change_ticket_tags(
            actor,
            ticket_id,
            add=[tag.pk for tag in add],
            remove=[tag.pk for tag in remove],
        )
        return cls(ticket=ticket)
