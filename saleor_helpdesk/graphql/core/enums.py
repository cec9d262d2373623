"""GraphQL enums made from the domain's choices (values stay the stored strings)."""

from enum import Enum
from typing import Any

import graphene
from django.db.models import TextChoices

from ...core.constants import (
    AuthorType,
    CommentMedium,
    CommentVisibility,
    ComplaintDecision,
    ComplaintReason,
    RefundMethod,
    RefundState,
    Resolution,
    StatusGroup,
    TicketEventType,
    TicketKind,
    TicketSource,
)


def _enum(choices: type[TextChoices], name: str, description: str) -> Any:
    members = Enum(name, {value.upper(): value for value in choices.values})  # type: ignore[misc]
    return graphene.Enum.from_enum(members, description=description)


TicketKindEnum = _enum(TicketKind, "TicketKindEnum", "What a ticket is about.")
TicketSourceEnum = _enum(TicketSource, "TicketSourceEnum", "Where a ticket came from.")
TicketStatusGroupEnum = _enum(
    StatusGroup, "TicketStatusGroupEnum", "What a status means to the inbox tabs."
)
TicketAuthorTypeEnum = _enum(AuthorType, "TicketAuthorTypeEnum", "Who wrote a comment.")
TicketCommentVisibilityEnum = _enum(
    CommentVisibility,
    "TicketCommentVisibilityEnum",
    "Whether a comment is a public reply or an internal note.",
)
TicketCommentMediumEnum = _enum(
    CommentMedium, "TicketCommentMediumEnum", "How a comment reached the helpdesk."
)
ResolutionEnum = _enum(
    Resolution, "ComplaintResolutionEnum", "What a customer asks for on a complaint."
)
ComplaintDecisionEnum = _enum(
    ComplaintDecision,
    "ComplaintDecisionEnum",
    "The merchant's decision on a complaint.",
)
ComplaintReasonEnum = _enum(
    ComplaintReason, "ComplaintReasonEnum", "Why an order line is complained about."
)
TicketEventTypeEnum = _enum(
    TicketEventType,
    "TicketEventTypeEnum",
    "The kind of change a timeline event records.",
)
RefundStateEnum = _enum(
    RefundState,
    "TicketRefundStateEnum",
    "A ticket refund's state: requested (recorded), pending (sent to the payment "
    "app), succeeded or failed.",
)
RefundMethodEnum = _enum(
    RefundMethod,
    "TicketRefundMethodEnum",
    "Which Saleor API a refund goes through: a granted refund on a transaction, or "
    "the legacy payment.",
)
