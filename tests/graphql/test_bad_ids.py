"""IDs that decode but cannot name an object of the expected type.

A global ID is base64 of `Type:key`. Where an operation expects an `Order` ID, an ID
whose key is no UUID (Saleor's orders have UUID keys), an integer ID beyond what the
key column holds, or a well-formed ID of another type (a `User` ID) is refused like any
other invalid ID: `INVALID` on the argument or input field, with the type it expected;
a mutation writes nothing. A key of the wrong kind never reaches a lookup, where it
would end as an INTERNAL_ERROR (`Channel:x` in the `channels` filter, `Order:abc` or
`User:<uuid>` in federation's `_entities`), as Django's message without a field
(`Order:12` in the `order` filter), or as a refusal that blames something else (a
refund's order line or refund reason of the wrong kind).

Every place in the schema that takes an ID is listed in PLACES; a test walks the schema
and fails when a new one is not.
"""

import base64
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import models

from graphql.type import GraphQLInputObjectType
from graphql.type.definition import get_named_type
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.graphql.core import ids
from saleor_helpdesk.graphql.schema import schema
from saleor_helpdesk.models import (
    AutomationRule,
    BusinessCalendar,
    InboundEmail,
    Macro,
    Mailbox,
    Priority,
    ResponseTemplate,
    SlaPolicy,
    StatusTransition,
    SupportAgent,
    Tag,
    Ticket,
    TicketStatus,
    WebhookDelivery,
    WebhookSubscription,
)
from tests.factories import (
    CategoryFactory,
    ContactFactory,
    access_token_for,
    configure_refund_reasons,
    grant,
    make_complaint,
    make_ticket,
)
from tests.files import samples
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import gid


@dataclass
class World:
    """Real objects for every ID an operation takes besides the one under test, so the
    bad ID is the only thing wrong and a refusal that wrote first would show."""

    customer: Any
    staff: Any
    channel: Any
    order: Any
    line: Any
    guest_order: Any
    ticket: Ticket  # a complaint on `order`, with `line`
    other_ticket: Ticket  # the same customer's question, without an order
    guest_ticket: Ticket
    status: TicketStatus
    priority: Priority
    category: Any
    contact: Any
    template: ResponseTemplate
    transition: StatusTransition
    agent: SupportAgent
    subscription: WebhookSubscription
    delivery: WebhookDelivery
    mailbox: Mailbox
    inbound: InboundEmail
    page_id: str
    # issue 14, automation
    rule: Any = None
    tag: Any = None
    macro: Any = None
    # Service levels (issue 14): set by the fixture after the rest.
    calendar: Any = None
    policy: Any = None

    def id(self, type_name: str, obj: Any) -> str:
        return gid(type_name, obj if isinstance(obj, int | str) else obj.pk)

    @property
    def guest(self) -> dict[str, str]:
        return {"token": str(self.guest_order.pk), "email": self.guest_order.user_email}


@pytest.fixture
def world(customer, customer_actor, staff_user, channel, order, guest_order):
    grant(staff_user, "MANAGE_ORDERS", "HANDLE_PAYMENTS", "MANAGE_PLUGINS")
    line = order.lines.get(product_name="Kaffeebecher")
    subscription = WebhookSubscription.objects.create(
        name="ERP", target_url="https://erp.example/hook", events=["ticket.created"]
    )
    mailbox = Mailbox.objects.create(
        name="Support", address="support@shop.example", kind="push", channel=channel
    )
    built = World(
        customer=customer,
        staff=staff_user,
        channel=channel,
        order=order,
        line=line,
        guest_order=guest_order,
        ticket=make_complaint(customer_actor, order, lines=[(line, 1)]),
        other_ticket=make_ticket(customer_actor, channel_id=channel.pk),
        guest_ticket=make_ticket(
            Actor.guest(guest_order.pk, guest_order.user_email),
            order_id=guest_order.pk,
        ),
        status=TicketStatus.objects.get(slug="in_progress"),
        priority=Priority.objects.get(slug="high"),
        category=CategoryFactory(kind="complaint"),
        contact=ContactFactory(),
        template=ResponseTemplate.objects.create(name="Danke", body="Danke!"),
        transition=StatusTransition.objects.first(),
        agent=SupportAgent.objects.get(user=staff_user),
        subscription=subscription,
        delivery=WebhookDelivery.objects.create(
            subscription=subscription, topic="ticket.created", payload={}
        ),
        mailbox=mailbox,
        inbound=InboundEmail.objects.create(
            mailbox=mailbox,
            message_id="held@example.org",
            via="raw",
            status="held",
            from_address="held@example.org",
        ),
        page_id=configure_refund_reasons("Defekt")[0],
        rule=AutomationRule.objects.create(
            name="R",
            trigger="ticket_created",
            actions=[{"type": "set_priority", "values": ["high"]}],
        ),
        tag=Tag.objects.create(name="VIP", slug="vip"),
        macro=Macro.objects.create(name="M", body="<p>Hallo</p>"),
    )
    built.calendar = BusinessCalendar.objects.create(
        name="Bayern",
        hours=[{"weekday": 0, "start": "09:00", "end": "17:00"}],
    )
    built.policy = SlaPolicy.objects.create(name="Antwort", first_response_minutes=240)
    mail.outbox.clear()
    return built


@dataclass(frozen=True)
class Place:
    """Where an operation takes an ID: the ID's type, the field its error names, the
    document, and its variables around the ID under test (`bad`)."""

    type_name: str
    field: str
    document: str
    variables: Callable[[World, str], dict]
    guest: bool = False
    files: bool = False


def mutation(operation: str, arguments: str, declared: str) -> str:
    return (
        f"mutation({declared}) {{ {operation}({arguments}) "
        "{ errors { field code message } } }"
    )


def input_only(operation: str, input_type: str) -> str:
    return mutation(operation, "input: $input", f"$input: {input_type}!")


def id_and_input(operation: str, input_type: str) -> str:
    return mutation(
        operation, "id: $id, input: $input", f"$id: ID!, $input: {input_type}!"
    )


GUEST_ARGS = "orderToken: $token, email: $email"
GUEST_DECLARED = "$token: UUID!, $email: String!"

TICKET_STATISTICS = (
    "query($channel: ID) { ticketStatistics(period: "
    '{gte: "2024-01-01T00:00:00+00:00", lte: "2024-02-01T00:00:00+00:00"}, '
    "channel: $channel) { total } }"
)
SLA_ATTAINMENT = (
    "query($channel: ID) { slaAttainment(period: "
    '{gte: "2024-01-01T00:00:00+00:00", lte: "2024-02-01T00:00:00+00:00"}, '
    "channel: $channel) { overall { total } } }"
)
TICKETS = (
    "query($filter: TicketFilterInput) "
    "{ tickets(first: 10, filter: $filter) { totalCount } }"
)
ENTITIES = (
    "query($representations: [_Any!]!) { _entities(representations: "
    "$representations) { __typename } }"
)
TICKET_CREATE = input_only("ticketCreate", "TicketCreateInput")
GUEST_TICKET_CREATE = mutation(
    "guestTicketCreate",
    f"{GUEST_ARGS}, input: $input",
    f"{GUEST_DECLARED}, $input: TicketCreateInput!",
)
TICKET_REFUND_CREATE = id_and_input("ticketRefundCreate", "TicketRefundCreateInput")
MAILBOX_CREATE = input_only("helpdeskMailboxCreate", "HelpdeskMailboxInput")
MAILBOX_UPDATE = id_and_input("helpdeskMailboxUpdate", "HelpdeskMailboxInput")
MAILBOX_CONNECTION_TEST = mutation(
    "helpdeskMailboxConnectionTest",
    "id: $id, input: $input",
    "$id: ID, $input: HelpdeskMailboxInput",
)


