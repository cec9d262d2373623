"""The webhook planner: timeline events → delivery rows, inside the change's transaction.

Registered with `side_effects` in `AppConfig.ready`. An event is planned for a
subscription only if its reader may read the ticket now (`readers.py`). For a batch of
events it costs one query when no subscription is active, and otherwise at most four
(subscriptions with their readers, tickets, comments, the insert of every delivery) plus
the lookup of each distinct staff or app reader's current access (one query each),
whatever the batch's size.
"""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from ..core.actor import Actor
from ..models import (
    Comment,
    SatisfactionRating,
    Ticket,
    TicketEvent,
    WebhookDelivery,
    WebhookSubscription,
)
from .payloads import Planned, build_payload, comment_ids, plan_topics, rating_ids
from .readers import may_send, reader_actor, suspended_reason


def _wanted(
    subscription: WebhookSubscription, reader: Actor | None, planned: Planned
) -> bool:
    if planned.topic not in subscription.events:
        return False
    if subscription.channel_ids and planned.channel_id not in subscription.channel_ids:
        return False
    if not may_send(reader, planned.channel_id):
        return False
    # Internal notes reach only the subscriptions that opted in, never any other.
    return not planned.internal or subscription.include_internal_comments


def _with_readers(
    subscriptions: list[WebhookSubscription],
) -> list[tuple[WebhookSubscription, Actor]]:
    """The subscriptions that may send now, each with its reader's current access
    (looked up once per reader)."""
    readers: dict[tuple[str, int | None, int | None], Actor | None] = {}
    sending = []
    for subscription in subscriptions:
        key = (
            subscription.reader_kind,
            subscription.reader_user_id,
            subscription.reader_app_id,
        )
        if key not in readers:
            readers[key] = reader_actor(subscription)
        reader = readers[key]
        if reader is not None and suspended_reason(subscription, reader) is None:
            sending.append((subscription, reader))
    return sending


def plan_webhooks(events: Sequence[TicketEvent]) -> None:
    """The planner registered with `side_effects`."""
    plan_deliveries(events)


def plan_deliveries(events: Sequence[TicketEvent]) -> list[WebhookDelivery]:
    active = list(
        WebhookSubscription.objects.filter(is_active=True)
        .select_related("reader_user", "reader_app")
        .only(
            "pk",
            "events",
            "channel_ids",
            "include_internal_comments",
            "reader_kind",
            "reader_user",
            "reader_app",
        )
    )
    if not active or not events:
        return []
    subscriptions = _with_readers(active)
    if not subscriptions:
        return []
    tickets = Ticket.objects.select_related(
        "status", "priority", "channel", "order"
    ).in_bulk({event.ticket_id for event in events})
    planned = [
        item
        for item in plan_topics(events, tickets)
        if any(
            _wanted(subscription, reader, item)
            for subscription, reader in subscriptions
        )
    ]
    if not planned:
        return []
    wanted_comments = comment_ids(planned)
    comments = Comment.objects.in_bulk(wanted_comments) if wanted_comments else {}
    wanted_ratings = rating_ids(planned)
    ratings = (
        SatisfactionRating.objects.in_bulk(wanted_ratings) if wanted_ratings else {}
    )
    now = timezone.now()
    rows: list[WebhookDelivery] = []
    for item in planned:
        payload = build_payload(item, comments, ratings)
        rows.extend(
            WebhookDelivery(
                subscription_id=subscription.pk,
                ticket_id=item.ticket.pk,
                event_id=item.event_id,
                topic=item.topic,
                payload=payload,
                next_attempt_at=now,
            )
            for subscription, reader in subscriptions
            if _wanted(subscription, reader, item)
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
