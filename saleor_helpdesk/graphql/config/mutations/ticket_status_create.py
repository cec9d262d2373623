from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import create_status
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ...workflow.types import TicketStatus
from ..inputs import TicketStatusInput
from .common import status_fields


class TicketStatusCreate(BaseMutation):
    status = graphene.Field(TicketStatus, description="The new status.")

    class Arguments:
        input = TicketStatusInput(required=True, description="The status.")

    class Meta:
        description = "Add a workflow status (MANAGE_PLUGINS)."

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketStatusCreate":
        return cls(status=create_status(actor, status_fields(data["input"])))
