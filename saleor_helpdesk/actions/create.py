"""Opening a ticket: by a customer, a guest holding an order token, staff on a
customer's behalf, an app, or the system."""

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from ..content.attachments import check_files
from ..content.sanitize import MAX_BODY_LENGTH, clean_html, is_blank
from ..core.actor import Actor, ActorKind
from ..core.constants import (
    CommentVisibility,
    Resolution,
    TicketKind,
    TicketSource,
)
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..host import get_host
from ..host.shop_models import channel_model, user_model
from ..models import (
    Category,
    ChannelSettings,
    Comment,
    Complaint,
    Contact,
    Priority,
    Ticket,
)
from ..tickets.access import require_agent, staff_may_open
from ..tickets.policies import (
    channel_settings,
    initial_status_and_default_priority,
    responsible_expression,
)
from ..timeline import events
from .attachments import removing_files_on_error, store_files
from .common import (
    author_fields,
    check_cc,
    check_email,
    customer_author_name,
    default_medium,
)
from .orders import (
    NewLine,
    OrderLineRequest,
    check_order_access,
    check_order_lines,
    save_lines,
)

MAX_SUBJECT_LENGTH = 255


@dataclass
class NewComplaint:
    customer_number: str = ""
    order_number: str = ""
    article_number: str = ""
    description: str = ""
    comment: str = ""
    requested_resolution: str = ""


@dataclass
class NewTicket:
    subject: str
    body: str
    kind: str = TicketKind.QUESTION
    channel_id: int | None = None
    order_id: UUID | None = None
    lines: list[NewLine] = field(default_factory=list)
    complaint: NewComplaint | None = None
    category_id: int | None = None
    contact_id: int | None = None
    priority_id: int | None = None
    # Staff and apps open tickets for someone: a user, or an e-mail address.
    customer_id: int | None = None
    customer_email: str | None = None
    customer_name: str = ""
    language_code: str | None = None
    source: str | None = None
    cc_emails: list[str] = field(default_factory=list)
    attachments: list[File] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    private_metadata: dict[str, str] = field(default_factory=dict)


def create_ticket(actor: Actor, data: NewTicket) -> Ticket:
    checked = _check(actor, data)
    with removing_files_on_error(), transaction.atomic():
        ticket = Ticket.objects.create(**checked.fields)
        # Planners of side effects read the policy and the first comment from here
        # rather than asking the database again.
        ticket.helpdesk_policy = checked.policy
        if checked.complaint is not None:
            Complaint.objects.create(ticket=ticket, **checked.complaint)
        save_lines(ticket, checked.lines)
        comment = Comment.objects.create(
            ticket=ticket,
            body=checked.body,
            visibility=CommentVisibility.PUBLIC,
            medium=default_medium(actor),
            author_name=customer_author_name(actor, ticket),
            **author_fields(actor),
        )
        events.save_events(
            events.ticket_created_event(ticket=ticket, actor=actor, save=False),
            events.comment_added_event(
                ticket=ticket, actor=actor, comment=comment, save=False
            ),
        )
        store_files(ticket, comment, checked.files, actor)
        if ticket.order is not None:
            get_host().add_order_note(
                order=ticket.order,
                actor=actor,
                message=f"Helpdesk ticket #{ticket.number} opened: {ticket.subject}",
            )
    return ticket


@dataclass
class _Checked:
    fields: dict[str, Any]
    body: str
    lines: list[OrderLineRequest]
    complaint: dict[str, str] | None
    files: list[Any]
    policy: ChannelSettings


