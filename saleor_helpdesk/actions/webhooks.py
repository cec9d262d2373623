"""Managing webhook subscriptions and redeliveries: MANAGE_APPS or MANAGE_PLUGINS.

Whoever creates a subscription, or changes what it sends or where (target URL, topics,
channels, internal notes, reactivation), becomes its reader and needs MANAGE_ORDERS and
access to its channels as well (`webhooks/readers.py`). Renaming, the signing method
and deactivating need only the manager permission and keep the reader.

The target URL is checked on create and update (scheme, host, every address it resolves
to) and again at send time, after a fresh resolution. A redelivery is queued after
commit; planning, payloads, signing and sending are `webhooks/`.
"""

from collections.abc import Sequence
from typing import Any, TypedDict

from django.db import transaction

from ..core.actor import Actor
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..host.shop_models import channel_model
from ..models import WebhookDelivery, WebhookSubscription
from ..models.webhook import WebhookDeliveryStatus, WebhookSigning
from ..webhooks import delivery as sending
from ..webhooks.payloads import TOPICS
from ..webhooks.readers import require_reader
from ..webhooks.signing import new_secret
from ..webhooks.subscriptions import require_webhook_manager
from ..webhooks.tasks import deliver_pending
from ..webhooks.transport import check_target_url

MAX_NAME_LENGTH = 255
# Changes that decide what is sent and where: whoever makes them becomes the reader.
READER_FIELDS = frozenset(
    {"target_url", "events", "channels", "include_internal_comments"}
)


class SubscriptionFields(TypedDict, total=False):
    name: str
    target_url: str
    events: Sequence[str]
    channels: Sequence[str]  # channel slugs; empty: every channel
    is_active: bool
    include_internal_comments: bool
    signing: str


def _not_found(what: str) -> Exception:
    return field_error("id", f"{what} not found.", HelpdeskErrorCode.NOT_FOUND)


def _apply(
    subscription: WebhookSubscription, fields: SubscriptionFields, creating: bool
) -> None:
    data: dict[str, Any] = dict(fields)
    if creating or "name" in data:
        name = str(data.get("name") or "").strip()
        if not name:
            raise field_error("name", "Enter a name.", HelpdeskErrorCode.REQUIRED)
        if len(name) > MAX_NAME_LENGTH:
            raise field_error(
                "name",
                f"A name may be at most {MAX_NAME_LENGTH} characters long.",
                HelpdeskErrorCode.INVALID,
            )
        subscription.name = name
    if creating or "target_url" in data:
        subscription.target_url = check_target_url(str(data.get("target_url") or ""))
    if creating or "events" in data:
        topics = [str(topic).strip() for topic in data.get("events") or []]
        if not topics:
            raise field_error(
                "events", "Choose at least one event.", HelpdeskErrorCode.REQUIRED
            )
        unknown = sorted({topic for topic in topics if topic not in TOPICS})
        if unknown:
            raise field_error(
                "events",
                f"Unknown event(s): {', '.join(unknown)}.",
                HelpdeskErrorCode.UNKNOWN_WEBHOOK_TOPIC,
            )
        subscription.events = list(dict.fromkeys(topics))
    if "channels" in data:
        slugs = list(dict.fromkeys(str(slug) for slug in data["channels"] or []))
        found = dict(
            channel_model().objects.filter(slug__in=slugs).values_list("slug", "pk")
        )
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise field_error(
                "channels",
                f"Unknown channel(s): {', '.join(missing)}.",
                HelpdeskErrorCode.NOT_FOUND,
            )
        subscription.channel_ids = [found[slug] for slug in slugs]
    if "is_active" in data:
        subscription.is_active = bool(data["is_active"])
    if "include_internal_comments" in data:
        subscription.include_internal_comments = bool(data["include_internal_comments"])
    if "signing" in data:
        if data["signing"] not in WebhookSigning.values:
            raise field_error(
                "signing", "Unknown signing method.", HelpdeskErrorCode.INVALID
            )
        subscription.signing = str(data["signing"])


def create_subscription(
    actor: Actor, fields: SubscriptionFields
) -> tuple[WebhookSubscription, str]:
    """The new subscription and its secret (shown this once)."""
    require_webhook_manager(actor)
    subscription = WebhookSubscription(secret=new_secret())
    _apply(subscription, fields, creating=True)
    require_reader(actor, subscription)
    subscription.save()
    return subscription, subscription.secret


def update_subscription(
    actor: Actor, subscription_id: int, fields: SubscriptionFields
) -> WebhookSubscription:
    require_webhook_manager(actor)
    with transaction.atomic():
        subscription = (
            WebhookSubscription.objects.select_for_update()
            .filter(pk=subscription_id)
            .first()
        )
        if subscription is None:
            raise _not_found("Webhook subscription")
        _apply(subscription, fields, creating=False)
        if _changes_reader(fields):
            require_reader(actor, subscription)
        subscription.save()
    return subscription


def _changes_reader(fields: SubscriptionFields) -> bool:
    return bool(READER_FIELDS & fields.keys()) or fields.get("is_active") is True


def delete_subscription(actor: Actor, subscription_id: int) -> WebhookSubscription:
    require_webhook_manager(actor)
    subscription = WebhookSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        raise _not_found("Webhook subscription")
    pk = subscription.pk
    subscription.delete()
    subscription.pk = pk
    return subscription


def redeliver(actor: Actor, delivery_id: int) -> WebhookDelivery:
    """Send a delivery again, with the same event id and payload."""
    require_webhook_manager(actor)
    with transaction.atomic():
        row = WebhookDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if row is None:
            raise _not_found("Webhook delivery")
        if row.status in (WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.SENDING):
            raise field_error(
                "id",
                "The delivery is queued already.",
                HelpdeskErrorCode.INVALID,
            )
        row = sending.redeliver(row)
        ids = [row.pk]

        # robust: a broker that is down must not fail the committed redelivery; the
        # periodic `retry_due_deliveries` sends the row later.
        transaction.on_commit(lambda: deliver_pending.delay(ids), robust=True)
    return row
