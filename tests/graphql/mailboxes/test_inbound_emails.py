"""The messages the mailboxes took in: the list (helpdeskInboundEmails), the e-mail on
a ticket and its comments (staff only), and staff's decisions on the messages that
wait for them (helpdeskInboundEmailAccept / Reject)."""

import pytest

from saleor_helpdesk.actions.inbound import receive_email
from saleor_helpdesk.core.constants import CommentVisibility
from saleor_helpdesk.models import Comment, InboundEmail, Ticket
from tests.factories import ChannelFactory, StaffFactory, access_token_for, grant
from tests.graphql.conftest import Api
from tests.graphql.mailboxes import operations as op
from tests.graphql.mailboxes.conftest import gid, mail

PLUGIN = "http://testserver/plugins/global/saleor.helpdesk"
NOT_FOUND = {"field": "id", "code": "NOT_FOUND", "message": "Message not found."}
WORK_DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_ORDERS permission to work tickets.",
}


@pytest.fixture
def agent_api(staff_user):
    grant(staff_user, "MANAGE_ORDERS")
    return Api(access_token_for(staff_user))


@pytest.fixture
def customer_reply(push_mailbox, customer, customer_ticket) -> InboundEmail:
    """The customer's own answer by e-mail: taken in as their message."""
    raw = mail(
        f"Anna Schmidt <{customer.email}>",
        f"Re: [#{customer_ticket.number}] Paket fehlt",
        "Es ist immer noch nicht da.",
    )
    row = receive_email(raw, mailbox=push_mailbox, via="mailgun").inbound
    assert row.status == "processed", row.note
    return row


def nodes(data) -> list[dict]:
    return [edge["node"] for edge in data["helpdeskInboundEmails"]["edges"]]


# --- the list -------------------------------------------------------------------------


def test_staff_list_the_messages_newest_first(agent_api, unverified, held):
    # when a support agent lists the messages
    data = agent_api(op.INBOUND_EMAILS, {"first": 10})

    # then they see all of them, newest first, with a link to each original
    found = nodes(data)
    assert data["helpdeskInboundEmails"]["totalCount"] == 3
    assert [n["status"] for n in found] == ["HELD", "PROCESSED", "UNVERIFIED"]
    newest = found[0]
    assert newest["id"] == gid("HelpdeskInboundEmail", held.pk)
    assert newest["via"] == "raw"
    assert newest["fromAddress"] == "laut@example.org"
    assert newest["fromName"] == "Laut"
    assert newest["subject"] == "Zweite Frage"
    assert newest["ticket"] is None
    assert newest["originalUrl"] == f"{PLUGIN}/inbound-emails/{held.uuid}/original/"
    # the mailbox's settings are for MANAGE_PLUGINS only
    assert newest["mailbox"] is None
    on_ticket = next(n for n in found if n["status"] == "UNVERIFIED")
    assert on_ticket["ticket"] == {"number": unverified.ticket.number}


def test_the_list_filters_by_status_and_mailbox(
    agent_api, push_mailbox, unverified, held
):
    # when a support agent asks for what waits for review in the mailbox
    data = agent_api(
        op.INBOUND_EMAILS,
        {
            "first": 10,
            "mailbox": gid("HelpdeskMailbox", push_mailbox.pk),
            "status": ["UNVERIFIED", "HELD", "MALFORMED"],
        },
    )

    # then they get the two that wait
    assert [n["id"] for n in nodes(data)] == [
        gid("HelpdeskInboundEmail", held.pk),
        gid("HelpdeskInboundEmail", unverified.pk),
    ]


def test_the_list_comes_in_pages(agent_api, unverified, held):
    first = agent_api(op.INBOUND_EMAILS, {"first": 1})["helpdeskInboundEmails"]
    rest = agent_api(
        op.INBOUND_EMAILS, {"first": 10, "after": first["pageInfo"]["endCursor"]}
    )["helpdeskInboundEmails"]

    assert first["pageInfo"]["hasNextPage"] is True
    assert len(first["edges"]) == 1
    assert len(rest["edges"]) == 2
    assert rest["pageInfo"]["hasNextPage"] is False


