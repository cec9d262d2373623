"""`helpdesk_scale_data`: volume written by COPY that obeys the same rules as tickets
made through the API (numbers, dates per status group, foreign keys)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import Count, F, Max, Q

from saleor_helpdesk.core.constants import StatusGroup, TicketEventType
from saleor_helpdesk.models import (
    Attachment,
    Comment,
    SupportAgent,
    Ticket,
    TicketEvent,
)
from saleor_helpdesk.models.ticket import TICKET_NUMBER_SEQUENCE
from saleor_helpdesk.sample_data import scale
from saleor_helpdesk.sample_data.scale import MARKER
from tests.factories import (
    OrderFactory,
    StaffFactory,
    SupportAgentFactory,
    UserFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.graphql.conftest import INDEX_URL, Api

TICKETS = 300

STAFF_INBOX = """
query Inbox($first: Int!, $after: String) {
  tickets(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      number subject customerEmail
      customer { email }
      order { number }
      status { slug name(languageCode: "de") }
      priority { slug }
      assignee { email }
      lastComment { body }
      attachmentCount
    } }
  }
}
"""

SEARCH = """
query Search($search: String!) {
  tickets(first: 100, filter: {search: $search}) {
    totalCount edges { node { number } }
  }
}
"""

TICKET_CREATE = """
mutation($channel: String!) {
  ticketCreate(input: {subject: "Hallo", body: "Frage", channel: $channel,
                       customerEmail: "kunde@example.de"}) {
    errors { field code message } ticket { number }
  }
}
"""


def run(*args: str) -> str:
    out = StringIO()
    call_command("helpdesk_scale_data", *args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def shop(channel, other_channel, staff_user):
    """Two channels, two agents, customers with orders in both channels."""
    grant(staff_user, "MANAGE_ORDERS")
    SupportAgentFactory(user=StaffFactory())
    for index in range(6):
        customer = UserFactory(language_code="de" if index % 2 else "en")
        for target in (channel, other_channel):
            OrderFactory(user=customer, user_email=customer.email, channel=target)
    return channel


@pytest.fixture
def staff_api(shop, staff_user):
    return Api(access_token_for(staff_user))


def assert_foreign_keys_hold() -> None:
    # The constraints are deferred to commit, and a test never commits: check now.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_rows_as_asked_and_consistent(shop):
    # when
    output = run("--tickets", str(TICKETS), "--seed", "1", "--batch", "120")

    # then: the counts asked for, in batches with progress and a rate at the end
    assert Ticket.objects.count() == TICKETS
    comments = Comment.objects.count()
    assert 3 * TICKETS < comments < 7 * TICKETS
    assert "tickets: 120/300" in output
    assert "tickets: 300/300" in output
    assert "rows/s" in output.splitlines()[-1]
    assert_foreign_keys_hold()
    # numbers unique, and the sequence moved past them
    numbers = Ticket.objects.aggregate(
        distinct=Count("number", distinct=True), top=Max("number")
    )
    assert numbers["distinct"] == TICKETS
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_sequence_last_value(%s::regclass)", [TICKET_NUMBER_SEQUENCE]
        )
        assert cursor.fetchone()[0] >= numbers["top"]
    # closed exactly when the status says so; activity never before creation
    closed_group = Q(status__group=StatusGroup.CLOSED)
    assert not Ticket.objects.filter(closed_group, closed_at__isnull=True).exists()
    assert not Ticket.objects.filter(~closed_group, closed_at__isnull=False).exists()
    assert not Ticket.objects.filter(last_activity_at__lt=F("created_at")).exists()
    assert Ticket.objects.filter(~closed_group).exists()
    assert not Comment.objects.filter(created_at__lt=F("ticket__created_at")).exists()
    assert not Comment.objects.filter(
        created_at__gt=F("ticket__last_activity_at")
    ).exists()
    # spread over three years, channels, languages and agents
    oldest = Ticket.objects.order_by("created_at").first()
    newest = Ticket.objects.order_by("created_at").last()
    assert (newest.created_at - oldest.created_at).days > 2 * 365
    assert Ticket.objects.values("channel").distinct().count() == 2
    assert set(Ticket.objects.values_list("language_code", flat=True)) == {"de", "en"}
    assigned = set(Ticket.objects.values_list("assignee", flat=True))
    agents = set(SupportAgent.objects.values_list("user_id", flat=True))
    assert assigned - {None} == agents
    assert Ticket.objects.filter(customer__isnull=True).exists()  # guests
    assert Ticket.objects.filter(order__isnull=False).exists()
    # every ticket marked as scale data
    assert Ticket.objects.filter(private_metadata__has_key=MARKER).count() == TICKETS
    # one comment event per comment, pointing at a comment of its own ticket
    comment_events = TicketEvent.objects.filter(
        type__in=[TicketEventType.COMMENT_ADDED, TicketEventType.NOTE_ADDED]
    )
    assert comment_events.count() == comments
    thread = {
        pk: (ticket_id, visibility == "internal")
        for pk, ticket_id, visibility in Comment.objects.values_list(
            "pk", "ticket_id", "visibility"
        )
    }
    pointed = {
        event.parameters["comment_id"]: (
            event.ticket_id,
            event.type == TicketEventType.NOTE_ADDED,
        )
        for event in comment_events
    }
    assert pointed == thread
    assert TicketEvent.objects.filter(type=TicketEventType.CREATED).count() == TICKETS
    # attachments: metadata only, removed, on a comment of their own ticket
    attachments = Attachment.objects.all()
    assert attachments.exists()
    assert not attachments.filter(removed_at__isnull=True).exists()
    assert not attachments.exclude(comment__ticket=F("ticket")).exists()


def test_search_finds_the_data_as_it_finds_live_tickets(shop, staff_api):
    # given: every ticket's vectors written in its batch by the product's own refresh
    run("--tickets", "60", "--seed", "6", "--batch", "25")
    ticket = Ticket.objects.filter(comments__visibility="public").first()
    body = ticket.comments.filter(visibility="public").first().body
    # The thread's longest word, without its markup: no stop word.
    word = max(re.findall(r"\w+", re.sub(r"<[^>]*>", " ", body)), key=len)

    # when
    found = staff_api(SEARCH, {"search": word})["tickets"]

    # then
    assert not Ticket.objects.filter(search_all__isnull=True).exists()
    assert not Ticket.objects.filter(search_public__isnull=True).exists()
    assert found["totalCount"] > 0
    assert ticket.number in [edge["node"]["number"] for edge in found["edges"]]


def test_long_threads_for_the_ticket_pages_worst_case(shop, monkeypatch):
    monkeypatch.setattr(scale, "LONG_THREAD_EVERY", 50)

    run("--tickets", "120", "--seed", "7")

    long_threads = (
        Ticket.objects.annotate(comment_count=Count("comments"))
        .filter(comment_count=scale.LONG_THREAD_COMMENTS)
        .values_list("number", flat=True)
    )
    assert sorted(long_threads) == sorted(
        number
        for number in Ticket.objects.values_list("number", flat=True)
        if number % 50 == 0
    )
    assert len(long_threads) in (2, 3)  # 120 consecutive numbers


def test_an_api_ticket_afterwards_gets_a_higher_number(shop, staff_api):
    run("--tickets", "50", "--seed", "2")
    top = Ticket.objects.aggregate(top=Max("number"))["top"]

    result = staff_api(TICKET_CREATE, {"channel": shop.slug})["ticketCreate"]

    assert result["errors"] == []
    assert result["ticket"]["number"] > top


def test_a_second_run_adds_more_without_collisions(shop):
    run("--tickets", "80", "--seed", "3")

    output = run("--tickets", "70", "--seed", "3")

    assert Ticket.objects.count() == 150
    assert Ticket.objects.values("number").distinct().count() == 150
    assert "Done in" in output
    assert_foreign_keys_hold()


def test_staff_inbox_reads_the_data(shop, staff_api):
    # given
    run("--tickets", str(TICKETS), "--seed", "4")

    # when
    first = staff_api(STAFF_INBOX, {"first": 100})["tickets"]
    second = staff_api(
        STAFF_INBOX, {"first": 100, "after": first["pageInfo"]["endCursor"]}
    )["tickets"]

    # then
    assert first["totalCount"] == TICKETS
    assert len(first["edges"]) == len(second["edges"]) == 100
    numbers = [edge["node"]["number"] for edge in first["edges"] + second["edges"]]
    assert numbers == sorted(numbers, reverse=True)
    assert all(edge["node"]["lastComment"] for edge in first["edges"])


def test_removed_attachment_download_answers_gone(shop, staff_api):
    run("--tickets", "60", "--seed", "5")
    attachment = Attachment.objects.first()

    response = staff_api.client.get(
        f"{INDEX_URL}attachments/{attachment.uuid}/",
        HTTP_AUTHORIZATION=f"Bearer {staff_api.token}",
    )

    assert response.status_code == 410


def test_refuses_a_helpdesk_with_real_tickets(shop):
    make_ticket()

    with pytest.raises(CommandError, match="1 tickets not written by this command"):
        run("--tickets", "10")

    assert Ticket.objects.count() == 1
    run("--tickets", "10", "--force")
    assert Ticket.objects.count() == 11


def test_bad_arguments_change_nothing(shop):
    for args in (["--tickets", "0"], ["--comments-per-ticket", "-1"]):
        with pytest.raises(CommandError):
            run(*args)

    assert Ticket.objects.count() == 0
