"""Contacts (queues): ticketContacts, ticketContactCreate/Update/Delete."""

import pytest

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Contact
from tests.factories import StaffFactory, make_ticket
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import gid, refused, succeeded

CUSTOMER_TICKET = """
query Ticket($id: ID!) {
  ticket(id: $id) { contact { slug email responsible { email } } }
}
"""


def contact(slug: str) -> Contact:
    return Contact.objects.get(slug=slug)


def test_staff_read_the_contacts_with_their_responsible(api_for, staff_user):
    # given "webmaster" with an address and a responsible agent
    Contact.objects.filter(slug="webmaster").update(
        email="web@shop.example", responsible=staff_user
    )

    # when a staff user who works tickets lists the contacts
    contacts = api_for("staff_with_manage_orders")(op.TICKET_CONTACTS)["ticketContacts"]

    # then they see them in order, with address and responsible person
    assert [c["slug"] for c in contacts] == ["customer-service", "webmaster"]
    assert contacts[1]["email"] == "web@shop.example"
    assert contacts[1]["responsible"] == {"email": "agent@shop.example"}


def test_customers_do_not_see_who_handles_a_queue(
    customer_api, customer, channel, staff_user
):
    # given a customer's ticket to "webmaster", which has an address and a responsible
    webmaster = contact("webmaster")
    Contact.objects.filter(pk=webmaster.pk).update(
        email="web@shop.example", responsible=staff_user
    )
    ticket = make_ticket(
        Actor.customer(customer), channel_id=channel.pk, contact_id=webmaster.pk
    )

    # when the customer reads the ticket's contact
    data = customer_api(CUSTOMER_TICKET, {"id": gid("Ticket", ticket.pk)})

    # then the inner details are null
    assert data["ticket"]["contact"] == {
        "slug": "webmaster",
        "email": None,
        "responsible": None,
    }


def test_a_manager_adds_a_contact(manager_api, staff_user):
    # when a manager adds a queue with an address and a responsible agent
    payload = succeeded(
        manager_api,
        op.TICKET_CONTACT_CREATE,
        {
            "input": {
                "slug": "returns",
                "name": "Returns",
                "translations": [{"languageCode": "de", "name": "Rücksendungen"}],
                "email": " returns@shop.example ",
                "description": "Everything about sending things back.",
                "responsible": gid("User", staff_user.pk),
            }
        },
    )

    # then it is stored last
    created = contact("returns")
    assert (created.name, created.email, created.responsible, created.position) == (
        "Returns",
        "returns@shop.example",
        staff_user,
        2,
    )
    assert created.translations == {"de": "Rücksendungen"}
    assert payload["contact"]["responsible"] == {"email": "agent@shop.example"}


@pytest.mark.parametrize(
    ("change", "field", "code", "message"),
    [
        ({"slug": None}, "slug", "REQUIRED", "This field is required."),
        (
            {"slug": "webmaster"},
            "slug",
            "UNIQUE",
            "A contact with the slug 'webmaster' exists already.",
        ),
        (
            {"email": "returns(at)shop"},
            "email",
            "INVALID_EMAIL",
            "'returns(at)shop' is not an e-mail address.",
        ),
        (
            {"description": "d" * 2001},
            "description",
            "INVALID",
            "At most 2000 characters are allowed.",
        ),
        (
            {"responsible": "outsider"},
            "responsible",
            "NOT_A_SUPPORT_AGENT",
            "Only an active member of the support team can be responsible.",
        ),
        (
            {"responsible": "not-an-id"},
            "responsible",
            "INVALID",
            "Invalid ID: expected an ID of type User.",
        ),
    ],
)
def test_an_invalid_contact_is_refused(manager_api, change, field, code, message):
    # given a contact input with one mistake (a staff user outside the team, say)
    if change.get("responsible") == "outsider":
        change = {"responsible": gid("User", StaffFactory().pk)}
    given = {"slug": "returns", "name": "Returns", **change}
    given = {key: value for key, value in given.items() if value is not None}

    # when a manager sends it
    error = refused(manager_api, op.TICKET_CONTACT_CREATE, {"input": given})

    # then it is a typed error and nothing was written
    assert error == {"field": field, "code": code, "message": message}


def test_a_manager_takes_the_responsible_off_a_contact(manager_api, staff_user):
    # given "webmaster" with a responsible agent
    webmaster = contact("webmaster")
    Contact.objects.filter(pk=webmaster.pk).update(responsible=staff_user)

    # when a manager sets nobody and deactivates it
    succeeded(
        manager_api,
        op.TICKET_CONTACT_UPDATE,
        {
            "id": gid("TicketContact", webmaster.pk),
            "input": {"responsible": None, "isActive": False},
        },
    )

    # then nobody is responsible and customers can no longer choose it
    webmaster.refresh_from_db()
    assert (webmaster.responsible, webmaster.is_active, webmaster.name) == (
        None,
        False,
        "Webmaster",
    )


def test_a_manager_deletes_an_unused_contact(manager_api):
    webmaster = contact("webmaster")

    payload = succeeded(
        manager_api,
        op.TICKET_CONTACT_DELETE,
        {"id": gid("TicketContact", webmaster.pk)},
    )

    assert not Contact.objects.filter(pk=webmaster.pk).exists()
    assert payload["contact"]["slug"] == "webmaster"


def test_a_contact_tickets_use_cannot_be_deleted(manager_api, customer, channel):
    # given a ticket to "customer-service"
    service = contact("customer-service")
    make_ticket(
        customer_email=customer.email, channel_id=channel.pk, contact_id=service.pk
    )

    # when a manager deletes that contact
    error = refused(
        manager_api, op.TICKET_CONTACT_DELETE, {"id": gid("TicketContact", service.pk)}
    )

    # then it is refused
    assert error == {
        "field": "id",
        "code": "IN_USE",
        "message": "Tickets use this contact (1): deactivate it instead.",
    }
