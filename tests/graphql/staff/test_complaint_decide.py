"""complaintDecide: the merchant's decision on a complaint."""

import pytest

from saleor_helpdesk.models import Complaint
from tests.factories import make_complaint
from tests.graphql.staff.conftest import (
    NOT_STAFF,
    PERMISSION_DENIED,
    TICKET_NOT_FOUND,
    gid,
    snapshot,
)

COMPLAINT_DECIDE = """
mutation ComplaintDecide($id: ID!, $input: ComplaintDecideInput!) {
  complaintDecide(id: $id, input: $input) {
    errors { field code message }
    ticket { id complaint { decision } }
    complaint { decision decisionNote decidedAt }
  }
}
"""


@pytest.fixture
def complaint(customer_actor, order):
    mug = order.lines.get(product_name="Kaffeebecher")
    return make_complaint(customer_actor, order, lines=[(mug, 1)])


def decision(ticket, value="REFUND", note="<p>Wir erstatten den Becher.</p>"):
    return {"id": gid("Ticket", ticket.pk), "input": {"decision": value, "note": note}}


@pytest.mark.parametrize("caller", NOT_STAFF)
def test_only_staff_with_manage_orders_may_decide(api_as, caller, complaint):
    # given a pending complaint and a caller who may not work tickets
    before = snapshot()

    # when they decide it
    data = api_as(caller)(COMPLAINT_DECIDE, decision(complaint))["complaintDecide"]

    # then they are refused and the complaint is still pending
    assert data == {"errors": [PERMISSION_DENIED], "ticket": None, "complaint": None}
    assert snapshot() == before


def test_staff_of_another_channel_do_not_find_the_complaint(
    other_channel_staff_api, complaint
):
    # given staff who work only in another channel
    before = snapshot()

    # when they decide a complaint of the default channel
    data = other_channel_staff_api(COMPLAINT_DECIDE, decision(complaint))[
        "complaintDecide"
    ]

    # then it is not found for them
    assert data == {"errors": [TICKET_NOT_FOUND], "ticket": None, "complaint": None}
    assert snapshot() == before


def test_staff_decide_a_complaint(staff_api, staff_user, complaint):
    # given a pending complaint
    # when staff grant a refund with a note
    data = staff_api(COMPLAINT_DECIDE, decision(complaint))["complaintDecide"]

    # then the decision is recorded, in the answer and in the database
    assert data["errors"] == []
    assert data["ticket"] == {
        "id": gid("Ticket", complaint.pk),
        "complaint": {"decision": "REFUND"},
    }
    assert data["complaint"]["decision"] == "REFUND"
    assert data["complaint"]["decisionNote"] == "<p>Wir erstatten den Becher.</p>"
    assert data["complaint"]["decidedAt"] is not None
    row = Complaint.objects.get(ticket=complaint)
    assert (row.decision, row.decided_by) == ("refund", staff_user)
    event = complaint.events.order_by("pk").last()
    assert (event.type, event.parameters) == (
        "complaint_decided",
        {"decision": "refund"},
    )


def test_pending_is_no_decision(staff_api, complaint):
    # given a complaint
    before = snapshot()

    # when staff "decide" it as pending
    data = staff_api(COMPLAINT_DECIDE, decision(complaint, "PENDING"))[
        "complaintDecide"
    ]

    # then it is refused
    assert data == {
        "errors": [
            {"field": "decision", "code": "INVALID", "message": "Choose a decision."}
        ],
        "ticket": None,
        "complaint": None,
    }
    assert snapshot() == before


def test_a_question_is_no_complaint(staff_api, ticket):
    # given a plain question
    before = snapshot()

    # when staff decide it
    data = staff_api(COMPLAINT_DECIDE, decision(ticket))["complaintDecide"]

    # then it is refused
    assert data == {
        "errors": [
            {
                "field": "id",
                "code": "NOT_A_COMPLAINT",
                "message": "This ticket is not a complaint.",
            }
        ],
        "ticket": None,
        "complaint": None,
    }
    assert snapshot() == before
