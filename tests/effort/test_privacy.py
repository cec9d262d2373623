"""Erasing a person's data reaches time and effort: notes are scrubbed like internal
notes, the time stays; a guest's contract under their address goes."""

from datetime import date
from decimal import Decimal

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.effort.contracts import create_contract
from saleor_helpdesk.effort.manual import add_time_entry
from saleor_helpdesk.models import SupportContract, TimeEntry
from saleor_helpdesk.privacy.erase import Person, erase_person
from tests.factories import make_ticket


def test_time_notes_are_scrubbed_and_the_time_stays(customer, agent_actor, ticket):
    add_time_entry(agent_actor, ticket.pk, minutes=20, note="Rückruf Frau Schmidt")

    erase_person(
        Person(customer.pk, customer.email, ("Anna", "Schmidt")),
        actor=Actor.system(),
        reason="request",
    )

    entry = TimeEntry.objects.get()
    assert "Schmidt" not in entry.note
    assert entry.seconds == 1200


def test_a_guests_contract_goes_with_their_address(channel):
    make_ticket(customer_email="gast@example.de", channel_id=channel.pk)
    create_contract(
        Actor.system(),
        {
            "name": "Gast",
            "customer_email": "gast@example.de",
            "unit": "points",
            "budget": Decimal(5),
            "valid_from": date(2026, 1, 1),
        },
    )

    erase_person(
        Person(None, "Gast@Example.de"), actor=Actor.system(), reason="request"
    )

    assert not SupportContract.objects.exists()