def test_a_manager_sees_only_the_messages_without_a_ticket(
    manager_api, push_mailbox, unverified, held
):
    # when someone with MANAGE_PLUGINS only lists the messages
    found = nodes(manager_api(op.INBOUND_EMAILS, {"first": 10}))

    # then they see the held one (no ticket) with its mailbox, not those on tickets
    assert [n["id"] for n in found] == [gid("HelpdeskInboundEmail", held.pk)]
    assert found[0]["mailbox"] == {"address": push_mailbox.address}


def test_staff_of_another_channel_see_none(unverified, held):
    # given a support agent limited to another channel
    elsewhere = StaffFactory(email="b2b@shop.example")
    grant(elsewhere, "MANAGE_ORDERS", "MANAGE_PLUGINS", channels=[ChannelFactory()])

    # when they list the messages
    data = Api(access_token_for(elsewhere))(op.INBOUND_EMAILS, {"first": 10})

    # then none is theirs
    assert data["helpdeskInboundEmails"]["totalCount"] == 0


@pytest.mark.parametrize(
    "caller", ["anonymous", "customer", "staff_without_permission"]
)
def test_customers_and_strangers_cannot_list_messages(api_for, caller, unverified):
    response = api_for(caller).post(op.INBOUND_EMAILS, {"first": 10})

    body = response.json()
    assert body["data"] == {"helpdeskInboundEmails": None}
    [error] = body["errors"]
    assert error["message"] == (
        "You need the MANAGE_ORDERS or MANAGE_PLUGINS permission to see the e-mails "
        "the helpdesk took in."
    )
    assert error["extensions"] == {"code": "PERMISSION_DENIED"}


def test_the_list_needs_a_page_size(agent_api, unverified):
    response = agent_api.post(op.INBOUND_EMAILS, {})

    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "PAGINATION"}


# --- on the ticket --------------------------------------------------------------------

TICKET_EMAILS = """
query($id: ID!) {
  ticket(id: $id) {
    inboundEmails { id status fromAddress }
    comments(first: 10) { edges { node { body email { id status via } } } }
  }
}
"""


def test_staff_see_which_comments_came_by_email(
    agent_api, customer_ticket, customer_reply, unverified
):
    # when a support agent opens the ticket
    ticket = agent_api(TICKET_EMAILS, {"id": gid("Ticket", customer_ticket.pk)})[
        "ticket"
    ]

    # then its e-mails are listed, oldest first, and each comment names its own
    assert ticket["inboundEmails"] == [
        {
            "id": gid("HelpdeskInboundEmail", customer_reply.pk),
            "status": "PROCESSED",
            "fromAddress": "kunde@example.de",
        },
        {
            "id": gid("HelpdeskInboundEmail", unverified.pk),
            "status": "UNVERIFIED",
            "fromAddress": "fremder@example.org",
        },
    ]
    emails = [edge["node"]["email"] for edge in ticket["comments"]["edges"]]
    assert emails == [
        None,  # opened in the storefront
        {
            "id": gid("HelpdeskInboundEmail", customer_reply.pk),
            "status": "PROCESSED",
            "via": "mailgun",
        },
        {
            "id": gid("HelpdeskInboundEmail", unverified.pk),
            "status": "UNVERIFIED",
            "via": "raw",
        },
    ]


def test_the_customer_never_sees_the_emails(
    customer_api, customer_ticket, customer_reply, unverified
):
    # when the customer reads their ticket, asking for the e-mails
    response = customer_api.post(
        TICKET_EMAILS, {"id": gid("Ticket", customer_ticket.pk)}
    )

    # then the fields are null: not their e-mail, not the unverified note
    ticket = response.json()["data"]["ticket"]
    assert ticket["inboundEmails"] is None
    assert [edge["node"]["email"] for edge in ticket["comments"]["edges"]] == [
        None,
        None,
    ]
    assert b"fremder@example.org" not in response.content


