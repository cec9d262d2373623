"""ticketSmsSend, Ticket.smsNumber and helpdeskSmsEnabled: staff reply by SMS to the
number on the customer's order or addresses (Twilio's library against a stand-in of
its API on loopback)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_helpdesk.models import EmailMessage, SmsMessage
from tests.factories import AddressFactory, OrderFactory, UserFactory, make_ticket
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

MOBILE = "+4915112345678"

TICKET_SMS_SEND = """
mutation TicketSmsSend($id: ID!, $body: String!) {
  ticketSmsSend(id: $id, body: $body) {
    errors { field code message }
    ticket { id smsNumber lastComment { body medium visibility } }
    comment { body medium visibility }
  }
}
"""
SMS_NUMBER = """
query SmsNumber($id: ID!) {
  helpdeskSmsEnabled
  ticket(id: $id) { smsNumber }
}
"""
SMS_NUMBERS = """
query SmsNumbers { tickets(first: 50) { edges { node { number smsNumber } } } }
"""


@pytest.fixture
def sms_ticket(ticket, customer):
    """The customer's question, the customer's default address holding a mobile
    number."""
    customer.default_shipping_address = AddressFactory(phone="0151 1234 5678")
    customer.save()
    return ticket


def sms_snapshot() -> tuple:
    return (
        *snapshot(),
        list(SmsMessage.objects.order_by("pk").values()),
        list(EmailMessage.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_send_an_sms(
    api_as, caller, twilio, sms_ticket
):
    # given a caller who may not work tickets
    before = sms_snapshot()

    # when they send an SMS on the ticket
    data = api_as(caller)(
        TICKET_SMS_SEND, {"id": gid("Ticket", sms_ticket.pk), "body": "Hallo"}
    )["ticketSmsSend"]

    # then they are refused and nothing was stored or sent
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None, "comment": None}
    assert sms_snapshot() == before
    assert twilio.received == []


def test_staff_reply_by_sms(
    staff_api, twilio, sms_ticket, django_capture_on_commit_callbacks
):
    # when staff send an SMS reply
    with django_capture_on_commit_callbacks(execute=True):
        data = staff_api(
            TICKET_SMS_SEND,
            {"id": gid("Ticket", sms_ticket.pk), "body": "Kommt morgen.\nTom"},
        )["ticketSmsSend"]

    # then the ticket shows a public SMS reply, and Twilio got the text
    reply = {
        "body": "<p>Kommt morgen.<br>Tom</p>",
        "medium": "SMS",
        "visibility": "PUBLIC",
    }
    assert data == {
        "errors": [],
        "ticket": {
            "id": gid("Ticket", sms_ticket.pk),
            "smsNumber": MOBILE,
            "lastComment": reply,
        },
        "comment": reply,
    }
    assert twilio.texts == [(MOBILE, "Kommt morgen.\nTom")]
    assert SmsMessage.objects.get().status == "sent"
    # and the customer got no e-mail about it
    assert not EmailMessage.objects.filter(notification="staff_reply").exists()
    assert [m for m in mail.outbox if "Kommt morgen" in m.body] == []


def test_the_customer_sees_the_sms_reply_in_their_thread(
    staff_api, customer_api, twilio, sms_ticket
):
    staff_api(TICKET_SMS_SEND, {"id": gid("Ticket", sms_ticket.pk), "body": "Hallo"})

    data = customer_api(
        """query($id: ID!) { ticket(id: $id) { smsNumber lastComment { body medium } } }""",
        {"id": gid("Ticket", sms_ticket.pk)},
    )

    assert data == {
        "ticket": {
            "smsNumber": None,  # staff only
            "lastComment": {"body": "<p>Hallo</p>", "medium": "SMS"},
        }
    }


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, twilio, sms_ticket
):
    before = sms_snapshot()

    data = other_channel_staff_api(
        TICKET_SMS_SEND, {"id": gid("Ticket", sms_ticket.pk), "body": "Hallo"}
    )["ticketSmsSend"]

    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None, "comment": None}
    assert sms_snapshot() == before


def test_without_a_transport_sms_is_refused(staff_api, settings, sms_ticket):
    settings.HELPDESK_SMS_TRANSPORT = ""
    before = sms_snapshot()

    data = staff_api(
        TICKET_SMS_SEND, {"id": gid("Ticket", sms_ticket.pk), "body": "Hallo"}
    )["ticketSmsSend"]

    assert data["errors"] == [
        {
            "field": None,
            "code": "SMS_NOT_CONFIGURED",
            "message": "SMS is not configured.",
        }
    ]
    assert sms_snapshot() == before


def test_a_ticket_without_a_mobile_number_is_refused(staff_api, twilio, ticket):
    before = sms_snapshot()

    data = staff_api(
        TICKET_SMS_SEND, {"id": gid("Ticket", ticket.pk), "body": "Hallo"}
    )["ticketSmsSend"]

    assert data["errors"] == [
        {
            "field": "id",
            "code": "NO_PHONE_NUMBER",
            "message": "Neither the ticket's order nor the customer's addresses hold "
            "a mobile number to send an SMS to.",
        }
    ]
    assert sms_snapshot() == before


def test_a_text_longer_than_three_parts_is_refused(staff_api, twilio, sms_ticket):
    before = sms_snapshot()

    data = staff_api(
        TICKET_SMS_SEND, {"id": gid("Ticket", sms_ticket.pk), "body": "x" * 460}
    )["ticketSmsSend"]

    [error] = data["errors"]
    assert (error["field"], error["code"]) == ("body", "BODY_TOO_LONG")
    assert sms_snapshot() == before
    assert twilio.received == []


def test_staff_see_the_number_and_whether_sms_is_enabled(staff_api, twilio, sms_ticket):
    data = staff_api(SMS_NUMBER, {"id": gid("Ticket", sms_ticket.pk)})

    assert data == {"helpdeskSmsEnabled": True, "ticket": {"smsNumber": MOBILE}}


def test_without_a_transport_there_is_no_number(staff_api, settings, sms_ticket):
    settings.HELPDESK_SMS_TRANSPORT = ""

    data = staff_api(SMS_NUMBER, {"id": gid("Ticket", sms_ticket.pk)})

    assert data == {"helpdeskSmsEnabled": False, "ticket": {"smsNumber": None}}


@pytest.mark.parametrize(
    "caller", ["anonymous", "customer", "staff_without_permission"]
)
def test_only_staff_learn_whether_sms_is_enabled(api_as, caller, twilio):
    data = api_as(caller)("query { helpdeskSmsEnabled }")

    assert data == {"helpdeskSmsEnabled": None}


def test_numbers_of_a_page_of_tickets_cost_two_queries(staff_api, twilio, channel):
    # given 20 tickets whose numbers come from their orders or their customers
    expected = {}
    for n in range(20):
        user = UserFactory(
            default_billing_address=AddressFactory(phone=f"+49151000000{n:02d}")
        )
        order_number = f"+49160000000{n:02d}" if n % 2 else ""
        order = OrderFactory(
            user=user,
            channel=channel,
            shipping_address=AddressFactory(phone=order_number),
        )
        ticket = make_ticket(
            customer_email=user.email,
            customer_id=user.pk,
            order_id=order.pk,
            channel_id=channel.pk,
        )
        expected[ticket.number] = order_number or f"+49151000000{n:02d}"

    # when staff list them with and without their SMS numbers
    with CaptureQueriesContext(connection) as with_numbers:
        edges = staff_api(SMS_NUMBERS)["tickets"]["edges"]
    with CaptureQueriesContext(connection) as without:
        staff_api(SMS_NUMBERS.replace(" smsNumber", ""))

    # then each has its number, and the numbers cost two queries (the orders' and
    # the customers' addresses), however many tickets there are
    assert {e["node"]["number"]: e["node"]["smsNumber"] for e in edges} == expected
    assert len(with_numbers.captured_queries) - len(without.captured_queries) == 2
