"""Ticket.customerSummary: who the customer is (staff with MANAGE_USERS only)."""

import pytest

from saleor_helpdesk.core.actor import Actor
from tests.factories import OrderFactory, OrderLineFactory, make_ticket
from tests.graphql.staff.conftest import NOT_STAFF, gid

TICKET_CUSTOMER_SUMMARY = """
query TicketCustomerSummary($id: ID!) {
  ticket(id: $id) {
    customerSummary {
      name email orderCount totalSpent currency dateJoined isRegistered
    }
  }
}
"""


@pytest.fixture
def summary_of(order, ticket):
    """The customer's ticket, with their order of 59.97 EUR and a draft beside it."""
    OrderFactory(user=order.user, channel=order.channel, status="draft")
    return {"id": gid("Ticket", ticket.pk)}


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_callers_who_are_not_staff_get_no_summary(api_as, caller, summary_of):
    # given the customer's ticket and a caller who may not work tickets
    # when they ask for the customer summary
    data = api_as(caller)(TICKET_CUSTOMER_SUMMARY, summary_of)

    # then the customer sees their ticket without it, everyone else no ticket at all
    expected = {"customerSummary": None} if caller == "customer" else None
    assert data == {"ticket": expected}


def test_staff_without_manage_users_get_no_summary(staff_api, summary_of):
    # given staff with MANAGE_ORDERS only
    # when they ask for the customer summary
    # then the ticket comes without it
    assert staff_api(TICKET_CUSTOMER_SUMMARY, summary_of) == {
        "ticket": {"customerSummary": None}
    }


def test_staff_with_manage_users_see_the_registered_customer(
    manager_api, customer, summary_of
):
    # given staff with MANAGE_ORDERS and MANAGE_USERS
    # when they ask for the customer summary
    data = manager_api(TICKET_CUSTOMER_SUMMARY, summary_of)

    # then they see the customer's account and orders (drafts do not count)
    assert data == {
        "ticket": {
            "customerSummary": {
                "name": "Anna Schmidt",
                "email": "kunde@example.de",
                "orderCount": 1,
                "totalSpent": 59.97,
                "currency": "EUR",
                "dateJoined": customer.date_joined.isoformat(),
                "isRegistered": True,
            }
        }
    }


def test_a_guest_is_summarised_by_the_e_mail_address(manager_api, guest_order):
    # given a guest's ticket on their order
    ticket = make_ticket(
        Actor.guest(guest_order.pk, guest_order.user_email),
        order_id=guest_order.pk,
        customer_name="Gerd Gast",
    )
    OrderLineFactory(order=OrderFactory(user=None, user_email="GAST@example.de"))

    # when staff with MANAGE_USERS ask for the customer summary
    data = manager_api(TICKET_CUSTOMER_SUMMARY, {"id": gid("Ticket", ticket.pk)})

    # then they see the guest's name from the ticket and both orders of the address
    summary = data["ticket"]["customerSummary"]
    assert summary["name"] == "Gerd Gast"
    assert summary["email"] == "gast@example.de"
    assert summary["orderCount"] == 2
    assert (summary["isRegistered"], summary["dateJoined"]) == (False, None)
