"""A ticket is handed only to staff who could open it themselves: MANAGE_ORDERS in the
ticket's channel, as Saleor's permission groups grant it. Whoever assigns (ticketAssign,
ticketBulkUpdate, ticketForward, a responsible person on a new ticket), an agent whose
MANAGE_ORDERS is restricted to another channel, or who lost it, is refused on the
assignee's field and nothing changes: the ticket (and its e-mails) never goes to
someone who could not open it."""

import pytest
from django.core import mail

from saleor_helpdesk.actions import NewTicket, create_ticket
from saleor_helpdesk.models import CustomerResponsible
from tests.factories import StaffFactory, SupportAgentFactory, grant, make_ticket
from tests.graphql.staff.conftest import gid, snapshot

TICKET_ASSIGN = """
mutation TicketAssign($id: ID!, $assignee: ID!) {
  ticketAssign(id: $id, assignee: $assignee) {
    errors { field code message }
    ticket { assignee { email } }
  }
}
"""
TICKET_BULK_UPDATE = """
mutation TicketBulkUpdate($ids: [ID!]!, $input: TicketBulkUpdateInput!) {
  ticketBulkUpdate(ids: $ids, input: $input) {
    errors { field code message }
    count
  }
}
"""
TICKET_FORWARD = """
mutation TicketForward($id: ID!, $input: TicketForwardInput!) {
  ticketForward(id: $id, input: $input) {
    errors { field code message }
    ticket { assignee { email } }
  }
}
"""

NO_CHANNEL = "This support agent has no access to the ticket's channel."
NO_MANAGE_ORDERS = (
    "This support agent cannot open tickets: they lack the MANAGE_ORDERS permission."
)


def agent_in(email: str, *channels):
    """A support agent with MANAGE_ORDERS in `channels` only (none: without it)."""
    user = SupportAgentFactory(user=StaffFactory(email=email), works_tickets=False).user
    if channels:
        grant(user, "MANAGE_ORDERS", channels=list(channels))
    return user


@pytest.fixture
def usa_agent(other_channel):
    return agent_in("usa@shop.example", other_channel)


@pytest.fixture
def former_agent(db):
    return agent_in("ex@shop.example")


@pytest.mark.parametrize(
    ("assignee", "message"),
    [("usa_agent", NO_CHANNEL), ("former_agent", NO_MANAGE_ORDERS)],
)
def test_assign_refuses_an_agent_who_cannot_open_the_ticket(
    request, staff_api, ticket, assignee, message
):
    # given a ticket of the default channel and an agent who may not open it
    user = request.getfixturevalue(assignee)
    before = snapshot()

    # when staff assign it to them
    data = staff_api(
        TICKET_ASSIGN,
        {"id": gid("Ticket", ticket.pk), "assignee": gid("User", user.pk)},
    )["ticketAssign"]

    # then it is refused on the assignee and nothing changed, nothing was mailed
    assert data == {
        "errors": [
            {"field": "assignee", "code": "CANNOT_SEE_TICKET", "message": message}
        ],
        "ticket": None,
    }
    assert snapshot() == before
    assert mail.outbox == []


def test_assign_takes_an_agent_of_the_tickets_channel(staff_api, ticket, channel):
    # given an agent restricted to the ticket's channel
    agent = agent_in("de@shop.example", channel)

    # when staff assign the ticket to them
    data = staff_api(
        TICKET_ASSIGN,
        {"id": gid("Ticket", ticket.pk), "assignee": gid("User", agent.pk)},
    )["ticketAssign"]

    # then they have it
    assert data == {"errors": [], "ticket": {"assignee": {"email": "de@shop.example"}}}


def test_bulk_update_refuses_an_agent_who_cannot_open_one_of_the_tickets(
    staff_api, customer_actor, ticket, channel, other_channel
):
    # given a ticket of each channel, and an agent of the other channel only
    usa_ticket = make_ticket(customer_actor, channel_id=other_channel.pk)
    agent = agent_in("usa@shop.example", other_channel)
    before = snapshot()

    # when staff assign both to that agent
    data = staff_api(
        TICKET_BULK_UPDATE,
        {
            "ids": [gid("Ticket", usa_ticket.pk), gid("Ticket", ticket.pk)],
            "input": {"assignee": gid("User", agent.pk)},
        },
    )["ticketBulkUpdate"]

    # then nothing changes and the error names the ticket they could not open
    assert data == {
        "errors": [
            {
                "field": "assignee",
                "code": "CANNOT_SEE_TICKET",
                "message": f"Ticket #{ticket.number}: {NO_CHANNEL}",
            }
        ],
        "count": 0,
    }
    assert snapshot() == before


def test_forward_refuses_a_colleague_who_cannot_open_the_ticket(
    staff_api, ticket, usa_agent
):
    # given a ticket of the default channel, a colleague of the other channel only
    before = snapshot()

    # when staff forward it to them
    data = staff_api(
        TICKET_FORWARD,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {"message": "Bitte", "toUser": gid("User", usa_agent.pk)},
        },
    )["ticketForward"]

    # then it is refused on the colleague and nothing changed
    assert data == {
        "errors": [
            {"field": "toUser", "code": "CANNOT_SEE_TICKET", "message": NO_CHANNEL}
        ],
        "ticket": None,
    }
    assert snapshot() == before
    assert mail.outbox == []


def test_a_new_ticket_is_not_assigned_to_a_responsible_who_cannot_open_it(
    customer, customer_actor, channel, usa_agent
):
    # given a customer whose responsible person works the other channel only
    CustomerResponsible.objects.create(customer=customer, responsible=usa_agent)

    # when the customer writes in the default channel
    ticket = create_ticket(
        customer_actor, NewTicket(subject="Hallo", body="Frage", channel_id=channel.pk)
    )

    # then the ticket waits in the queue instead
    assert ticket.assignee_id is None
    assert not ticket.events.filter(type="assigned").exists()


def test_a_new_ticket_goes_to_a_responsible_of_its_channel(
    customer, customer_actor, channel
):
    # given a customer whose responsible person works the ticket's channel
    agent = agent_in("de@shop.example", channel)
    CustomerResponsible.objects.create(customer=customer, responsible=agent)

    # when the customer writes in that channel
    ticket = create_ticket(
        customer_actor, NewTicket(subject="Hallo", body="Frage", channel_id=channel.pk)
    )

    # then the ticket is theirs
    assert ticket.assignee_id == agent.pk
