import graphene

from ..core.scalars import Date, DateTime, Decimal
from .enums import SupportContractUnitEnum


class TicketTimeEntryInput(graphene.InputObjectType):
    minutes = graphene.Int(description="How long, in minutes (1 to 1440).")
    note = graphene.String(
        description="What was done (a phone call), up to 2000 characters."
    )
    started_at = DateTime(
        description="When it began (up to 366 days back); omitted: it ends now."
    )

    class Meta:
        description = (
            "Time entered by hand; on change, omitted fields stay as they are."
        )


class SupportContractInput(graphene.InputObjectType):
    name = graphene.String(description="The contract's name.")
    customer = graphene.ID(description="Saleor ID of the customer's account.")
    customer_email = graphene.String(
        description="A guest's e-mail address, for a customer without an account."
    )
    unit = graphene.Field(SupportContractUnitEnum, description="Hours or points.")
    budget = Decimal(description="The budget, in the unit (more than 0).")
    valid_from = Date(description="First day tickets draw on it.")
    valid_until = Date(description="Last day tickets draw on it; null: open-ended.")
    warning_threshold = Decimal(
        description="Warn once when what is left falls to this (below the budget; "
        "default 0)."
    )
    points_per_ticket = Decimal(
        description="Points a ticket draws when staff set none (default 1)."
    )
    is_active = graphene.Boolean(
        description="Whether tickets draw on it (default true)."
    )

    class Meta:
        description = (
            "A support contract's fields; on change, omitted fields stay as they are."
        )
