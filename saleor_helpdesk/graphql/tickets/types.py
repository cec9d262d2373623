"""The helpdesk's object types. Staff-only fields resolve to null for customers and
guests; comments and attachments are filtered by visibility before they leave."""

import dataclasses
from collections.abc import Callable
from typing import Any

import graphene
from django.utils import timezone
from promise import Promise

from ... import PLUGIN_ID
from ...core import money
from ...core.constants import AuthorType, CommentVisibility
from ...core.constants import TicketEventType as EventType
from ...core.permissions import Perm
from ...host import CustomerSummary, get_host
from ...mailboxes.access import may_manage_mailboxes
from ...mailboxes.urls import original_path
from ...models import Attachment, Comment, InboundEmail, Ticket, TicketEvent
from ...models import TicketStatus as TicketStatusModel
from ...tickets.inbox import other_tickets_of_customer
from ..automation.dataloaders import TagsByTicketIdLoader
from ..automation.types import HelpdeskTag
from ..core.connection import CountableConnection, connection_field, resolve_connection
from ..core.dataloaders import load_related
from ..core.enums import (
    ComplaintDecisionEnum,
    ComplaintReasonEnum,
    ResolutionEnum,
    TicketAuthorTypeEnum,
    TicketCommentMediumEnum,
    TicketCommentVisibilityEnum,
    TicketEventTypeEnum,
    TicketKindEnum,
    TicketSourceEnum,
)
from ..core.ids import to_global_id
from ..core.scalars import DateTime
from ..core.selection import node_fields
from ..core.urls import plugin_url
from ..mailboxes.dataloaders import MailboxByIdLoader
from ..mailboxes.enums import InboundEmailStatusEnum
from ..mailboxes.types import HelpdeskMailbox
from ..refunds.types import TicketRefund
from ..satisfaction.dataloaders import RatingByTicketIdLoader
from ..satisfaction.types import TicketSatisfactionRating
from ..shop.dataloaders import ChannelByIdLoader, OrderByIdLoader, UserByIdLoader
from ..shop.types import Channel, HelpdeskUser, Order
from ..sla.ticket_fields import TicketSlaFields
from ..workflow.types import (
    TicketCategory,
    TicketContact,
    TicketPriority,
    TicketStatus,
)
from .dataloaders import (
    AttachmentCountByTicketIdLoader,
    AttachmentsByCommentIdLoader,
    CategoryByIdLoader,
    ContactByIdLoader,
    InboundEmailByCommentIdLoader,
    InboundEmailsByTicketIdLoader,
    LastCommentByTicketIdLoader,
    PriorityByIdLoader,
    SmsNumberLoader,
    StatusByIdLoader,
    VisibleTicketByIdLoader,
)


def staff_only(resolver: Callable[..., Any]) -> Callable[..., Any]:
    """Null for customers and guests, whatever the field holds."""

    def resolve(root: Any, info: Any, **kwargs: Any) -> Any:
        if not info.context.actor.is_agent:
            return None
        return resolver(root, info, **kwargs)

    return resolve


