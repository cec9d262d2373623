"""ticketRefundCreate's amount: accepted only at the currency's precision (babel's currency
data, which Saleor's own `validate_price_precision` reads), refused with a typed error
that changes nothing otherwise, and shown at that precision."""

import re
from decimal import Decimal

import pytest

from saleor_helpdesk.models import EmailMessage, TicketEvent, TicketRefund
from saleor_helpdesk.models.webhook import WebhookDelivery
from tests.factories import (
    ChannelFactory,
    OrderFactory,
    OrderLineFactory,
    StaffFactory,
    SupportAgentFactory,
    access_token_for,
    grant,
    make_complaint,
    order_events_of,
    pay_by_transaction,
)
from tests.graphql.conftest import Api
from tests.graphql.staff.conftest import gid

TICKET_REFUND_CREATE = """
mutation Refund($id: ID!, $input: TicketRefundCreateInput!) {
  ticketRefundCreate(id: $id, input: $input) {
    errors { field code message }
    refund { amount currency }
  }
}
"""

TICKET_REFUND_OPTIONS = """
query Options($ticket: ID!) {
  ticketRefundOptions(ticket: $ticket) {
    currency fractionDigits maxAmount shippingAmount lines { unitPrice }
  }
}
"""

# A unit price at each currency's precision; the order has two of it.
UNIT_PRICES = {
    "USD": Decimal("30.00"),
    "EUR": Decimal("30.00"),
    "JPY": Decimal("4500"),
    "KWD": Decimal("12.345"),
    # Unidad de Fomento: four decimal places, of which Saleor's amount columns (and the
    # helpdesk's) keep three
    "CLF": Decimal("1.235"),
}


def places(currency: str, count: int) -> str:
    return f"The amount cannot have more than {count} decimal places in {currency}."


NOT_POSITIVE = "The amount must be more than zero."
EXPONENT = (
    "Write the amount as a plain decimal number (such as 12.50), without an exponent."
)
TOO_LARGE = "The amount must be lower than 100000000000000000."

# (currency, amount sent, the refund's amount, or the error's (code, message))
AMOUNTS = {
    "USD two places": ("USD", "1.50", "1.50"),
    "USD one place": ("USD", "1.5", "1.50"),
    "USD trailing zero": ("USD", "12.340", "12.34"),
    "USD a float": ("USD", 12.5, "12.50"),
    "USD three places": ("USD", "1.005", ("INVALID", places("USD", 2))),
    "USD a float of three places": ("USD", 1.005, ("INVALID", places("USD", 2))),
    "USD four places": ("USD", "0.0004", ("INVALID", places("USD", 2))),
    "USD negative": ("USD", "-5.00", ("INVALID", NOT_POSITIVE)),
    "USD zero": ("USD", "0.00", ("INVALID", NOT_POSITIVE)),
    "USD exponent": ("USD", "1e2", ("INVALID", EXPONENT)),
    "USD huge exponent": ("USD", "1e999999", ("INVALID", EXPONENT)),
    "USD tiny exponent": ("USD", "1e-999999", ("INVALID", places("USD", 2))),
    "USD beyond the column": ("USD", "100000000000000000", ("INVALID", TOO_LARGE)),
    "USD above the refundable": (
        "USD",
        "60.01",
        ("AMOUNT_EXCEEDS_REFUNDABLE", "At most 60.00 USD can be refunded."),
    ),
    "USD far above the refundable": (
        "USD",
        "99999999999999999.99",
        ("AMOUNT_EXCEEDS_REFUNDABLE", "At most 60.00 USD can be refunded."),
    ),
    "EUR cents": ("EUR", "0.01", "0.01"),
    "EUR tenths of a cent": ("EUR", "0.001", ("INVALID", places("EUR", 2))),
    "JPY whole": ("JPY", "4500", "4500"),
    "JPY with zero decimals": ("JPY", "4500.00", "4500"),
    "JPY with a decimal": ("JPY", "4500.5", ("INVALID", places("JPY", 0))),
    "JPY above the refundable": (
        "JPY",
        "9001",
        ("AMOUNT_EXCEEDS_REFUNDABLE", "At most 9000 JPY can be refunded."),
    ),
    "KWD three places": ("KWD", "1.234", "1.234"),
    "KWD four places": ("KWD", "1.2345", ("INVALID", places("KWD", 3))),
    "CLF three places": ("CLF", "0.123", "0.1230"),
    "CLF four places, beyond the columns": (
        "CLF",
        "0.1234",
        ("INVALID", places("CLF", 3)),
    ),
}


@pytest.fixture
def refunder_api(db):
    agent = SupportAgentFactory(user=StaffFactory(email="kasse@shop.example"))
    grant(agent.user, "MANAGE_ORDERS", "HANDLE_PAYMENTS")
    return Api(access_token_for(agent.user))


def complaint_in(currency, customer, customer_actor):
    """A complaint about an order of two pieces at UNIT_PRICES[currency], paid."""
    channel = ChannelFactory(
        slug=f"shop-{currency.lower()}", name=currency, currency_code=currency
    )
    order = OrderFactory(user=customer, user_email=customer.email, channel=channel)
    line = OrderLineFactory(
        order=order, quantity=2, unit_price_gross_amount=UNIT_PRICES[currency]
    )
    pay_by_transaction(order)
    return make_complaint(customer_actor, order, lines=[(line, 1)]), order


def outbox_and_timeline(ticket, order) -> tuple:
    return (
        TicketRefund.objects.count(),
        EmailMessage.objects.count(),
        WebhookDelivery.objects.count(),
        TicketEvent.objects.filter(ticket=ticket).count(),
        order.granted_refunds.count(),
        len(order_events_of(order)),
    )


