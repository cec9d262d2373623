from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.privacy import erase_customer_data
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ..types import HelpdeskErasure


class CustomerDataErase(BaseMutation):
    erasure = graphene.Field(HelpdeskErasure, description="What was erased.")

    class Arguments:
        customer = graphene.ID(
            description="Saleor ID of the customer (give this or `email`)."
        )
        email = graphene.String(
            description=(
                "E-mail address of a guest (or of a customer's account; give this or "
                "`customer`)."
            )
        )

    class Meta:
        description = (
            "Erase a customer's or a guest's personal data from their tickets: name, "
            "addresses, subjects, their messages and complaint texts, every file, the "
            "e-mails and webhook deliveries about them. The tickets stay, anonymised, "
            "for statistics; each gets a 'personal data erased' timeline event. "
            "Irreversible (MANAGE_USERS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "CustomerDataErase":
        customer = data.get("customer")
        result = erase_customer_data(
            actor,
            customer_id=int_pk(customer, "User", "customer") if customer else None,
            email=data.get("email"),
        )
        return cls(erasure=result)
