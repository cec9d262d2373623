"""A refund's amount as people and systems read it: at the currency's precision in the
customer's e-mail (written as their language writes money), on the ticket's timeline
(which webhook payloads copy) and in the note on the shop's order."""

from dataclasses import replace
from decimal import Decimal

import pytest

from saleor_helpdesk.actions.refunds import RefundRequest, request_refund
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import EmailMessage
from tests.factories import (
    ChannelFactory,
    OrderFactory,
    OrderLineFactory,
    UserFactory,
    access_token_for,
    grant,
    make_complaint,
    order_events_of,
    pay_by_transaction,
)

NBSP = "\xa0"  # babel (CLDR) puts a no-break space between number and symbol

# (currency, customer's language, unit price of two pieces, in the e-mail, elsewhere)
CASES = {
    "EUR in German": ("EUR", "de", "22.50", f"45,00{NBSP}€", "45.00"),
    "EUR in English": ("EUR", "en", "22.50", "€45.00", "45.00"),
    "USD in English": ("USD", "en", "22.50", "$45.00", "45.00"),
    "USD in German": ("USD", "de", "22.50", f"45,00{NBSP}$", "45.00"),
    "JPY in German": ("JPY", "de", "2250", f"4.500{NBSP}¥", "4500"),
    "JPY in English": ("JPY", "en", "2250", "¥4,500", "4500"),
    "KWD in English": ("KWD", "en", "22.5", "KWD45.000", "45.000"),
}


@pytest.fixture
def refunder(staff_user):
    grant(staff_user, "MANAGE_ORDERS", "HANDLE_PAYMENTS")
    actor = Actor.staff(
        staff_user, {Perm.MANAGE_ORDERS.value, Perm.HANDLE_PAYMENTS.value}
    )
    return replace(actor, credentials=access_token_for(staff_user))


@pytest.mark.parametrize(
    ("currency", "language", "unit_price", "in_email", "plain"),
    list(CASES.values()),
    ids=list(CASES),
)
def test_the_refunds_amount_is_written_at_the_currencys_precision(
    refunder,
    django_capture_on_commit_callbacks,
    currency,
    language,
    unit_price,
    in_email,
    plain,
):
    # given a paid complaint about two pieces, from a customer writing `language`
    customer = UserFactory(language_code=language)
    channel = ChannelFactory(slug="shop", currency_code=currency)
    order = OrderFactory(
        user=customer,
        user_email=customer.email,
        channel=channel,
        language_code=language,
    )
    line = OrderLineFactory(
        order=order, quantity=2, unit_price_gross_amount=Decimal(unit_price)
    )
    pay_by_transaction(order)
    complaint = make_complaint(Actor.customer(customer), order, lines=[(line, 2)])

    # when staff refund both pieces (the shop stores the price with three places)
    with django_capture_on_commit_callbacks(execute=True):
        refund = request_refund(
            refunder,
            complaint.pk,
            RefundRequest(idempotency_key="k", lines=((str(line.pk), 2),)),
        )

    # then the customer's e-mail writes the amount as their language writes money
    mail = EmailMessage.objects.get(ticket=complaint, notification="refund_requested")
    assert in_email in mail.body_text
    assert in_email in mail.body_html
    # and the timeline (copied into the `refund.requested` webhook payload) has the
    # plain amount at precision, as a string
    [requested] = complaint.events.filter(type="refund_requested")
    assert requested.parameters == {
        "amount": plain,
        "currency": currency,
        "reference": refund.reference,
    }
    # and so has the note on the shop's order
    note_type, note = order_events_of(order)[-1]
    assert note_type == "note_added"
    assert note["message"] == (
        f"Refund of {plain} {currency} requested from helpdesk ticket "
        f"#{complaint.number} ({refund.reference})."
    )
