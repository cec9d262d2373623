"""The SMS outbox holds a phone number and what was written to it: the customer's
export carries it, and an erasure removes it (and the provider's error, which quotes
the number)."""

import io
import json
import zipfile

import pytest

from saleor_helpdesk.actions import send_sms_reply
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import SmsMessage, TicketEvent
from saleor_helpdesk.privacy.erase import Person, erase_person
from saleor_helpdesk.privacy.export import export_person
from tests.factories import AddressFactory, make_ticket


@pytest.fixture
def ticket(customer_actor, customer, channel):
    customer.default_billing_address = AddressFactory(phone="+4915112345678")
    customer.save()
    return make_ticket(customer_actor, channel_id=channel.pk)


def test_the_export_carries_the_texts_sent_to_the_customer(
    twilio, committed, staff_actor, ticket, customer
):
    committed(send_sms_reply, staff_actor, ticket.pk, "Kommt morgen")

    archive = b"".join(export_person(Person(user_id=customer.pk, email=customer.email)))
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        exported = json.loads(opened.read("export.json"))

    [entry] = exported["tickets"]
    [text] = entry["sms"]
    assert (text["to"], text["body"], text["status"]) == (
        "+4915112345678",
        "Kommt morgen",
        "sent",
    )


def test_an_erasure_removes_the_texts_and_the_providers_error(
    twilio, committed, staff_actor, ticket, customer
):
    # given a text Twilio refused, quoting the number
    twilio.refuse(400, 21211, "Invalid 'To' Phone Number: +4915112345678")
    committed(send_sms_reply, staff_actor, ticket.pk, "Kommt morgen")
    assert SmsMessage.objects.count() == 1

    # when the customer's data is erased
    result = erase_person(
        Person(user_id=customer.pk, email=customer.email),
        actor=Actor.system(),
        reason="request",
    )

    # then the outbox row is gone and the failure no longer names the number
    assert result.sms_messages == 1
    assert SmsMessage.objects.count() == 0
    [failed] = TicketEvent.objects.filter(type="sms_failed")
    assert failed.parameters["error"] == ""