def new_ticket(w: World, **given: Any) -> dict:
    return {
        "subject": "Becher kaputt",
        "body": "Henkel ab.",
        "kind": "COMPLAINT",
        "order": w.id("Order", w.order),
        "lines": [{"orderLineId": w.id("OrderLine", w.line), "quantity": 1}],
        "category": w.id("TicketCategory", w.category),
        "contact": w.id("TicketContact", w.contact),
        **given,
    }


def refund(w: World, **given: Any) -> dict:
    return {
        "idempotencyKey": "erstattung-1",
        "lines": [{"orderLineId": w.id("OrderLine", w.line), "quantity": 1}],
        "reasonReferenceId": w.id("Page", w.page_id),
        **given,
    }


def new_mailbox(w: World, **given: Any) -> dict:
    return {
        "name": "Lager",
        "address": "lager@shop.example",
        "kind": "PUSH",
        "channel": w.id("Channel", w.channel),
        "contact": w.id("TicketContact", w.contact),
        **given,
    }


def only_id(operation: str, type_name: str) -> Place:
    return Place(
        type_name,
        "id",
        mutation(operation, "id: $id", "$id: ID!"),
        lambda w, bad: {"id": bad},
    )


PLACES: dict[str, Place] = {
    # --- service levels -------------------------------------------------------------
    "slaAttainment.channel": Place(
        "Channel", "channel", SLA_ATTAINMENT, lambda w, bad: {"channel": bad}
    ),
    "businessCalendarCreate.input.channels": Place(
        "Channel",
        "channels",
        input_only("businessCalendarCreate", "BusinessCalendarInput"),
        lambda w, bad: {"input": {"name": "Berlin", "channels": [bad]}},
    ),
    "businessCalendarUpdate.id": Place(
        "BusinessCalendar",
        "id",
        id_and_input("businessCalendarUpdate", "BusinessCalendarInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Berlin"}},
    ),
    "businessCalendarUpdate.input.channels": Place(
        "Channel",
        "channels",
        id_and_input("businessCalendarUpdate", "BusinessCalendarInput"),
        lambda w, bad: {
            "id": w.id("BusinessCalendar", w.calendar),
            "input": {"channels": [bad]},
        },
    ),
    "businessCalendarDelete.id": only_id("businessCalendarDelete", "BusinessCalendar"),
    "slaPolicyUpdate.id": Place(
        "SlaPolicy",
        "id",
        id_and_input("slaPolicyUpdate", "SlaPolicyInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Schnell"}},
    ),
    "slaPolicyDelete.id": only_id("slaPolicyDelete", "SlaPolicy"),
    "slaPolicyCreate.input.category": Place(
        "TicketCategory",
        "category",
        input_only("slaPolicyCreate", "SlaPolicyInput"),
        lambda w, bad: {
            "input": {"name": "Schnell", "firstResponseMinutes": 60, "category": bad}
        },
    ),
    "slaPolicyUpdate.input.category": Place(
        "TicketCategory",
        "category",
        id_and_input("slaPolicyUpdate", "SlaPolicyInput"),
        lambda w, bad: {"id": w.id("SlaPolicy", w.policy), "input": {"category": bad}},
    ),
    "slaPolicyCreate.input.channel": Place(
        "Channel",
        "channel",
        input_only("slaPolicyCreate", "SlaPolicyInput"),
        lambda w, bad: {
            "input": {"name": "Schnell", "firstResponseMinutes": 60, "channel": bad}
        },
    ),
    "slaPolicyUpdate.input.channel": Place(
        "Channel",
        "channel",
        id_and_input("slaPolicyUpdate", "SlaPolicyInput"),
        lambda w, bad: {"id": w.id("SlaPolicy", w.policy), "input": {"channel": bad}},
    ),
    "slaPolicyCreate.input.priority": Place(
        "TicketPriority",
        "priority",
        input_only("slaPolicyCreate", "SlaPolicyInput"),
        lambda w, bad: {
            "input": {"name": "Schnell", "firstResponseMinutes": 60, "priority": bad}
        },
    ),
    "slaPolicyUpdate.input.priority": Place(
        "TicketPriority",
        "priority",
        id_and_input("slaPolicyUpdate", "SlaPolicyInput"),
        lambda w, bad: {"id": w.id("SlaPolicy", w.policy), "input": {"priority": bad}},
    ),
    # --- queries --------------------------------------------------------------------
    "ticket.id": Place(
        "Ticket",
        "id",
        "query($id: ID!) { ticket(id: $id) { id } }",
        lambda w, bad: {"id": bad},
    ),
    "guestTicket.id": Place(
        "Ticket",
        "id",
        f"query({GUEST_DECLARED}, $id: ID!) {{ guestTicket({GUEST_ARGS}, id: $id) "
        "{ id } }",
        lambda w, bad: {**w.guest, "id": bad},
        guest=True,
    ),
    "tickets.filter.categories": Place(
        "TicketCategory",
        "categories",
        TICKETS,
        lambda w, bad: {
            "filter": {"categories": [w.id("TicketCategory", w.category), bad]}
        },
    ),
    "tickets.filter.assignees": Place(
        "User",
        "assignees",
        TICKETS,
        lambda w, bad: {"filter": {"assignees": [bad]}},
    ),
    "tickets.filter.customer": Place(
        "User", "customer", TICKETS, lambda w, bad: {"filter": {"customer": bad}}
    ),
    "tickets.filter.order": Place(
        "Order", "order", TICKETS, lambda w, bad: {"filter": {"order": bad}}
    ),
    "tickets.filter.channels": Place(
        "Channel",
        "channels",
        TICKETS,
        lambda w, bad: {"filter": {"channels": [w.id("Channel", w.channel), bad]}},
    ),
    "ticketStatistics.channel": Place(
        "Channel", "channel", TICKET_STATISTICS, lambda w, bad: {"channel": bad}
    ),
    "ticketRefundOptions.ticket": Place(
        "Ticket",
        "ticket",
        "query($ticket: ID!) { ticketRefundOptions(ticket: $ticket) { canRefund } }",
        lambda w, bad: {"ticket": bad},
    ),
    "responseTemplatePreview.id": Place(
        "ResponseTemplate",
        "id",
        "query($id: ID!, $ticket: ID!) "
        "{ responseTemplatePreview(id: $id, ticket: $ticket) { body } }",
        lambda w, bad: {"id": bad, "ticket": w.id("Ticket", w.ticket)},
    ),
    "responseTemplatePreview.ticket": Place(
        "Ticket",
        "ticket",
        "query($id: ID!, $ticket: ID!) "
        "{ responseTemplatePreview(id: $id, ticket: $ticket) { body } }",
        lambda w, bad: {"id": w.id("ResponseTemplate", w.template), "ticket": bad},
    ),
    "emailTemplatePreview.ticket": Place(
        "Ticket",
        "ticket",
        "query($ticket: ID!) { emailTemplatePreview(notification: STAFF_REPLY, "
        'languageCode: "de", ticket: $ticket) { subject } }',
        lambda w, bad: {"ticket": bad},
    ),
    "webhookSubscription.id": Place(
        "HelpdeskWebhookSubscription",
        "id",
        "query($id: ID!) { webhookSubscription(id: $id) { name } }",
        lambda w, bad: {"id": bad},
    ),
    "_entities.representations": Place(
        "Order",
        "representations",
        ENTITIES,
        lambda w, bad: {
            "representations": [
                {"__typename": "User", "id": w.id("User", w.customer)},
                {"__typename": "Order", "id": bad},
            ]
        },
    ),
    # --- tickets: customers, staff and guests ---------------------------------------
    "ticketCreate.input.order": Place(
        "Order",
        "order",
        TICKET_CREATE,
        lambda w, bad: {"input": new_ticket(w, order=bad)},
    ),
    "ticketCreate.input.lines.orderLineId": Place(
        "OrderLine",
        "lines",
        TICKET_CREATE,
        lambda w, bad: {
            "input": new_ticket(w, lines=[{"orderLineId": bad, "quantity": 1}])
        },
    ),
    "ticketCreate.input.category": Place(
        "TicketCategory",
        "category",
        TICKET_CREATE,
        lambda w, bad: {"input": new_ticket(w, category=bad)},
    ),
    "ticketCreate.input.contact": Place(
        "TicketContact",
        "contact",
        TICKET_CREATE,
        lambda w, bad: {"input": new_ticket(w, contact=bad)},
    ),
    "ticketCreate.input.customer": Place(
        "User",
        "customer",
        TICKET_CREATE,
        lambda w, bad: {"input": new_ticket(w, customer=bad)},
    ),
    "guestTicketCreate.input.order": Place(
        "Order",
        "order",
        GUEST_TICKET_CREATE,
        lambda w, bad: {**w.guest, "input": new_ticket(w, order=bad, lines=[])},
        guest=True,
    ),
    "guestTicketCreate.input.lines.orderLineId": Place(
        "OrderLine",
        "lines",
        GUEST_TICKET_CREATE,
        lambda w, bad: {
            **w.guest,
            "input": new_ticket(
                w,
                order=w.id("Order", w.guest_order),
                lines=[{"orderLineId": bad, "quantity": 1}],
            ),
        },
        guest=True,
    ),
    "guestTicketCreate.input.category": Place(
        "TicketCategory",
        "category",
        GUEST_TICKET_CREATE,
        lambda w, bad: {**w.guest, "input": new_ticket(w, category=bad, lines=[])},
        guest=True,
    ),
    "guestTicketCreate.input.contact": Place(
        "TicketContact",
        "contact",
        GUEST_TICKET_CREATE,
        lambda w, bad: {**w.guest, "input": new_ticket(w, contact=bad, lines=[])},
        guest=True,
    ),
    "ticketCommentAdd.id": Place(
        "Ticket",
        "id",
        id_and_input("ticketCommentAdd", "TicketCommentInput"),
        lambda w, bad: {"id": bad, "input": {"body": "Danke."}},
    ),
    "ticketCommentAdd.input.status": Place(
        "TicketStatus",
        "status",
        id_and_input("ticketCommentAdd", "TicketCommentInput"),
        lambda w, bad: {
            "id": w.id("Ticket", w.ticket),
            "input": {"body": "Danke.", "status": bad},
        },
    ),
    "ticketCommentAdd.input.template": Place(
        "ResponseTemplate",
        "template",
        id_and_input("ticketCommentAdd", "TicketCommentInput"),
        lambda w, bad: {
            "id": w.id("Ticket", w.ticket),
            "input": {
                "body": "Danke.",
                "status": w.id("TicketStatus", w.status),
                "template": bad,
            },
        },
    ),
    "ticketSmsSend.id": Place(
        "Ticket",
        "id",
        mutation("ticketSmsSend", "id: $id, body: $body", "$id: ID!, $body: String!"),
        lambda w, bad: {"id": bad, "body": "Kommt morgen"},
    ),
    "ticketClose.id": only_id("ticketClose", "Ticket"),
    "ticketReopen.id": only_id("ticketReopen", "Ticket"),
    "guestTicketCommentAdd.id": Place(
        "Ticket",
        "id",
        mutation(
            "guestTicketCommentAdd",
            f"{GUEST_ARGS}, id: $id, input: $input",
            f"{GUEST_DECLARED}, $id: ID!, $input: TicketReplyInput!",
        ),
        lambda w, bad: {**w.guest, "id": bad, "input": {"body": "Danke."}},
        guest=True,
    ),
    "guestTicketClose.id": Place(
        "Ticket",
        "id",
        mutation(
            "guestTicketClose", f"{GUEST_ARGS}, id: $id", f"{GUEST_DECLARED}, $id: ID!"
        ),
        lambda w, bad: {**w.guest, "id": bad},
        guest=True,
    ),
    "guestTicketReopen.id": Place(
        "Ticket",
        "id",
        mutation(
            "guestTicketReopen",
            f"{GUEST_ARGS}, id: $id",
            f"{GUEST_DECLARED}, $id: ID!",
        ),
        lambda w, bad: {**w.guest, "id": bad},
        guest=True,
    ),
    # --- tickets: staff ---------------------------------------------------------------
    "ticketStatusUpdate.id": Place(
        "Ticket",
        "id",
        mutation(
            "ticketStatusUpdate", "id: $id, status: $status", "$id: ID!, $status: ID!"
        ),
        lambda w, bad: {"id": bad, "status": w.id("TicketStatus", w.status)},
    ),
    "ticketStatusUpdate.status": Place(
        "TicketStatus",
        "status",
        mutation(
            "ticketStatusUpdate", "id: $id, status: $status", "$id: ID!, $status: ID!"
        ),
        lambda w, bad: {"id": w.id("Ticket", w.ticket), "status": bad},
    ),
    "ticketUpdate.id": Place(
        "Ticket",
        "id",
        id_and_input("ticketUpdate", "TicketUpdateInput"),
        lambda w, bad: {
            "id": bad,
            "input": {"priority": w.id("TicketPriority", w.priority)},
        },
    ),
    "ticketUpdate.input.priority": Place(
        "TicketPriority",
        "priority",
        id_and_input("ticketUpdate", "TicketUpdateInput"),
        lambda w, bad: {"id": w.id("Ticket", w.ticket), "input": {"priority": bad}},
    ),
    # The priority changes first; the bad category then rolls it back.
    "ticketUpdate.input.category": Place(
        "TicketCategory",
        "category",
        id_and_input("ticketUpdate", "TicketUpdateInput"),
        lambda w, bad: {
            "id": w.id("Ticket", w.ticket),
            "input": {"priority": w.id("TicketPriority", w.priority), "category": bad},
        },
    ),
    "ticketAssign.id": Place(
        "Ticket",
        "id",
        mutation(
            "ticketAssign", "id: $id, assignee: $assignee", "$id: ID!, $assignee: ID!"
        ),
        lambda w, bad: {"id": bad, "assignee": w.id("User", w.staff)},
    ),
    "ticketAssign.assignee": Place(
        "User",
        "assignee",
        mutation(
            "ticketAssign", "id: $id, assignee: $assignee", "$id: ID!, $assignee: ID!"
        ),
        lambda w, bad: {"id": w.id("Ticket", w.ticket), "assignee": bad},
    ),
    "ticketClaim.id": only_id("ticketClaim", "Ticket"),
    "ticketUnassign.id": only_id("ticketUnassign", "Ticket"),
    "ticketForward.id": Place(
        "Ticket",
        "id",
        id_and_input("ticketForward", "TicketForwardInput"),
        lambda w, bad: {"id": bad, "input": {"toEmail": "lager@shop.example"}},
    ),
    "ticketForward.input.toUser": Place(
        "User",
        "toUser",
        id_and_input("ticketForward", "TicketForwardInput"),
        lambda w, bad: {"id": w.id("Ticket", w.ticket), "input": {"toUser": bad}},
    ),
    "ticketMerge.id": Place(
        "Ticket",
        "id",
        mutation("ticketMerge", "id: $id, target: $target", "$id: ID!, $target: ID!"),
        lambda w, bad: {"id": bad, "target": w.id("Ticket", w.ticket)},
    ),
    "ticketMerge.target": Place(
        "Ticket",
        "target",
        mutation("ticketMerge", "id: $id, target: $target", "$id: ID!, $target: ID!"),
        lambda w, bad: {"id": w.id("Ticket", w.other_ticket), "target": bad},
    ),
    "ticketBulkUpdate.ids": Place(
        "Ticket",
        "ids",
        mutation(
            "ticketBulkUpdate",
            "ids: $ids, input: $input",
            "$ids: [ID!]!, $input: TicketBulkUpdateInput!",
        ),
        lambda w, bad: {
            "ids": [w.id("Ticket", w.ticket), bad],
            "input": {"close": True},
        },
    ),
    "ticketBulkUpdate.input.assignee": Place(
        "User",
        "assignee",
        mutation(
            "ticketBulkUpdate",
            "ids: $ids, input: $input",
            "$ids: [ID!]!, $input: TicketBulkUpdateInput!",
        ),
        lambda w, bad: {
            "ids": [w.id("Ticket", w.ticket)],
            "input": {"close": True, "assignee": bad},
        },
    ),
    "complaintDecide.id": Place(
        "Ticket",
        "id",
        id_and_input("complaintDecide", "ComplaintDecideInput"),
        lambda w, bad: {"id": bad, "input": {"decision": "REFUND"}},
    ),
    "ticketOrderLink.id": Place(
        "Ticket",
        "id",
        mutation(
            "ticketOrderLink",
            "id: $id, order: $order, lines: $lines",
            "$id: ID!, $order: ID!, $lines: [TicketLineInput!]",
        ),
        lambda w, bad: {"id": bad, "order": w.id("Order", w.order)},
    ),
    "ticketOrderLink.order": Place(
        "Order",
        "order",
        mutation(
            "ticketOrderLink",
            "id: $id, order: $order, lines: $lines",
            "$id: ID!, $order: ID!, $lines: [TicketLineInput!]",
        ),
        lambda w, bad: {"id": w.id("Ticket", w.other_ticket), "order": bad},
    ),
    "ticketOrderLink.lines.orderLineId": Place(
        "OrderLine",
        "lines",
        mutation(
            "ticketOrderLink",
            "id: $id, order: $order, lines: $lines",
            "$id: ID!, $order: ID!, $lines: [TicketLineInput!]",
        ),
        lambda w, bad: {
            "id": w.id("Ticket", w.other_ticket),
            "order": w.id("Order", w.order),
            "lines": [{"orderLineId": bad, "quantity": 1}],
        },
    ),
    "ticketAttachmentAdd.id": Place(
        "Ticket",
        "id",
        mutation(
            "ticketAttachmentAdd",
            "id: $id, files: $files",
            "$id: ID!, $files: [Upload!]!",
        ),
        lambda w, bad: {"id": bad, "files": [None]},
        files=True,
    ),
    "ticketAttachmentRemove.id": only_id("ticketAttachmentRemove", "TicketAttachment"),
    "ticketRefundCreate.id": Place(
        "Ticket",
        "id",
        TICKET_REFUND_CREATE,
        lambda w, bad: {"id": bad, "input": refund(w)},
    ),
    "ticketRefundCreate.input.lines.orderLineId": Place(
        "OrderLine",
        "lines",
        TICKET_REFUND_CREATE,
        lambda w, bad: {
            "id": w.id("Ticket", w.ticket),
            "input": refund(w, lines=[{"orderLineId": bad, "quantity": 1}]),
        },
    ),
    "ticketRefundCreate.input.reasonReferenceId": Place(
        "Page",
        "reasonReferenceId",
        TICKET_REFUND_CREATE,
        lambda w, bad: {
            "id": w.id("Ticket", w.ticket),
            "input": refund(w, reasonReferenceId=bad),
        },
    ),
    # --- settings ---------------------------------------------------------------------
    "ticketStatusCreate.input.customerStatus": Place(
        "TicketStatus",
        "customerStatus",
        input_only("ticketStatusCreate", "TicketStatusInput"),
        lambda w, bad: {
            "input": {
                "slug": "beim_lager",
                "name": "Beim Lager",
                "group": "WAITING",
                "isInternal": True,
                "customerStatus": bad,
            }
        },
    ),
    "ticketStatusDefinitionUpdate.id": Place(
        "TicketStatus",
        "id",
        id_and_input("ticketStatusDefinitionUpdate", "TicketStatusInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Anders"}},
    ),
    "ticketStatusDefinitionUpdate.input.customerStatus": Place(
        "TicketStatus",
        "customerStatus",
        id_and_input("ticketStatusDefinitionUpdate", "TicketStatusInput"),
        lambda w, bad: {
            "id": w.id("TicketStatus", w.status),
            "input": {"name": "Anders", "customerStatus": bad},
        },
    ),
    "ticketStatusDelete.id": only_id("ticketStatusDelete", "TicketStatus"),
    "ticketTransitionCreate.input.source": Place(
        "TicketStatus",
        "source",
        input_only("ticketTransitionCreate", "TicketTransitionCreateInput"),
        lambda w, bad: {
            "input": {"source": bad, "target": w.id("TicketStatus", w.status)}
        },
    ),
    "ticketTransitionCreate.input.target": Place(
        "TicketStatus",
        "target",
        input_only("ticketTransitionCreate", "TicketTransitionCreateInput"),
        lambda w, bad: {
            "input": {"source": w.id("TicketStatus", w.status), "target": bad}
        },
    ),
    "ticketTransitionDelete.id": only_id(
        "ticketTransitionDelete", "TicketStatusTransition"
    ),
    "ticketPriorityUpdate.id": Place(
        "TicketPriority",
        "id",
        id_and_input("ticketPriorityUpdate", "TicketPriorityInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Eilig"}},
    ),
    "ticketPriorityDelete.id": only_id("ticketPriorityDelete", "TicketPriority"),
    "ticketCategoryUpdate.id": Place(
        "TicketCategory",
        "id",
        id_and_input("ticketCategoryUpdate", "TicketCategoryInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Bruch"}},
    ),
    "ticketCategoryDelete.id": only_id("ticketCategoryDelete", "TicketCategory"),
    "ticketContactCreate.input.responsible": Place(
        "User",
        "responsible",
        input_only("ticketContactCreate", "TicketContactInput"),
        lambda w, bad: {
            "input": {"slug": "lager", "name": "Lager", "responsible": bad}
        },
    ),
    "ticketContactUpdate.id": Place(
        "TicketContact",
        "id",
        id_and_input("ticketContactUpdate", "TicketContactInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Lager"}},
    ),
    "ticketContactUpdate.input.responsible": Place(
        "User",
        "responsible",
        id_and_input("ticketContactUpdate", "TicketContactInput"),
        lambda w, bad: {
            "id": w.id("TicketContact", w.contact),
            "input": {"name": "Lager", "responsible": bad},
        },
    ),
    "ticketContactDelete.id": only_id("ticketContactDelete", "TicketContact"),
    "responseTemplateUpdate.id": Place(
        "ResponseTemplate",
        "id",
        id_and_input("responseTemplateUpdate", "ResponseTemplateInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Dank"}},
    ),
    "responseTemplateDelete.id": only_id("responseTemplateDelete", "ResponseTemplate"),
    "supportAgentAdd.user": Place(
        "User",
        "user",
        mutation(
            "supportAgentAdd",
            "user: $user, input: $input",
            "$user: ID!, $input: SupportAgentInput",
        ),
        lambda w, bad: {"user": bad},
    ),
    "supportAgentAdd.input.contacts": Place(
        "TicketContact",
        "contacts",
        mutation(
            "supportAgentAdd",
            "user: $user, input: $input",
            "$user: ID!, $input: SupportAgentInput",
        ),
        lambda w, bad: {
            "user": w.id("User", w.customer),
            "input": {"contacts": [w.id("TicketContact", w.contact), bad]},
        },
    ),
    "supportAgentUpdate.id": Place(
        "SupportAgent",
        "id",
        id_and_input("supportAgentUpdate", "SupportAgentInput"),
        lambda w, bad: {"id": bad, "input": {"signature": "Gruß"}},
    ),
    "supportAgentUpdate.input.contacts": Place(
        "TicketContact",
        "contacts",
        id_and_input("supportAgentUpdate", "SupportAgentInput"),
        lambda w, bad: {
            "id": w.id("SupportAgent", w.agent),
            "input": {"signature": "Gruß", "contacts": [bad]},
        },
    ),
    "supportAgentRemove.id": only_id("supportAgentRemove", "SupportAgent"),
    "customerResponsibleSet.customer": Place(
        "User",
        "customer",
        mutation(
            "customerResponsibleSet",
            "customer: $customer, responsible: $responsible",
            "$customer: ID!, $responsible: ID",
        ),
        lambda w, bad: {"customer": bad, "responsible": w.id("User", w.staff)},
    ),
    "customerResponsibleSet.responsible": Place(
        "User",
        "responsible",
        mutation(
            "customerResponsibleSet",
            "customer: $customer, responsible: $responsible",
            "$customer: ID!, $responsible: ID",
        ),
        lambda w, bad: {"customer": w.id("User", w.customer), "responsible": bad},
    ),
    "customerDataErase.customer": Place(
        "User",
        "customer",
        mutation("customerDataErase", "customer: $customer", "$customer: ID"),
        lambda w, bad: {"customer": bad},
    ),
    "helpdeskChannelSettingsUpdate.input.defaultResponsible": Place(
        "User",
        "defaultResponsible",
        input_only("helpdeskChannelSettingsUpdate", "HelpdeskChannelSettingsInput"),
        lambda w, bad: {"input": {"senderName": "Shop", "defaultResponsible": bad}},
    ),
    "refundReasonMappingSet.input.reasonId": Place(
        "Page",
        "reasonId",
        input_only("refundReasonMappingSet", "RefundReasonMappingInput"),
        lambda w, bad: {"input": {"complaintReason": "DEFECTIVE", "reasonId": bad}},
    ),
    "webhookSubscriptionUpdate.id": Place(
        "HelpdeskWebhookSubscription",
        "id",
        id_and_input("webhookSubscriptionUpdate", "HelpdeskWebhookSubscriptionInput"),
        lambda w, bad: {"id": bad, "input": {"name": "CRM"}},
    ),
    "webhookSubscriptionDelete.id": only_id(
        "webhookSubscriptionDelete", "HelpdeskWebhookSubscription"
    ),
    "webhookDeliveryRedeliver.id": only_id(
        "webhookDeliveryRedeliver", "HelpdeskWebhookDelivery"
    ),
    # --- mailboxes --------------------------------------------------------------------
    "helpdeskMailbox.id": Place(
        "HelpdeskMailbox",
        "id",
        "query($id: ID!) { helpdeskMailbox(id: $id) { name } }",
        lambda w, bad: {"id": bad},
    ),
    "helpdeskInboundEmails.mailbox": Place(
        "HelpdeskMailbox",
        "mailbox",
        "query($mailbox: ID) { helpdeskInboundEmails(first: 10, mailbox: $mailbox) "
        "{ totalCount } }",
        lambda w, bad: {"mailbox": bad},
    ),
    "helpdeskMailboxCreate.input.channel": Place(
        "Channel",
        "channel",
        MAILBOX_CREATE,
        lambda w, bad: {"input": new_mailbox(w, channel=bad)},
    ),
    "helpdeskMailboxCreate.input.contact": Place(
        "TicketContact",
        "contact",
        MAILBOX_CREATE,
        lambda w, bad: {"input": new_mailbox(w, contact=bad)},
    ),
    "helpdeskMailboxUpdate.id": Place(
        "HelpdeskMailbox",
        "id",
        MAILBOX_UPDATE,
        lambda w, bad: {"id": bad, "input": {"name": "Lager"}},
    ),
    "helpdeskMailboxUpdate.input.channel": Place(
        "Channel",
        "channel",
        MAILBOX_UPDATE,
        lambda w, bad: {
            "id": w.id("HelpdeskMailbox", w.mailbox),
            "input": {"name": "Lager", "channel": bad},
        },
    ),
    "helpdeskMailboxUpdate.input.contact": Place(
        "TicketContact",
        "contact",
        MAILBOX_UPDATE,
        lambda w, bad: {
            "id": w.id("HelpdeskMailbox", w.mailbox),
            "input": {"name": "Lager", "contact": bad},
        },
    ),
    "helpdeskMailboxDelete.id": only_id("helpdeskMailboxDelete", "HelpdeskMailbox"),
    "helpdeskMailboxEnable.id": only_id("helpdeskMailboxEnable", "HelpdeskMailbox"),
    "helpdeskMailboxDisable.id": only_id("helpdeskMailboxDisable", "HelpdeskMailbox"),
    "helpdeskMailboxPushSecretRotate.id": only_id(
        "helpdeskMailboxPushSecretRotate", "HelpdeskMailbox"
    ),
    "helpdeskMailboxConnectionTest.id": Place(
        "HelpdeskMailbox",
        "id",
        MAILBOX_CONNECTION_TEST,
        lambda w, bad: {"id": bad},
    ),
    "helpdeskMailboxConnectionTest.input.channel": Place(
        "Channel",
        "channel",
        MAILBOX_CONNECTION_TEST,
        lambda w, bad: {"input": new_mailbox(w, channel=bad)},
    ),
    "helpdeskMailboxConnectionTest.input.contact": Place(
        "TicketContact",
        "contact",
        MAILBOX_CONNECTION_TEST,
        lambda w, bad: {"input": new_mailbox(w, contact=bad)},
    ),
    "helpdeskInboundEmailAccept.id": only_id(
        "helpdeskInboundEmailAccept", "HelpdeskInboundEmail"
    ),
    "helpdeskInboundEmailReject.id": only_id(
        "helpdeskInboundEmailReject", "HelpdeskInboundEmail"
    ),
    "ticketRate.id": Place(
        "Ticket",
        "id",
        mutation("ticketRate", "id: $id, score: 5", "$id: ID!"),
        lambda w, bad: {"id": bad},
    ),
    "guestTicketRate.id": Place(
        "Ticket",
        "id",
        mutation(
            "guestTicketRate",
            f"{GUEST_ARGS}, id: $id, score: 5",
            f"{GUEST_DECLARED}, $id: ID!",
        ),
        lambda w, bad: {**w.guest, "id": bad},
        guest=True,
    ),
    "ticketSatisfactionStatistics.channel": Place(
        "Channel",
        "channel",
        "query($period: TicketSatisfactionPeriodInput!, $channel: ID) { "
        "ticketSatisfactionStatistics(period: $period, channel: $channel) "
        "{ overall { count } } }",
        lambda w, bad: {
            "channel": bad,
            "period": {
                "gte": "2026-01-01T00:00:00+00:00",
                "lte": "2026-01-31T00:00:00+00:00",
            },
        },
    ),
    # --- time and effort ------------------------------------------------------------
    "ticketTime.ticket": Place(
        "Ticket",
        "ticket",
        "query($ticket: ID!) { ticketTime(ticket: $ticket) { totalSeconds } }",
        lambda w, bad: {"ticket": bad},
    ),
    "timeStatistics.channel": Place(
        "Channel",
        "channel",
        "query($channel: ID) { timeStatistics(period: "
        '{gte: "2024-01-01T00:00:00+00:00", lte: "2024-02-01T00:00:00+00:00"}, '
        "channel: $channel) { totalSeconds } }",
        lambda w, bad: {"channel": bad},
    ),
    "supportContracts.customer": Place(
        "User",
        "customer",
        "query($customer: ID) { supportContracts(customer: $customer) { id } }",
        lambda w, bad: {"customer": bad},
    ),
    "ticketTimeHeartbeat.ticket": Place(
        "Ticket",
        "ticket",
        mutation(
            "ticketTimeHeartbeat",
            'ticket: $ticket, tab: "a", active: true',
            "$ticket: ID!",
        ),
        lambda w, bad: {"ticket": bad},
    ),
    "ticketTimeEntryAdd.ticket": Place(
        "Ticket",
        "ticket",
        mutation(
            "ticketTimeEntryAdd", "ticket: $ticket, input: {minutes: 5}", "$ticket: ID!"
        ),
        lambda w, bad: {"ticket": bad},
    ),
    "ticketTimeEntryUpdate.id": Place(
        "TicketTimeEntry",
        "id",
        mutation("ticketTimeEntryUpdate", "id: $id, input: {minutes: 5}", "$id: ID!"),
        lambda w, bad: {"id": bad},
    ),
    "ticketTimeEntryDelete.id": only_id("ticketTimeEntryDelete", "TicketTimeEntry"),
    "ticketPointsSet.ticket": Place(
        "Ticket",
        "ticket",
        mutation("ticketPointsSet", 'ticket: $ticket, points: "2"', "$ticket: ID!"),
        lambda w, bad: {"ticket": bad},
    ),
    "supportContractCreate.input.customer": Place(
        "User",
        "customer",
        input_only("supportContractCreate", "SupportContractInput"),
        lambda w, bad: {
            "input": {
                "name": "Wartung",
                "customer": bad,
                "unit": "HOURS",
                "budget": "10",
                "validFrom": "2026-01-01",
            }
        },
    ),
    "supportContractUpdate.id": Place(
        "SupportContract",
        "id",
        id_and_input("supportContractUpdate", "SupportContractInput"),
        lambda w, bad: {"id": bad, "input": {"name": "Wartung"}},
    ),
    "supportContractUpdate.input.customer": Place(
        "User",
        "customer",
        id_and_input("supportContractUpdate", "SupportContractInput"),
        lambda w, bad: {
            "id": w.id("SupportContract", 1),
            "input": {"customer": bad},
        },
    ),
    "supportContractDelete.id": only_id("supportContractDelete", "SupportContract"),
}

