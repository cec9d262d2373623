"""A rating becomes the `ticket.rated` webhook, with score and comment, planned in the
rating's transaction."""

from graphene.relay import Node

from saleor_helpdesk.models import RatingSource, WebhookDelivery, WebhookSubscription
from saleor_helpdesk.satisfaction.recording import record_rating
from saleor_helpdesk.webhooks.payloads import TOPICS


def gid(type_name, pk):
    return Node.to_global_id(type_name, str(pk))


def test_a_rating_is_sent_as_ticket_rated(customer_actor, closed_ticket):
    # given a subscription to ticket.rated only
    WebhookSubscription.objects.create(
        name="CRM",
        target_url="https://crm.example.com/hooks",
        events=["ticket.rated"],
        reader_kind="system",
    )
    assert "ticket.rated" in TOPICS

    # when the customer rates
    rating = record_rating(
        customer_actor,
        closed_ticket.pk,
        score=1,
        comment="Niemand hat geantwortet.",
        source=RatingSource.STOREFRONT,
    )

    # then one delivery carries the rating
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.topic == "ticket.rated"
    payload = delivery.payload
    assert payload["ticket"]["id"] == gid("Ticket", closed_ticket.pk)
    assert payload["rating"] == {
        "id": gid("TicketSatisfactionRating", rating.pk),
        "score": 1,
        "comment": "Niemand hat geantwortet.",
        "source": "storefront",
        "created_at": rating.created_at.isoformat(),
    }
    assert payload["changes"] == {
        "rating": gid("TicketSatisfactionRating", rating.pk),
        "score": 1,
        "source": "storefront",
    }
