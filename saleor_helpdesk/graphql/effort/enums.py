"""Enums of time and effort (values stay the stored strings)."""

from ...models import ContractUnit, TimeSource
from ..core.enums import _enum

TicketTimeSourceEnum = _enum(
    TimeSource,
    "TicketTimeSourceEnum",
    "How a time entry was made: measured in the Dashboard or entered by hand.",
)
SupportContractUnitEnum = _enum(
    ContractUnit,
    "SupportContractUnitEnum",
    "What a support contract's budget counts: hours or points.",
)
