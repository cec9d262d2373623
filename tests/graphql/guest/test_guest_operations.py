"""Guests reach the tickets of the order they hold, and nothing else."""

import pytest
from graphene.relay import Node

from saleor_helpdesk.actions import add_comment
from saleor_helpdesk.models import Attachment, Ticket
from tests.factories import OrderFactory, OrderLineFactory, make_ticket
from tests.files import samples

GUEST_TICKET_CREATE = """
mutation Create($token: UUID!, $email: String!, $input: TicketCreateInput!) {
  guestTicketCreate(orderToken: $token, email: $email, input: $input) {
    errors { field code message }
    ticket { id number kind order { number } lines { productName quantity }
             attachmentCount assignee { email } priority { slug } }
  }
}
"""

GUEST_TICKETS = """
query Tickets($token: UUID!, $email: String!) {
  guestTickets(orderToken: $token, email: $email, first: 10) {
    totalCount
    edges { node { id subject comments(first: 10) { edges { node { body visibility } } } } }
  }
}
"""

GUEST_TICKET_COMMENT_ADD = """
mutation Reply($token: UUID!, $email: String!, $id: ID!) {
  guestTicketCommentAdd(orderToken: $token, email: $email, id: $id,
                        input: {body: "Danke!"}) {
    errors { field code message }
    comment { body authorType }
  }
}
"""


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


def test_a_guest_opens_a_complaint_with_a_photo_through_a_multipart_upload(
    anonymous_api, guest_order
):
    # given the guest's order line and a photo
    line = guest_order.lines.get()
    variables = {
        "token": str(guest_order.pk),
        "email": "GAST@example.de",
        "input": {
            "subject": "Kaputt angekommen",
            "body": "Siehe Foto.",
            "kind": "COMPLAINT",
            "lines": [{"orderLineId": gid("OrderLine", line.pk), "quantity": 1}],
            "attachments": [None],
        },
    }

    # when it is sent as a GraphQL multipart request
    response = anonymous_api.post_files(
        GUEST_TICKET_CREATE,
        variables,
        {"input.attachments.0": samples.upload("foto.png", samples.PNG)},
    )

    # then the complaint exists on the guest's order, with the photo
    body = response.json()
    assert "errors" not in body, body
    result = body["data"]["guestTicketCreate"]
    assert result["errors"] == []
    assert result["ticket"]["order"] == {"number": str(guest_order.number)}
    assert result["ticket"]["attachmentCount"] == 1
    assert result["ticket"]["assignee"] is None
    assert result["ticket"]["priority"] is None
    assert Attachment.objects.get().content_type == "image/png"


@pytest.mark.parametrize(
    "token_of, email",
    [
        ("other", "gast@example.de"),  # a token of another order
        ("mine", "wrong@example.de"),  # the wrong e-mail
        ("random", "gast@example.de"),  # a token of no order
    ],
)
def test_a_wrong_token_or_email_gets_one_answer_and_writes_nothing(
    anonymous_api, guest_order, channel, token_of, email
):
    other = OrderFactory(user=None, user_email="other@example.de", channel=channel)
    token = {
        "other": str(other.pk),
        "mine": str(guest_order.pk),
        "random": "6b7b0d4e-1111-4222-8333-944445555666",
    }[token_of]

    result = anonymous_api(
        GUEST_TICKET_CREATE,
        {"token": token, "email": email, "input": {"subject": "Hallo", "body": "x"}},
    )["guestTicketCreate"]

    assert result == {
        "errors": [
            {
                "field": "orderToken",
                "code": "NOT_FOUND",
                "message": "No order matches this token and e-mail address.",
            }
        ],
        "ticket": None,
    }
    assert Ticket.objects.count() == 0


def test_an_order_of_a_registered_customer_needs_a_sign_in(anonymous_api, order):
    result = anonymous_api(
        GUEST_TICKET_CREATE,
        {
            "token": str(order.pk),
            "email": order.user_email,
            "input": {"subject": "Hallo", "body": "x"},
        },
    )["guestTicketCreate"]

    assert result["errors"] == [
        {
            "field": "orderToken",
            "code": "PERMISSION_DENIED",
            "message": "This order belongs to a customer account: sign in to write about it.",
        }
    ]


def test_a_guest_lists_only_their_orders_public_thread(
    anonymous_api, guest_actor, guest_order, staff_actor, channel
):
    # given a guest ticket with an internal note, and another guest's ticket
    mine = make_ticket(guest_actor, order_id=guest_order.pk, subject="Meins")
    add_comment(staff_actor, mine.pk, "intern: Kunde prüfen", internal=True)
    add_comment(staff_actor, mine.pk, "Wir prüfen das.")
    other_order = OrderFactory(user=None, user_email="b@example.de", channel=channel)
    OrderLineFactory(order=other_order)
    from saleor_helpdesk.core.actor import Actor

    make_ticket(Actor.guest(other_order.pk, "b@example.de"), order_id=other_order.pk)

    listed = anonymous_api(
        GUEST_TICKETS, {"token": str(guest_order.pk), "email": "gast@example.de"}
    )["guestTickets"]

    assert listed["totalCount"] == 1
    node = listed["edges"][0]["node"]
    assert node["subject"] == "Meins"
    bodies = [e["node"]["body"] for e in node["comments"]["edges"]]
    assert "intern: Kunde prüfen" not in bodies
    assert bodies[-1] == "Wir prüfen das."
    assert {e["node"]["visibility"] for e in node["comments"]["edges"]} == {"PUBLIC"}


def test_a_guest_replies_but_not_on_another_orders_ticket(
    anonymous_api, guest_actor, guest_order, channel
):
    mine = make_ticket(guest_actor, order_id=guest_order.pk)
    stranger_order = OrderFactory(
        user=None, user_email="gast@example.de", channel=channel
    )
    variables = {"token": str(guest_order.pk), "email": "gast@example.de"}

    ok = anonymous_api(
        GUEST_TICKET_COMMENT_ADD, {**variables, "id": gid("Ticket", mine.pk)}
    )
    refused = anonymous_api(
        GUEST_TICKET_COMMENT_ADD,
        {
            "token": str(stranger_order.pk),
            "email": "gast@example.de",
            "id": gid("Ticket", mine.pk),
        },
    )

    assert ok["guestTicketCommentAdd"]["comment"] == {
        "body": "Danke!",
        "authorType": "CUSTOMER",
    }
    assert refused["guestTicketCommentAdd"]["errors"] == [
        {"field": "id", "code": "NOT_FOUND", "message": "Ticket not found."}
    ]
