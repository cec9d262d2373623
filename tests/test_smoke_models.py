from tests.factories import make_ticket


def test_a_ticket_opened_by_a_customer_gets_the_defaults(customer_actor, channel):
    ticket = make_ticket(customer_actor, channel_id=channel.pk)

    assert ticket.number >= 10001
    assert ticket.status.slug == "new"
    assert ticket.priority.slug == "normal"
    assert ticket.comments.count() == 1
    assert list(ticket.events.values_list("type", flat=True)) == [
        "created",
        "comment_added",
    ]
