"""Erasing a customer's personal data takes their rating's comment and who gave it;
the score stays for the statistics."""

from django.db import transaction

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import ErasureReason
from saleor_helpdesk.models import RatingSource, SatisfactionRating
from saleor_helpdesk.privacy.erase import erase_tickets
from saleor_helpdesk.satisfaction.recording import record_rating


def test_erasure_keeps_only_the_score(customer_actor, closed_ticket):
    record_rating(
        customer_actor,
        closed_ticket.pk,
        score=2,
        comment="Anna Schmidt, Tel. 0170 1234567",
        source=RatingSource.STOREFRONT,
    )
    with transaction.atomic():
        erase_tickets(
            [closed_ticket.pk], actor=Actor.system(), reason=ErasureReason.REQUEST
        )
    rating = SatisfactionRating.objects.get()
    assert (
        rating.score,
        rating.comment,
        rating.customer_id,
        rating.customer_email,
    ) == (
        2,
        "",
        None,
        "",
    )
