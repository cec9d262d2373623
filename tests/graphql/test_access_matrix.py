"""Every customer-facing operation against the four callers (anonymous, the customer,
staff without MANAGE_ORDERS, staff with it) plus another customer, with the exact answer.
Staff-only operations are covered per operation in tests/graphql/staff/."""

import pytest
from graphene.relay import Node

from saleor_helpdesk.actions import close_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Comment, TicketStatus
from tests.factories import (
    StaffFactory,
    UserFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.graphql.conftest import Api

TICKET_CREATE = """
mutation($channel: String!) {
  ticketCreate(input: {subject: "Hallo", body: "Frage", channel: $channel,
                       customerEmail: "kunde@example.de"}) {
    errors { field code message } ticket { number }
  }
}
"""
TICKET_COMMENT_ADD = """
mutation($id: ID!) {
  ticketCommentAdd(id: $id, input: {body: "Antwort"}) {
    errors { field code message } comment { body }
  }
}
"""
TICKET_CLOSE = """
mutation($id: ID!) { ticketClose(id: $id) { errors { field code message } ticket { number } } }
"""
TICKET_REOPEN = """
mutation($id: ID!) { ticketReopen(id: $id) { errors { field code message } ticket { number } } }
"""
TICKET_STATUS_UPDATE = """
mutation($id: ID!, $status: ID!) {
  ticketStatusUpdate(id: $id, status: $status) {
    errors { field code message } ticket { status { slug } }
  }
}
"""
TICKET = "query($id: ID!) { ticket(id: $id) { subject } }"
TICKETS = "{ tickets(first: 10) { totalCount } }"

CALLERS = ["anonymous", "customer", "other_customer", "staff_without", "staff_with"]
NOT_FOUND = {"field": "id", "code": "NOT_FOUND", "message": "Ticket not found."}
DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_ORDERS permission to work tickets.",
}


@pytest.fixture
def callers(customer, staff_user):
    staff_without = StaffFactory()
    grant(staff_without, "MANAGE_USERS")
    grant(staff_user, "MANAGE_ORDERS")
    return {
        "anonymous": Api(),
        "customer": Api(access_token_for(customer)),
        "other_customer": Api(access_token_for(UserFactory())),
        "staff_without": Api(access_token_for(staff_without)),
        "staff_with": Api(access_token_for(staff_user)),
    }


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk, subject="Meins")


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


@pytest.mark.parametrize(
    ("caller", "expected_errors"),
    [
        (
            "anonymous",
            [
                {
                    "field": None,
                    "code": "PERMISSION_DENIED",
                    "message": "Sign in, or use your order's token, to write to us.",
                }
            ],
        ),
        ("customer", []),
        ("other_customer", []),
        ("staff_without", [DENIED]),
        ("staff_with", []),
    ],
)
def test_ticket_create(callers, channel, caller, expected_errors):
    result = callers[caller](TICKET_CREATE, {"channel": channel.slug})["ticketCreate"]

    assert result["errors"] == expected_errors
    assert (result["ticket"] is not None) == (expected_errors == [])


@pytest.mark.parametrize(
    ("caller", "allowed"),
    [
        ("anonymous", False),
        ("customer", True),
        ("other_customer", False),
        ("staff_without", False),
        ("staff_with", True),
    ],
)
def test_ticket_comment_add(callers, ticket, caller, allowed):
    before = Comment.objects.count()

    result = callers[caller](TICKET_COMMENT_ADD, {"id": gid("Ticket", ticket.pk)})[
        "ticketCommentAdd"
    ]

    if allowed:
        assert result == {"errors": [], "comment": {"body": "Antwort"}}
        assert Comment.objects.count() == before + 1
    else:
        assert result == {"errors": [NOT_FOUND], "comment": None}
        assert Comment.objects.count() == before


@pytest.mark.parametrize(
    ("caller", "allowed"),
    [
        ("anonymous", False),
        ("customer", True),
        ("other_customer", False),
        ("staff_without", False),
        ("staff_with", True),
    ],
)
def test_ticket_close_and_reopen(callers, ticket, caller, allowed):
    closed = callers[caller](TICKET_CLOSE, {"id": gid("Ticket", ticket.pk)})[
        "ticketClose"
    ]
    if not allowed:
        close_ticket(Actor.system(), ticket.pk)
    reopened = callers[caller](TICKET_REOPEN, {"id": gid("Ticket", ticket.pk)})[
        "ticketReopen"
    ]

    expected = [] if allowed else [NOT_FOUND]
    assert closed["errors"] == expected
    assert reopened["errors"] == expected
    ticket.refresh_from_db()
    assert ticket.status.slug == ("open" if allowed else "closed")


@pytest.mark.parametrize(
    ("caller", "expected_errors"),
    [
        ("anonymous", [DENIED]),
        ("customer", [DENIED]),
        ("other_customer", [DENIED]),
        ("staff_without", [DENIED]),
        ("staff_with", []),
    ],
)
def test_ticket_status_update(callers, ticket, caller, expected_errors):
    status = TicketStatus.objects.get(slug="in_progress")

    result = callers[caller](
        TICKET_STATUS_UPDATE,
        {"id": gid("Ticket", ticket.pk), "status": gid("TicketStatus", status.pk)},
    )["ticketStatusUpdate"]

    assert result["errors"] == expected_errors
    ticket.refresh_from_db()
    assert ticket.status.slug == ("in_progress" if not expected_errors else "new")


@pytest.mark.parametrize(
    ("caller", "sees"),
    [
        ("anonymous", False),
        ("customer", True),
        ("other_customer", False),
        ("staff_without", False),
        ("staff_with", True),
    ],
)
def test_ticket_and_tickets(callers, ticket, caller, sees):
    one = callers[caller](TICKET, {"id": gid("Ticket", ticket.pk)})["ticket"]
    listed = callers[caller](TICKETS)["tickets"]

    assert one == ({"subject": "Meins"} if sees else None)
    assert listed == {"totalCount": 1 if sees else 0}


def test_a_customer_cannot_set_staff_fields_through_create(customer_api, channel):
    # the storefront input has no status, assignee or internal fields at all; a
    # priority is refused outright
    result = customer_api.post(
        'mutation { ticketCreate(input: {subject: "x", body: "y", channel: "'
        + channel.slug
        + '", internal: true}) { errors { code } } }'
    )

    assert result.status_code == 400
    assert "internal" in result.json()["errors"][0]["message"]
