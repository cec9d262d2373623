"""Time and effort in the API: a ticket's time, time statistics, support contracts;
heartbeats, manual entries, points and contracts. Staff only."""

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.db.models import Q

from ...effort.contracts import require_contract_manager
from ...effort.statistics import time_statistics
from ...effort.summary import ticket_time
from ...models import SupportContract
from ..core.errors import query_error
from ..core.ids import int_pk
from ..stats.types import TicketStatisticsPeriodInput
from .mutations.support_contract_create import SupportContractCreate
from .mutations.support_contract_delete import SupportContractDelete
from .mutations.support_contract_update import SupportContractUpdate
from .mutations.ticket_points_set import TicketPointsSet
from .mutations.ticket_time_entry_add import TicketTimeEntryAdd
from .mutations.ticket_time_entry_delete import TicketTimeEntryDelete
from .mutations.ticket_time_entry_update import TicketTimeEntryUpdate
from .mutations.ticket_time_heartbeat import TicketTimeHeartbeat
from .types import SupportContractType, TicketTimeType, TimeStatisticsType

MAX_CONTRACTS = 100


class EffortQueries(graphene.ObjectType):
    ticket_time = graphene.Field(
        TicketTimeType,
        ticket=graphene.ID(required=True, description="ID of the ticket."),
        description=(
            "Time and effort of a ticket: total and per person, the entries, its "
            "points and its support contract's remaining budget. Staff with "
            "MANAGE_ORDERS only; null with an error for anyone else."
        ),
    )
    time_statistics = graphene.Field(
        TimeStatisticsType,
        period=TicketStatisticsPeriodInput(
            required=True,
            description="Time entries that started in this period (at most 366 days).",
        ),
        channel=graphene.ID(
            description="Saleor's ID of a channel; omitted: every channel the caller sees."
        ),
        description=(
            "Time spent on tickets in a period, per agent, channel and category. Staff "
            "with MANAGE_ORDERS only, over their channels; null with an error for "
            "anyone else. The entries themselves: the CSV at `effort/export/`."
        ),
    )
    support_contracts = graphene.List(
        graphene.NonNull(SupportContractType),
        customer=graphene.ID(
            description="Only this customer's (Saleor ID of the user)."
        ),
        customer_email=graphene.String(description="Only this guest address's."),
        description=(
            f"Support contracts, newest first, at most {MAX_CONTRACTS}. Staff with "
            "MANAGE_USERS only; null with an error for anyone else."
        ),
    )

    @staticmethod
    def resolve_ticket_time(root: Any, info: Any, ticket: str) -> Any:
        try:
            return ticket_time(info.context.actor, int_pk(ticket, "Ticket", "ticket"))
        except ValidationError as error:
            raise query_error(error) from error

    @staticmethod
    def resolve_time_statistics(
        root: Any, info: Any, period: dict[str, Any], channel: str | None = None
    ) -> Any:
        try:
            stats = time_statistics(
                info.context.actor,
                since=period["gte"],
                until=period["lte"],
                channel_id=int_pk(channel, "Channel", "channel")
                if channel is not None
                else None,
            )
        except ValidationError as error:
            raise query_error(error) from error
        return TimeStatisticsType.from_domain(stats)

    @staticmethod
    def resolve_support_contracts(
        root: Any,
        info: Any,
        customer: str | None = None,
        customer_email: str | None = None,
    ) -> Any:
        try:
            customer_id = (
                int_pk(customer, "User", "customer") if customer is not None else None
            )
            require_contract_manager(info.context.actor)
            contracts = SupportContract.objects.all()
            if customer_id is not None:
                contracts = contracts.filter(customer_id=customer_id)
            if customer_email is not None:
                contracts = contracts.filter(
                    Q(customer__isnull=True)
                    & Q(customer_email=customer_email.strip().lower())
                )
        except ValidationError as error:
            raise query_error(error) from error
        return list(contracts[:MAX_CONTRACTS])


class EffortMutations(graphene.ObjectType):
    ticket_time_heartbeat = TicketTimeHeartbeat.Field()
    ticket_time_entry_add = TicketTimeEntryAdd.Field()
    ticket_time_entry_update = TicketTimeEntryUpdate.Field()
    ticket_time_entry_delete = TicketTimeEntryDelete.Field()
    ticket_points_set = TicketPointsSet.Field()
    support_contract_create = SupportContractCreate.Field()
    support_contract_update = SupportContractUpdate.Field()
    support_contract_delete = SupportContractDelete.Field()
