"""ticketOrderLink: tie a ticket to an order and the lines it is about."""

import pytest

from tests.factories import OrderFactory, OrderLineFactory, UserFactory
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

TICKET_ORDER_LINK = """
mutation TicketOrderLink($id: ID!, $order: ID!, $lines: [TicketLineInput!]) {
  ticketOrderLink(id: $id, order: $order, lines: $lines) {
    errors { field code message }
    ticket { id order { id number } lines { productName quantity reason note } }
  }
}
"""


def link(ticket, order, lines=None) -> dict:
    return {
        "id": gid("Ticket", ticket.pk),
        "order": gid("Order", order.pk),
        "lines": lines,
    }


def line_input(line, quantity=1, reason="DEFECTIVE", note="") -> dict:
    return {
        "orderLineId": gid("OrderLine", line.pk),
        "quantity": quantity,
        "reason": reason,
        "note": note,
    }


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_link_an_order(api_as, caller, ticket, order):
    # given the customer's ticket without an order, and a caller who is not staff
    before = snapshot()

    # when they link the customer's order
    data = api_as(caller)(TICKET_ORDER_LINK, link(ticket, order))["ticketOrderLink"]

    # then they are refused and the ticket has no order
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None}
    assert snapshot() == before


def test_staff_of_another_channel_may_not_use_the_order(
    other_channel_staff_api, ticket, order
):
    # given staff who work only in another channel
    before = snapshot()

    # when they link an order of the default channel
    data = other_channel_staff_api(TICKET_ORDER_LINK, link(ticket, order))[
        "ticketOrderLink"
    ]

    # then the order's channel is out of their reach
    assert data == {
        "errors": [
            {
                "field": "order",
                "code": "PERMISSION_DENIED",
                "message": "You have no access to this order's channel.",
            }
        ],
        "ticket": None,
    }
    assert snapshot() == before


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, other_channel, ticket
):
    # given an order in the staff user's channel
    their_order = OrderFactory(channel=other_channel)
    before = snapshot()

    # when they link it to a ticket of the default channel
    data = other_channel_staff_api(TICKET_ORDER_LINK, link(ticket, their_order))[
        "ticketOrderLink"
    ]

    # then the ticket is not found for them
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None}
    assert snapshot() == before


def test_staff_link_an_order_with_lines(staff_api, ticket, order):
    # given the customer's question and their order with a mug and a teapot
    mug = order.lines.get(product_name="Kaffeebecher")

    # when staff link the order and the mug
    data = staff_api(
        TICKET_ORDER_LINK,
        link(ticket, order, [line_input(mug, 2, note="Henkel ab")]),
    )["ticketOrderLink"]

    # then the ticket names the order and the line
    assert data == {
        "errors": [],
        "ticket": {
            "id": gid("Ticket", ticket.pk),
            "order": {"id": gid("Order", order.pk), "number": str(order.number)},
            "lines": [
                {
                    "productName": "Kaffeebecher",
                    "quantity": 2,
                    "reason": "DEFECTIVE",
                    "note": "Henkel ab",
                }
            ],
        },
    }
    ticket.refresh_from_db()
    assert ticket.order_id == order.pk
    assert [(line.order_line_id, line.quantity) for line in ticket.lines.all()] == [
        (mug.pk, 2)
    ]
    assert ticket.events.order_by("pk").last().type == "order_linked"


def test_linking_again_replaces_the_lines(staff_api, ticket, order):
    # given a ticket linked with the mug
    mug = order.lines.get(product_name="Kaffeebecher")
    teapot = order.lines.get(product_name="Teekanne")
    staff_api(TICKET_ORDER_LINK, link(ticket, order, [line_input(mug)]))

    # when staff link the same order with the teapot
    data = staff_api(TICKET_ORDER_LINK, link(ticket, order, [line_input(teapot)]))[
        "ticketOrderLink"
    ]

    # then only the teapot is left
    assert [line["productName"] for line in data["ticket"]["lines"]] == ["Teekanne"]
    assert list(ticket.lines.values_list("order_line_id", flat=True)) == [teapot.pk]


@pytest.mark.parametrize(
    "case, error",
    [
        (
            "another_customers_order",
            {
                "field": "order",
                "code": "ORDER_MISMATCH",
                "message": "The order belongs to another customer.",
            },
        ),
        (
            "another_channels_order",
            {
                "field": "order",
                "code": "CHANNEL_MISMATCH",
                "message": "The order belongs to another channel than the ticket.",
            },
        ),
        (
            "line_of_another_order",
            {
                "field": "lines",
                "code": "LINE_NOT_IN_ORDER",
                "message": "This line is not part of the order.",
            },
        ),
        (
            "too_many_pieces",
            {
                "field": "lines",
                "code": "QUANTITY_EXCEEDED",
                "message": "Quantity for 'Kaffeebecher' must be between 1 and 2.",
            },
        ),
        (
            "not_an_order_id",
            {
                "field": "order",
                "code": "INVALID",
                "message": "Invalid ID: expected an ID of type Order.",
            },
        ),
    ],
)
def test_bad_input_is_a_typed_error_and_changes_nothing(
    staff_api, ticket, order, channel, other_channel, case, error
):
    # given an order or a line that does not fit the ticket
    mug = order.lines.get(product_name="Kaffeebecher")
    variables = link(ticket, order, [line_input(mug)])
    if case == "another_customers_order":
        variables["order"] = gid(
            "Order", OrderFactory(user=UserFactory(), channel=channel).pk
        )
        variables["lines"] = None
    elif case == "another_channels_order":
        variables["order"] = gid(
            "Order", OrderFactory(user=ticket.customer, channel=other_channel).pk
        )
        variables["lines"] = None
    elif case == "line_of_another_order":
        variables["lines"] = [line_input(OrderLineFactory())]
    elif case == "too_many_pieces":
        variables["lines"] = [line_input(mug, quantity=3)]
    else:
        variables["order"] = gid("Ticket", ticket.pk)
    before = snapshot()

    # when staff link it
    data = staff_api(TICKET_ORDER_LINK, variables)["ticketOrderLink"]

    # then it is refused and the ticket keeps no order
    assert data == {"errors": [error], "ticket": None}
    assert snapshot() == before
