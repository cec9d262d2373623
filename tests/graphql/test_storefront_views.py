"""What a customer's view of a ticket shows and never shows; the explorer."""

from graphene.relay import Node

from saleor_helpdesk.actions import add_comment, change_status
from saleor_helpdesk.models import TicketStatus
from tests.factories import make_ticket
from tests.graphql.conftest import URL

HISTORY = """
query($id: ID!) {
  ticket(id: $id) {
    status { slug }
    statusHistory { status { slug name(languageCode: "de") } }
    events { type }
    priority { slug }
    dueDate
    comments(first: 10) { totalCount edges { node { body visibility } } }
  }
}
"""

REPLY_AS_NOTE = """
mutation($id: ID!, $status: ID) {
  ticketCommentAdd(id: $id, input: {body: "psst", internal: true, status: $status}) {
    errors { field code message }
  }
}
"""


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


def test_customers_see_public_statuses_and_no_staff_fields(
    customer_api, staff_api, customer_actor, staff_actor, channel
):
    # given a ticket that went through an internal "waiting 1" state with a note
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    for slug in ("in_progress", "waiting_1"):
        change_status(staff_actor, ticket.pk, TicketStatus.objects.get(slug=slug).pk)
    add_comment(staff_actor, ticket.pk, "intern", internal=True)

    mine = customer_api(HISTORY, {"id": gid("Ticket", ticket.pk)})["ticket"]
    staff = staff_api(HISTORY, {"id": gid("Ticket", ticket.pk)})["ticket"]

    # the customer reads "in progress" for the internal state, once
    assert mine["status"] == {"slug": "in_progress"}
    assert [h["status"]["slug"] for h in mine["statusHistory"]] == [
        "new",
        "in_progress",
    ]
    assert mine["statusHistory"][1]["status"]["name"] == "In Bearbeitung"
    assert mine["events"] is None
    assert mine["priority"] is None
    assert mine["dueDate"] is None
    assert mine["comments"]["totalCount"] == 1
    # staff see everything
    assert [h["status"]["slug"] for h in staff["statusHistory"]] == [
        "new",
        "in_progress",
        "waiting_1",
    ]
    assert staff["comments"]["totalCount"] == 2
    assert "NOTE_ADDED" in [e["type"] for e in staff["events"]]


def test_a_customer_cannot_write_a_note_or_move_the_status(
    customer_api, customer_actor, channel
):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)
    closed = TicketStatus.objects.get(slug="closed")

    result = customer_api(
        REPLY_AS_NOTE,
        {"id": gid("Ticket", ticket.pk), "status": gid("TicketStatus", closed.pk)},
    )["ticketCommentAdd"]

    assert result["errors"] == [
        {
            "field": None,
            "code": "PERMISSION_DENIED",
            "message": "You need the MANAGE_ORDERS permission to work tickets.",
        }
    ]
    assert ticket.comments.count() == 1


def test_the_explorer_is_served_in_debug_only(client, settings):
    settings.DEBUG = True
    page = client.get(URL)
    settings.DEBUG = False
    refused = client.get(URL)

    assert page.status_code == 200
    assert b"graphiql" in page.content.lower()
    assert refused.status_code == 405
    assert refused.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


def test_a_batch_is_refused(client, db):
    response = client.post(
        URL, data='[{"query": "{ __typename }"}]', content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "Batched requests are not supported: send one operation."
    )
