from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.sla import update_policy
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import SlaPolicyInput
from ..types import SlaPolicy
from .common import policy_fields


class SlaPolicyUpdate(BaseMutation):
    policy = graphene.Field(SlaPolicy, description="The changed policy.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the policy.")
        input = SlaPolicyInput(required=True, description="What changes.")

    class Meta:
        description = "Change an SLA policy (MANAGE_PLUGINS)."

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "SlaPolicyUpdate":
        pk = int_pk(data["id"], "SlaPolicy")
        return cls(policy=update_policy(actor, pk, policy_fields(data["input"])))
