"""Tags on tickets: staff put them on and filter by them; customers never see them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphene.relay import Node

from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.models import Tag, TicketEvent, TicketTag
from tests.factories import access_token_for, grant, make_ticket
from tests.graphql.automation import operations as op
from tests.graphql.conftest import Api

pytestmark = pytest.mark.django_db

TICKETS = """
query($filter: TicketFilterInput) {
  tickets(first: 50, filter: $filter) { totalCount edges { node { number tags { slug } } } }
}
"""


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


@pytest.fixture
def staff_api(staff_user):
    grant(staff_user, "MANAGE_ORDERS")
    return Api(access_token_for(staff_user))


def test_tag_a_ticket_and_filter_by_it(staff_api, rows):
    ticket = rows["ticket"]
    other = make_ticket()
    data = staff_api(
        op.TICKET_TAGS_UPDATE, {"id": gid("Ticket", ticket.pk), "add": ["vip"]}
    )
    assert data["ticketTagsUpdate"]["ticket"]["tags"] == [
        {"slug": "vip", "name": "VIP", "colour": "#d97706"}
    ]
    [event] = TicketEvent.objects.filter(
        ticket=ticket, type=TicketEventType.TAGS_CHANGED
    )
    assert event.parameters == {"added": ["vip"], "removed": []}

    found = staff_api(TICKETS, {"filter": {"tags": ["vip"]}})["tickets"]
    assert [e["node"]["number"] for e in found["edges"]] == [ticket.number]
    assert other.number not in [e["node"]["number"] for e in found["edges"]]


def test_unknown_tag_is_a_typed_error(staff_api, rows):
    data = staff_api(
        op.TICKET_TAGS_UPDATE, {"id": gid("Ticket", rows["ticket"].pk), "add": ["gold"]}
    )
    assert data["ticketTagsUpdate"]["errors"] == [
        {"field": "addTags", "code": "NOT_FOUND", "message": "Tag 'gold' not found."}
    ]
    assert not TicketTag.objects.exists()


def test_customers_never_see_tags(rows, customer):
    TicketTag.objects.create(ticket=rows["ticket"], tag=rows["tag"])
    api = Api(access_token_for(customer))
    mine = api(TICKETS)["tickets"]
    assert [e["node"]["tags"] for e in mine["edges"]] == [None]
    # and a tag filter tells them nothing
    assert api(TICKETS, {"filter": {"tags": ["vip"]}})["tickets"]["totalCount"] == 0


def test_tag_statistics_count_open_and_all(staff_api, rows):
    TicketTag.objects.create(ticket=rows["ticket"], tag=rows["tag"])
    Tag.objects.create(name="Unused", slug="unused")
    data = staff_api(op.HELPDESK_TAG_STATISTICS)["helpdeskTagStatistics"]
    assert sorted((d["tag"]["slug"], d["tickets"], d["openTickets"]) for d in data) == [
        ("unused", 0, 0),
        ("vip", 1, 1),
    ]


def test_a_page_of_tickets_loads_tags_in_one_query(staff_api, rows):
    # given 20 tagged tickets
    for _ in range(20):
        ticket = make_ticket()
        TicketTag.objects.create(ticket=ticket, tag=rows["tag"])
    plain = "query { tickets(first: 50) { totalCount edges { node { number } } } }"
    staff_api(plain)
    with CaptureQueriesContext(connection) as without_tags:
        staff_api(plain)
    with CaptureQueriesContext(connection) as with_tags:
        staff_api(TICKETS)
    # then the tags cost one query for the whole page
    assert len(with_tags) - len(without_tags) == 1
