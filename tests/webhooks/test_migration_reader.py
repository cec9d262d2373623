"""Migration 0006 links existing deliveries to the ticket their payload names, so that
"the payload is shown to whoever may read the ticket" holds for old rows too."""

import importlib

from django.apps import apps

from saleor_helpdesk.models import WebhookDelivery, WebhookSubscription
from tests.factories import make_ticket

migration = importlib.import_module(
    "saleor_helpdesk.migrations.0006_webhook_subscription_reader"
)


def test_old_deliveries_get_the_ticket_their_payload_names(db):
    # given deliveries written before deliveries recorded their ticket
    WebhookSubscription.objects.create(
        name="ERP",
        target_url="https://erp.example.com/",
        events=["ticket.created"],
        reader_kind="system",
    )
    first, second = make_ticket(), make_ticket()
    broken = WebhookDelivery.objects.create(
        subscription=WebhookSubscription.objects.get(),
        topic="ticket.created",
        payload={"ticket": {"id": "not base64!"}},
    )
    gone = WebhookDelivery.objects.create(
        subscription=WebhookSubscription.objects.get(),
        topic="ticket.created",
        payload={"ticket": {"id": "VGlja2V0Ojk5OTk5OQ=="}},  # Ticket:999999
    )
    WebhookDelivery.objects.update(ticket=None)

    # when the migration's data step runs
    migration.link_deliveries_to_tickets(apps, None)

    # then each is linked to its ticket; unreadable or vanished ones stay unlinked
    linked = dict(WebhookDelivery.objects.values_list("pk", "ticket_id"))
    assert sorted(t for t in linked.values() if t) == sorted([first.pk, second.pk])
    assert linked[broken.pk] is None
    assert linked[gone.pk] is None
