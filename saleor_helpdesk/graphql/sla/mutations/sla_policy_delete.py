from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.sla import delete_policy
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import SlaPolicy


class SlaPolicyDelete(BaseMutation):
    policy = graphene.Field(SlaPolicy, description="The deleted policy.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the policy.")

    class Meta:
        description = (
            "Delete an SLA policy; targets it set keep their minutes (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "SlaPolicyDelete":
        return cls(policy=delete_policy(actor, int_pk(data["id"], "SlaPolicy")))
