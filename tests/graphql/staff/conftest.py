"""Callers, tickets and checks shared by the tests of the staff operations."""

import pytest
from graphene.relay import Node

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import (
    Attachment,
    Comment,
    Complaint,
    Ticket,
    TicketEvent,
    TicketLine,
)
from tests.factories import (
    StaffFactory,
    SupportAgentFactory,
    UserFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.graphql.conftest import Api

# Twilio's stand-in on loopback, for ticketSmsSend.
from tests.sms.provider import fake_twilio, twilio  # noqa: F401

# Everyone who may not work tickets: nobody, the ticket's own customer, a customer
# with a ticket of their own (who holds a ticket, just not this one), and a staff user
# of the support team who lacks MANAGE_ORDERS.
NOT_STAFF = ["anonymous", "customer", "stranger", "staff_without_permission"]

PERMISSION_DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_ORDERS permission to work tickets.",
}
TICKET_NOT_FOUND = {"field": "id", "code": "NOT_FOUND", "message": "Ticket not found."}


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def snapshot() -> tuple:
    """Everything a staff operation may change: compare before and after a refusal."""
    return (
        list(Ticket.objects.order_by("pk").values()),
        list(Complaint.objects.order_by("pk").values()),
        list(TicketLine.objects.order_by("pk").values()),
        list(Comment.objects.order_by("pk").values()),
        list(TicketEvent.objects.order_by("pk").values()),
        list(Attachment.objects.order_by("pk").values()),
    )


def post_files(api: Api, query: str, variables: dict, files: dict) -> dict:
    """`Api.post_files`, answered without errors: its data."""
    response = api.post_files(query, variables, files)
    assert response.status_code == 200, response.content
    body = response.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


@pytest.fixture
def ticket(customer_actor, channel):
    """A customer's question in the default channel, waiting for an answer."""
    return make_ticket(
        customer_actor, channel_id=channel.pk, subject="Wo ist mein Paket?"
    )


@pytest.fixture
def stranger(channel):
    """Another customer, with a ticket of their own."""
    user = UserFactory(email="fremd@example.de")
    make_ticket(Actor.customer(user), channel_id=channel.pk, subject="Meine Frage")
    return user


@pytest.fixture
def api_as(db, customer, staff_api, stranger):
    """An API client for one of the callers in NOT_STAFF, or `staff`."""

    def make(caller: str) -> Api:
        if caller == "anonymous":
            return Api()
        if caller == "customer":
            return Api(access_token_for(customer))
        if caller == "stranger":
            return Api(access_token_for(stranger))
        if caller == "staff_without_permission":
            agent = SupportAgentFactory(
                user=StaffFactory(email="intern@shop.example"), works_tickets=False
            )
            return Api(access_token_for(agent.user))
        if caller == "staff":
            return staff_api
        raise ValueError(caller)

    return make


@pytest.fixture
def other_channel_staff_api(other_channel):
    """A support agent with MANAGE_ORDERS in another channel only."""
    agent = SupportAgentFactory(
        user=StaffFactory(email="usa@shop.example"), works_tickets=False
    )
    grant(agent.user, "MANAGE_ORDERS", channels=[other_channel])
    return Api(access_token_for(agent.user))


@pytest.fixture
def manager_api(staff_user):
    """The support agent with MANAGE_ORDERS and MANAGE_USERS (customer data)."""
    grant(staff_user, "MANAGE_ORDERS", "MANAGE_USERS")
    return Api(access_token_for(staff_user))
