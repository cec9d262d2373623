"""Query budgets of the mailbox lists: exact, and the same for a few rows and many (no
query per mailbox or per message)."""

import pytest

from saleor_helpdesk.actions.inbound import receive_email
from saleor_helpdesk.models import Contact
from tests.factories import access_token_for, grant, make_ticket
from tests.graphql.benchmark.test_query_budgets import cost_beyond_authentication
from tests.graphql.conftest import Api
from tests.graphql.mailboxes import operations as op
from tests.graphql.mailboxes.conftest import gid, mail, make_mailbox

TICKET_WITH_EMAILS = """
query($id: ID!) {
  ticket(id: $id) {
    inboundEmails { id status fromAddress originalUrl }
    comments(first: 100) { edges { node { body email { id status via } } } }
  }
}
"""


@pytest.fixture
def admin_api(staff_user):
    """Staff who work tickets and manage the mailboxes: every field resolves."""
    grant(staff_user, "MANAGE_ORDERS", "MANAGE_PLUGINS")
    return Api(access_token_for(staff_user))


@pytest.mark.parametrize("count", [2, 20])
def test_the_mailbox_list_costs_the_same_for_2_and_20(admin_api, channel, count):
    # given mailboxes with a queue, each with a message waiting for review
    contact = Contact.objects.get(slug="webmaster")
    for index in range(count):
        mailbox = make_mailbox(
            channel,
            address=f"support{index}@shop.example",
            contact_id=contact.pk,
            tickets_per_sender_per_hour=1,
        )
        for subject in ("Eins", "Zwei"):
            receive_email(
                mail(f"kunde{index}@example.org", subject), mailbox=mailbox, via="raw"
            )

    # then the mailboxes 1, their channels 1, their contacts 1 and their review
    # counts 1; plus authentication
    total, authentication = cost_beyond_authentication(admin_api, op.MAILBOXES, {})
    assert total - authentication == 4


@pytest.mark.parametrize("page", [5, 50])
def test_a_page_of_messages_costs_the_same_at_5_and_50(admin_api, channel, page):
    # given more messages than fit a page, each on its own ticket
    mailbox = make_mailbox(channel, tickets_per_sender_per_hour=1000)
    for index in range(page + 2):
        receive_email(
            mail(f"kunde{index}@example.org", f"Frage {index}"),
            mailbox=mailbox,
            via="raw",
        )

    # then the count 1, the page 1, the tickets 1, the mailboxes 1; plus
    # authentication
    total, authentication = cost_beyond_authentication(
        admin_api, op.INBOUND_EMAILS, {"first": page}
    )
    assert total - authentication == 4


@pytest.mark.parametrize("replies", [2, 20])
def test_a_tickets_emails_cost_the_same_for_2_and_20(
    admin_api, channel, customer, customer_actor, replies
):
    # given a ticket the customer answered by e-mail many times
    mailbox = make_mailbox(channel)
    ticket = make_ticket(customer_actor, channel_id=channel.pk, subject="Paket")
    for index in range(replies):
        receive_email(
            mail(customer.email, f"Re: [#{ticket.number}] Paket", f"Antwort {index}"),
            mailbox=mailbox,
            via="raw",
        )
    assert ticket.inbound_emails.count() == replies

    # then the ticket 1, its e-mails 1, the comment count 1, the comments 1 and
    # their e-mails 1; plus authentication
    total, authentication = cost_beyond_authentication(
        admin_api, TICKET_WITH_EMAILS, {"id": gid("Ticket", ticket.pk)}
    )
    assert total - authentication == 5
