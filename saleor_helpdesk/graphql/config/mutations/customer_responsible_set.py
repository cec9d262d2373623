from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config import set_customer_responsible
from ....core.actor import Actor
from ...core.ids import int_pk
from ...core.mutations import BaseMutation
from ...shop.types import HelpdeskUser


class CustomerResponsibleSet(BaseMutation):
    customer = graphene.Field(HelpdeskUser, description="The customer.")
    responsible = graphene.Field(
        HelpdeskUser, description="Who is responsible for them now; null: nobody."
    )

    class Arguments:
        customer = graphene.ID(required=True, description="Saleor ID of the customer.")
        responsible = graphene.ID(
            description="Saleor ID of an active support agent; null: nobody."
        )

    class Meta:
        description = (
            "Make a support agent responsible for a customer: their new tickets go to "
            "that agent (MANAGE_PLUGINS and MANAGE_USERS: it names a customer and "
            "answers with their name and e-mail)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "CustomerResponsibleSet":
        responsible = data.get("responsible")
        customer, user = set_customer_responsible(
            actor,
            int_pk(data["customer"], "User", "customer"),
            int_pk(responsible, "User", "responsible") if responsible else None,
        )
        return cls(customer=customer, responsible=user)
