from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....effort.contracts import create_contract
from ...core.mutations import BaseMutation
from ..inputs import SupportContractInput
from ..types import SupportContractType
from .common import contract_data


class SupportContractCreate(BaseMutation):
    contract = graphene.Field(SupportContractType, description="The new contract.")

    class Arguments:
        input = SupportContractInput(
            required=True,
            description="Name, customer (account or guest e-mail), unit, budget and "
            "first day are required.",
        )

    class Meta:
        description = (
            "Give a customer a support contract: a budget in hours or points that "
            "their tickets draw down (MANAGE_USERS: customer data)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "SupportContractCreate":
        return cls(contract=create_contract(actor, contract_data(data["input"])))
