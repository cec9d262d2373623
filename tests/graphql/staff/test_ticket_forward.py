"""ticketForward: to a colleague (assigned, with an internal note) or outside."""

import pytest
from django.core import mail

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.models import Comment, EmailMessage
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

TICKET_FORWARD = """
mutation TicketForward($id: ID!, $input: TicketForwardInput!) {
  ticketForward(id: $id, input: $input) {
    errors { field code message }
    ticket { id assignee { email } lastComment { body visibility } }
  }
}
"""


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_forward(api_as, caller, ticket, colleague):
    # given a caller who may not work tickets
    before = snapshot()

    # when they forward the ticket
    data = api_as(caller)(
        TICKET_FORWARD,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {"message": "Bitte", "toUser": gid("User", colleague.pk)},
        },
    )["ticketForward"]

    # then they are refused, nothing changed and nothing was sent
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None}
    assert snapshot() == before
    assert mail.outbox == []


def test_staff_of_another_channel_do_not_find_the_ticket(
    other_channel_staff_api, ticket
):
    # given staff who work only in another channel
    before = snapshot()

    # when they forward a ticket of the default channel outside
    data = other_channel_staff_api(
        TICKET_FORWARD,
        {"id": gid("Ticket", ticket.pk), "input": {"toEmail": "x@example.org"}},
    )["ticketForward"]

    # then the ticket is not found for them
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None}
    assert snapshot() == before


def test_forward_to_a_colleague_assigns_with_an_internal_note(
    staff_api, ticket, colleague
):
    # given an unassigned ticket
    # when staff forward it to a colleague with a note
    data = staff_api(
        TICKET_FORWARD,
        {
            "id": gid("Ticket", ticket.pk),
            "input": {
                "message": "Bitte übernehmen",
                "toUser": gid("User", colleague.pk),
            },
        },
    )["ticketForward"]

    # then the colleague has it, and the note is internal
    assert data == {
        "errors": [],
        "ticket": {
            "id": gid("Ticket", ticket.pk),
            "assignee": {"email": "colleague@shop.example"},
            "lastComment": {
                "body": "<p>Forwarded to colleague@shop.example</p>Bitte übernehmen",
                "visibility": "INTERNAL",
            },
        },
    }
    ticket.refresh_from_db()
    assert ticket.assignee == colleague
    note = ticket.comments.order_by("pk").last()
    assert note.is_internal
    assert ticket.events.order_by("pk").last().type == "forwarded"


def test_forward_outside_mails_the_public_thread_only(
    staff_api, staff_actor, ticket, django_capture_on_commit_callbacks
):
    # given a public reply and an internal note
    add_comment(staff_actor, ticket.pk, "Öffentliche Antwort")
    add_comment(staff_actor, ticket.pk, "Geheime Notiz", internal=True)

    # when staff forward the ticket to a carrier
    with django_capture_on_commit_callbacks(execute=True):
        data = staff_api(
            TICKET_FORWARD,
            {
                "id": gid("Ticket", ticket.pk),
                "input": {"message": "FYI", "toEmail": "spedition@example.org"},
            },
        )["ticketForward"]

    # then the carrier gets the public conversation, never the note
    assert data["errors"] == []
    assert data["ticket"]["assignee"] is None
    [message] = mail.outbox
    assert message.to == ["spedition@example.org"]
    assert "Öffentliche Antwort" in message.body
    assert "Geheime Notiz" not in message.body
    [(html, _)] = message.alternatives
    assert "Öffentliche Antwort" in html and "Geheime Notiz" not in html
    # sent from the outbox, whose row keeps no internal note either
    [row] = EmailMessage.objects.filter(notification="ticket_forwarded")
    assert row.to == ["spedition@example.org"] and row.status == "sent"
    assert "Geheime Notiz" not in row.body_text + row.body_html
    assert Comment.objects.filter(ticket=ticket, visibility="internal").count() == 2


@pytest.mark.parametrize(
    "given, error",
    [
        (
            {"message": "x"},
            {
                "field": "to",
                "code": "REQUIRED",
                "message": "Forward to a colleague or to an e-mail address.",
            },
        ),
        (
            {"toEmail": "a@example.org", "toUser": "colleague"},
            {
                "field": "to",
                "code": "REQUIRED",
                "message": "Forward to a colleague or to an e-mail address.",
            },
        ),
        (
            {"toEmail": "kein-name"},
            {
                "field": "toEmail",
                "code": "INVALID_EMAIL",
                "message": "'kein-name' is not a valid e-mail address.",
            },
        ),
        (
            {"toUser": "customer"},
            {
                "field": "toUser",
                "code": "NOT_A_SUPPORT_AGENT",
                "message": "Forward only to active members of the support team.",
            },
        ),
    ],
)
def test_bad_input_is_a_typed_error_and_changes_nothing(
    staff_api, ticket, customer, colleague, given, error
):
    # given a forward without a target, with two targets, or with a bad one
    users = {"colleague": colleague, "customer": customer}
    if "toUser" in given:
        given["toUser"] = gid("User", users[given["toUser"]].pk)
    before = snapshot()

    # when staff send it
    data = staff_api(TICKET_FORWARD, {"id": gid("Ticket", ticket.pk), "input": given})[
        "ticketForward"
    ]

    # then it is refused, nothing changed and nothing was sent
    assert data == {"errors": [error], "ticket": None}
    assert snapshot() == before
    assert mail.outbox == []
