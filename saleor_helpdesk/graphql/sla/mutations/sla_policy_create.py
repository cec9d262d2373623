from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.sla import create_policy
from ....core.actor import Actor
from ...core.mutations import BaseMutation
from ..inputs import SlaPolicyInput
from ..types import SlaPolicy
from .common import policy_fields


class SlaPolicyCreate(BaseMutation):
    policy = graphene.Field(SlaPolicy, description="The new policy.")

    class Arguments:
        input = SlaPolicyInput(required=True, description="The policy.")

    class Meta:
        description = "Add an SLA policy (MANAGE_PLUGINS)."

    @classmethod
    def perform(cls, info: ResolveInfo, actor: Actor, **data: Any) -> "SlaPolicyCreate":
        return cls(policy=create_policy(actor, policy_fields(data["input"])))