def _check(actor: Actor, data: NewTicket) -> _Checked:
    if actor.kind == ActorKind.ANONYMOUS:
        raise HelpdeskPermissionDenied(
            "Sign in, or use your order's token, to write to us."
        )
    if actor.kind in (ActorKind.STAFF, ActorKind.APP):
        require_agent(actor)
    subject = " ".join((data.subject or "").split())
    if not subject:
        raise field_error("subject", "Enter a subject.", HelpdeskErrorCode.REQUIRED)
    if len(subject) > MAX_SUBJECT_LENGTH:
        raise field_error(
            "subject",
            f"The subject can be at most {MAX_SUBJECT_LENGTH} characters long.",
            HelpdeskErrorCode.INVALID,
        )
    if len(data.body or "") > MAX_BODY_LENGTH:
        raise field_error(
            "body", "The message is too long.", HelpdeskErrorCode.BODY_TOO_LONG
        )
    body = clean_html(data.body or "")
    if is_blank(body):
        raise field_error("body", "Write a message.", HelpdeskErrorCode.EMPTY_BODY)
    if data.kind not in TicketKind.values:
        raise field_error("kind", "Unknown ticket kind.", HelpdeskErrorCode.INVALID)

    order = check_order_access(actor, data.order_id) if data.order_id else None
    channel_id = _check_channel(actor, data.channel_id, order)
    policy = channel_settings(channel_id)
    if actor.kind == ActorKind.GUEST and not policy.guest_tickets_allowed:
        raise field_error(
            "order",
            "This shop takes tickets only from signed-in customers.",
            HelpdeskErrorCode.GUEST_TICKETS_DISABLED,
        )
    lines = check_order_lines(order, data.lines, field="lines")
    customer, email, name = _check_customer(actor, data, order)
    category = _check_category(data.category_id, data.kind)
    contact = _check_contact(data.contact_id)
    initial, default, responsible = initial_status_and_default_priority(
        responsible_expression(
            customer_id=getattr(customer, "pk", None), contact=contact, policy=policy
        )
    )
    if responsible is not None and not staff_may_open(responsible, channel_id):
        responsible = None  # they could not open it: it waits in the queue instead
    priority = _check_priority(actor, data.priority_id) or default
    files = check_files(data.attachments, policy=policy, already_on_ticket=0)
    now = timezone.now()
    fields: dict[str, Any] = {
        "kind": data.kind,
        "subject": subject,
        "status": initial,
        "priority": priority,
        "category": category,
        "contact": contact,
        # The order's channel is loaded already: keep it on the ticket.
        **(
            {"channel": order.channel}
            if order is not None
            else {"channel_id": channel_id}
        ),
        "customer": customer,
        "customer_email": email,
        "customer_name": name,
        "order": order,
        "source": _check_source(actor, data.source),
        "language_code": _language(data.language_code, customer, order),
        "cc_emails": check_cc(data.cc_emails),
        "due_date": now + priority.resolution_time
        if priority.resolution_time
        else None,
        "assignee_id": responsible,
        "metadata": _check_metadata(data.metadata, "metadata"),
        "private_metadata": (
            _check_metadata(data.private_metadata, "private_metadata")
            if actor.is_agent
            else {}
        ),
    }
    complaint = None
    if data.kind == TicketKind.COMPLAINT or data.complaint is not None:
        complaint = _check_complaint(data.complaint or NewComplaint())
    return _Checked(
        fields=fields,
        body=body,
        lines=lines,
        complaint=complaint,
        files=files,
        policy=policy,
    )


def _check_channel(actor: Actor, channel_id: int | None, order: Any) -> int | None:
    if order is not None:
        if channel_id is not None and channel_id != order.channel_id:
            raise field_error(
                "channel",
                "The order belongs to another channel.",
                HelpdeskErrorCode.CHANNEL_MISMATCH,
            )
        channel_id = order.channel_id
    if channel_id is None:
        if actor.is_customer_side:
            raise field_error(
                "channel", "Choose the shop's channel.", HelpdeskErrorCode.REQUIRED
            )
        return None
    channel = (
        order.channel
        if order is not None
        else channel_model().objects.filter(pk=channel_id).first()
    )
    if channel is None or (actor.is_customer_side and not channel.is_active):
        raise field_error("channel", "Channel not found.", HelpdeskErrorCode.NOT_FOUND)
    if not actor.can_access_channel(channel_id):
        raise HelpdeskPermissionDenied(
            "You have no access to this channel.", field="channel"
        )
    return channel_id


