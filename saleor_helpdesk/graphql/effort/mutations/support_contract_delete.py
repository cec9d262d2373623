from typing import Any

import graphene

from graphql import ResolveInfo

from ....core.actor import Actor
from ....effort.contracts import delete_contract
from ...core.ids import int_pk, to_global_id
from ...core.mutations import BaseMutation


class SupportContractDelete(BaseMutation):
    id = graphene.ID(description="ID of the removed contract.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the contract.")

    class Meta:
        description = (
            "Remove a support contract; its tickets and their time stay "
            "(MANAGE_USERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "SupportContractDelete":
        contract = delete_contract(actor, int_pk(data["id"], "SupportContract"))
        return cls(id=to_global_id("SupportContract", contract.pk))
