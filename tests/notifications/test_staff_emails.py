"""E-mails to staff: new tickets in their queue, customer replies, assignments."""

import pytest

from saleor_helpdesk.actions import add_comment, assign_ticket, claim_ticket
from saleor_helpdesk.actor import Actor
from saleor_helpdesk.models import SupportAgent
from saleor_helpdesk.permissions import Perm
from tests.factories import (
    ContactFactory,
    StaffFactory,
    SupportAgentFactory,
    make_ticket,
)


@pytest.fixture
def queue(db, staff_user, colleague):
    """`staff_user` serves the complaints queue; `colleague` serves no particular one."""
    contact = ContactFactory(slug="reklamationen", name="Reklamationen")
    SupportAgent.objects.get(user=staff_user).contacts.add(contact)
    return contact


def test_a_new_ticket_goes_to_the_agents_of_its_queue(
    committed, customer_actor, channel, queue, staff_user, colleague, mailoutbox
):
    ticket = committed(
        make_ticket,
        customer_actor,
        subject="Henkel ab",
        body="<p>Der Henkel ist ab.</p>",
        channel_id=channel.pk,
        contact_id=queue.pk,
    )

    by_recipient = {tuple(mail.to): mail for mail in mailoutbox}
    assert set(by_recipient) == {("kunde@example.de",), ("agent@shop.example",)}
    staff_mail = by_recipient[("agent@shop.example",)]
    assert staff_mail.subject == f"[#{ticket.number}] New ticket: Henkel ab"
    assert "Der Henkel ist ab." in staff_mail.body
    assert staff_mail.cc == []


def test_a_ticket_without_queue_goes_to_agents_of_no_particular_queue(
    committed, customer_actor, channel, queue, staff_user, colleague, mailoutbox
):
    committed(make_ticket, customer_actor, channel_id=channel.pk)

    assert sorted(tuple(mail.to) for mail in mailoutbox) == [
        ("colleague@shop.example",),
        ("kunde@example.de",),
    ]


def test_staff_mails_are_in_the_staff_users_language(
    committed, customer_actor, channel, mailoutbox
):
    german = SupportAgentFactory(
        user=StaffFactory(email="de@shop.example", language_code="de")
    ).user

    committed(make_ticket, customer_actor, channel_id=channel.pk)

    [mail] = [m for m in mailoutbox if m.to == [german.email]]
    assert "Neues Ticket" in mail.subject


def test_a_customer_reply_reaches_the_assignee_only(
    committed, customer_actor, channel, staff_user, colleague, mailoutbox
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    assign_ticket(
        Actor.staff(colleague, {Perm.MANAGE_ORDERS.value}), ticket.pk, staff_user.pk
    )

    committed(add_comment, customer_actor, ticket.pk, "<p>Noch eine Frage.</p>")

    [mail] = mailoutbox
    assert mail.to == ["agent@shop.example"]
    assert mail.subject == f"[#{ticket.number}] Customer reply: {ticket.subject}"
    assert "Noch eine Frage." in mail.body


def test_an_assignment_is_mailed_to_the_assignee_unless_they_took_it_themselves(
    committed, customer_actor, channel, staff_user, colleague, mailoutbox
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    boss = Actor.staff(colleague, {Perm.MANAGE_ORDERS.value})

    committed(assign_ticket, boss, ticket.pk, staff_user.pk)
    [mail] = mailoutbox
    assert mail.to == ["agent@shop.example"]
    assert mail.subject == f"[#{ticket.number}] Assigned to you: {ticket.subject}"

    mailoutbox.clear()
    committed(
        claim_ticket, Actor.staff(colleague, {Perm.MANAGE_ORDERS.value}), ticket.pk
    )
    assert mailoutbox == []