@pytest.mark.parametrize(
    ("currency", "amount", "expected"), list(AMOUNTS.values()), ids=list(AMOUNTS)
)
def test_an_amount_is_taken_only_at_the_currencys_precision(
    refunder_api, customer, customer_actor, currency, amount, expected
):
    # given a paid complaint in `currency`
    ticket, order = complaint_in(currency, customer, customer_actor)
    before = outbox_and_timeline(ticket, order)

    # when staff refund `amount`
    data = refunder_api(
        TICKET_REFUND_CREATE,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {"idempotencyKey": "dialog-1", "amount": amount},
        },
    )["ticketRefundCreate"]

    if isinstance(expected, str):
        # then an amount at the precision is refunded as it is, shown at precision
        assert data["errors"] == []
        assert data["refund"] == {"amount": expected, "currency": currency}
        assert TicketRefund.objects.get().amount == Decimal(expected)
        assert order.granted_refunds.get().amount_value == Decimal(expected)
        return
    # then anything else is a typed error on `amount`, and nothing was created: no
    # refund, no grant in the shop, no note, no e-mail, no webhook, no timeline event
    code, message = expected
    assert data == {
        "errors": [{"field": "amount", "code": code, "message": message}],
        "refund": None,
    }
    assert outbox_and_timeline(ticket, order) == before


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity", "viele"])
def test_what_is_no_number_is_refused_before_anything_runs(
    refunder_api, customer, customer_actor, amount
):
    # given a paid complaint
    ticket, order = complaint_in("USD", customer, customer_actor)
    before = outbox_and_timeline(ticket, order)

    # when staff send something that is not a finite decimal number
    response = refunder_api.post(
        TICKET_REFUND_CREATE,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {"idempotencyKey": "dialog-1", "amount": amount},
        },
    )

    # then the request is refused as a whole (the Decimal scalar's error), and nothing
    # was created
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["message"] == (
        f'Variable "$input" got invalid value "{amount}" at "input.amount": Decimal '
        "cannot represent a value that is not a finite decimal number."
    )
    assert outbox_and_timeline(ticket, order) == before


@pytest.mark.parametrize(
    ("currency", "digits", "max_amount", "unit_price"),
    [
        ("USD", 2, "60.00", "30.00"),
        ("JPY", 0, "9000", "4500"),
        ("KWD", 3, "24.690", "12.345"),
        ("CLF", 4, "2.4700", "1.2350"),
    ],
)
def test_the_dialog_shows_amounts_and_digits_at_the_currencys_precision(
    refunder_api, customer, customer_actor, currency, digits, max_amount, unit_price
):
    # given a paid complaint (the shop stores amounts with three decimal places)
    ticket, _order = complaint_in(currency, customer, customer_actor)

    # when staff open the refund dialog
    options = refunder_api(TICKET_REFUND_OPTIONS, {"ticket": gid("Ticket", ticket.pk)})[
        "ticketRefundOptions"
    ]

    # then every amount is written at the currency's precision, which is given too
    assert options == {
        "currency": currency,
        "fractionDigits": digits,
        "maxAmount": max_amount,
        "shippingAmount": f"{Decimal(0).quantize(Decimal(10) ** -digits)}",
        "lines": [{"unitPrice": unit_price}],
    }


def test_a_refund_of_the_lines_is_their_price_at_precision(
    refunder_api, customer, customer_actor
):
    # given a paid complaint in KWD, whose prices have three decimal places
    ticket, order = complaint_in("KWD", customer, customer_actor)
    line = order.lines.get()

    # when staff refund one piece by its line
    data = refunder_api(
        TICKET_REFUND_CREATE,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {
                "idempotencyKey": "dialog-1",
                "lines": [{"orderLineId": gid("OrderLine", line.pk), "quantity": 1}],
            },
        },
    )["ticketRefundCreate"]

    # then the amount is the line's price, with the currency's three places
    assert data == {
        "errors": [],
        "refund": {"amount": "12.345", "currency": "KWD"},
    }


TICKET_ORDER_MONEY = """
query Order($id: ID!) {
  ticket(id: $id) {
    order {
      currency totalGross lines { unitPriceGross }
      payments { charged refunded pendingRefund }
    }
  }
}
"""


@pytest.mark.parametrize(
    ("currency", "amount_pattern", "pending"),
    [
        ("USD", r"\d+\.\d{2}", "1.50"),
        ("JPY", r"\d+", "100"),
        ("KWD", r"\d+\.\d{3}", "1.500"),
    ],
)
def test_the_orders_payments_are_shown_at_the_currencys_precision(
    refunder_api, customer, customer_actor, currency, amount_pattern, pending
):
    # given a paid complaint (two pieces) with a refund requested
    ticket, _order = complaint_in(currency, customer, customer_actor)
    refunder_api(
        TICKET_REFUND_CREATE,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {"idempotencyKey": "k", "amount": pending},
        },
    )

    # when staff look at the ticket's order
    data = refunder_api(TICKET_ORDER_MONEY, {"id": gid("Ticket", ticket.pk)})
    order = data["ticket"]["order"]

    # then the payment's amounts (charged and not refunded, refunded, pending) are
    # strings at the currency's precision that add up to what was charged (how much is
    # still pending is the payment app's to say: the stand-in host's refunds stay
    # pending, Saleor's test shop has no app that takes them); the totals are floats,
    # as Saleor's `Money.amount`, rounded to that precision first
    [payment] = order["payments"]
    assert all(
        re.fullmatch(amount_pattern, value) for value in payment.values()
    ), payment
    assert (
        sum(Decimal(value) for value in payment.values()) == 2 * UNIT_PRICES[currency]
    )
    assert order["totalGross"] == float(2 * UNIT_PRICES[currency])
    assert order["lines"] == [{"unitPriceGross": float(UNIT_PRICES[currency])}]
