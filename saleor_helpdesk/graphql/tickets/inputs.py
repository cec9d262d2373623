"""Input and filter types of the ticket operations."""

import graphene

from ..core.enums import (
    ComplaintDecisionEnum,
    ComplaintReasonEnum,
    ResolutionEnum,
    TicketKindEnum,
    TicketStatusGroupEnum,
)
from ..core.scalars import DateTime, Upload
from ..sla.enums import SlaStateEnum


class DateTimeRangeInput(graphene.InputObjectType):
    gte = DateTime(description="From (inclusive).")
    lte = DateTime(description="Until (inclusive).")

    class Meta:
        description = "A range of moments."


class TicketFilterInput(graphene.InputObjectType):
    search = graphene.String(
        description=(
            "Words of the subject, messages, customer or order number (stemmed in the "
            "ticket's language: German or English), a fragment of the customer's "
            "e-mail address or name, or a ticket number (`12345` or `#12345`). "
            "Customers search their public messages only. Without `sortBy`, the best "
            "matches come first."
        )
    )
    statuses = graphene.List(
        graphene.NonNull(graphene.String), description="Status slugs."
    )
    status_groups = graphene.List(
        graphene.NonNull(TicketStatusGroupEnum), description="Inbox groups (tabs)."
    )
    kinds = graphene.List(graphene.NonNull(TicketKindEnum), description="Kinds.")
    priorities = graphene.List(
        graphene.NonNull(graphene.String), description="Priority slugs."
    )
    categories = graphene.List(
        graphene.NonNull(graphene.ID), description="Category IDs."
    )
    assignees = graphene.List(
        graphene.NonNull(graphene.ID), description="Staff user IDs."
    )
    unassigned = graphene.Boolean(
        description="Only tickets without (true) or with an assignee."
    )
    customer = graphene.ID(description="Saleor ID of the customer.")
    order = graphene.ID(description="Saleor ID of the order.")
    channels = graphene.List(
        graphene.NonNull(graphene.ID), description="Saleor channel IDs."
    )
    created = graphene.Field(DateTimeRangeInput, description="Opened in this range.")
    updated = graphene.Field(
        DateTimeRangeInput, description="Last activity in this range."
    )
    overdue = graphene.Boolean(
        description="Only open tickets past (true) or within their due date."
    )
    tags = graphene.List(
        graphene.NonNull(graphene.String),
        description="Tag slugs: tickets with any of them (staff only).",
    )
    sla_states = graphene.List(
        graphene.NonNull(SlaStateEnum),
        description=(
            "Only tickets in one of these service-level states (staff only; refused "
            "for customers)."
        ),
    )

    class Meta:
        description = "Which tickets to list."


class TicketSortField(graphene.Enum):
    NUMBER = "number"
    CREATED_AT = "created_at"
    LAST_ACTIVITY_AT = "last_activity_at"
    PRIORITY = "priority"
    DUE_DATE = "due_date"
    SUBJECT = "subject"
    CUSTOMER = "customer"
    STATUS = "status"
    ASSIGNEE = "assignee"
    CHANNEL = "channel"
    SLA_DUE = "sla_due"

    class Meta:
        description = (
            "What tickets are sorted by (customer: name, then e-mail; status: the "
            "workflow's order; assignee: e-mail; channel: name; SLA due: when the "
            "earliest running service-level target is due, staff only; ties by "
            "number)."
        )


class SortDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"

    class Meta:
        name = "TicketSortDirection"
        description = "Ascending or descending."


class TicketSortingInput(graphene.InputObjectType):
    field = graphene.Field(TicketSortField, required=True, description="Sort by.")
    direction = graphene.Field(SortDirection, required=True, description="Direction.")

    class Meta:
        description = "The order of a ticket list."


class TicketLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID(
        required=True, description="Saleor ID of the order line."
    )
    quantity = graphene.Int(required=True, description="Pieces concerned.")
    reason = graphene.Field(ComplaintReasonEnum, description="Why (default: other).")
    note = graphene.String(description="A note on this line.")

    class Meta:
        description = "An order line a complaint is about."