def _check_customer(actor: Actor, data: NewTicket, order: Any) -> tuple[Any, str, str]:
    users = user_model()
    if actor.kind == ActorKind.CUSTOMER:
        user = actor.user
        return user, user.email, data.customer_name or _full_name(user)
    if actor.kind == ActorKind.GUEST:
        return None, actor.guest_email or "", data.customer_name
    if actor.kind == ActorKind.EMAIL:
        user = actor.user
        name = data.customer_name or actor.display_name
        return user, actor.guest_email or "", name or (_full_name(user) if user else "")
    # Staff, app or system: on someone's behalf.
    if data.customer_id is not None:
        user = users.objects.filter(pk=data.customer_id).first()
        if user is None:
            raise field_error(
                "customer", "Customer not found.", HelpdeskErrorCode.NOT_FOUND
            )
        if order is not None and order.user_id not in (None, user.pk):
            raise field_error(
                "customer",
                "The order belongs to another customer.",
                HelpdeskErrorCode.ORDER_MISMATCH,
            )
        return user, user.email, data.customer_name or _full_name(user)
    email = (data.customer_email or "").strip().lower()
    if not email and order is not None:
        email = (order.user_email or "").lower()
        if order.user_id:
            user = order.user
            return user, user.email, data.customer_name or _full_name(user)
    if not email:
        raise field_error(
            "customer_email",
            "Give the customer or their e-mail address.",
            HelpdeskErrorCode.REQUIRED,
        )
    check_email(email, "customer_email")
    user = users.objects.filter(email__iexact=email).first()
    return user, email, data.customer_name or (_full_name(user) if user else "")


def _full_name(user: Any) -> str:
    return f"{user.first_name} {user.last_name}".strip()


def _check_category(category_id: int | None, kind: str) -> Category | None:
    if category_id is None:
        return None
    category = Category.objects.filter(pk=category_id, is_active=True).first()
    if category is None or category.kind != kind:
        raise field_error(
            "category",
            "This category does not exist for this kind of ticket.",
            HelpdeskErrorCode.INVALID,
        )
    return category


def _check_contact(contact_id: int | None) -> Contact | None:
    if contact_id is None:
        return None
    contact = Contact.objects.filter(pk=contact_id, is_active=True).first()
    if contact is None:
        raise field_error("contact", "Contact not found.", HelpdeskErrorCode.NOT_FOUND)
    return contact


def _check_priority(actor: Actor, priority_id: int | None) -> Priority | None:
    """The priority staff chose; None for the default."""
    if priority_id is None:
        return None
    if not actor.is_agent:
        raise HelpdeskPermissionDenied(
            "Only staff can set a ticket's priority.", field="priority"
        )
    priority = Priority.objects.filter(pk=priority_id).first()
    if priority is None:
        raise field_error(
            "priority", "Priority not found.", HelpdeskErrorCode.NOT_FOUND
        )
    return priority


def _check_source(actor: Actor, source: str | None) -> str:
    if source is not None and actor.is_agent:
        if source not in TicketSource.values:
            raise field_error("source", "Unknown source.", HelpdeskErrorCode.INVALID)
        return source
    return {
        ActorKind.STAFF: TicketSource.STAFF,
        ActorKind.APP: TicketSource.API,
        ActorKind.SYSTEM: TicketSource.SYSTEM,
        ActorKind.EMAIL: TicketSource.EMAIL,
    }.get(actor.kind, TicketSource.STOREFRONT)


def _language(code: str | None, customer: Any, order: Any) -> str:
    for candidate in (
        code,
        getattr(customer, "language_code", None),
        getattr(order, "language_code", None),
    ):
        if candidate:
            return str(candidate)[:35].lower()
    return "en"


def _check_complaint(data: NewComplaint) -> dict[str, str]:
    if data.requested_resolution and data.requested_resolution not in Resolution.values:
        raise field_error(
            "complaint.requested_resolution",
            "Unknown resolution.",
            HelpdeskErrorCode.INVALID,
        )
    limits = {"customer_number": 64, "order_number": 64, "article_number": 128}
    for name, limit in limits.items():
        if len(getattr(data, name)) > limit:
            raise field_error(
                f"complaint.{name}",
                f"At most {limit} characters.",
                HelpdeskErrorCode.INVALID,
            )
    return {
        "customer_number": data.customer_number.strip(),
        "order_number": data.order_number.strip(),
        "article_number": data.article_number.strip(),
        "description": clean_html(data.description),
        "comment": clean_html(data.comment),
        "requested_resolution": data.requested_resolution,
    }


def _check_metadata(value: dict[str, str], field: str) -> dict[str, str]:
    if not all(
        isinstance(k, str) and k and isinstance(v, str) for k, v in value.items()
    ):
        raise field_error(
            field, "Keys and values must be text.", HelpdeskErrorCode.INVALID
        )
    return dict(value)
