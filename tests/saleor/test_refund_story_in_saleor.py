"""The issue's story inside real Saleor: a customer complains about two lines, staff
refund both from the complaint through Saleor's Transactions API, the payment app
answers, the refund completes, the customer is told and the ticket shows it; and the
same through a legacy payment. Driven over HTTP through Saleor's own URL routing."""

from decimal import Decimal

import pytest

pytest.importorskip(
    "saleor.order.models",
    reason="Saleor is not importable here: run with --ds=tests.saleor.settings inside "
    "a Saleor environment (see README, 'Run the tests inside Saleor').",
)

from graphene.relay import Node  # noqa: E402
from saleor.core.prices import quantize_price  # noqa: E402
from saleor.order import OrderEvents, OrderGrantedRefundStatus  # noqa: E402

from saleor_helpdesk.models import EmailMessage, Ticket, TicketRefund  # noqa: E402
from tests.factories import (  # noqa: E402
    StaffFactory,
    access_token_for,
    answer_refund_requests,
    grant,
    pay_by_payment,
    pay_by_transaction,
)
from tests.saleor.graphql_client import HELPDESK_API, post_graphql  # noqa: E402

COMPLAIN = """
mutation Complain($input: TicketCreateInput!) {
  ticketCreate(input: $input) { errors { field code message } ticket { id } }
}
"""
OPTIONS = """
query Options($ticket: ID!) {
  ticketRefundOptions(ticket: $ticket) {
    canRefund method maxAmount
    lines { orderLineId refundableQuantity suggestedQuantity }
  }
}
"""
REFUND = """
mutation Refund($id: ID!, $input: TicketRefundCreateInput!) {
  ticketRefundCreate(id: $id, input: $input) {
    errors { field code message }
    refund { state method amount }
  }
}
"""
TICKET = """
query Ticket($id: ID!) {
  ticket(id: $id) { refunds { state amount } events { type parameters } }
}
"""


def _post(query, variables, token):
    return post_graphql(HELPDESK_API, query, variables, token)


@pytest.fixture
def cashier(channel):
    user = StaffFactory(email="kasse@shop.example")
    grant(user, "MANAGE_ORDERS", "HANDLE_PAYMENTS")
    return access_token_for(user)


@pytest.fixture
def complaint_id(order, customer):
    lines = [
        {
            "orderLineId": Node.to_global_id("OrderLine", line.pk),
            "quantity": line.quantity,
            "reason": "DAMAGED_IN_TRANSIT",
        }
        for line in order.lines.all()
    ]
    data = _post(
        COMPLAIN,
        {
            "input": {
                "kind": "COMPLAINT",
                "subject": "Beides kaputt angekommen",
                "body": "<p>Becher und Kanne sind zerbrochen.</p>",
                "order": Node.to_global_id("Order", order.pk),
                "lines": lines,
                "complaint": {"requestedResolution": "REFUND"},
            }
        },
        access_token_for(customer),
    )["ticketCreate"]
    assert data["errors"] == []
    return data["ticket"]["id"]


def _refund_both_lines(cashier, complaint_id):
    options = _post(OPTIONS, {"ticket": complaint_id}, cashier)["ticketRefundOptions"]
    assert options["canRefund"] is True
    lines = [
        {"orderLineId": line["orderLineId"], "quantity": line["suggestedQuantity"]}
        for line in options["lines"]
    ]
    assert len(lines) == 2 and all(line["quantity"] > 0 for line in lines)
    return _post(
        REFUND,
        {
            "id": complaint_id,
            "input": {"idempotencyKey": "story-1", "lines": lines, "reason": "Bruch"},
        },
        cashier,
    )["ticketRefundCreate"]


@pytest.mark.django_db
def test_refunding_two_lines_through_the_transactions_api(
    order, complaint_id, cashier, django_capture_on_commit_callbacks
):
    # given the order was paid through a payment app that answers later
    pay_by_transaction(order)

    # when staff refund both lines from the complaint
    data = _refund_both_lines(cashier, complaint_id)

    # then Saleor holds a granted refund, requested from the payment app
    assert data["errors"] == []
    assert data["refund"]["state"] == "PENDING"
    assert data["refund"]["method"] == "TRANSACTION"
    granted = order.granted_refunds.get()
    assert granted.status == OrderGrantedRefundStatus.PENDING
    assert granted.lines.count() == 2
    # Saleor keeps three places; the API shows the currency's (USD, EUR: two)
    assert granted.amount_value == Decimal(data["refund"]["amount"])
    assert (
        data["refund"]["amount"]
        == f"{quantize_price(granted.amount_value, order.currency):f}"
    )
    ticket = Ticket.objects.get()
    assert order.events.filter(
        type=OrderEvents.NOTE_ADDED,
        parameters__message__icontains=f"helpdesk ticket #{ticket.number}",
    ).exists()

    # when the payment app reports the refund done (Saleor calls order_refunded)
    with django_capture_on_commit_callbacks(execute=True):
        answer_refund_requests(order, success=True)

    # then the ticket shows the refund succeeded and the customer was told twice
    shown = _post(TICKET, {"id": complaint_id}, cashier)["ticket"]
    assert shown["refunds"] == [
        {"state": "SUCCEEDED", "amount": data["refund"]["amount"]}
    ]
    types = [event["type"] for event in shown["events"]]
    assert "REFUND_REQUESTED" in types and "REFUND_UPDATED" in types
    assert "ORDER_EVENT" in types
    granted.refresh_from_db()
    assert granted.status == OrderGrantedRefundStatus.SUCCESS
    to_customer = set(
        EmailMessage.objects.filter(ticket=ticket).values_list(
            "notification", flat=True
        )
    )
    assert {"refund_requested", "refund_completed"} <= to_customer


@pytest.mark.django_db
def test_refunding_two_lines_of_a_legacy_payment(order, complaint_id, cashier):
    payment = pay_by_payment(order)

    data = _refund_both_lines(cashier, complaint_id)

    assert data["errors"] == []
    assert data["refund"] == {
        "state": "SUCCEEDED",
        "method": "PAYMENT",
        "amount": data["refund"]["amount"],
    }
    payment.refresh_from_db()
    assert payment.captured_amount == 0
    assert TicketRefund.objects.get().state == "succeeded"
    assert order.fulfillments.filter(status="refunded").count() == 1


@pytest.mark.django_db
def test_saleor_refuses_a_staff_user_without_access_to_the_orders_channel(
    order, complaint_id, other_channel
):
    # given staff whose Saleor groups only open another channel
    outsider = StaffFactory(email="aussen@shop.example")
    grant(outsider, "MANAGE_ORDERS", "HANDLE_PAYMENTS", channels=[other_channel])
    pay_by_transaction(order)

    data = _post(
        REFUND,
        {"id": complaint_id, "input": {"idempotencyKey": "x", "amount": "1.00"}},
        access_token_for(outsider),
    )["ticketRefundCreate"]

    assert data["errors"] == [
        {"field": "id", "code": "NOT_FOUND", "message": "Ticket not found."}
    ]
    assert order.granted_refunds.count() == 0
