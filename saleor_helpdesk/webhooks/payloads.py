"""Topics and payloads of the helpdesk's webhooks.

A timeline event becomes zero, one or two topics (a new complaint is `ticket.created`
and `complaint.created`). The payload is built when the change is planned, inside its
transaction, so it shows the ticket as that change left it, and a retry sends exactly
the same bytes' content.
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.constants import TicketEventType, TicketKind
from ..models import Comment, SatisfactionRating, Ticket, TicketEvent


class Topic:
    TICKET_CREATED = "ticket.created"
    TICKET_UPDATED = "ticket.updated"
    TICKET_STATUS_CHANGED = "ticket.status_changed"
    TICKET_ASSIGNED = "ticket.assigned"
    TICKET_CLOSED = "ticket.closed"
    TICKET_REOPENED = "ticket.reopened"
    TICKET_MERGED = "ticket.merged"
    COMMENT_CREATED = "comment.created"
    COMPLAINT_CREATED = "complaint.created"
    COMPLAINT_DECIDED = "complaint.decided"
    REFUND_REQUESTED = "refund.requested"
    REFUND_COMPLETED = "refund.completed"
    TICKET_RATED = "ticket.rated"
    # Issue 14: an automation rule with a "send a webhook" action matched.
    TICKET_RULE_MATCHED = "ticket.rule_matched"
    TICKET_SLA_AT_RISK = "ticket.sla_at_risk"
    TICKET_SLA_BREACHED = "ticket.sla_breached"


# Every topic a subscription may ask for, with what it reports (for the API).
TOPICS: dict[str, str] = {
    Topic.TICKET_CREATED: "A ticket was opened.",
    Topic.TICKET_UPDATED: "A ticket's priority, category, due date or CC changed.",
    Topic.TICKET_STATUS_CHANGED: "A ticket moved to another status.",
    Topic.TICKET_ASSIGNED: "A ticket was assigned, reassigned or unassigned.",
    Topic.TICKET_CLOSED: "A ticket was closed.",
    Topic.TICKET_REOPENED: "A closed ticket was reopened.",
    Topic.TICKET_MERGED: "A ticket was merged into another one.",
    Topic.COMMENT_CREATED: (
        "A reply was added (internal notes only for subscriptions that opt in)."
    ),
    Topic.COMPLAINT_CREATED: "A complaint was opened.",
    Topic.COMPLAINT_DECIDED: "A complaint was decided.",
    Topic.REFUND_REQUESTED: "A refund was requested for a ticket.",
    Topic.REFUND_COMPLETED: "A refund of a ticket was completed.",
    Topic.TICKET_RATED: "The customer rated a closed ticket (score and comment).",
    Topic.TICKET_RULE_MATCHED: (
        "An automation rule that sends a webhook matched a ticket (names the rule)."
    ),
    Topic.TICKET_SLA_AT_RISK: "A ticket's service-level target is at risk.",
    Topic.TICKET_SLA_BREACHED: "A ticket's service-level target was breached.",
}

_BY_EVENT_TYPE: dict[str, str] = {
    TicketEventType.CREATED: Topic.TICKET_CREATED,
    TicketEventType.PRIORITY_CHANGED: Topic.TICKET_UPDATED,
    TicketEventType.CATEGORY_CHANGED: Topic.TICKET_UPDATED,
    TicketEventType.DUE_DATE_CHANGED: Topic.TICKET_UPDATED,
    TicketEventType.CC_CHANGED: Topic.TICKET_UPDATED,
    TicketEventType.STATUS_CHANGED: Topic.TICKET_STATUS_CHANGED,
    TicketEventType.ASSIGNED: Topic.TICKET_ASSIGNED,
    TicketEventType.UNASSIGNED: Topic.TICKET_ASSIGNED,
    TicketEventType.CLOSED: Topic.TICKET_CLOSED,
    TicketEventType.REOPENED: Topic.TICKET_REOPENED,
    TicketEventType.MERGED: Topic.TICKET_MERGED,
    TicketEventType.COMMENT_ADDED: Topic.COMMENT_CREATED,
    TicketEventType.NOTE_ADDED: Topic.COMMENT_CREATED,
    TicketEventType.COMPLAINT_DECIDED: Topic.COMPLAINT_DECIDED,
    TicketEventType.REFUND_REQUESTED: Topic.REFUND_REQUESTED,
    TicketEventType.RATED: Topic.TICKET_RATED,
    TicketEventType.SLA_AT_RISK: Topic.TICKET_SLA_AT_RISK,
    TicketEventType.SLA_BREACHED: Topic.TICKET_SLA_BREACHED,
}

# `refund_updated` states that mean the money went back.
REFUND_DONE_STATES = frozenset({"succeeded", "success", "completed", "refunded"})

# Parameters holding ids of other objects, shown to consumers as global IDs.
_ID_PARAMETERS = {
    "assignee_id": "User",
    "previous_assignee_id": "User",
    "into_id": "Ticket",
    "source_id": "Ticket",
    "rating_id": "TicketSatisfactionRating",
}

_NAMESPACE = uuid.UUID("5d0b1a52-0f6e-4d4f-9a55-8c1f8d1b7e21")


@dataclass(frozen=True)
class Planned:
    """One topic of one timeline event, ready to be sent to matching subscriptions."""

    event: TicketEvent
    ticket: Ticket
    topic: str
    event_id: uuid.UUID
    internal: bool  # an internal note: only for subscriptions that opt in

    @property
    def channel_id(self) -> int | None:
        return self.ticket.channel_id


def topics_of(event: TicketEvent, ticket_kind: str) -> list[str]:
    if event.type == TicketEventType.REFUND_UPDATED:
        state = str((event.parameters or {}).get("state", "")).lower()
        return [Topic.REFUND_COMPLETED] if state in REFUND_DONE_STATES else []
    if event.type == TicketEventType.RULE_APPLIED:
        parameters = event.parameters or {}
        wanted = parameters.get("webhook") and not parameters.get("error")
        return [Topic.TICKET_RULE_MATCHED] if wanted else []
    topic = _BY_EVENT_TYPE.get(event.type)
    if topic is None:
        return []
    if topic == Topic.TICKET_CREATED and ticket_kind == TicketKind.COMPLAINT:
        return [topic, Topic.COMPLAINT_CREATED]
    return [topic]


def event_id_for(event: TicketEvent, topic: str) -> uuid.UUID:
    """Stable: the same timeline event and topic always give the same id."""
    return uuid.uuid5(_NAMESPACE, f"{event.pk}:{topic}")


def plan_topics(
    events: Sequence[TicketEvent], tickets: dict[int, Ticket]
) -> list[Planned]:
    planned = []
    for event in events:
        ticket = tickets.get(event.ticket_id)
        if ticket is None:
            continue
        for topic in topics_of(event, ticket.kind):
            planned.append(
                Planned(
                    event=event,
                    ticket=ticket,
                    topic=topic,
                    event_id=event_id_for(event, topic),
                    internal=event.type == TicketEventType.NOTE_ADDED,
                )
            )
    return planned


def gid(type_name: str, pk: object) -> str:
    from graphene.relay import Node

    return str(Node.to_global_id(type_name, str(pk)))


def ticket_summary(ticket: Ticket) -> dict[str, Any]:
    order = ticket.order
    return {
        "id": gid("Ticket", ticket.pk),
        "number": ticket.number,
        "kind": ticket.kind,
        "subject": ticket.subject,
        "status": ticket.status.slug,
        "priority": ticket.priority.slug,
        "channel": ticket.channel.slug if ticket.channel is not None else None,
        "created_at": ticket.created_at.isoformat(),
        "order": (
            {"id": gid("Order", order.pk), "number": order.number}
            if order is not None
            else None
        ),
        "customer": {
            "id": gid("User", ticket.customer_id) if ticket.customer_id else None,
            "email": ticket.customer_email,
            "name": ticket.customer_name,
        },
    }


def comment_summary(comment: Comment) -> dict[str, Any]:
    return {
        "id": gid("TicketComment", comment.pk),
        "body": comment.body,
        "visibility": comment.visibility,
        "author_type": comment.author_type,
        "created_at": comment.created_at.isoformat(),
    }


def _changes(parameters: dict[str, Any]) -> dict[str, Any]:
    changes = {}
    for key, value in parameters.items():
        if key == "comment_id":
            continue
        if key in _ID_PARAMETERS:
            changes[key.removesuffix("_id")] = (
                gid(_ID_PARAMETERS[key], value) if value is not None else None
            )
        else:
            changes[key] = value
    return changes


def rating_summary(rating: SatisfactionRating) -> dict[str, Any]:
    return {
        "id": gid("TicketSatisfactionRating", rating.pk),
        "score": rating.score,
        "comment": rating.comment,
        "source": rating.source,
        "created_at": rating.created_at.isoformat(),
    }


def build_payload(
    planned: Planned,
    comments: dict[int, Comment],
    ratings: dict[int, SatisfactionRating] | None = None,
) -> dict[str, Any]:
    event = planned.event
    payload: dict[str, Any] = {
        "id": str(planned.event_id),
        "type": planned.topic,
        "timestamp": event.date.isoformat(),
        "ticket": ticket_summary(planned.ticket),
    }
    parameters = dict(event.parameters or {})
    comment_id = parameters.get("comment_id")
    if planned.topic == Topic.COMMENT_CREATED and comment_id in comments:
        payload["comment"] = comment_summary(comments[comment_id])
    rating_id = parameters.get("rating_id")
    if planned.topic == Topic.TICKET_RATED and ratings and rating_id in ratings:
        payload["rating"] = rating_summary(ratings[rating_id])
    changes = _changes(parameters)
    if changes and planned.topic != Topic.COMMENT_CREATED:
        payload["changes"] = changes
    return payload


def comment_ids(planned: Iterable[Planned]) -> set[int]:
    return {
        p.event.parameters["comment_id"]
        for p in planned
        if p.topic == Topic.COMMENT_CREATED and p.event.parameters.get("comment_id")
    }


def rating_ids(planned: Iterable[Planned]) -> set[int]:
    return {
        p.event.parameters["rating_id"]
        for p in planned
        if p.topic == Topic.TICKET_RATED and p.event.parameters.get("rating_id")
    }
