"""customerDataErase: staff with MANAGE_USERS erase a customer's (or a guest's)
personal data from their tickets; the tickets stay, anonymised, for statistics."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import (
    Attachment,
    Comment,
    CustomerResponsible,
    EmailMessage,
    Ticket,
    TicketEvent,
    WebhookDelivery,
)
from saleor_helpdesk.tickets.statistics import ticket_statistics
from tests.factories import make_ticket
from tests.files import samples
from tests.graphql.conftest import Api
from tests.privacy.conftest import (
    SECRETS,
    everything_stored,
    gid,
    stored_files,
)

CUSTOMER_DATA_ERASE = """
mutation Erase($customer: ID, $email: String) {
  customerDataErase(customer: $customer, email: $email) {
    errors { field code message }
    erasure { ticketCount attachmentCount emailCount webhookDeliveryCount nothingToErase }
  }
}
"""
CUSTOMER_TICKETS = """
{ tickets(first: 10) { totalCount edges { node { subject } } } }
"""
STAFF_TICKET = """
query($id: ID!) {
  ticket(id: $id) {
    subject customerEmail customerName ccEmails personalDataErasedAt
    customer { id }
    complaint { description customerNumber decisionNote }
    comments(first: 20) { edges { node { body authorName authorType } } }
    attachments { name removedAt url }
    events { type parameters }
  }
}
"""
DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_USERS permission to erase a customer's data.",
}


def erase(api: Api, **variables) -> dict:
    return api(CUSTOMER_DATA_ERASE, variables)["customerDataErase"]


@pytest.mark.parametrize("caller", ["anonymous", "customer", "staff_without"])
def test_only_staff_with_manage_users_may_erase(callers, caller, customer, annas_data):
    # given Anna's tickets and a caller without MANAGE_USERS
    before = everything_stored()

    # when they ask to erase her data
    data = erase(callers[caller], customer=gid("User", customer.pk))

    # then they are refused and nothing changed
    assert data == {"errors": [DENIED], "erasure": None}
    assert everything_stored() == before


def test_staff_with_manage_users_erase_everything_about_the_customer(
    callers, customer, annas_data, django_capture_on_commit_callbacks
):
    # given Anna's complaint and question, with files, e-mails and webhook deliveries
    complaint, other = annas_data["complaint"], annas_data["other"]
    assert EmailMessage.objects.filter(ticket=complaint).exists()
    assert WebhookDelivery.objects.filter(
        payload__ticket__id=gid("Ticket", complaint.pk)
    ).exists()
    assert len(stored_files()) == 3  # her photo twice, the staff's label
    emails = EmailMessage.objects.exclude(ticket=other).count()
    other_deliveries = WebhookDelivery.objects.filter(
        payload__ticket__id=gid("Ticket", other.pk)
    ).count()
    deliveries = WebhookDelivery.objects.count() - other_deliveries

    # when the privacy officer erases her data
    with django_capture_on_commit_callbacks(execute=True):
        data = erase(callers["staff_with"], customer=gid("User", customer.pk))

    # then both tickets are erased: files, e-mails and deliveries about them are gone
    assert data["errors"] == []
    assert data["erasure"] == {
        "ticketCount": 2,
        "attachmentCount": 3,
        "emailCount": emails,
        "webhookDeliveryCount": deliveries,
        "nothingToErase": False,
    }
    assert stored_files() == []
    assert not EmailMessage.objects.exclude(ticket=other).exists()
    assert WebhookDelivery.objects.count() == other_deliveries
    # and nothing that names her or that she wrote is stored anywhere
    stored = everything_stored()
    for secret in SECRETS:
        assert secret.lower() not in stored.lower(), secret
    # and the tickets stay, for statistics, with an event naming only the reason
    assert Ticket.objects.count() == 3
    erased = TicketEvent.objects.filter(type=TicketEventType.PERSONAL_DATA_ERASED)
    assert sorted(erased.values_list("ticket_id", "parameters")) == sorted(
        [
            (complaint.pk, {"reason": "request"}),
            (annas_data["question"].pk, {"reason": "request"}),
        ]
    )
    # and Bert's ticket is untouched
    other.refresh_from_db()
    assert other.subject == "Bert fragt"
    assert other.personal_data_erased_at is None


def test_staff_see_the_erased_ticket_with_staff_text_kept(
    callers, customer, annas_data, staff_user
):
    # given Anna's data was erased
    complaint = annas_data["complaint"]
    erase(callers["staff_with"], customer=gid("User", customer.pk))

    # when staff open the complaint
    ticket = callers["staff_with"](STAFF_TICKET, {"id": gid("Ticket", complaint.pk)})[
        "ticket"
    ]

    # then her data is gone and the staff's text stays, with her name blanked
    assert ticket["subject"] == "[erased]"
    assert ticket["customerEmail"] == ""
    assert ticket["customerName"] == ""
    assert ticket["ccEmails"] == []
    assert ticket["customer"] is None
    assert ticket["personalDataErasedAt"] is not None
    assert ticket["complaint"] == {
        "description": "",
        "customerNumber": "",
        "decisionNote": "Ersatz für […]",
    }
    bodies = [
        (edge["node"]["authorType"], edge["node"]["body"])
        for edge in ticket["comments"]["edges"]
    ]
    assert bodies == [
        ("CUSTOMER", ""),
        ("CUSTOMER", ""),
        ("STAFF", "<p>Liebe Frau […], wir ersetzen ihn.</p>"),
        ("STAFF", "<p>[…] ruft oft an.</p>"),
    ]
    assert [a["name"] for a in ticket["attachments"]] == ["", "", ""]
    assert all(a["removedAt"] for a in ticket["attachments"])
    assert ticket["events"][-1] == {
        "type": "PERSONAL_DATA_ERASED",
        "parameters": '{"reason": "request"}',
    }


def test_the_customer_no_longer_sees_the_tickets(callers, customer, annas_data):
    # given Anna's data was erased while her account stays
    erase(callers["staff_with"], customer=gid("User", customer.pk))

    # when she lists her tickets
    data = callers["customer"](CUSTOMER_TICKETS)

    # then there are none: the tickets no longer belong to anyone
    assert data == {"tickets": {"totalCount": 0, "edges": []}}


def test_a_second_erasure_finds_nothing_and_changes_nothing(
    callers, customer, annas_data
):
    # given Anna's data was erased once
    erase(callers["staff_with"], customer=gid("User", customer.pk))
    before = everything_stored()

    # when the officer asks again
    data = erase(callers["staff_with"], customer=gid("User", customer.pk))

    # then the answer says there was nothing to erase, and nothing changed
    assert data == {
        "errors": [],
        "erasure": {
            "ticketCount": 0,
            "attachmentCount": 0,
            "emailCount": 0,
            "webhookDeliveryCount": 0,
            "nothingToErase": True,
        },
    }
    assert everything_stored() == before


def test_a_guest_is_erased_by_e_mail_address(
    callers, guest_actor, guest_order, channel, django_capture_on_commit_callbacks
):
    # given a guest's ticket on their order, with a photo
    ticket = make_ticket(
        guest_actor,
        order_id=guest_order.pk,
        channel_id=channel.pk,
        subject="Gast fragt",
        body="<p>Gast schreibt</p>",
        attachments=[samples.upload("gast.png", samples.PNG)],
    )

    # when the officer erases the guest's address (in other capitals)
    with django_capture_on_commit_callbacks(execute=True):
        data = erase(callers["staff_with"], email="GAST@example.de")

    # then the guest ticket is erased
    assert data["errors"] == []
    assert data["erasure"]["ticketCount"] == 1
    assert data["erasure"]["attachmentCount"] == 1
    ticket.refresh_from_db()
    assert (ticket.subject, ticket.customer_email) == ("[erased]", "")
    assert Comment.objects.get(ticket=ticket).body == ""
    assert stored_files() == []
    assert "gast@example.de" not in everything_stored().lower()


def test_an_address_of_an_account_erases_that_accounts_tickets(
    callers, customer, annas_data
):
    # when the officer gives Anna's address instead of her account
    data = erase(callers["staff_with"], email="kunde@example.de")

    # then her tickets are erased all the same
    assert data["erasure"]["ticketCount"] == 2


def test_the_customers_responsible_person_is_forgotten(
    callers, customer, staff_user, annas_data
):
    # given a responsible support agent for Anna
    CustomerResponsible.objects.create(customer=customer, responsible=staff_user)

    # when her data is erased
    erase(callers["staff_with"], customer=gid("User", customer.pk))

    # then the helpdesk no longer records who looks after her
    assert not CustomerResponsible.objects.filter(customer=customer).exists()


@pytest.mark.parametrize(
    ("variables", "error"),
    [
        (
            {},
            {
                "field": "customer",
                "code": "REQUIRED",
                "message": "Give either a customer or an e-mail address.",
            },
        ),
        (
            {"customer": "VXNlcjo5OTk5OTk=", "email": "a@example.com"},
            {
                "field": "customer",
                "code": "REQUIRED",
                "message": "Give either a customer or an e-mail address.",
            },
        ),
        (
            {"customer": gid("User", 999999)},
            {
                "field": "customer",
                "code": "NOT_FOUND",
                "message": "Customer not found.",
            },
        ),
        (
            {"email": "kein-at-zeichen"},
            {
                "field": "email",
                "code": "INVALID_EMAIL",
                "message": "'kein-at-zeichen' is not an e-mail address.",
            },
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    callers, annas_data, variables, error
):
    # given Anna's tickets
    before = everything_stored()

    # when the officer sends no person, two, an unknown one or a broken address
    data = erase(callers["staff_with"], **variables)

    # then a typed error, and nothing changed
    assert data == {"errors": [error], "erasure": None}
    assert everything_stored() == before


def test_nothing_is_mailed_after_the_erasure(callers, customer, annas_data):
    # given Anna's data was erased
    mail.outbox.clear()
    erase(callers["staff_with"], customer=gid("User", customer.pk))

    # then the erasure itself sent nobody anything
    assert mail.outbox == []
    assert (
        not Attachment.objects.filter(removed_at__isnull=True)
        .exclude(ticket=annas_data["other"])
        .exists()
    )


def test_work_on_an_erased_ticket_mails_nobody_and_reports_no_person(
    callers, customer, annas_data, staff_user
):
    # given Anna's data was erased
    erase(callers["staff_with"], customer=gid("User", customer.pk))
    complaint = annas_data["complaint"]

    # when staff reply on the erased ticket
    add_comment(
        Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value}),
        complaint.pk,
        "<p>Abgeschlossen.</p>",
    )

    # then no e-mail is written for anyone, and the webhook payload names nobody
    assert not EmailMessage.objects.filter(ticket=complaint).exists()
    [delivery] = WebhookDelivery.objects.filter(
        payload__ticket__id=gid("Ticket", complaint.pk)
    )
    assert delivery.payload["ticket"]["customer"] == {
        "id": None,
        "email": "",
        "name": "",
    }
    assert delivery.payload["ticket"]["subject"] == "[erased]"


def test_statistics_keep_their_counts(callers, customer, annas_data, staff_user):
    # given the statistics over Anna's and Bert's tickets
    staff = Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value})

    def statistics():
        now = timezone.now()
        return ticket_statistics(
            staff, since=now - timedelta(days=1), until=now + timedelta(days=1)
        )

    before = statistics()

    # when Anna's data is erased
    erase(callers["staff_with"], customer=gid("User", customer.pk))

    # then every count is the same
    after = statistics()
    assert after.total == before.total == 3
    assert after.by_status == before.by_status
    assert after.by_kind == before.by_kind
    assert after.by_category == before.by_category
    assert after.by_reason == before.by_reason
    assert after.resolution_time == before.resolution_time
