"""The inbox's fast paths answer exactly as the plain ones: a document kept by its text
still has its variables checked, a refused one is never kept, and a page whose
relations are loaded ahead (last comment, attachment count, channel) gives the same
rows with the same number of queries, however the fields are written."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from saleor_helpdesk.actions import add_attachments, add_comment
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.graphql.core.documents import MAX_TEXT, valid_document
from tests.factories import AttachmentFileFactory, make_ticket

PAGE = """
query Page($first: Int) {
  tickets(first: $first) { edges { node { number channel { slug }
    lastComment { body authorType } attachmentCount } } }
}
"""

THROUGH_FRAGMENTS = """
query Page($first: Int) {
  tickets(first: $first) { edges { node { ...Row } } }
}
fragment Row on Ticket {
  number
  ... on Ticket { channel { slug } lastComment { body authorType } }
  attachmentCount
}
"""

UNDER_DIRECTIVES = """
query Page($first: Int, $yes: Boolean!) {
  tickets(first: $first) { edges { node { number channel @include(if: $yes) { slug }
    lastComment @include(if: $yes) { body authorType }
    attachmentCount @skip(if: false) } } }
}
"""


def _shop(customer, channel, staff_actor):
    actor = Actor.customer(customer)
    for index in range(3):
        ticket = make_ticket(actor, channel_id=channel.pk, subject=f"t{index}")
        add_attachments(actor, ticket.pk, [AttachmentFileFactory.png()])
        add_comment(staff_actor, ticket.pk, f"note {index}", internal=True)


def _answer(api, query, variables):
    with CaptureQueriesContext(connection) as captured:
        data = api(query, variables)
    statements = [
        q
        for q in captured.captured_queries
        if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    return data, len(statements)


def test_a_page_answers_alike_however_its_fields_are_written(
    staff_api, customer, channel, staff_actor
):
    _shop(customer, channel, staff_actor)

    plain = _answer(staff_api, PAGE, {"first": 10})
    fragments = _answer(staff_api, THROUGH_FRAGMENTS, {"first": 10})
    directives = _answer(staff_api, UNDER_DIRECTIVES, {"first": 10, "yes": True})

    assert plain == fragments == directives
    rows = plain[0]["tickets"]["edges"]
    assert [row["node"]["lastComment"]["authorType"] for row in rows] == ["STAFF"] * 3
    assert [row["node"]["attachmentCount"] for row in rows] == [1, 1, 1]


def test_customers_get_their_public_thread_on_a_page_loaded_ahead(
    customer_api, customer, channel, staff_actor
):
    _shop(customer, channel, staff_actor)

    data = customer_api(PAGE, {"first": 10})

    # the staff's internal notes are newer, but not theirs to see
    rows = data["tickets"]["edges"]
    assert [row["node"]["lastComment"]["authorType"] for row in rows] == [
        "CUSTOMER"
    ] * 3


def test_a_kept_document_still_has_its_variables_checked(staff_api):
    staff_api(PAGE, {"first": 10})
    assert valid_document(PAGE) is not None

    response = staff_api.post(PAGE, {"first": 101})

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PAGINATION"


def test_a_refused_or_long_document_is_not_kept(staff_api):
    invalid = "{ tickets(first: 1) { edges { node { nothingLikeThis } } } }"
    long = PAGE + "#" * MAX_TEXT

    assert staff_api.post(invalid).status_code == 400
    staff_api(long, {"first": 1})

    assert valid_document(invalid) is None
    assert valid_document(long) is None