# --- accepting and rejecting ----------------------------------------------------------


def test_staff_accept_an_unverified_reply(agent_api, unverified, customer_ticket):
    # when a support agent accepts the reply from the unknown address
    payload = agent_api(op.ACCEPT, {"id": gid("HelpdeskInboundEmail", unverified.pk)})[
        "helpdeskInboundEmailAccept"
    ]

    # then it joins the customer's thread and the sender the ticket's CC
    assert payload["errors"] == []
    assert payload["inboundEmail"]["status"] == "ACCEPTED"
    assert payload["inboundEmail"]["reviewedAt"] is not None
    ticket = payload["ticket"]
    assert ticket["number"] == customer_ticket.number
    assert ticket["ccEmails"] == ["fremder@example.org"]
    assert ticket["comments"]["edges"][-1]["node"] == {
        "visibility": "PUBLIC",
        "authorType": "CUSTOMER",
        "email": {"status": "ACCEPTED"},
    }


def test_staff_reject_an_unverified_reply(agent_api, unverified):
    # when a support agent rejects the reply
    payload = agent_api(op.REJECT, {"id": gid("HelpdeskInboundEmail", unverified.pk)})[
        "helpdeskInboundEmailReject"
    ]

    # then it stays an internal note
    assert payload["errors"] == []
    assert payload["inboundEmail"]["status"] == "REJECTED"
    note = Comment.objects.get(pk=unverified.comment_id)
    assert note.visibility == CommentVisibility.INTERNAL


def test_staff_accept_a_held_message_and_it_opens_a_ticket(agent_api, held):
    # given the sender's one ticket of this hour
    assert Ticket.objects.filter(customer_email="laut@example.org").count() == 1

    # when a support agent accepts the held message
    payload = agent_api(op.ACCEPT, {"id": gid("HelpdeskInboundEmail", held.pk)})[
        "helpdeskInboundEmailAccept"
    ]

    # then it is taken in as a new ticket
    assert payload["errors"] == []
    assert payload["inboundEmail"]["status"] == "PROCESSED"
    opened = Ticket.objects.get(subject="Zweite Frage")
    assert payload["ticket"]["number"] == opened.number


def test_a_decided_message_cannot_be_decided_again(agent_api, unverified):
    agent_api(op.REJECT, {"id": gid("HelpdeskInboundEmail", unverified.pk)})

    payload = agent_api(op.ACCEPT, {"id": gid("HelpdeskInboundEmail", unverified.pk)})[
        "helpdeskInboundEmailAccept"
    ]

    assert payload["errors"] == [
        {
            "field": "id",
            "code": "INVALID",
            "message": "This message was already decided on (Rejected by staff).",
        }
    ]


@pytest.mark.parametrize("operation", [op.ACCEPT, op.REJECT])
def test_deciding_needs_manage_orders(manager_api, operation, unverified, held):
    # when someone with MANAGE_PLUGINS only decides on a message
    for row in (unverified, held):
        [payload] = manager_api(
            operation, {"id": gid("HelpdeskInboundEmail", row.pk)}
        ).values()

        # then it is refused and the message still waits
        assert payload["errors"] == [WORK_DENIED]
        row.refresh_from_db()
        assert row.status in ("unverified", "held")


@pytest.mark.parametrize("operation", [op.ACCEPT, op.REJECT])
def test_staff_of_another_channel_cannot_decide(operation, unverified, held):
    # given a support agent limited to another channel
    elsewhere = StaffFactory(email="b2b@shop.example")
    grant(elsewhere, "MANAGE_ORDERS", channels=[ChannelFactory()])
    api = Api(access_token_for(elsewhere))

    for row in (unverified, held):
        # when they decide on a message of the default channel
        [payload] = api(operation, {"id": gid("HelpdeskInboundEmail", row.pk)}).values()

        # then it is not found for them
        assert payload["errors"] == [NOT_FOUND]
