from typing import Any

import graphene
from django.db import transaction

from graphql import ResolveInfo

from ....actions import change_category, change_cc, change_due_date, change_priority
from ....core.actor import Actor
from ....core.error_codes import HelpdeskErrorCode
from ....core.errors import field_error
from ....tickets.access import not_found, visible_tickets
from ...core.ids import int_pk
from ..inputs import TicketUpdateInput
from ..types import TicketType
from .common import optional_int_pk
from .staff import StaffMutation


class TicketUpdate(StaffMutation):
    ticket = graphene.Field(TicketType, description="The updated ticket.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the ticket.")
        input = TicketUpdateInput(required=True, description="The fields to change.")

    class Meta:
        description = (
            "Change a ticket's priority, category, due date or CC list (staff with "
            "MANAGE_ORDERS). All given fields change together or none does."
        )

    @classmethod
    def perform_as_staff(
        cls, info: ResolveInfo, actor: Actor, **data: Any
    ) -> "TicketUpdate":
        ticket_id = int_pk(data["id"], "Ticket")
        given = data["input"]
        if "priority" in given and given["priority"] is None:
            raise field_error(
                "priority",
                "A ticket always has a priority.",
                HelpdeskErrorCode.REQUIRED,
            )
        with transaction.atomic():
            # Each action runs in its own savepoint; a refusal of a later field rolls
            # back the fields changed before it.
            if "priority" in given:
                change_priority(
                    actor,
                    ticket_id,
                    int_pk(given["priority"], "TicketPriority", "priority"),
                )
            if "category" in given:
                change_category(
                    actor,
                    ticket_id,
                    optional_int_pk(given["category"], "TicketCategory", "category"),
                )
            if "due_date" in given:
                change_due_date(actor, ticket_id, given["due_date"])
            if "cc_emails" in given:
                change_cc(actor, ticket_id, list(given["cc_emails"] or []))
        ticket = visible_tickets(actor).filter(pk=ticket_id).first()
        if ticket is None:
            raise not_found()
        return cls(ticket=ticket)
