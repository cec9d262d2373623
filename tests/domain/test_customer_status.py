"""The status a customer sees: an internal status shows its customer status instead."""

import pytest

from saleor_helpdesk.core.constants import StatusGroup
from saleor_helpdesk.models import TicketStatus


def _status(pk, slug, *, internal=False, shown=None, **translations):
    status = TicketStatus(
        pk=pk,
        slug=slug,
        group=StatusGroup.WAITING if internal else StatusGroup.OPEN,
        name=slug.title(),
        translations=translations,
        is_internal=internal,
    )
    if shown is not None:
        status.customer_status = shown
    return status


IN_PROGRESS = _status(1, "in_progress", en="In progress", de="In Bearbeitung")


def test_an_internal_status_shows_its_customer_status():
    # given an internal status that names the status customers see
    waiting = _status(2, "waiting_1", internal=True, shown=IN_PROGRESS, de="Warten 1")

    # then customers see that status and its label in their language
    assert waiting.customer_facing() is IN_PROGRESS
    assert waiting.customer_label("de") == "In Bearbeitung"
    # with the label's fallbacks: the base language, then English
    assert waiting.customer_label("de-AT") == "In Bearbeitung"
    assert waiting.customer_label("fr") == "In progress"
    assert waiting.customer_label() == "In progress"


def test_an_internal_status_without_a_customer_status_shows_itself():
    waiting = _status(2, "waiting_1", internal=True, de="Warten 1")

    assert waiting.customer_facing() is waiting
    assert waiting.customer_label("de") == "Warten 1"
    assert waiting.customer_label("fr") == "Waiting_1"


def test_a_public_status_shows_itself_whatever_it_names():
    # given a status customers may see, that still names another one
    answered = _status(3, "answered", shown=IN_PROGRESS, de="Beantwortet")

    # then customers see it as it is
    assert answered.customer_facing() is answered
    assert answered.customer_label("de") == "Beantwortet"


@pytest.mark.django_db
def test_it_asks_no_query_when_the_customer_status_is_loaded(
    django_assert_num_queries,
):
    # given the default workflow's statuses, read with their customer statuses
    statuses = {
        status.slug: status
        for status in TicketStatus.objects.select_related("customer_status")
    }

    # when the customer's view of each is asked for
    with django_assert_num_queries(0):
        seen = {slug: s.customer_facing().slug for slug, s in statuses.items()}
        label = statuses["waiting_2"].customer_label("de")

    # then the internal waiting states show "in progress", the others themselves
    assert seen["waiting_1"] == seen["waiting_2"] == "in_progress"
    assert seen["answered"] == "answered"
    assert label == "In Bearbeitung"
