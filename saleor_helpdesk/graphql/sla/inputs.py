import graphene

from ..core.enums import TicketKindEnum
from ..core.scalars import Date
from .enums import WeekdayEnum


class BusinessHoursIntervalInput(graphene.InputObjectType):
    weekday = graphene.Field(WeekdayEnum, required=True, description="The weekday.")
    start = graphene.String(
        required=True, description="Opening time, local, as HH:MM (e.g. 09:00)."
    )
    end = graphene.String(
        required=True, description="Closing time, local, as HH:MM (24:00: midnight)."
    )

    class Meta:
        description = "Opening hours on one weekday."


class BusinessCalendarInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the calendar (required on create).")
    time_zone = graphene.String(
        description="IANA time zone of the hours, e.g. Europe/Berlin (default UTC)."
    )
    hours = graphene.List(
        graphene.NonNull(BusinessHoursIntervalInput),
        description="Weekly opening hours (replaces all of them).",
    )
    holiday_country = graphene.String(
        description="ISO country whose public holidays are closed; empty: none."
    )
    holiday_subdivision = graphene.String(
        description="Region of that country (e.g. BY for Bavaria); empty: national."
    )
    closed_dates = graphene.List(
        graphene.NonNull(Date),
        description="Extra closed days (replaces the list).",
    )
    is_default = graphene.Boolean(
        description="Make it the shop's calendar (the previous default stops being it)."
    )
    channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description=(
            "Saleor IDs of the channels that use this calendar (replaces the list; a "
            "channel named here leaves its previous calendar)."
        ),
    )

    class Meta:
        description = "A business calendar to create or change."


class SlaPolicyInput(graphene.InputObjectType):
    name = graphene.String(description="Name of the policy (required on create).")
    position = graphene.Int(description="Order of matching (default: last).")
    is_active = graphene.Boolean(description="Whether it is matched (default true).")
    priority = graphene.ID(description="Only tickets of this priority; null: any.")
    channel = graphene.ID(description="Saleor ID of the only channel; null: any.")
    kind = graphene.Field(TicketKindEnum, description="Only this kind; null: any.")
    category = graphene.ID(description="Only this category; null: any.")
    first_response_minutes = graphene.Int(
        description="First response within this many business minutes; null: none."
    )
    next_response_minutes = graphene.Int(
        description="Further answers within this many business minutes; null: none."
    )
    resolution_minutes = graphene.Int(
        description="Resolution within this many business minutes; null: none."
    )
    at_risk_percent = graphene.Int(
        description="At risk once this share (1-100 percent) is used (default 80)."
    )

    class Meta:
        description = "An SLA policy to create or change."