class TicketAttachment(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the attachment.")
    name = graphene.String(required=True, description="File name, for display.")
    content_type = graphene.String(
        required=True, description="Type sniffed from the file's bytes."
    )
    size = graphene.Int(required=True, description="Size in bytes.")
    url = graphene.String(
        required=True,
        description="Where the file is downloaded, with the caller's token.",
    )
    is_internal = graphene.Boolean(required=True, description="Only staff see it.")
    created_at = DateTime(required=True, description="When it was added.")
    removed_at = DateTime(
        description=(
            "When the file was deleted from storage (erasure or retention): the "
            'thread shows "attachment removed" and the URL answers 410; null: kept.'
        )
    )

    class Meta:
        description = "A file attached to a ticket (kept in private storage)."

    @staticmethod
    def resolve_id(root: Attachment, info: Any) -> str:
        return to_global_id("TicketAttachment", root.pk)

    @staticmethod
    def resolve_name(root: Attachment, info: Any) -> str:
        return root.display_name

    @staticmethod
    def resolve_is_internal(root: Attachment, info: Any) -> bool:
        return root.visibility == CommentVisibility.INTERNAL

    @staticmethod
    def resolve_url(root: Attachment, info: Any) -> str:
        base = info.context.request.build_absolute_uri(f"/plugins/global/{PLUGIN_ID}/")
        return f"{base}attachments/{root.uuid}/"


class HelpdeskInboundEmail(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the message.")
    via = graphene.String(
        required=True,
        description=(
            "How it came: `imap`, `raw` (pushed as MIME), or the e-mail service's "
            "name (`mailgun`, …)."
        ),
    )
    status = graphene.Field(
        InboundEmailStatusEnum, required=True, description="What became of it."
    )
    from_address = graphene.String(
        required=True, description="The sender's address, as the message claims."
    )
    from_name = graphene.String(
        required=True, description="The sender's name, as the message gives it."
    )
    subject = graphene.String(required=True, description="The subject, decoded.")
    sent_at = DateTime(description="The date the message gives; null: none.")
    received_at = DateTime(required=True, description="When the helpdesk took it in.")
    size = graphene.Int(required=True, description="Its size in bytes.")
    note = graphene.String(
        required=True,
        description=(
            "Why it was held, refused or ignored, and which files were not attached; "
            "empty when there is nothing to say."
        ),
    )
    ticket = graphene.Field(
        lambda: TicketType, description="The ticket it reached; null: none."
    )
    mailbox = graphene.Field(
        HelpdeskMailbox,
        description=(
            "The mailbox it came through (for callers with MANAGE_PLUGINS in its "
            "channel; null for others and when the mailbox was deleted)."
        ),
    )
    reviewed_at = DateTime(
        description="When staff accepted or rejected it; null: not decided."
    )
    original_url = graphene.String(
        description=(
            "Where staff download the message as it arrived (an .eml file), with the "
            "caller's token; null when it was not kept (too large)."
        )
    )

    class Meta:
        description = (
            "A message that reached a support mailbox (staff only: MANAGE_ORDERS for "
            "those on a ticket, MANAGE_ORDERS or MANAGE_PLUGINS for the others)."
        )

    @staticmethod
    def resolve_id(root: InboundEmail, info: Any) -> str:
        return to_global_id("HelpdeskInboundEmail", root.pk)

    @staticmethod
    def resolve_received_at(root: InboundEmail, info: Any) -> Any:
        return root.created_at

    @staticmethod
    def resolve_ticket(root: InboundEmail, info: Any) -> Any:
        if root.ticket_id is None:
            return None
        return VisibleTicketByIdLoader(info.context).load(root.ticket_id)

    @staticmethod
    def resolve_mailbox(root: InboundEmail, info: Any) -> Any:
        actor = info.context.actor
        if root.mailbox_id is None or not may_manage_mailboxes(actor):
            return None

        def in_reach(mailbox: Any) -> Any:
            if mailbox is None or not actor.can_access_channel(mailbox.channel_id):
                return None
            return mailbox

        return MailboxByIdLoader(info.context).load(root.mailbox_id).then(in_reach)

    @staticmethod
    def resolve_original_url(root: InboundEmail, info: Any) -> str | None:
        if not root.raw:
            return None
        return plugin_url(info.context.request, original_path(root.uuid))


class TicketComment(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the comment.")
    body = graphene.String(required=True, description="The message, as sanitised HTML.")
    author_type = graphene.Field(
        TicketAuthorTypeEnum, required=True, description="Who wrote it."
    )
    author_name = graphene.String(
        required=True, description="Name shown for the author."
    )
    visibility = graphene.Field(
        TicketCommentVisibilityEnum,
        required=True,
        description="Public reply or internal note.",
    )
    medium = graphene.Field(
        TicketCommentMediumEnum, required=True, description="How it reached us."
    )
    attachments = graphene.List(
        graphene.NonNull(TicketAttachment),
        required=True,
        description="Files sent with the comment.",
    )
    created_at = DateTime(required=True, description="When it was written.")
    email = graphene.Field(
        HelpdeskInboundEmail,
        description=(
            "The e-mail it came with (staff only; null for customers and guests, and "
            "for a comment that did not come by e-mail). A reply from an address the "
            "ticket does not know has `email.status` UNVERIFIED until staff decide."
        ),
    )

    class Meta:
        description = "A message on a ticket: a public reply or an internal note."

    @staticmethod
    def resolve_id(root: Comment, info: Any) -> str:
        return to_global_id("TicketComment", root.pk)

    @staticmethod
    def resolve_author_name(root: Comment, info: Any) -> Any:
        if root.author_type == AuthorType.CUSTOMER:
            return root.author_name or "Customer"
        if root.author_user_id is None:
            if root.author_type == AuthorType.SYSTEM:
                # An e-mail from an unverified sender waits as a system note under
                # the sender's name.
                return root.author_name or "System"
            return "Support"

        def name(user: Any) -> str:
            full = f"{user.first_name} {user.last_name}".strip() if user else ""
            return full or "Support"

        return UserByIdLoader(info.context).load(root.author_user_id).then(name)

    @staticmethod
    def resolve_attachments(root: Comment, info: Any) -> Any:
        agent = info.context.actor.is_agent
        return (
            AttachmentsByCommentIdLoader(info.context)
            .load(root.pk)
            .then(
                lambda rows: [
                    r for r in rows if agent or r.visibility == CommentVisibility.PUBLIC
                ]
            )
        )

    resolve_email = staff_only(
        lambda root, info: InboundEmailByCommentIdLoader(info.context).load(root.pk)
    )


class TicketCommentCountableConnection(CountableConnection):
    class Meta:
        node = TicketComment
        description = "A page of comments."


class TicketEventType(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the event.")
    type = graphene.Field(
        TicketEventTypeEnum, required=True, description="What happened."
    )
    date = DateTime(required=True, description="When it happened.")
    user = graphene.Field(
        HelpdeskUser, description="The staff user or customer acting."
    )
    parameters = graphene.JSONString(
        required=True, description="Details of the change."
    )

    class Meta:
        name = "TicketEvent"
        description = "One change on a ticket's timeline (staff only)."

    @staticmethod
    def resolve_id(root: TicketEvent, info: Any) -> str:
        return to_global_id("TicketEvent", root.pk)

    @staticmethod
    def resolve_user(root: TicketEvent, info: Any) -> Any:
        return UserByIdLoader(info.context).load(root.user_id) if root.user_id else None


class TicketStatusChange(graphene.ObjectType):
    status = graphene.Field(
        TicketStatus, required=True, description="The status the ticket moved to."
    )
    date = DateTime(required=True, description="When it moved.")

    class Meta:
        description = "A step of a ticket's status history, as its customer sees it."


class TicketLineType(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the ticket line.")
    order_line_id = graphene.ID(description="Saleor's ID of the order line.")
    product_name = graphene.String(required=True, description="Product name.")
    product_sku = graphene.String(required=True, description="SKU.")
    quantity = graphene.Int(required=True, description="Pieces concerned.")
    reason = graphene.Field(ComplaintReasonEnum, required=True, description="Why.")
    note = graphene.String(required=True, description="The customer's note.")

    class Meta:
        name = "TicketLine"
        description = "An order line a complaint is about."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("TicketLine", root.pk)

    @staticmethod
    def resolve_order_line_id(root: Any, info: Any) -> str | None:
        return (
            to_global_id("OrderLine", root.order_line_id)
            if root.order_line_id
            else None
        )


class ComplaintType(graphene.ObjectType):
    customer_number = graphene.String(required=True, description="As on the invoice.")
    order_number = graphene.String(required=True, description="As on the invoice.")
    article_number = graphene.String(required=True, description="As on the invoice.")
    description = graphene.String(required=True, description="What is wrong (HTML).")
    comment = graphene.String(required=True, description="A comment (HTML).")
    requested_resolution = graphene.Field(
        ResolutionEnum, description="What the customer asks for."
    )
    decision = graphene.Field(
        ComplaintDecisionEnum, required=True, description="The merchant's decision."
    )
    decision_note = graphene.String(required=True, description="Why (HTML).")
    decided_at = DateTime(description="When it was decided.")

    class Meta:
        name = "Complaint"
        description = "The complaint form of a complaint ticket."

    @staticmethod
    def resolve_requested_resolution(root: Any, info: Any) -> str | None:
        return root.requested_resolution or None


class TicketCustomerSummary(graphene.ObjectType):
    name = graphene.String(
        required=True, description="The customer's name (as given on the ticket)."
    )
    email = graphene.String(required=True, description="The customer's e-mail.")
    order_count = graphene.Int(
        required=True, description="How many orders the customer placed."
    )
    total_spent = graphene.Float(
        required=True, description="What those orders came to, gross."
    )
    currency = graphene.String(
        description="Currency of the total (of the customer's orders); null without "
        "orders."
    )
    date_joined = DateTime(description="When the customer registered; null for guests.")
    is_registered = graphene.Boolean(
        required=True, description="Whether the customer has an account."
    )

    class Meta:
        description = "Who the customer of a ticket is, from the shop's records."

    @staticmethod
    def resolve_total_spent(root: CustomerSummary, info: Any) -> float:
        if root.currency is None:
            return float(root.total_spent)
        return float(money.quantize(root.total_spent, root.currency))


class TicketType(TicketSlaFields, graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the ticket.")
    number = graphene.Int(
        required=True, description="The number people quote (#10001)."
    )
    kind = graphene.Field(
        TicketKindEnum, required=True, description="What it is about."
    )
    subject = graphene.String(required=True, description="The subject.")
    status = graphene.Field(
        TicketStatus,
        required=True,
        description="The status (customers see the public status of internal ones).",
    )
    priority = graphene.Field(TicketPriority, description="Priority (staff only).")
    category = graphene.Field(TicketCategory, description="The category.")
    contact = graphene.Field(TicketContact, description="The addressed queue.")
    channel = graphene.Field(Channel, description="The Saleor channel.")
    customer = graphene.Field(HelpdeskUser, description="The customer, if registered.")
    customer_email = graphene.String(
        required=True, description="The customer's e-mail."
    )
    customer_name = graphene.String(required=True, description="The customer's name.")
    order = graphene.Field(Order, description="The Saleor order it refers to.")
    lines = graphene.List(
        graphene.NonNull(TicketLineType),
        required=True,
        description="Order lines concerned.",
    )
    complaint = graphene.Field(ComplaintType, description="The complaint form, if any.")
    source = graphene.Field(
        TicketSourceEnum, required=True, description="Where it came from."
    )
    language_code = graphene.String(
        required=True, description="The customer's language."
    )
    assignee = graphene.Field(
        HelpdeskUser, description="Assigned staff user (staff only)."
    )
    due_date = DateTime(description="Target resolution date (staff only).")
    is_overdue = graphene.Boolean(description="Open past its due date (staff only).")
    first_response_at = DateTime(description="First public staff reply.")
    closed_at = DateTime(description="When it was closed.")
    personal_data_erased_at = DateTime(
        description=(
            "When the customer's personal data on this ticket was erased (on request, "
            "with their account, or by the retention policy); null: not erased."
        )
    )
    cc_emails = graphene.List(
        graphene.NonNull(graphene.String), description="Extra addresses (staff only)."
    )
    sms_number = graphene.String(
        description=(
            "The mobile number an SMS reply goes to, in E.164: from the order's "
            "shipping or billing address, else the customer's default addresses (staff "
            "only; null when SMS is not configured or no address holds a mobile "
            "number)."
        )
    )
    merged_into = graphene.Field(
        lambda: TicketType, description="The ticket it was merged into."
    )
    created_at = DateTime(required=True, description="When it was opened.")
    updated_at = DateTime(required=True, description="Last change.")
    last_activity_at = DateTime(required=True, description="Last activity.")
    last_comment = graphene.Field(
        TicketComment, description="The newest visible comment."
    )
    attachment_count = graphene.Int(required=True, description="Visible attachments.")
    comments = connection_field(
        TicketCommentCountableConnection,
        description="The conversation, oldest first (internal notes for staff only).",
    )
    attachments = graphene.List(
        graphene.NonNull(TicketAttachment), required=True, description="Visible files."
    )
    events = graphene.List(
        graphene.NonNull(TicketEventType),
        description="The whole timeline (staff only).",
    )
    inbound_emails = graphene.List(
        graphene.NonNull(HelpdeskInboundEmail),
        description=(
            "The e-mails that reached this ticket, oldest first (staff only; null for "
            "customers and guests)."
        ),
    )
    status_history = graphene.List(
        graphene.NonNull(TicketStatusChange),
        required=True,
        description=(
            "Every status the ticket went through, oldest first; customers see the "
            "public status in place of an internal one."
        ),
    )
    refunds = graphene.List(
        graphene.NonNull(TicketRefund),
        required=True,
        description=(
            "Refunds started from the ticket, oldest first, with their state (the "
            "customer sees amount and state; reasons and Saleor ids are staff only)."
        ),
    )
    customer_summary = graphene.Field(
        TicketCustomerSummary,
        description=(
            "The customer's name, orders and total spent (staff with MANAGE_ORDERS and "
            "MANAGE_USERS; null for everyone else)."
        ),
    )
    satisfaction_rating = graphene.Field(
        TicketSatisfactionRating,
        description=(
            "How the customer rated the ticket after it closed; null while unrated."
        ),
    )
    other_tickets = graphene.Field(
        lambda: TicketCountableConnection,
        first=graphene.Int(description="Return the first n tickets (at most 100)."),
        last=graphene.Int(description="Return the last n tickets (at most 100)."),
        after=graphene.String(description="Tickets after this cursor."),
        before=graphene.String(description="Tickets before this cursor."),
        description=(
            "The same customer's other tickets, newest first (staff only; null for "
            "customers and guests)."
        ),
    )
    tags = graphene.List(
        graphene.NonNull(HelpdeskTag),
        description="Its tags, by name (staff only; null for customers and guests).",
    )

    class Meta:
        name = "Ticket"
        description = "A support request, complaint or refund request."

    @staticmethod
    def resolve_id(root: Ticket, info: Any) -> str:
        return to_global_id("Ticket", root.pk)

    @staticmethod
    def resolve_tags(root: Ticket, info: Any) -> Any:
        # Tags are the team's words about a ticket: never a customer's to read.
        if not info.context.actor.is_agent:
            return None
        return TagsByTicketIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_status(root: Ticket, info: Any) -> Any:
        # The list queries join the status: staff get it as it is, with no promise.
        status = load_related(info, root, "status", StatusByIdLoader)
        if info.context.actor.is_agent:
            return status
        return Promise.resolve(status).then(lambda found: found.customer_facing())

    resolve_priority = staff_only(
        lambda root, info: load_related(info, root, "priority", PriorityByIdLoader)
    )

    @staticmethod
    def resolve_category(root: Ticket, info: Any) -> Any:
        return (
            CategoryByIdLoader(info.context).load(root.category_id)
            if root.category_id
            else None
        )

    @staticmethod
    def resolve_contact(root: Ticket, info: Any) -> Any:
        return (
            ContactByIdLoader(info.context).load(root.contact_id)
            if root.contact_id
            else None
        )

    @staticmethod
    def resolve_channel(root: Ticket, info: Any) -> Any:
        return load_related(info, root, "channel", ChannelByIdLoader)

    @staticmethod
    def resolve_customer(root: Ticket, info: Any) -> Any:
        return load_related(info, root, "customer", UserByIdLoader)

    @staticmethod
    def resolve_order(root: Ticket, info: Any) -> Any:
        return load_related(info, root, "order", OrderByIdLoader)

    @staticmethod
    def resolve_lines(root: Ticket, info: Any) -> Any:
        return root.lines.all()

    @staticmethod
    def resolve_complaint(root: Ticket, info: Any) -> Any:
        return getattr(root, "complaint", None)

    resolve_assignee = staff_only(
        lambda root, info: load_related(info, root, "assignee", UserByIdLoader)
    )
    resolve_due_date = staff_only(lambda root, info: root.due_date)

    @staticmethod
    def resolve_satisfaction_rating(root: Ticket, info: Any) -> Any:
        return RatingByTicketIdLoader(info.context).load(root.pk)

    resolve_cc_emails = staff_only(lambda root, info: root.cc_emails)
    resolve_sms_number = staff_only(
        lambda root, info: SmsNumberLoader(info.context).load(
            (root.order_id, root.customer_id)
        )
    )

    @staticmethod
    @staff_only
    def resolve_is_overdue(root: Ticket, info: Any) -> bool:
        return bool(
            root.due_date and not root.closed_at and root.due_date < timezone.now()
        )

    @staticmethod
    def resolve_merged_into(root: Ticket, info: Any) -> Any:
        return root.merged_into if root.merged_into_id else None

    @staticmethod
    def resolve_last_comment(root: Ticket, info: Any) -> Any:
        return LastCommentByTicketIdLoader(info.context).load_value(root.pk)

    @staticmethod
    def resolve_attachment_count(root: Ticket, info: Any) -> Any:
        return AttachmentCountByTicketIdLoader(info.context).load_value(root.pk)

    @staticmethod
    def resolve_comments(root: Ticket, info: Any, **kwargs: Any) -> Any:
        comments = root.comments.order_by("created_at", "pk")
        if not info.context.actor.is_agent:
            comments = comments.filter(visibility=CommentVisibility.PUBLIC)
        return resolve_connection(comments, TicketCommentCountableConnection, **kwargs)

    @staticmethod
    def resolve_attachments(root: Ticket, info: Any) -> Any:
        files = root.attachments.order_by("created_at", "pk")
        if not info.context.actor.is_agent:
            files = files.filter(visibility=CommentVisibility.PUBLIC)
        return files

    resolve_events = staff_only(lambda root, info: root.events.order_by("date", "pk"))
    resolve_inbound_emails = staff_only(
        lambda root, info: InboundEmailsByTicketIdLoader(info.context).load(root.pk)
    )

    @staticmethod
    def resolve_refunds(root: Ticket, info: Any) -> Any:
        return root.refunds.all()

    @staticmethod
    def resolve_status_history(root: Ticket, info: Any) -> Any:
        changes = list(
            root.events.filter(type__in=(EventType.CREATED, EventType.STATUS_CHANGED))
            .order_by("date", "pk")
            .values_list("type", "date", "parameters")
        )
        slugs = {
            (params.get("status") if kind == EventType.CREATED else params.get("new"))
            for kind, _, params in changes
        }
        statuses = {
            status.slug: status
            for status in TicketStatusModel.objects.filter(
                slug__in=slugs
            ).select_related("customer_status")
        }
        agent = info.context.actor.is_agent
        history: list[TicketStatusChange] = []
        for kind, date, params in changes:
            status = statuses.get(
                params.get("status") if kind == EventType.CREATED else params.get("new")
            )
            if status is None:
                continue
            if not agent:
                status = status.customer_facing()
            if history and history[-1].status.pk == status.pk:
                continue  # two internal states look the same to a customer
            history.append(TicketStatusChange(status=status, date=date))
        return history

    @staticmethod
    @staff_only
    def resolve_customer_summary(root: Ticket, info: Any) -> Any:
        if not info.context.actor.has_perm(Perm.MANAGE_USERS):
            return None

        def summary(user: Any) -> CustomerSummary:
            found = get_host().customer_summary(user=user, email=root.customer_email)
            return dataclasses.replace(found, name=found.name or root.customer_name)

        if root.customer_id is None:
            return summary(None)
        return UserByIdLoader(info.context).load(root.customer_id).then(summary)

    @staticmethod
    @staff_only
    def resolve_other_tickets(root: Ticket, info: Any, **kwargs: Any) -> Any:
        return resolve_connection(
            other_tickets_of_customer(info.context.actor, root),
            TicketCountableConnection,
            **kwargs,
        )


class TicketCountableConnection(CountableConnection):
    class Meta:
        node = TicketType
        description = "A page of tickets."

    @staticmethod
    def resolve_edges(root: Any, info: Any) -> Any:
        """The page's edges, with the relations its rows select loaded first.

        Through a dataloader each row's field is a promise that graphql-core settles
        after the page (one query for the page all the same); loaded here, in the same
        one query, the rows' fields are plain values, which graphql-core completes at
        a fraction of the cost. Only for a list at the root of the request (the
        inbox): a connection inside each row of another list would load per row what
        the dataloader batches over all of them."""
        if len(info.path) != 2:
            return root.edges
        selected = node_fields(info)
        tickets = [edge.node for edge in root.edges]
        keys = [ticket.pk for ticket in tickets]
        if "lastComment" in selected:
            LastCommentByTicketIdLoader(info.context).prefetch(keys)
        if "attachmentCount" in selected:
            AttachmentCountByTicketIdLoader(info.context).prefetch(keys)
        if "channel" in selected:
            ChannelByIdLoader(info.context).prefetch(
                [
                    ticket.channel_id
                    for ticket in tickets
                    if ticket.channel_id is not None
                    and "channel" not in ticket._state.fields_cache
                ]
            )
        return root.edges


class HelpdeskInboundEmailCountableConnection(CountableConnection):
    class Meta:
        node = HelpdeskInboundEmail
        description = "A page of e-mails taken in."
