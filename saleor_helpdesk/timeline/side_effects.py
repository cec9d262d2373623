"""Side effects of the timeline (customer and staff e-mails, webhook deliveries).

Every `TicketEvent` an action writes is handed to the registered planners *inside the
action's transaction*. A planner writes outbox rows (what to send, to whom) and asks for
dispatch after commit. So a rolled-back change sends nothing, and a committed one is never
lost: its outbox rows were committed with it, and a worker picks them up even after a
crash.

Planners take a batch of events. Inside `batched()` (bulk operations) events are
collected and planned once, at the end of the block, so 100 tickets cost a bounded
number of queries instead of 100 times as many.
"""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import TicketEvent

Planner = Callable[[Sequence["TicketEvent"]], None]

# Planners are code, registered once at app start-up (AppConfig.ready), not state.
_planners: list[Planner] = []
_batch: ContextVar[list["TicketEvent"] | None] = ContextVar(
    "helpdesk_side_effect_batch", default=None
)


def register(planner: Planner) -> Planner:
    if planner not in _planners:
        _planners.append(planner)
    return planner


def plan(events: Sequence["TicketEvent"]) -> None:
    """Hand saved events to the planners (or to the open batch)."""
    if not events:
        return
    pending = _batch.get()
    if pending is not None:
        pending.extend(events)
        return
    for planner in _planners:
        planner(events)


@contextmanager
def batched() -> Iterator[None]:
    """Collect the events of a bulk operation and plan them together at the end of the
    block. Use inside the bulk operation's transaction."""
    if _batch.get() is not None:  # already batching: the outer block plans
        yield
        return
    pending: list[TicketEvent] = []
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    # Only reached when the block succeeded: a failed block rolls back its events.
    for planner in _planners:
        planner(pending)
