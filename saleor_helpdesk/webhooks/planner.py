"""The webhook planner: timeline events → delivery rows, inside the change's transaction.

Registered with `side_effects` in `AppConfig.ready`. For a batch of events it costs one
query when no subscription is active, and at most four otherwise (subscriptions,
tickets, comments, the insert of every delivery), whatever the batch's size.
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from ..models import (
    Comment,
    Ticket,
    TicketEvent,
    WebhookDelivery,
    WebhookSubscription,
)
from .payloads import Planned, build_payload, comment_ids, plan_topics


def _wanted(subscription: WebhookSubscription, planned: Planned) -> bool:
    if planned.topic not in subscription.events:
        return False
    if subscription.channel_ids and planned.channel_id not in subscription.channel_ids:
        return False
    # Internal notes reach only the subscriptions that opted in, never any other.
    return not planned.internal or subscription.include_internal_comments


def plan_webhooks(events: Sequence[TicketEvent]) -> None:
    """The planner registered with `side_effects`."""
    plan_deliveries(events)


def plan_deliveries(events: Sequence[TicketEvent]) -> list[WebhookDelivery]:
    subscriptions = list(
        WebhookSubscription.objects.filter(is_active=True).only(
            "pk", "events", "channel_ids", "include_internal_comments"
        )
    )
    if not subscriptions or not events:
        return []
    tickets = Ticket.objects.select_related(
        "status", "priority", "channel", "order"
    ).in_bulk({event.ticket_id for event in events})
    planned = [
        item
        for item in plan_topics(events, tickets)
        if any(_wanted(subscription, item) for subscription in subscriptions)
    ]
    if not planned:
        return []
    wanted_comments = comment_ids(planned)
    comments = Comment.objects.in_bulk(wanted_comments) if wanted_comments else {}
    now = timezone.now()
    rows: list[WebhookDelivery] = []
    for item in planned:
        payload = build_payload(item, comments)
        rows.extend(
            WebhookDelivery(
                subscription_id=subscription.pk,
                event_id=item.event_id,
                topic=item.topic,
                payload=payload,
                next_attempt_at=now,
            )
            for subscription in subscriptions
            if _wanted(subscription, item)
        )
    created = WebhookDelivery.objects.bulk_create(rows)
    ids = [row.pk for row in created]

    def dispatch() -> None:
        from .tasks import deliver_pending

        deliver_pending.delay(ids)

    # robust: a broker that is down must not fail a committed change; the periodic
    # `retry_due_deliveries` sends these rows later.
    transaction.on_commit(dispatch, robust=True)
    return created