MACRO_INPUT = "helpdeskMacroCreate(input: $input)"
PLACES.update(
    {
        "automationRuleUpdate.id": Place(
            "AutomationRule",
            "id",
            mutation(
                "automationRuleUpdate",
                "id: $id, input: {isActive: false}",
                "$id: ID!",
            ),
            lambda w, bad: {"id": bad},
        ),
        "automationRuleDelete.id": only_id("automationRuleDelete", "AutomationRule"),
        "helpdeskTagUpdate.id": Place(
            "HelpdeskTag",
            "id",
            mutation("helpdeskTagUpdate", 'id: $id, input: {name: "X"}', "$id: ID!"),
            lambda w, bad: {"id": bad},
        ),
        "helpdeskTagDelete.id": only_id("helpdeskTagDelete", "HelpdeskTag"),
        "helpdeskMacroDelete.id": only_id("helpdeskMacroDelete", "HelpdeskMacro"),
        "helpdeskMacroUpdate.id": Place(
            "HelpdeskMacro",
            "id",
            mutation("helpdeskMacroUpdate", 'id: $id, input: {name: "X"}', "$id: ID!"),
            lambda w, bad: {"id": bad},
        ),
        **{
            f"{operation}.input.{name}": Place(
                type_name,
                name,
                mutation(
                    operation,
                    f"{'id: $id, ' if 'Update' in operation else ''}input: $input",
                    "$input: HelpdeskMacroInput!"
                    + (", $id: ID!" if "Update" in operation else ""),
                ),
                lambda w, bad, name=name, operation=operation: {
                    "input": {"name": "New macro", name: bad},
                    **(
                        {"id": w.id("HelpdeskMacro", w.macro)}
                        if "Update" in operation
                        else {}
                    ),
                },
            )
            for operation in ("helpdeskMacroCreate", "helpdeskMacroUpdate")
            for name, type_name in (
                ("template", "ResponseTemplate"),
                ("assignee", "User"),
            )
        },
        "helpdeskMacroApply.ticket": Place(
            "Ticket",
            "ticket",
            mutation("helpdeskMacroApply", "ticket: $t, macro: $m", "$t: ID!, $m: ID!"),
            lambda w, bad: {"t": bad, "m": w.id("HelpdeskMacro", w.macro)},
        ),
        "helpdeskMacroApply.macro": Place(
            "HelpdeskMacro",
            "macro",
            mutation("helpdeskMacroApply", "ticket: $t, macro: $m", "$t: ID!, $m: ID!"),
            lambda w, bad: {"t": w.id("Ticket", w.ticket), "m": bad},
        ),
        "helpdeskMacroPreview.ticket": Place(
            "Ticket",
            "ticket",
            "query($t: ID!, $m: ID!) "
            "{ helpdeskMacroPreview(ticket: $t, macro: $m) { body } }",
            lambda w, bad: {"t": bad, "m": w.id("HelpdeskMacro", w.macro)},
        ),
        "helpdeskMacroPreview.macro": Place(
            "HelpdeskMacro",
            "macro",
            "query($t: ID!, $m: ID!) "
            "{ helpdeskMacroPreview(ticket: $t, macro: $m) { body } }",
            lambda w, bad: {"t": w.id("Ticket", w.ticket), "m": bad},
        ),
        "ticketTagsUpdate.id": Place(
            "Ticket",
            "id",
            mutation("ticketTagsUpdate", 'id: $id, addTags: ["vip"]', "$id: ID!"),
            lambda w, bad: {"id": bad},
        ),
    }
)

