"""E-mails to staff: new tickets in their queue, customer replies, assignments; only
to staff who may open the ticket (MANAGE_ORDERS in its channel)."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from saleor_helpdesk.actions import add_comment, assign_ticket, claim_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import EmailMessage, SupportAgent
from saleor_helpdesk.timeline import events
from tests.factories import (
    ContactFactory,
    StaffFactory,
    SupportAgentFactory,
    UserFactory,
    grant,
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


def agent_in(email: str, *channels) -> object:
    """A support agent whose MANAGE_ORDERS is restricted to `channels` (none: a team
    member without MANAGE_ORDERS at all)."""
    user = SupportAgentFactory(user=StaffFactory(email=email), works_tickets=False).user
    if channels:
        grant(user, "MANAGE_ORDERS", channels=list(channels))
    return user


def test_a_new_ticket_goes_only_to_agents_who_may_open_it(
    committed, customer_actor, channel, other_channel, staff_user, mailoutbox
):
    # given agents of every channel (`staff_user`), of the other channel only, of both
    # channels through a restricted group, and a team member without MANAGE_ORDERS
    agent_in("usa@shop.example", other_channel)
    agent_in("both@shop.example", channel, other_channel)
    agent_in("ex@shop.example")

    # when a customer opens a ticket in the default channel
    committed(make_ticket, customer_actor, channel_id=channel.pk)

    # then only the agents who may open it are told
    assert sorted(tuple(mail.to) for mail in mailoutbox) == [
        ("agent@shop.example",),
        ("both@shop.example",),
        ("kunde@example.de",),
    ]


def test_a_ticket_of_the_other_channel_reaches_its_agents(
    committed, channel, other_channel, staff_user, mailoutbox
):
    # given an agent of the default channel only, and one of the other channel only
    agent_in("de@shop.example", channel)
    agent_in("usa@shop.example", other_channel)
    customer = Actor.customer(UserFactory(email="buyer@example.com"))

    # when a customer opens a ticket in the other channel
    committed(make_ticket, customer, channel_id=other_channel.pk)

    # then the other channel's agent and the unrestricted one are told
    assert sorted(tuple(mail.to) for mail in mailoutbox) == [
        ("agent@shop.example",),
        ("buyer@example.com",),
        ("usa@shop.example",),
    ]


def test_a_ticket_without_channel_goes_to_agents_of_every_channel(
    committed, channel, other_channel, staff_user, colleague, mailoutbox
):
    # given an agent of every channel (`colleague`) and one restricted to both
    # channels there are
    agent_in("both@shop.example", channel, other_channel)

    # when staff take a ticket without a channel (an e-mail from outside)
    committed(
        make_ticket,
        Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value}),
        customer_email="someone@example.com",
    )

    # then only the agent of every channel is told (a restricted group never opens a
    # ticket without channel)
    assert {tuple(mail.to) for mail in mailoutbox} == {
        ("colleague@shop.example",),
        ("someone@example.com",),
    }


def test_a_customer_reply_is_not_mailed_to_an_assignee_who_lost_the_channel(
    committed, customer_actor, channel, other_channel, staff_user, mailoutbox
):
    # given a ticket assigned to an agent of the default channel
    agent = agent_in("de@shop.example", channel)
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    assign_ticket(
        Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value}), ticket.pk, agent.pk
    )
    # who is moved to the other channel afterwards
    agent.groups.clear()
    grant(agent, "MANAGE_ORDERS", channels=[other_channel])

    # when the customer replies
    committed(add_comment, customer_actor, ticket.pk, "<p>Noch eine Frage.</p>")

    # then nobody is mailed: the assignee could not open the ticket
    assert mailoutbox == []


def test_an_assignment_is_not_mailed_to_an_assignee_who_cannot_open_the_ticket(
    committed, customer_actor, channel, other_channel, staff_user, mailoutbox
):
    # given a ticket of the default channel and an agent of the other channel only
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    agent = agent_in("usa@shop.example", other_channel)
    boss = Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value})

    # when an assignment to them is recorded anyway (the actions refuse it; this is
    # what a timeline event written by any other path would plan)
    def record() -> None:
        with transaction.atomic():
            events.assigned_event(
                ticket=ticket, actor=boss, assignee_id=agent.pk, previous_id=None
            )

    committed(record)

    # then no "assigned to you" e-mail is planned
    assert EmailMessage.objects.filter(to=[agent.email]).count() == 0
    assert mailoutbox == []


def planning_queries(django_capture_on_commit_callbacks, customer_actor, channel):
    """Queries of opening a ticket, with its e-mails planned (not sent)."""
    with (
        django_capture_on_commit_callbacks(execute=False),
        CaptureQueriesContext(connection) as captured,
    ):
        make_ticket(customer_actor, channel_id=channel.pk)
    return len(captured.captured_queries)


def test_planning_staff_mails_costs_the_same_for_any_number_of_agents(
    django_capture_on_commit_callbacks, customer_actor, channel, other_channel
):
    # given three agents: unrestricted, of the other channel, without MANAGE_ORDERS
    SupportAgentFactory(user=StaffFactory(email="a0@shop.example"))
    agent_in("b0@shop.example", other_channel)
    agent_in("c0@shop.example")
    planning_queries(django_capture_on_commit_callbacks, customer_actor, channel)
    few = planning_queries(django_capture_on_commit_callbacks, customer_actor, channel)

    # when there are ten times as many
    for n in range(1, 10):
        SupportAgentFactory(user=StaffFactory(email=f"a{n}@shop.example"))
        agent_in(f"b{n}@shop.example", other_channel)
        agent_in(f"c{n}@shop.example")
    many = planning_queries(django_capture_on_commit_callbacks, customer_actor, channel)

    # then opening a ticket costs the same number of queries, and ten agents are told
    assert many == few
    assert EmailMessage.objects.filter(notification="staff_new_ticket").count() == (
        1 + 1 + 10
    )
