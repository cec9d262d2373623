"""A low rating can trigger a rule: the survey page records the rating, its `rated`
event fires the SATISFACTION_RATED trigger after commit, and a rule with "rating at
most 2" acts on the ticket; a good rating leaves it alone."""

import pytest
from django.test import Client

from saleor_helpdesk.automation.rules import create_rule
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import Ticket, TicketEvent
from saleor_helpdesk.satisfaction.links import make_token, survey_path


@pytest.fixture
def low_rating_rule(staff_user):
    actor = Actor.staff(
        staff_user, {Perm.MANAGE_ORDERS.value, Perm.MANAGE_PLUGINS.value}
    )
    return create_rule(
        actor,
        {
            "name": "Unhappy customer → high priority",
            "trigger": "satisfaction_rated",
            "conditions": [{"field": "rating", "operator": "lte", "values": ["2"]}],
            "actions": [{"type": "set_priority", "values": ["high"]}],
        },
    )


def rules_applied(ticket):
    return list(
        TicketEvent.objects.filter(
            ticket=ticket, type=TicketEventType.RULE_APPLIED
        ).values_list("parameters__rule", flat=True)
    )


@pytest.mark.parametrize(("score", "fires"), [(2, True), (5, False)])
def test_a_low_rating_from_the_survey_page_runs_the_rule(
    closed_ticket, low_rating_rule, django_capture_on_commit_callbacks, score, fires
):
    # given the survey link of a closed ticket
    url = survey_path(make_token(closed_ticket, 30))

    # when the customer sends the form
    with django_capture_on_commit_callbacks(execute=True):
        response = Client(enforce_csrf_checks=True).post(url, {"score": str(score)})

    # then the rule ran for a low rating only, and named itself on the timeline
    assert response.status_code == 200
    ticket = Ticket.objects.select_related("priority").get(pk=closed_ticket.pk)
    if fires:
        assert rules_applied(ticket) == [low_rating_rule.name]
        assert ticket.priority.slug == "high"
    else:
        assert rules_applied(ticket) == []
        assert ticket.priority.slug != "high"
