from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....effort.contracts import update_contract
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..inputs import SupportContractInput
from ..types import SupportContractType
from .common import contract_data


class SupportContractUpdate(BaseMutation):
    contract = graphene.Field(SupportContractType, description="The changed contract.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the contract.")
        input = SupportContractInput(required=True, description="What to change.")

    class Meta:
        description = (
            "Change a support contract; raising the budget above the warning "
            "threshold re-arms the warning (MANAGE_USERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "SupportContractUpdate":
        contract = update_contract(
            actor, int_pk(data["id"], "SupportContract"), contract_data(data["input"])
        )
        return cls(contract=contract)
