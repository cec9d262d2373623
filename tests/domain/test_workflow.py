"""Every transition of the default workflow is allowed or refused as the data says."""

import itertools

import pytest

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.error_codes import HelpdeskErrorCode
from saleor_helpdesk.core.errors import InvalidTransition
from saleor_helpdesk.models import StatusTransition, Ticket, TicketStatus
from saleor_helpdesk.tickets import workflow
from saleor_helpdesk.tickets.defaults import DEFAULT_STATUSES, DEFAULT_TRANSITIONS
from tests.factories import make_ticket

SLUGS = [status[0] for status in DEFAULT_STATUSES]
ROLES = {"staff": 0, "customer": 1, "system": 2}
PAIRS = [(s, t) for s, t in itertools.product(SLUGS, SLUGS) if s != t]


def _actor(role, staff_actor, customer_actor):
    return {"staff": staff_actor, "customer": customer_actor, "system": Actor.system()}[
        role
    ]


def _ticket_in(slug: str) -> Ticket:
    ticket = make_ticket()
    Ticket.objects.filter(pk=ticket.pk).update(
        status=TicketStatus.objects.get(slug=slug)
    )
    ticket.refresh_from_db()
    return ticket


def test_the_default_workflow_is_installed_by_migration(db):
    # given a fresh database (migrations only)
    # then the statuses and transitions are there, with German and English labels
    assert list(TicketStatus.objects.values_list("slug", flat=True)) == SLUGS
    assert StatusTransition.objects.count() == len(DEFAULT_TRANSITIONS)
    assert TicketStatus.objects.get(slug="waiting_customer").label("de") == (
        "Warten auf Kunde"
    )
    assert TicketStatus.objects.get(slug="waiting_1").customer_status.slug == (
        "in_progress"
    )


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_each_transition_is_allowed_or_refused_per_role(
    source, target, role, staff_actor, customer_actor
):
    # given a ticket in `source`
    actor = _actor(role, staff_actor, customer_actor)
    ticket = _ticket_in(source)
    allowed = DEFAULT_TRANSITIONS.get((source, target), (False, False, False))[
        ROLES[role]
    ]
    events_before = ticket.events.count()

    # when the actor moves it to `target`
    if allowed:
        workflow.set_status(ticket, TicketStatus.objects.get(slug=target), actor)

        # then it moved and the move is on the timeline
        ticket.refresh_from_db()
        assert ticket.status.slug == target
        assert ticket.events.filter(
            type="status_changed", parameters__old=source, parameters__new=target
        ).exists()
    else:
        with pytest.raises(InvalidTransition) as error:
            workflow.set_status(ticket, TicketStatus.objects.get(slug=target), actor)

        # then nothing changed and the error is typed
        detail = error.value.error_dict["status"][0]
        assert detail.code == HelpdeskErrorCode.INVALID_TRANSITION.value
        assert detail.message == f"A ticket cannot move from '{source}' to '{target}'."
        ticket.refresh_from_db()
        assert ticket.status.slug == source
        assert ticket.events.count() == events_before


def test_closing_sets_and_reopening_clears_the_clocks(staff_actor):
    ticket = _ticket_in("in_progress")

    workflow.set_status(ticket, TicketStatus.objects.get(slug="closed"), staff_actor)
    ticket.refresh_from_db()
    assert ticket.closed_at is not None
    assert ticket.resolved_at == ticket.closed_at
    assert list(ticket.events.values_list("type", flat=True))[-2:] == [
        "status_changed",
        "closed",
    ]

    workflow.set_status(ticket, TicketStatus.objects.get(slug="open"), staff_actor)
    ticket.refresh_from_db()
    assert ticket.closed_at is None
    assert ticket.resolved_at is None
    assert ticket.events.last().type == "reopened"


def test_an_inactive_status_cannot_be_entered(staff_actor):
    ticket = _ticket_in("open")
    TicketStatus.objects.filter(slug="waiting_2").update(is_active=False)

    with pytest.raises(InvalidTransition):
        workflow.set_status(
            ticket, TicketStatus.objects.get(slug="waiting_2"), staff_actor
        )


def test_a_transition_added_as_data_is_honoured(staff_actor):
    # given a merchant's own transition answered -> new (absent by default)
    ticket = _ticket_in("answered")
    new = TicketStatus.objects.get(slug="new")
    with pytest.raises(InvalidTransition):
        workflow.set_status(ticket, new, staff_actor)

    StatusTransition.objects.create(source=ticket.status, target=new)

    workflow.set_status(ticket, new, staff_actor)
    assert ticket.status == new


def test_allowed_targets_differ_per_role(staff_actor, customer_actor):
    status = TicketStatus.objects.get(slug="waiting_customer")

    staff = set(
        workflow.allowed_targets(status, staff_actor).values_list("slug", flat=True)
    )
    customer = set(
        workflow.allowed_targets(status, customer_actor).values_list("slug", flat=True)
    )

    assert customer == {"closed"}
    assert staff == {
        "open",
        "in_progress",
        "answered",
        "waiting_1",
        "waiting_2",
        "closed",
    }
