"""Every refusal of a guest query carries its code (and the argument it is about) in
`extensions`, like every other query refusal: a wrong order token or e-mail included."""

import uuid

import pytest
from graphene.relay import Node

from saleor_helpdesk.core.actor import Actor
from tests.factories import OrderFactory, make_ticket
from tests.graphql.conftest import Api

GUEST_TICKETS = """
query GuestTickets($token: UUID!, $email: String!, $after: String) {
  guestTickets(orderToken: $token, email: $email, first: 10, after: $after) {
    totalCount
  }
}
"""
GUEST_TICKET = """
query GuestTicket($token: UUID!, $email: String!, $id: ID!) {
  guestTicket(orderToken: $token, email: $email, id: $id) { subject }
}
"""

NO_ORDER = {
    "message": "No order matches this token and e-mail address.",
    "extensions": {"code": "NOT_FOUND", "field": "orderToken"},
}
CUSTOMERS_ORDER = {
    "message": "This order belongs to a customer account: sign in to write about it.",
    "extensions": {"code": "PERMISSION_DENIED", "field": "orderToken"},
}


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


@pytest.fixture
def world(guest_order, order, customer_actor, channel):
    """A guest's order with a guest ticket, a customer's order with a ticket of the
    customer's, a draft order and another guest's order with its ticket."""
    guest = Actor.guest(guest_order.pk, guest_order.user_email)
    other = OrderFactory(user=None, user_email="andere@example.de", channel=channel)
    return {
        "guest_order": guest_order,
        "guest_ticket": make_ticket(guest, order_id=guest_order.pk),
        "customer_order": order,
        "customer_ticket": make_ticket(customer_actor, order_id=order.pk),
        "draft": OrderFactory(
            user=None, user_email="gast@example.de", status="draft", channel=channel
        ),
        "other_ticket": make_ticket(
            Actor.guest(other.pk, other.user_email), order_id=other.pk
        ),
    }


def refusal(query: str, variables: dict) -> dict:
    """The only error of a refused query (whose field is null), without location."""
    response = Api().post(query, variables)
    assert response.status_code == 200, response.content
    body = response.json()
    assert all(value is None for value in body["data"].values()), body
    [error] = body["errors"]
    assert error["path"] == list(body["data"])
    return {"message": error["message"], "extensions": error["extensions"]}


def cases(world: dict) -> dict[str, tuple[dict, dict]]:
    """Variables for each way a guest is refused, and the refusal."""
    guest_order = world["guest_order"]
    own = {"token": str(guest_order.pk), "email": guest_order.user_email}
    return {
        "unknown token": ({**own, "token": str(uuid.uuid4())}, NO_ORDER),
        "wrong e-mail": ({**own, "email": "fremd@example.de"}, NO_ORDER),
        "blank e-mail": ({**own, "email": "  "}, NO_ORDER),
        "draft order": ({**own, "token": str(world["draft"].pk)}, NO_ORDER),
        "customer's order": (
            {
                "token": str(world["customer_order"].pk),
                "email": world["customer_order"].user_email,
            },
            CUSTOMERS_ORDER,
        ),
    }


CASES = ["unknown token", "wrong e-mail", "blank e-mail", "draft order"]


@pytest.mark.parametrize("case", [*CASES, "customer's order"])
@pytest.mark.parametrize(
    "query", [GUEST_TICKETS, GUEST_TICKET], ids=["guestTickets", "guestTicket"]
)
def test_a_refused_guest_carries_code_and_field(world, case, query):
    # given an order token and e-mail that do not make a guest of the caller
    variables, expected = cases(world)[case]
    if query == GUEST_TICKET:
        variables = {**variables, "id": gid("Ticket", world["guest_ticket"].pk)}

    # when they ask for the order's guest tickets, or for one of them
    error = refusal(query, variables)

    # then the refusal names its code and the argument
    assert error == expected


@pytest.mark.parametrize("ticket", ["customer_ticket", "other_ticket"])
def test_a_ticket_outside_the_guests_order_is_null_as_documented(world, ticket):
    # given a guest, and a ticket that is not one of their order's guest tickets
    guest_order = world["guest_order"]

    # when they ask for it
    body = (
        Api()
        .post(
            GUEST_TICKET,
            {
                "token": str(guest_order.pk),
                "email": guest_order.user_email,
                "id": gid("Ticket", world[ticket].pk),
            },
        )
        .json()
    )

    # then it is null, as one that does not exist (no refusal that would reveal it)
    assert body == {"data": {"guestTicket": None}}


def test_an_id_of_another_type_is_invalid_with_its_code(world):
    guest_order = world["guest_order"]

    error = refusal(
        GUEST_TICKET,
        {
            "token": str(guest_order.pk),
            "email": guest_order.user_email,
            "id": gid("Order", guest_order.pk),
        },
    )

    assert error == {
        "message": "Invalid ID: expected an ID of type Ticket.",
        "extensions": {"code": "INVALID", "field": "id"},
    }


def test_a_broken_cursor_is_invalid_with_its_code(world):
    guest_order = world["guest_order"]

    error = refusal(
        GUEST_TICKETS,
        {
            "token": str(guest_order.pk),
            "email": guest_order.user_email,
            "after": "kaputt",
        },
    )

    assert error == {
        "message": "Invalid cursor in `after`.",
        "extensions": {"code": "INVALID", "field": "after"},
    }
