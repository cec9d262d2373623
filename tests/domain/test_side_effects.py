"""Every timeline event reaches the planners inside its transaction; bulk operations
plan once."""

import pytest
from django.db import transaction

from saleor_helpdesk.actions import add_comment, assign_ticket
from saleor_helpdesk.timeline import side_effects
from tests.factories import make_ticket


@pytest.fixture
def planned():
    seen: list[list[str]] = []

    def planner(events):
        # planners run inside the action's transaction
        assert transaction.get_connection().in_atomic_block
        seen.append([event.type for event in events])

    side_effects.register(planner)
    yield seen
    side_effects._planners.remove(planner)


def test_each_action_hands_its_events_to_the_planners(planned, staff_actor, colleague):
    ticket = make_ticket()
    add_comment(staff_actor, ticket.pk, "Antwort")
    assign_ticket(staff_actor, ticket.pk, colleague.pk)

    assert planned == [["created", "comment_added"], ["comment_added"], ["assigned"]]


def test_a_batch_plans_once_at_the_end(planned, staff_actor, colleague):
    tickets = [make_ticket() for _ in range(3)]
    planned.clear()

    with transaction.atomic(), side_effects.batched():
        for ticket in tickets:
            assign_ticket(staff_actor, ticket.pk, colleague.pk)
        assert planned == []

    assert planned == [["assigned", "assigned", "assigned"]]


def test_a_failed_batch_plans_nothing(planned, staff_actor, colleague):
    ticket = make_ticket()
    planned.clear()

    with pytest.raises(RuntimeError), transaction.atomic(), side_effects.batched():
        assign_ticket(staff_actor, ticket.pk, colleague.pk)
        raise RuntimeError("boom")

    assert planned == []
