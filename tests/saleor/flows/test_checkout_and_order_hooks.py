"""Real Saleor mutations firing the helpdesk's hooks: a checkout completes into an
order (with the helpdesk's hook broken, it still completes), a customer opens a ticket
on it, staff cancel the order in Saleor, and the ticket's timeline shows it."""

import logging

import pytest

pytest.importorskip(
    "saleor.checkout.tests.fixtures",
    reason="Saleor is not importable here: run with --ds=tests.saleor.settings inside "
    "a Saleor environment (see README, 'Run the tests inside Saleor').",
)

from graphene.relay import Node  # noqa: E402
from saleor.order.models import Order  # noqa: E402

from saleor_helpdesk.models import Ticket  # noqa: E402
from tests.factories import access_token_for, grant  # noqa: E402
from tests.saleor.graphql_client import (  # noqa: E402
    HELPDESK_API,
    SALEOR_API,
    post_graphql,
)

CHECKOUT_COMPLETE = """
mutation Complete($id: ID!) {
  checkoutComplete(id: $id) {
    order { id number status }
    errors { field code message }
  }
}
"""
ORDER_CANCEL = """
mutation Cancel($id: ID!) {
  orderCancel(id: $id) { errors { field code message } order { status } }
}
"""
TICKET_CREATE = """
mutation Open($input: TicketCreateInput!) {
  ticketCreate(input: $input) { errors { field code message } ticket { id } }
}
"""


@pytest.fixture
def completed_order(
    checkout_ready_to_complete,
    customer_user,
    monkeypatch,
    caplog,
    django_capture_on_commit_callbacks,
):
    """A checkout completed by its customer through Saleor's checkoutComplete, while
    the helpdesk's hook code is broken."""
    checkout = checkout_ready_to_complete
    checkout.user = customer_user
    checkout.email = customer_user.email
    checkout.save()
    channel = checkout.channel
    channel.allow_unpaid_orders = True
    channel.automatically_confirm_all_new_orders = True
    channel.save()

    def broken(**kwargs):
        raise RuntimeError("helpdesk bug")

    monkeypatch.setattr(
        "saleor_helpdesk.timeline.order_events.record_order_happening", broken
    )
    with (
        caplog.at_level(logging.ERROR, logger="saleor_helpdesk.host.hooks"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        data = post_graphql(
            SALEOR_API,
            CHECKOUT_COMPLETE,
            {"id": Node.to_global_id("Checkout", checkout.pk)},
            access_token_for(customer_user),
        )["checkoutComplete"]
    monkeypatch.undo()
    assert data["errors"] == []
    return Order.objects.get(number=data["order"]["number"]), caplog.text


@pytest.mark.django_db
def test_a_broken_helpdesk_hook_does_not_stop_the_checkout(completed_order):
    order, log = completed_order

    # then the order exists, and Saleor did call the helpdesk (which failed quietly)
    assert order.status in ("unfulfilled", "unconfirmed")
    assert "Helpdesk hook order_confirmed failed" in log


@pytest.mark.django_db
def test_cancelling_the_order_in_saleor_shows_on_its_ticket(
    completed_order, customer_user, staff_user, django_capture_on_commit_callbacks
):
    order, _ = completed_order
    # given the customer opened a ticket on the order
    opened = post_graphql(
        HELPDESK_API,
        TICKET_CREATE,
        {
            "input": {
                "subject": "Falsche Größe bestellt",
                "body": "<p>Bitte stornieren.</p>",
                "order": Node.to_global_id("Order", order.pk),
            }
        },
        access_token_for(customer_user),
    )["ticketCreate"]
    assert opened["errors"] == []
    ticket = Ticket.objects.get()

    # when staff cancel the order in Saleor
    grant(staff_user, "MANAGE_ORDERS")
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = post_graphql(
            SALEOR_API,
            ORDER_CANCEL,
            {"id": Node.to_global_id("Order", order.pk)},
            access_token_for(staff_user),
        )["orderCancel"]
    assert cancelled["errors"] == []

    # then the ticket's timeline shows the cancellation
    event = ticket.events.filter(type="order_event").get()
    assert event.parameters == {
        "order_event": "cancelled",
        "order_number": order.number,
    }
