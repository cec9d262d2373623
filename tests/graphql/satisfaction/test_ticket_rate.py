"""`ticketRate` and `guestTicketRate`: the customer (or the guest of the order) rates
their closed ticket once; everyone else is refused with a typed error, nothing written."""

import pytest
from graphene.relay import Node

from saleor_helpdesk.actions import assign_ticket, close_ticket
from saleor_helpdesk.models import SatisfactionRating, SatisfactionSettings
from tests.factories import StaffFactory, access_token_for, grant, make_ticket
from tests.graphql.conftest import Api

TICKET_RATE = """
mutation Rate($id: ID!, $score: Int!, $comment: String) {
  ticketRate(id: $id, score: $score, comment: $comment) {
    rating { score comment source agent { email } }
    errors { field code message }
  }
}
"""

GUEST_TICKET_RATE = """
mutation GuestRate(
  $orderToken: UUID!, $email: String!, $id: ID!, $score: Int!, $comment: String
) {
  guestTicketRate(
    orderToken: $orderToken, email: $email, id: $id, score: $score, comment: $comment
  ) {
    rating { score comment source agent { email } }
    errors { field code message }
  }
}
"""

TICKET_RATING = """
query Ticket($id: ID!) {
  ticket(id: $id) { satisfactionRating { score comment agent { email } } }
}
"""


def gid(pk) -> str:
    return Node.to_global_id("Ticket", str(pk))


@pytest.fixture
def closed_ticket(customer_actor, staff_actor, staff_user, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    assign_ticket(staff_actor, ticket.pk, staff_user.pk)
    return close_ticket(staff_actor, ticket.pk)


@pytest.fixture
def callers(customer, other_customer, db):
    staff = StaffFactory(email="lead@shop.example")
    grant(staff, "MANAGE_ORDERS")
    return {
        "anonymous": Api(),
        "customer": Api(access_token_for(customer)),
        "other_customer": Api(access_token_for(other_customer)),
        "staff_without_permission": Api(
            access_token_for(StaffFactory(email="intern@shop.example"))
        ),
        "staff": Api(access_token_for(staff)),
    }


def test_the_customer_rates_their_closed_ticket(callers, closed_ticket):
    # when the customer rates
    data = callers["customer"](
        TICKET_RATE, {"id": gid(closed_ticket.pk), "score": 4, "comment": "Gut."}
    )["ticketRate"]

    # then the rating comes back, without the agent (staff only)
    assert data == {
        "rating": {
            "score": 4,
            "comment": "Gut.",
            "source": "STOREFRONT",
            "agent": None,
        },
        "errors": [],
    }
    # and staff see it on the ticket, with the agent of the moment
    ticket = callers["staff"](TICKET_RATING, {"id": gid(closed_ticket.pk)})["ticket"]
    assert ticket["satisfactionRating"] == {
        "score": 4,
        "comment": "Gut.",
        "agent": {"email": "agent@shop.example"},
    }
    # and the customer sees their own rating, still without the agent
    mine = callers["customer"](TICKET_RATING, {"id": gid(closed_ticket.pk)})["ticket"]
    assert mine["satisfactionRating"]["agent"] is None


NOT_FOUND = {"field": "id", "code": "NOT_FOUND", "message": "Ticket not found."}
ONLY_CUSTOMER = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "Only the customer can rate a ticket.",
}


@pytest.mark.parametrize(
    ("caller", "error"),
    [
        ("anonymous", ONLY_CUSTOMER),
        ("other_customer", NOT_FOUND),
        ("staff_without_permission", ONLY_CUSTOMER),
        ("staff", ONLY_CUSTOMER),
    ],
)
def test_only_the_customer_may_rate(callers, closed_ticket, caller, error):
    data = callers[caller](TICKET_RATE, {"id": gid(closed_ticket.pk), "score": 5})
    assert data["ticketRate"] == {"rating": None, "errors": [error]}
    assert not SatisfactionRating.objects.exists()


@pytest.mark.parametrize(
    ("prepare", "score", "error"),
    [
        (
            None,
            6,
            {
                "field": "score",
                "code": "SCORE_OUT_OF_RANGE",
                "message": "The score is a whole number from 1 to 5.",
            },
        ),
        (
            None,
            0,
            {
                "field": "score",
                "code": "SCORE_OUT_OF_RANGE",
                "message": "The score is a whole number from 1 to 5.",
            },
        ),
        (
            "rated",
            5,
            {
                "field": "id",
                "code": "ALREADY_RATED",
                "message": "This ticket has been rated already.",
            },
        ),
        (
            "disabled",
            5,
            {
                "field": "id",
                "code": "SURVEY_DISABLED",
                "message": "This shop does not ask for ratings.",
            },
        ),
    ],
)
def test_refusals_are_typed_and_change_nothing(
    callers, closed_ticket, channel, prepare, score, error
):
    if prepare == "rated":
        callers["customer"](TICKET_RATE, {"id": gid(closed_ticket.pk), "score": 1})
    if prepare == "disabled":
        SatisfactionSettings.objects.create(channel=channel, survey_enabled=False)
    before = list(SatisfactionRating.objects.values_list("score", flat=True))

    data = callers["customer"](
        TICKET_RATE, {"id": gid(closed_ticket.pk), "score": score}
    )

    assert data["ticketRate"] == {"rating": None, "errors": [error]}
    assert list(SatisfactionRating.objects.values_list("score", flat=True)) == before


def test_an_open_ticket_is_not_rated(callers, customer_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    data = callers["customer"](TICKET_RATE, {"id": gid(ticket.pk), "score": 5})
    assert data["ticketRate"]["errors"] == [
        {
            "field": "id",
            "code": "NOT_CLOSED",
            "message": "Only a closed ticket can be rated.",
        }
    ]


# --- guests -------------------------------------------------------------------------


@pytest.fixture
def guest_ticket(guest_actor, staff_actor, guest_order):
    ticket = make_ticket(guest_actor, order_id=guest_order.pk)
    return close_ticket(staff_actor, ticket.pk)


def test_a_guest_rates_a_closed_ticket_of_their_order(guest_order, guest_ticket):
    data = Api()(
        GUEST_TICKET_RATE,
        {
            "orderToken": str(guest_order.pk),
            "email": "gast@example.de",
            "id": gid(guest_ticket.pk),
            "score": 2,
        },
    )["guestTicketRate"]
    assert data == {
        "rating": {"score": 2, "comment": "", "source": "GUEST", "agent": None},
        "errors": [],
    }
    assert SatisfactionRating.objects.get().customer_email == "gast@example.de"


def test_a_guest_cannot_rate_another_orders_ticket(guest_order, closed_ticket, callers):
    # the customer's ticket, asked for with the guest order's token
    data = Api()(
        GUEST_TICKET_RATE,
        {
            "orderToken": str(guest_order.pk),
            "email": "gast@example.de",
            "id": gid(closed_ticket.pk),
            "score": 1,
        },
    )["guestTicketRate"]
    assert data == {"rating": None, "errors": [NOT_FOUND]}
    assert not SatisfactionRating.objects.exists()


def test_a_guest_with_the_wrong_email_is_refused(guest_order, guest_ticket):
    data = Api()(
        GUEST_TICKET_RATE,
        {
            "orderToken": str(guest_order.pk),
            "email": "someone@else.example",
            "id": gid(guest_ticket.pk),
            "score": 1,
        },
    )["guestTicketRate"]
    assert data["rating"] is None
    assert len(data["errors"]) == 1
    assert not SatisfactionRating.objects.exists()