# Places that take an ID the operation does not read, with the reason.
NOT_READ = {
    # A guest's ticket is always the guest's own: the operation drops `customer`.
    "guestTicketCreate.input.customer",
}


def id_places() -> set[str]:
    """Every argument and input field of the schema that holds an ID, as
    `operation.argument.field…`."""

    def walk(path: str, type_: Any, seen: tuple[str, ...]) -> Any:
        named = get_named_type(type_)
        if named.name in ("ID", "_Any"):
            yield path
        elif isinstance(named, GraphQLInputObjectType) and named.name not in seen:
            for name, field in named.fields.items():
                yield from walk(f"{path}.{name}", field.type, (*seen, named.name))

    return {
        path
        for root in (schema.get_query_type(), schema.get_mutation_type())
        for operation, field in root.fields.items()
        for argument, arg in field.args.items()
        for path in walk(f"{operation}.{argument}", arg.type, ())
    }


def test_every_place_that_takes_an_id_is_tested():
    # A new ID argument or input field needs a line in PLACES (or NOT_READ).
    assert id_places() == set(PLACES) | NOT_READ


# --- the refusal ----------------------------------------------------------------------


def other_kind(w: World, type_name: str) -> str:
    """An ID of the right type whose key is of the other kind: a UUID where the model
    has integer keys, an integer where it has UUID keys."""
    integer = isinstance(ids.key_field(type_name), models.IntegerField)
    return gid(type_name, w.order.pk if integer else w.other_ticket.pk)