class ComplaintInput(graphene.InputObjectType):
    customer_number = graphene.String(description="Customer number from the invoice.")
    order_number = graphene.String(description="Order number from the invoice.")
    article_number = graphene.String(description="Article number from the invoice.")
    description = graphene.String(description="What is wrong.")
    comment = graphene.String(description="A comment.")
    requested_resolution = graphene.Field(
        ResolutionEnum, description="What you ask for."
    )

    class Meta:
        description = "The complaint form (seed 004)."


class TicketReplyInput(graphene.InputObjectType):
    body = graphene.String(required=True, description="The message (HTML or text).")
    attachments = graphene.List(
        graphene.NonNull(Upload), description="Files (multipart upload)."
    )

    class Meta:
        description = "A customer's reply."


class TicketCommentInput(graphene.InputObjectType):
    body = graphene.String(required=True, description="The message (HTML or text).")
    attachments = graphene.List(
        graphene.NonNull(Upload), description="Files (multipart upload)."
    )
    internal = graphene.Boolean(description="Staff: an internal note, never sent out.")
    status = graphene.ID(
        description="Staff: move the ticket to this status with the reply."
    )
    template = graphene.ID(
        description=(
            "Staff: a response template; with an empty body the reply is the template "
            "filled in for this ticket."
        )
    )

    class Meta:
        description = "A reply or internal note."


class TicketCreateInput(graphene.InputObjectType):
    subject = graphene.String(required=True, description="The subject.")
    body = graphene.String(
        required=True, description="The first message (HTML or text)."
    )
    kind = graphene.Field(
        TicketKindEnum, description="What it is about (default: question)."
    )
    channel = graphene.String(description="Channel slug (not needed with an order).")
    order = graphene.ID(description="Saleor ID of one of your orders.")
    lines = graphene.List(
        graphene.NonNull(TicketLineInput), description="Order lines concerned."
    )
    complaint = graphene.Field(ComplaintInput, description="The complaint form.")
    category = graphene.ID(description="Category ID (for the kind).")
    contact = graphene.ID(description="Contact/queue ID.")
    language_code = graphene.String(description="Language for our answers (de, en, …).")
    customer_name = graphene.String(description="Your name (guests).")
    attachments = graphene.List(
        graphene.NonNull(Upload), description="Files (multipart upload)."
    )
    customer_email = graphene.String(description="Staff: the customer's e-mail.")
    customer = graphene.ID(description="Staff: Saleor ID of the customer.")

    class Meta:
        description = "A new ticket from a storefront."


class TicketUpdateInput(graphene.InputObjectType):
    priority = graphene.ID(description="ID of the new priority.")
    category = graphene.ID(
        description="ID of a category of the ticket's kind; null removes the category."
    )
    due_date = DateTime(
        description="The new due date, with a time zone; null removes it."
    )
    cc_emails = graphene.List(
        graphene.NonNull(graphene.String),
        description="The whole CC list (it replaces the old one); null empties it.",
    )

    class Meta:
        description = (
            "Fields of a ticket staff change; only the fields given are changed."
        )


class TicketForwardInput(graphene.InputObjectType):
    message = graphene.String(
        description="A note for the recipient (kept as an internal note)."
    )
    to_user = graphene.ID(
        description="ID of a colleague (a staff user of the support team) to hand the "
        "ticket to; they are assigned."
    )
    to_email = graphene.String(
        description="An outside address that receives the public conversation."
    )

    class Meta:
        description = "Where a ticket is forwarded: give either toUser or toEmail."


class TicketBulkUpdateInput(graphene.InputObjectType):
    close = graphene.Boolean(
        description="Close the tickets (tickets already closed stay as they are)."
    )
    assignee = graphene.ID(description="ID of the staff user to assign the tickets to.")

    class Meta:
        description = "What to change on every selected ticket."


class ComplaintDecideInput(graphene.InputObjectType):
    decision = graphene.Field(
        ComplaintDecisionEnum,
        required=True,
        description="The decision (anything but PENDING).",
    )
    note = graphene.String(description="Why, for the customer (HTML or text).")

    class Meta:
        description = "The merchant's decision on a complaint."
