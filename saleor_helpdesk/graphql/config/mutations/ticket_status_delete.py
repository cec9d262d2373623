from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import delete_status
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...workflow.types import TicketStatus


class TicketStatusDelete(BaseMutation):
    status = graphene.Field(TicketStatus, description="The deleted status.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the status.")

    class Meta:
        description = "Delete a workflow status no ticket uses (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketStatusDelete":
        return cls(status=delete_status(actor, int_pk(data["id"], "TicketStatus")))