def other_type(w: World, type_name: str) -> str:
    """A well-formed ID of an object that exists, of another type with the same kind of
    key: a `User` ID where a `Ticket` is expected, an `OrderLine` for an `Order`."""
    return {
        "Order": w.id("OrderLine", w.line),
        "OrderLine": w.id("Order", w.order),
        "User": w.id("Ticket", w.ticket),
    }.get(type_name, w.id("User", w.customer))


BAD_IDS = {"key of another kind": other_kind, "ID of another type": other_type}


def helpdesk_rows() -> dict[str, list]:
    """Every row of the helpdesk's tables: compare before and after a refusal."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("saleor_helpdesk").get_models()
    }


def send(w: World, place: Place, variables: dict):
    """The request as its caller sends it: staff with every permission these
    operations need, or a guest (who sends no token); a multipart request where the
    operation takes files."""
    api = Api(None if place.guest else access_token_for(w.staff))
    if place.files:
        photo = samples.upload("foto.png", samples.PNG)
        return api.post_files(place.document, variables, {"files.0": photo})
    return api.post(place.document, variables)


def assert_refused(response, place: Place, operation: str) -> None:
    message = f"Invalid ID: expected an ID of type {place.type_name}."
    assert response.status_code == 200, response.content
    body = response.json()
    if place.document.startswith("mutation"):
        assert "errors" not in body, body
        assert body["data"][operation]["errors"] == [
            {"field": place.field, "code": "INVALID", "message": message}
        ]
    else:
        assert [
            (error["message"], error["path"], error["extensions"])
            for error in body["errors"]
        ] == [(message, [operation], {"code": "INVALID", "field": place.field})]
        if operation == "_entities":
            assert body["data"] is None  # `_entities` is non-null
        else:
            assert body["data"] == {operation: None}


@pytest.mark.parametrize("bad", list(BAD_IDS.values()), ids=list(BAD_IDS))
@pytest.mark.parametrize("path", list(PLACES))
def test_an_id_that_cannot_be_of_the_type_is_refused_and_writes_nothing(
    world, path, bad
):
    # given real objects for everything else the operation takes
    place = PLACES[path]
    before = helpdesk_rows()

    # when one ID decodes but cannot name an object of the expected type
    response = send(world, place, place.variables(world, bad(world, place.type_name)))

    # then it is refused as an invalid ID on its field, and nothing was written
    assert_refused(response, place, path.split(".")[0])
    assert helpdesk_rows() == before
    assert mail.outbox == []


def test_the_customer_a_guest_cannot_set_is_not_read(world):
    # given a guest's complaint with a customer ID that could never be one
    variables = {
        **world.guest,
        "input": new_ticket(
            world,
            order=world.id("Order", world.guest_order),
            lines=[],
            customer=gid("User", "x"),
        ),
    }

    # when the guest sends it
    response = send(world, PLACES["guestTicketCreate.input.order"], variables)

    # then the ticket is opened for the guest, as without it
    assert response.json()["data"]["guestTicketCreate"] == {"errors": []}


# --- what a key must look like --------------------------------------------------------

MAX_INT = 2**31 - 1  # AutoField: Saleor's users, channels, pages; the stand-in's too
MAX_BIGINT = 2**63 - 1  # BigAutoField: the helpdesk's own rows


@pytest.mark.parametrize(
    "key",
    [
        "abc",
        "",
        " 1",
        "1 ",
        "+1",
        "-1",
        "1.0",
        "1e3",
        "²",  # a digit to str.isdigit(), not to int()
        "١٢",  # Arabic-Indic digits, which int() would read as 12
        "0x1",
        str(MAX_BIGINT + 1),
        "9" * 400,
    ],
)
def test_a_ticket_key_must_be_ascii_digits_within_the_column(staff_api, key):
    response = staff_api.post(
        "query($id: ID!) { ticket(id: $id) { id } }", {"id": gid("Ticket", key)}
    )

    assert [error["message"] for error in response.json()["errors"]] == [
        "Invalid ID: expected an ID of type Ticket."
    ]


@pytest.mark.parametrize("key", [str(MAX_INT + 1), str(MAX_BIGINT)])
def test_a_user_key_must_fit_saleors_integer_column(staff_api, key):
    # Saleor's user ids are 32-bit (AutoField), the helpdesk's own rows 64-bit.
    response = staff_api.post(
        "query($filter: TicketFilterInput) "
        "{ tickets(first: 1, filter: $filter) { totalCount } }",
        {"filter": {"customer": gid("User", key)}},
    )

    assert response.json()["errors"][0]["extensions"] == {
        "code": "INVALID",
        "field": "customer",
    }


def test_keys_at_the_edge_of_their_column_are_ids_of_nothing(staff_api):
    data = staff_api(
        "query($ticket: ID!, $filter: TicketFilterInput) { ticket(id: $ticket) { id } "
        "tickets(first: 1, filter: $filter) { totalCount } }",
        {
            "ticket": gid("Ticket", MAX_BIGINT),
            "filter": {
                "customer": gid("User", MAX_INT),
                "categories": [gid("TicketCategory", 0)],
            },
        },
    )

    assert data == {"ticket": None, "tickets": {"totalCount": 0}}


@pytest.mark.parametrize(
    "key",
    [
        "12",
        "abc",
        "6b7b0d4e11114222833394444555566",  # 31 hex digits
        "6b7b0d4e1111422283339444455556666",  # no dashes
        "{6b7b0d4e-1111-4222-8333-944445555666}",
        "urn:uuid:6b7b0d4e-1111-4222-8333-944445555666",
        "6b7b0d4e-1111-4222-8333-94444555566g",
        " 6b7b0d4e-1111-4222-8333-944445555666",
    ],
)
def test_an_order_key_must_be_a_uuid_as_saleor_writes_it(staff_api, key):
    response = staff_api.post(
        "query($filter: TicketFilterInput) "
        "{ tickets(first: 1, filter: $filter) { totalCount } }",
        {"filter": {"order": gid("Order", key)}},
    )

    assert response.json()["errors"][0]["message"] == (
        "Invalid ID: expected an ID of type Order."
    )


def test_an_order_id_with_its_uuid_in_capitals_still_finds_the_tickets(
    staff_api, customer_actor, order
):
    make_complaint(customer_actor, order)

    data = staff_api(
        "query($filter: TicketFilterInput) "
        "{ tickets(first: 1, filter: $filter) { totalCount } }",
        {"filter": {"order": gid("Order", str(order.pk).upper())}},
    )

    assert data == {"tickets": {"totalCount": 1}}


def test_an_id_that_is_no_base64_at_all_is_still_refused_the_same_way(staff_api):
    for value in ["kein-id", base64.b64encode(b"Ticket").decode(), "VGlja2V0Og=="]:
        response = staff_api.post(
            "query($id: ID!) { ticket(id: $id) { id } }", {"id": value}
        )
        assert response.json()["errors"][0]["message"] == (
            "Invalid ID: expected an ID of type Ticket."
        )


# --- federation -------------------------------------------------------------------------


@pytest.mark.parametrize("typename", ["Order", "User"])
def test_an_entity_whose_id_cannot_be_of_its_type_refuses_the_request(
    staff_api, typename
):
    # given a representation whose key cannot be one of the type's (Saleor's own
    # subgraph refuses an ID it cannot read the same way)
    key = "abc" if typename == "Order" else str(uuid.uuid4())
    response = staff_api.post(
        ENTITIES,
        {"representations": [{"__typename": typename, "id": gid(typename, key)}]},
    )

    body = response.json()
    assert body["data"] is None
    assert [(e["message"], e["extensions"]) for e in body["errors"]] == [
        (
            f"Invalid ID: expected an ID of type {typename}.",
            {"code": "INVALID", "field": "representations"},
        )
    ]


def test_an_entity_that_matches_nothing_still_resolves_without_tickets(staff_api):
    # A well-formed ID is Saleor's to know: this subgraph only extends the type, and
    # has no tickets for it.
    data = staff_api(
        "query($representations: [_Any!]!) { _entities(representations: "
        "$representations) { ... on Order { helpdeskTickets(first: 1) { totalCount } } "
        "... on User { helpdeskTickets(first: 1) { totalCount } } } }",
        {
            "representations": [
                {"__typename": "Order", "id": gid("Order", uuid.uuid4())},
                {"__typename": "User", "id": gid("User", MAX_INT)},
            ]
        },
    )

    assert data == {
        "_entities": [
            {"helpdeskTickets": {"totalCount": 0}},
            {"helpdeskTickets": {"totalCount": 0}},
        ]
    }


# --- the table of key kinds -----------------------------------------------------------

SALEOR_KEYS = {
    "Channel": models.IntegerField,
    "Order": models.UUIDField,
    "OrderLine": models.UUIDField,
    "Page": models.IntegerField,
    "User": models.IntegerField,
}


@pytest.mark.parametrize(("type_name", "kind"), list(SALEOR_KEYS.items()))
def test_the_hosts_models_have_saleors_kinds_of_key(type_name, kind):
    # On the stand-in host this checks that it mirrors Saleor; inside Saleor, Saleor.
    assert isinstance(ids.key_field(type_name), kind)


def test_a_type_with_text_keys_takes_short_text_without_nul(monkeypatch):
    token = SimpleNamespace(_meta=SimpleNamespace(pk=models.CharField(max_length=8)))
    monkeypatch.setitem(ids.MODELS, "Token", lambda: token)

    assert ids.global_pk(gid("Token", "abc-1"), "Token") == "abc-1"
    for key in ["", "123456789", "ab\x00"]:
        with pytest.raises(ValidationError, match="expected an ID of type Token"):
            ids.global_pk(gid("Token", key), "Token")
