"""The e-mail that tells staff a support contract is running low.

To the ticket's assignee; without one, to the staff user responsible for the customer
(`CustomerResponsible`, seed 001), else to the channel's default responsible. In that
person's language (German or English, else the shop's). An outbox row like every other
e-mail: written in the draw-down's transaction and sent after commit
(`notifications.planner.dispatch`), rewritable by the merchant as the notification
`staff_contract_low`.
"""

from decimal import Decimal
from typing import Any

from django.db import transaction

from ..models import (
    ContractUnit,
    CustomerResponsible,
    EmailMessage,
    EmailTemplate,
    SupportContract,
    Ticket,
)
from ..notifications.kinds import Notification
from ..notifications.messages import Draft, language_of, render_message
from ..notifications.planner import dispatch
from ..tickets.policies import channel_settings

UNITS = {
    "de": {ContractUnit.HOURS: "Std.", ContractUnit.POINTS: "Punkte"},
    "en": {ContractUnit.HOURS: "h", ContractUnit.POINTS: "points"},
}


def format_amount(value: Decimal, unit: str, language: str) -> str:
    language = language if language in UNITS else "en"
    number = (
        f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}"
    )
    if language == "de":
        number = number.replace(".", ",")
    return f"{number} {UNITS[language][ContractUnit(unit)]}"


def recipient_for(ticket: Ticket) -> Any:
    if ticket.assignee_id is not None:
        return ticket.assignee
    if ticket.customer_id is not None:
        row = (
            CustomerResponsible.objects.filter(customer_id=ticket.customer_id)
            .select_related("responsible")
            .first()
        )
        if row is not None:
            return row.responsible
    return channel_settings(ticket.channel_id).default_responsible


def plan_budget_low_email(
    ticket: Ticket, contract: SupportContract, remaining: Decimal
) -> EmailMessage | None:
    user = recipient_for(ticket)
    email = getattr(user, "email", "") if user is not None else ""
    if not email or not getattr(user, "is_active", True):
        return None
    overrides = {
        (row.notification, row.language): row
        for row in EmailTemplate.objects.filter(
            notification=Notification.STAFF_CONTRACT_LOW, is_active=True
        )
    }
    draft = Draft(
        ticket=ticket,
        notification=Notification.STAFF_CONTRACT_LOW,
        to=[email],
        language_code=getattr(user, "language_code", None),
    )
    language = language_of(draft, overrides)
    draft.values = {
        "contract.name": contract.name,
        "contract.budget": format_amount(contract.budget, contract.unit, language),
        "contract.remaining": format_amount(remaining, contract.unit, language),
    }
    message = render_message(draft, channel_settings(ticket.channel_id), overrides)
    message.save()
    ids = [message.pk]
    transaction.on_commit(lambda: dispatch(ids))
    return message
