"""Who may manage the helpdesk's webhooks (MANAGE_APPS or MANAGE_PLUGINS), and the
subscriptions they see. Creating, changing, deleting and redelivering are actions
(`actions/webhooks.py`).
"""

from django.db.models import QuerySet

from ..core.actor import Actor, ActorKind
from ..core.errors import HelpdeskPermissionDenied
from ..core.permissions import Perm
from ..models import WebhookSubscription


def require_webhook_manager(actor: Actor) -> None:
    if actor.kind not in (ActorKind.STAFF, ActorKind.APP, ActorKind.SYSTEM) or not (
        actor.has_perm(Perm.MANAGE_APPS) or actor.has_perm(Perm.MANAGE_PLUGINS)
    ):
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_APPS or MANAGE_PLUGINS permission to manage the "
            "helpdesk's webhooks."
        )


def can_manage_webhooks(actor: Actor) -> bool:
    try:
        require_webhook_manager(actor)
    except HelpdeskPermissionDenied:
        return False
    return True


def subscriptions_for(actor: Actor) -> QuerySet[WebhookSubscription]:
    require_webhook_manager(actor)
    return WebhookSubscription.objects.select_related("reader_user", "reader_app")
