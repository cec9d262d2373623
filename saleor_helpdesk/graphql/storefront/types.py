"""What a storefront needs to draw its ticket and complaint forms."""

from typing import Any

import graphene

from ...core.choice_labels import choice_label
from ...core.constants import ComplaintReason, Resolution, TicketKind
from ...models import Category, ChannelSettings, Contact
from ..core.enums import ComplaintReasonEnum, ResolutionEnum, TicketKindEnum
from ..workflow.types import TicketCategory, TicketContact


class TicketKindOption(graphene.ObjectType):
    kind = graphene.Field(TicketKindEnum, required=True, description="The kind.")
    label = graphene.String(
        required=True, description="Its label in the asked language."
    )
    categories = graphene.List(
        graphene.NonNull(TicketCategory),
        required=True,
        description="Categories offered for this kind.",
    )

    class Meta:
        description = "A kind of ticket a customer can open, with its categories."


class ComplaintReasonOption(graphene.ObjectType):
    reason = graphene.Field(
        ComplaintReasonEnum, required=True, description="The reason."
    )
    label = graphene.String(
        required=True, description="Its label in the asked language."
    )

    class Meta:
        description = "A reason a customer can give for a complained order line."


class ResolutionOption(graphene.ObjectType):
    resolution = graphene.Field(
        ResolutionEnum, required=True, description="The resolution."
    )
    label = graphene.String(
        required=True, description="Its label in the asked language."
    )

    class Meta:
        description = "What a customer can ask for on a complaint."


class AttachmentRules(graphene.ObjectType):
    allowed = graphene.Boolean(required=True, description="Whether files are accepted.")
    max_size = graphene.Int(required=True, description="Largest file, in bytes.")
    max_per_comment = graphene.Int(required=True, description="Files per message.")
    max_per_ticket = graphene.Int(required=True, description="Files per ticket.")
    content_types = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Accepted types (checked against the file's bytes).",
    )

    class Meta:
        description = "What files a customer may attach."


class HelpdeskPolicies(graphene.ObjectType):
    guest_tickets_allowed = graphene.Boolean(
        required=True, description="Whether guests may write with an order token."
    )
    customer_may_close = graphene.Boolean(
        required=True, description="Whether customers may close their tickets."
    )
    customer_may_reopen = graphene.Boolean(
        required=True, description="Whether customers may reopen closed tickets."
    )
    reopen_window_days = graphene.Int(
        description="Days after closing in which reopening is possible; null: always."
    )

    class Meta:
        description = "The channel's rules for customers."


class HelpdeskConfiguration(graphene.ObjectType):
    kinds = graphene.List(
        graphene.NonNull(TicketKindOption),
        required=True,
        description="Kinds of tickets.",
    )
    contacts = graphene.List(
        graphene.NonNull(TicketContact), required=True, description="Queues to address."
    )
    complaint_reasons = graphene.List(
        graphene.NonNull(ComplaintReasonOption),
        required=True,
        description="Reasons for complained lines.",
    )
    resolutions = graphene.List(
        graphene.NonNull(ResolutionOption),
        required=True,
        description="What customers can ask for on a complaint.",
    )
    attachments = graphene.Field(
        AttachmentRules, required=True, description="Rules for attachments."
    )
    policies = graphene.Field(
        HelpdeskPolicies, required=True, description="Rules for customers."
    )

    class Meta:
        description = "The helpdesk's public configuration for one channel."


def build_configuration(
    policy: ChannelSettings, language: str | None
) -> HelpdeskConfiguration:
    categories: dict[str, list[Any]] = {}
    for category in Category.objects.filter(is_active=True).order_by("position", "pk"):
        categories.setdefault(category.kind, []).append(category)
    return HelpdeskConfiguration(
        kinds=[
            TicketKindOption(
                kind=kind,
                label=choice_label(TicketKind, kind, language),
                categories=categories.get(kind, []),
            )
            for kind in TicketKind.values
        ],
        contacts=list(
            Contact.objects.filter(is_active=True).order_by("position", "pk")
        ),
        complaint_reasons=[
            ComplaintReasonOption(
                reason=r, label=choice_label(ComplaintReason, r, language)
            )
            for r in ComplaintReason.values
        ],
        resolutions=[
            ResolutionOption(resolution=r, label=choice_label(Resolution, r, language))
            for r in Resolution.values
        ],
        attachments=AttachmentRules(
            allowed=policy.attachments_allowed,
            max_size=policy.max_attachment_size,
            max_per_comment=policy.max_attachments_per_comment,
            max_per_ticket=policy.max_attachments_per_ticket,
            content_types=list(policy.allowed_content_types),
        ),
        policies=HelpdeskPolicies(
            guest_tickets_allowed=policy.guest_tickets_allowed,
            customer_may_close=policy.customer_may_close,
            customer_may_reopen=policy.customer_may_reopen,
            reopen_window_days=policy.reopen_window_days,
        ),
    )
