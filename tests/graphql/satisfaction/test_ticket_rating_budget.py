"""`Ticket.satisfactionRating` on a page of tickets: one query for the ratings and one
for their agents, however many tickets."""

from saleor_helpdesk.models import SatisfactionRating
from tests.factories import make_ticket
from tests.graphql.benchmark.test_query_budgets import count_queries

PAGE = """
query Page($first: Int!) {
  tickets(first: $first) {
    edges { node { number satisfactionRating { score comment agent { email } } } }
  }
}
"""


def rated_tickets(count, channel, agent):
    for _ in range(count):
        ticket = make_ticket(channel_id=channel.pk)
        SatisfactionRating.objects.create(
            ticket=ticket, score=4, source="email_link", agent=agent
        )


def test_the_ratings_of_a_page_cost_the_same_at_any_size(
    staff_api, channel, staff_user, colleague
):
    rated_tickets(2, channel, staff_user)
    few = count_queries(staff_api, PAGE, {"first": 100})
    rated_tickets(10, channel, colleague)
    data = staff_api(PAGE, {"first": 100})
    assert len(data["tickets"]["edges"]) == 12
    assert count_queries(staff_api, PAGE, {"first": 100}) == few
