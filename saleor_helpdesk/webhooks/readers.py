"""Whose eyes a webhook subscription reads with, and who may see what it sent.

A subscription sends ticket contents to a URL outside the shop, so it may send only what
a person or app in the shop may read. Its *reader* is the staff user or app who last
saved what it sends and where (`actions/webhooks.py` says which changes count). The
rules:

- Saving: the reader needs MANAGE_ORDERS (besides MANAGE_APPS or MANAGE_PLUGINS to
  manage webhooks at all), and a reader limited to some channels must name channels,
  all of them ones it may read; "every channel" is refused to it. An app with
  MANAGE_ORDERS reads every channel, as in Saleor.
- Planning and sending: the reader's access is looked up again, as it is *now*
  (`HostPort.current_actor`). An event is planned, and a planned delivery is sent, only
  while the reader may read that ticket's channel. A reader who lost MANAGE_ORDERS, was
  deactivated, is no longer staff or was deleted suspends the subscription: nothing is
  planned, a queued delivery fails with the reason, and `suspended_reason` says why
  until a staff user or app with the access saves it again. A reader whose channels
  shrank gets the tickets of the channels it still reads.
- The delivery log: a delivery's payload (and the receiver's answers, which may echo
  it) is shown only to callers who may read its ticket (MANAGE_ORDERS and the ticket's
  channel, as `access.visible_tickets` decides); other webhook managers see the
  delivery's state without them.
"""

from typing import Any

from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Value

from ..core.actor import Actor, ActorKind
from ..core.errors import HelpdeskPermissionDenied
from ..host import get_host
from ..host.shop_models import channel_model
from ..models import WebhookDelivery, WebhookSubscription
from ..models.webhook import WebhookReaderKind
from ..tickets.access import visible_tickets

READER_NEEDS_TICKETS = (
    "You need the MANAGE_ORDERS permission as well: a webhook subscription sends "
    "ticket contents, and only what the staff user or app who saves it may read."
)
_RESUME = (
    " Nothing is sent until a staff user or app with MANAGE_ORDERS and access to its "
    "channels saves it again (for example with isActive: true)."
)


def reader_actor(subscription: WebhookSubscription) -> Actor | None:
    """The subscription's reader with its access as it is now; None when it has none
    (never recorded, or deleted)."""
    kind = subscription.reader_kind
    if kind == WebhookReaderKind.SYSTEM:
        return Actor.system()
    if kind == WebhookReaderKind.STAFF and subscription.reader_user_id is not None:
        return get_host().current_actor(user=subscription.reader_user)
    if kind == WebhookReaderKind.APP and subscription.reader_app_id is not None:
        return get_host().current_actor(app=subscription.reader_app)
    return None


def _who(subscription: WebhookSubscription) -> str:
    if subscription.reader_kind == WebhookReaderKind.APP:
        app = subscription.reader_app
        return f"The app {app.name!r}" if app is not None else "The app"
    user = subscription.reader_user
    return f"The staff user {user.email}" if user is not None else "The staff user"


def suspended_reason(
    subscription: WebhookSubscription, reader: Actor | None
) -> str | None:
    """Why the subscription sends nothing now; None while it sends."""
    kind = subscription.reader_kind
    if reader is None:
        if kind == WebhookReaderKind.STAFF:
            return "The staff user who saved it was deleted." + _RESUME
        if kind == WebhookReaderKind.APP:
            return "The app that saved it was deleted." + _RESUME
        return (
            "Nobody is recorded whose access it sends with (it was saved before the "
            "helpdesk recorded this)." + _RESUME
        )
    who = _who(subscription)
    if reader.kind == ActorKind.ANONYMOUS:
        return f"{who} is deactivated or removed." + _RESUME
    if reader.kind == ActorKind.CUSTOMER:
        return f"{who} is no longer a staff member." + _RESUME
    if not reader.is_agent:
        return f"{who} no longer has the MANAGE_ORDERS permission." + _RESUME
    if reader.channel_ids is not None:
        wanted = set(subscription.channel_ids) or None
        readable = reader.channel_ids if wanted is None else reader.channel_ids & wanted
        if not readable:
            return f"{who} can no longer read the tickets of its channels." + _RESUME
    return None


def may_send(reader: Actor | None, channel_id: int | None) -> bool:
    """Whether the reader may read tickets of this channel now."""
    return (
        reader is not None and reader.is_agent and reader.can_access_channel(channel_id)
    )


def require_reader(actor: Actor, subscription: WebhookSubscription) -> None:
    """Make `actor` the subscription's reader, if it may read everything the
    subscription asks for; otherwise a permission error (on `channels` when only the
    channels are the problem)."""
    if actor.kind == ActorKind.SYSTEM:
        _set_reader(subscription, WebhookReaderKind.SYSTEM)
        return
    if not actor.is_agent:
        raise HelpdeskPermissionDenied(READER_NEEDS_TICKETS)
    if actor.channel_ids is not None:
        if not subscription.channel_ids:
            raise HelpdeskPermissionDenied(
                "You may read the tickets of some channels only: name them in "
                "channels (an empty list means every channel).",
                field="channels",
            )
        outside = [pk for pk in subscription.channel_ids if pk not in actor.channel_ids]
        if outside:
            slugs = dict(
                channel_model().objects.filter(pk__in=outside).values_list("pk", "slug")
            )
            names = ", ".join(slugs.get(pk, str(pk)) for pk in outside)
            raise HelpdeskPermissionDenied(
                f"You may not read the tickets of channel(s): {names}.",
                field="channels",
            )
    if actor.kind == ActorKind.APP:
        _set_reader(subscription, WebhookReaderKind.APP, app=actor.app)
    else:
        _set_reader(subscription, WebhookReaderKind.STAFF, user=actor.user)


def _set_reader(
    subscription: WebhookSubscription, kind: str, user: Any = None, app: Any = None
) -> None:
    subscription.reader_kind = kind
    subscription.reader_user = user
    subscription.reader_app = app


def with_payload_access(
    actor: Actor, deliveries: QuerySet[WebhookDelivery]
) -> QuerySet[WebhookDelivery]:
    """The deliveries, each annotated `payload_readable`: whether `actor` may read its
    ticket (so its payload, and answers that may echo it)."""
    if not actor.is_agent:
        return deliveries.annotate(
            payload_readable=Value(False, output_field=BooleanField())
        )
    return deliveries.annotate(
        payload_readable=Exists(visible_tickets(actor).filter(pk=OuterRef("ticket_id")))
    )


def payload_readable(actor: Actor, delivery: WebhookDelivery) -> bool:
    annotated = getattr(delivery, "payload_readable", None)
    if annotated is not None:
        return bool(annotated)
    row = with_payload_access(
        actor, WebhookDelivery.objects.filter(pk=delivery.pk).only("pk", "ticket")
    ).first()
    return bool(getattr(row, "payload_readable", False))
