from typing import Any

import graphene

from graphql import ResolveInfo

from ....actions.config.refund_reasons import set_refund_reason_mapping
from ....core.actor import Actor
from ...core.ids import global_pk
from ...core.mutations import BaseMutation
from ..inputs import RefundReasonMappingInput
from ..types import RefundReasonMapping


class RefundReasonMappingSet(BaseMutation):
    mapping = graphene.Field(
        RefundReasonMapping, description="The mapping; null when it was removed."
    )

    class Arguments:
        input = RefundReasonMappingInput(required=True, description="The mapping.")

    class Meta:
        description = (
            "Choose which of the shop's refund reasons a complaint reason preselects in "
            "the refund dialog (MANAGE_PLUGINS)."
        )

    @classmethod
    def perform(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "RefundReasonMappingSet":
        given = data["input"]
        reason_id = given.get("reason_id")
        mapping = set_refund_reason_mapping(
            actor,
            given["complaint_reason"],
            str(global_pk(reason_id, "Page", "reason_id")) if reason_id else None,
        )
        return cls(mapping=mapping)
