"""Forwarding, merging and deciding complaints."""

import pytest
from django.core import mail

from saleor_helpdesk.actions import (
    add_attachments,
    add_comment,
    decide_complaint,
    forward_ticket,
    merge_tickets,
)
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Comment, Ticket
from tests.assertions import raises_error
from tests.factories import AttachmentFileFactory, make_complaint, make_ticket


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk)


# --- forward --------------------------------------------------------------------------


def test_forward_to_a_colleague_assigns_with_an_internal_note(
    ticket, staff_actor, colleague
):
    forward_ticket(
        staff_actor, ticket.pk, message="Bitte übernehmen", to_user_id=colleague.pk
    )

    ticket.refresh_from_db()
    assert ticket.assignee == colleague
    note = ticket.comments.last()
    assert note.is_internal
    assert "Bitte übernehmen" in note.body
    assert ticket.events.last().type == "forwarded"


def test_forward_outside_mails_the_public_thread_after_commit_only(
    ticket, staff_actor, django_capture_on_commit_callbacks
):
    add_comment(staff_actor, ticket.pk, "Geheime Notiz", internal=True)
    add_comment(staff_actor, ticket.pk, "Öffentliche Antwort")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        forward_ticket(
            staff_actor,
            ticket.pk,
            message="FYI Spedition",
            to_email="spedition@example.org",
        )
    # nothing is sent before the transaction commits
    assert mail.outbox == []
    for callback in callbacks:
        callback()

    [message] = mail.outbox
    assert message.to == ["spedition@example.org"]
    # in the ticket's language (Anna's: German), with the ticket's subject token
    assert message.subject == f"[#{ticket.number}] WG: Where is my parcel?"
    assert "Öffentliche Antwort" in message.body
    assert "FYI Spedition" in message.body
    assert "Geheime Notiz" not in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    # the outside address is not copied into the timeline's parameters
    assert "spedition@example.org" not in str(ticket.events.last().parameters)


def test_forward_needs_exactly_one_target(ticket, staff_actor, colleague):
    with raises_error(
        "to", "required", "Forward to a colleague or to an e-mail address."
    ):
        forward_ticket(staff_actor, ticket.pk, message="x")
    with raises_error("to", "required"):
        forward_ticket(
            staff_actor,
            ticket.pk,
            message="x",
            to_user_id=colleague.pk,
            to_email="a@b.de",
        )


def test_forward_to_an_invalid_address_is_refused(ticket, staff_actor):
    with raises_error("to_email", "invalid_email"):
        forward_ticket(staff_actor, ticket.pk, message="x", to_email="nope")


# --- merge ----------------------------------------------------------------------------


def test_merge_moves_everything_and_points_to_the_survivor(
    customer_actor, staff_actor, order
):
    mug, pot = order.lines.order_by("product_name")
    target = make_complaint(customer_actor, order, lines=[(mug, 1)])
    source = make_complaint(customer_actor, order, lines=[(mug, 2), (pot, 1)])
    add_comment(staff_actor, source.pk, "Notiz", internal=True)
    add_attachments(customer_actor, source.pk, [AttachmentFileFactory.png()])
    moved_comments = set(source.comments.values_list("pk", flat=True))
    moved_events = set(source.events.values_list("pk", flat=True))

    survivor = merge_tickets(staff_actor, source.pk, target.pk)

    source.refresh_from_db()
    assert survivor == target
    assert source.merged_into == target
    assert source.status.slug == "closed"
    assert moved_comments <= set(target.comments.values_list("pk", flat=True))
    assert moved_events <= set(target.events.values_list("pk", flat=True))
    assert target.attachments.count() == 1
    # the mug stays once, with the survivor's quantity; the pot moves over
    assert sorted(target.lines.values_list("product_name", "quantity")) == [
        ("Kaffeebecher", 1),
        ("Teekanne", 1),
    ]
    assert target.events.filter(type="merged_from").exists()
    assert source.events.filter(type="merged").exists()


def test_a_merged_ticket_takes_no_more_replies(customer_actor, staff_actor, channel):
    a = make_ticket(customer_actor, channel_id=channel.pk)
    b = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(staff_actor, a.pk, b.pk)

    with raises_error(
        "id",
        "merged",
        "This ticket was merged into another one; work on that ticket instead.",
    ):
        add_comment(customer_actor, a.pk, "Hallo")


def test_tickets_of_different_customers_are_never_merged(
    customer_actor, other_customer, staff_actor, channel
):
    mine = make_ticket(customer_actor, channel_id=channel.pk)
    theirs = make_ticket(Actor.customer(other_customer), channel_id=channel.pk)

    with raises_error(
        "target",
        "customer_mismatch",
        "Only tickets of the same customer can be merged.",
    ):
        merge_tickets(staff_actor, mine.pk, theirs.pk)


def test_a_ticket_is_not_merged_into_itself(ticket, staff_actor):
    with raises_error(
        "target", "same_ticket", "A ticket cannot be merged into itself."
    ):
        merge_tickets(staff_actor, ticket.pk, ticket.pk)


def test_customers_cannot_merge(customer_actor, channel):
    a = make_ticket(customer_actor, channel_id=channel.pk)
    b = make_ticket(customer_actor, channel_id=channel.pk)

    with raises_error(None, "permission_denied"):
        merge_tickets(customer_actor, a.pk, b.pk)
    assert not Ticket.objects.filter(merged_into__isnull=False).exists()


# --- complaints -----------------------------------------------------------------------


def test_decide_a_complaint(customer_actor, staff_actor, staff_user, order):
    ticket = make_complaint(customer_actor, order)

    decide_complaint(
        staff_actor, ticket.pk, "refund", "<p>Erstattung <b>genehmigt</b></p>"
    )

    complaint = ticket.complaint
    complaint.refresh_from_db()
    assert complaint.decision == "refund"
    assert complaint.decided_by == staff_user
    assert complaint.decision_note == "<p>Erstattung <b>genehmigt</b></p>"
    assert ticket.events.last().parameters == {"decision": "refund"}


def test_a_question_has_no_complaint_to_decide(ticket, staff_actor):
    with raises_error("id", "not_a_complaint", "This ticket is not a complaint."):
        decide_complaint(staff_actor, ticket.pk, "refund")


@pytest.mark.parametrize("decision", ["pending", "maybe"])
def test_a_decision_must_be_a_decision(customer_actor, staff_actor, order, decision):
    ticket = make_complaint(customer_actor, order)

    with raises_error("decision", "invalid", "Choose a decision."):
        decide_complaint(staff_actor, ticket.pk, decision)


def test_comments_are_kept_in_order(ticket, staff_actor, customer_actor):
    add_comment(staff_actor, ticket.pk, "eins")
    add_comment(customer_actor, ticket.pk, "zwei")

    assert [c.body for c in Comment.objects.filter(ticket=ticket)][1:] == [
        "eins",
        "zwei",
    ]
