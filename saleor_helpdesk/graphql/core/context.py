"""What every resolver gets as `info.context`."""

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

from ...core.actor import Actor


@dataclass
class HelpdeskContext:
    request: HttpRequest
    actor: Actor
    # Dataloaders live for one request: batching and caching never cross requests.
    dataloaders: dict[str, Any] = field(default_factory=dict)
    # The variables as sent: graphql-core 2 drops those sent as null from its own
    # copy, and `core/arguments.py` needs to tell them from those not sent.
    variables: dict[str, Any] = field(default_factory=dict)


def act_as(info: Any, actor: Actor) -> None:
    """Shape the rest of the answer for `actor` (a guest proved by order token)."""
    context: HelpdeskContext = info.context
    context.actor = actor
