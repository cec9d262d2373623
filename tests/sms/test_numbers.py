"""Which number a ticket's SMS goes to: the order's addresses first (shipping, then
billing), then the customer's default addresses; the first that can take a text, in
E.164."""

import pytest

from saleor_helpdesk.host import StoredPhone
from saleor_helpdesk.sms.numbers import e164, number_of, numbers_for
from tests.factories import AddressFactory, OrderFactory, UserFactory, make_ticket

MOBILE = "+4915112345678"
OTHER_MOBILE = "+4917612345678"
LANDLINE = "+493012345678"


@pytest.mark.parametrize(
    ("number", "country", "expected"),
    [
        ("+4915112345678", "DE", "+4915112345678"),
        # written as people write it, read in the address's country
        ("0151 1234 5678", "DE", "+4915112345678"),
        ("0664 1234567", "AT", "+436641234567"),
        ("(0151) 123-45678", "de", "+4915112345678"),
        ("+43 664 1234567", "DE", "+436641234567"),
        ("+1 415 555 2671", "", "+14155552671"),  # mobile or landline: may text
        # what a text cannot reach
        ("+49 30 12345678", "DE", None),  # a Berlin landline
        ("0800 1234567", "DE", None),  # toll-free
        ("0151 1234", "DE", None),  # too short
        ("0151 12345678", "", None),  # no country to read it in
        ("not a number", "DE", None),
    ],
)
def test_a_number_is_e164_when_a_text_can_reach_it(number, country, expected):
    assert e164(StoredPhone(number, country)) == expected


@pytest.fixture
def customer_with_numbers(customer):
    customer.default_shipping_address = AddressFactory(phone=OTHER_MOBILE)
    customer.default_billing_address = AddressFactory(phone="+4916012345678")
    customer.save()
    return customer


def test_the_orders_shipping_number_comes_first(
    customer_actor, customer_with_numbers, order, channel
):
    order.shipping_address = AddressFactory(phone=MOBILE)
    order.billing_address = AddressFactory(phone="+4916399999999")
    order.save()
    ticket = make_ticket(customer_actor, channel_id=channel.pk, order_id=order.pk)

    assert number_of(ticket) == MOBILE


def test_a_landline_on_the_order_is_passed_over_for_its_billing_number(
    customer_actor, customer_with_numbers, order, channel
):
    order.shipping_address = AddressFactory(phone=LANDLINE)
    order.billing_address = AddressFactory(country="AT", phone="0664 1234567")
    order.save()
    ticket = make_ticket(customer_actor, channel_id=channel.pk, order_id=order.pk)

    assert number_of(ticket) == "+436641234567"


def test_an_order_without_a_mobile_number_falls_back_to_the_customers_addresses(
    customer_actor, customer_with_numbers, order, channel
):
    order.shipping_address = AddressFactory(phone=LANDLINE)
    order.billing_address = AddressFactory(phone="")
    order.save()
    ticket = make_ticket(customer_actor, channel_id=channel.pk, order_id=order.pk)

    assert number_of(ticket) == OTHER_MOBILE


def test_a_ticket_without_an_order_uses_the_customers_default_billing_number(
    customer_actor, customer, channel
):
    customer.default_shipping_address = AddressFactory(phone="")
    customer.default_billing_address = AddressFactory(phone=MOBILE)
    customer.save()
    ticket = make_ticket(customer_actor, channel_id=channel.pk)

    assert number_of(ticket) == MOBILE


def test_a_guests_order_is_all_there_is(guest_actor, guest_order, channel):
    guest_order.billing_address = AddressFactory(phone=MOBILE)
    guest_order.save()
    ticket = make_ticket(guest_actor, channel_id=channel.pk, order_id=guest_order.pk)

    assert number_of(ticket) == MOBILE


def test_no_mobile_number_anywhere_is_none(customer_actor, customer, order, channel):
    order.shipping_address = AddressFactory(phone=LANDLINE)
    order.save()
    customer.default_billing_address = AddressFactory(phone="0800 1234567")
    customer.save()
    ticket = make_ticket(customer_actor, channel_id=channel.pk, order_id=order.pk)

    assert number_of(ticket) is None


def test_an_email_ticket_without_account_or_order_has_none():
    ticket = make_ticket(customer_email="someone@example.com")

    assert number_of(ticket) is None


def test_any_number_of_tickets_costs_two_queries(channel, django_assert_num_queries):
    keys = []
    for n in range(20):
        user = UserFactory(
            default_billing_address=AddressFactory(phone=f"+49151000000{n:02d}")
        )
        order = OrderFactory(
            user=user,
            channel=channel,
            shipping_address=AddressFactory(phone=LANDLINE),
        )
        keys.append((order.pk, user.pk))

    with django_assert_num_queries(2):
        found = numbers_for(keys)

    assert [found[key] for key in keys] == [f"+49151000000{n:02d}" for n in range(20)]
