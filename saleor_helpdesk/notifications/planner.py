"""From timeline events to outbox rows: what to tell whom.

Registered as a side-effect planner (`apps.py`), so it runs inside the action's
transaction: the rendered messages are inserted with the change (one `bulk_create`) and
sent after commit. A batch of events costs a bounded number of queries, however many
tickets it spans.

To the customer (and the ticket's CC addresses):
- ticket received; every public staff or app reply (internal notes never; a reply
  sent as an SMS neither: the customer got it as a text);
- a status change the customer can see: the customer-facing label changed (internal
  statuses count as their `customer_status`), staff or an app made it, and it is not a
  close (the close has its own e-mail). System moves (a customer's reply reopening the
  ticket) and the customer's own moves are not mailed;
- a new due date; the complaint's decision; a refund requested and one completed
  (`refund_updated` with state `succeeded`); the ticket closed, with how to reopen (not
  when it was merged into another ticket: that one goes on), and, where the channel
  asks and the ticket is not rated yet, the satisfaction survey's links.

To staff, only those who may open the ticket (MANAGE_ORDERS in its channel, as the shop
grants it to them: Saleor's permission groups and their channel restriction; asked of
the host once per batch, whatever the number of agents):
- a new ticket: the active support agents who serve its contact (queue); a ticket
  without a contact goes to the agents who serve no particular queue (no contacts);
- a customer reply: the ticket's assignee;
- an assignment: the new assignee, unless they assigned themselves.

E-mails about e-mails (`email_sent`, `email_failed`) plan nothing, so a failing send
can never cause another send.

Not yet: nothing is ever sent in answer to an automatic message. Today every customer
message comes through the API; when inbound e-mail arrives (a later issue), a customer
comment that came with an `Auto-Submitted` header other than `no` must plan no e-mail.
"""

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..core.choice_labels import choice_label
from ..core.constants import (
    AuthorType,
    CommentMedium,
    CommentVisibility,
    ComplaintDecision,
    RefundState,
)
from ..core.constants import TicketEventType as T
from ..core.money import format_money_text
from ..host import get_host
from ..host.shop_models import user_model
from ..models import (
    ChannelSettings,
    Comment,
    EmailMessage,
    EmailTemplate,
    SatisfactionRating,
    SatisfactionSettings,
    SupportAgent,
    Ticket,
    TicketEvent,
    TicketStatus,
)
from ..satisfaction.links import survey_urls
from ..satisfaction.policy import survey_settings_for
from .defaults import DATE_FORMATS, REOPEN_HINTS
from .kinds import Notification as N
from .messages import Draft, base_language, html_to_text, render_message

logger = logging.getLogger(__name__)

HANDLED = {
    T.CREATED,
    T.COMMENT_ADDED,
    T.STATUS_CHANGED,
    T.DUE_DATE_CHANGED,
    T.COMPLAINT_DECIDED,
    T.REFUND_REQUESTED,
    T.REFUND_UPDATED,
    T.CLOSED,
    T.ASSIGNED,
}
MAX_QUOTE = 4000


def plan_emails(events: Sequence[TicketEvent]) -> None:
    """The side-effect planner: outbox rows for `events`, sent after commit."""
    relevant = [event for event in events if event.type in HANDLED]
    if not relevant:
        return
    planner = _Planner(relevant)
    drafts = planner.drafts()
    if not drafts:
        return
    overrides = {
        (row.notification, row.language): row
        for row in EmailTemplate.objects.filter(
            notification__in={draft.notification for draft in drafts}, is_active=True
        )
    }
    rows = [
        render_message(
            draft,
            planner.policy(draft.ticket),
            overrides,
        )
        for draft in drafts
    ]
    saved = EmailMessage.objects.bulk_create(rows)
    ids = [row.pk for row in saved]
    transaction.on_commit(lambda: dispatch(ids))


def dispatch(ids: list[int]) -> None:
    """Ask a worker to send; a broker that is down leaves the rows for
    `retry_due_emails`."""
    from .tasks import send_pending_emails

    try:
        send_pending_emails.delay(ids)
    except Exception:  # the rows stay pending and are retried
        logger.exception("Could not queue e-mails %s.", ids)


def _policies(channel_ids: set[int | None]) -> dict[int | None, ChannelSettings]:
    wanted = Q(channel__isnull=True) | Q(
        channel_id__in=[pk for pk in channel_ids if pk is not None]
    )
    return {row.channel_id: row for row in ChannelSettings.objects.filter(wanted)}


TICKET_RELATIONS = (
    "status__customer_status",
    "customer",
    "order",
    "channel",
    "assignee",
)


def _cached(instance: Any, name: str) -> bool:
    return (
        getattr(instance, f"{name}_id") is None or name in instance._state.fields_cache
    )


def _loaded(ticket: Ticket) -> bool:
    """Whether the ticket in memory has every relation the planner reads."""
    if ticket.pk is None or not all(
        _cached(ticket, name)
        for name in ("status", "customer", "order", "channel", "assignee")
    ):
        return False
    return _cached(ticket.status, "customer_status")


def _comment_loaded(comment: Comment | None) -> bool:
    return comment is not None and _cached(comment, "author_user")


def _text(body: str) -> str:
    text = html_to_text(body) if body else ""
    if len(text) > MAX_QUOTE:
        text = text[:MAX_QUOTE].rstrip() + " …"
    return text


class _Planner:
    def __init__(self, events: list[TicketEvent]) -> None:
        self.events = events
        # Tickets the action holds with every relation loaded are used as they are;
        # the others are read in one query.
        self.tickets: dict[int, Ticket] = {
            e.ticket_id: e.ticket for e in events if _loaded(e.ticket)
        }
        missing = {e.ticket_id for e in events} - self.tickets.keys()
        if missing:
            self.tickets.update(
                Ticket.objects.select_related(*TICKET_RELATIONS).in_bulk(missing)
            )
        self.created = {e.ticket_id for e in events if e.type == T.CREATED}
        comment_events = [
            e
            for e in events
            if e.type == T.COMMENT_ADDED and e.parameters.get("comment_id")
        ]
        self.comments: dict[int, Comment] = {
            e.parameters["comment_id"]: e.helpdesk_comment
            for e in comment_events
            if _comment_loaded(getattr(e, "helpdesk_comment", None))
        }
        comment_ids = [
            e.parameters["comment_id"]
            for e in comment_events
            if e.parameters["comment_id"] not in self.comments
        ]
        if comment_ids:
            self.comments.update(
                Comment.objects.select_related("author_user").in_bulk(comment_ids)
            )
        self.statuses: dict[str, TicketStatus] = {}
        if any(e.type == T.STATUS_CHANGED for e in events):
            self.statuses = {
                status.slug: status
                for status in TicketStatus.objects.select_related("customer_status")
            }
        user_ids = {
            e.parameters.get("assignee_id") for e in events if e.type == T.ASSIGNED
        }
        user_ids.discard(None)
        self.users: dict[Any, Any] = (
            user_model().objects.in_bulk(user_ids) if user_ids else {}
        )
        self.queues: dict[int | None, list[Any]] | None = None
        # Staff drafts and their recipients, checked against the shop's permissions
        # once every draft is planned.
        self.staff_drafts: list[tuple[Draft, int]] = []
        unknown = {
            t.channel_id
            for t in self.tickets.values()
            if getattr(t, "helpdesk_policy", None) is None
        }
        self.policies = _policies(unknown) if unknown else {}
        # The survey's settings, and the tickets rated already (a ticket closed again
        # after its rating is not asked twice), for the closes of the batch only.
        closed = {e.ticket_id for e in events if e.type == T.CLOSED}
        self.surveys: dict[int | None, SatisfactionSettings] = {}
        self.rated: set[int] = set()
        if closed:
            self.surveys = survey_settings_for(
                t.channel_id for pk, t in self.tickets.items() if pk in closed
            )
            self.rated = set(
                SatisfactionRating.objects.filter(ticket_id__in=closed).values_list(
                    "ticket_id", flat=True
                )
            )

    def policy(self, ticket: Ticket) -> ChannelSettings:
        known = getattr(ticket, "helpdesk_policy", None)
        if known is not None:
            return known
        return (
            self.policies.get(ticket.channel_id)
            or self.policies.get(None)
            or ChannelSettings()
        )

    # --- recipients -----------------------------------------------------------------

    def _customer(
        self, ticket: Ticket, notification: str, **extra: Any
    ) -> Draft | None:
        if not ticket.customer_email:
            return None
        cc = [
            address
            for address in ticket.cc_emails
            if address.lower() != ticket.customer_email.lower()
        ]
        return Draft(
            ticket=ticket,
            notification=notification,
            to=[ticket.customer_email],
            cc=cc,
            language_code=ticket.language_code,
            **extra,
        )

    def _staff(
        self, ticket: Ticket, user: Any, notification: str, **extra: Any
    ) -> Draft | None:
        email = getattr(user, "email", "") if user is not None else ""
        if not email or not getattr(user, "is_active", True):
            return None
        draft = Draft(
            ticket=ticket,
            notification=notification,
            to=[email],
            language_code=getattr(user, "language_code", None),
            **extra,
        )
        self.staff_drafts.append((draft, user.pk))
        return draft

    def _queue(self, ticket: Ticket) -> list[Any]:
        """Active agents serving the ticket's contact (no contact: agents of no queue)."""
        if self.queues is None:
            self.queues = defaultdict(list)
            agents = (
                SupportAgent.objects.filter(is_active=True, user__is_active=True)
                .select_related("user")
                .annotate(queue_ids=ArrayAgg("contacts__id", default=[]))
            )
            for agent in agents:
                contact_ids: list[int | None] = [
                    pk for pk in agent.queue_ids if pk is not None
                ] or [None]
                for contact_id in contact_ids:
                    self.queues[contact_id].append(agent.user)
        return self.queues.get(ticket.contact_id, [])

    # --- events ---------------------------------------------------------------------

    def drafts(self) -> list[Draft]:
        drafts: list[Draft] = []
        for event in self.events:
            ticket = self.tickets.get(event.ticket_id)
            if ticket is None:
                continue
            for draft in self._for_event(event, ticket):
                if draft is not None:
                    drafts.append(draft)
        if not self.staff_drafts:
            return drafts
        access = get_host().staff_access({pk for _, pk in self.staff_drafts})
        blind = {
            id(draft)
            for draft, pk in self.staff_drafts
            if pk not in access or not access[pk].may_work(draft.ticket.channel_id)
        }
        return [draft for draft in drafts if id(draft) not in blind]

    def _for_event(self, event: TicketEvent, ticket: Ticket) -> list[Draft | None]:
        params = event.parameters or {}
        if event.type == T.CREATED:
            first = self._first_comment_text(ticket)
            staff = [
                self._staff(
                    ticket, user, N.STAFF_NEW_TICKET, values={"reply.text": first}
                )
                for user in self._queue(ticket)
                if user.pk != event.user_id
                and (user.email or "").lower() != ticket.customer_email.lower()
            ]
            return [self._customer(ticket, N.TICKET_RECEIVED), *staff]
        if event.type == T.COMMENT_ADDED:
            return self._comment(event, ticket)
        if event.type == T.STATUS_CHANGED:
            return [self._status_changed(event, ticket)]
        if event.type == T.DUE_DATE_CHANGED:
            return [self._due_date(params.get("new"), ticket)]
        if event.type == T.COMPLAINT_DECIDED:
            language = base_language(ticket.language_code)
            decision = choice_label(
                ComplaintDecision, str(params.get("decision", "")), language
            )
            return [
                self._customer(
                    ticket, N.COMPLAINT_DECIDED, values={"complaint.decision": decision}
                )
            ]
        if event.type == T.REFUND_REQUESTED:
            amount = format_money_text(
                params.get("amount"), params.get("currency"), ticket.language_code
            )
            return [
                self._customer(
                    ticket, N.REFUND_REQUESTED, values={"refund.amount": amount}
                )
            ]
        if event.type == T.REFUND_UPDATED:
            if params.get("state") != RefundState.SUCCEEDED:
                return []
            return [self._customer(ticket, N.REFUND_COMPLETED)]
        if event.type == T.CLOSED:
            if ticket.merged_into_id is not None:
                return []  # it lives on in the other ticket and cannot be reopened
            return [
                self._customer(
                    ticket,
                    N.TICKET_CLOSED,
                    values={"reopen.hint": self._reopen_hint(ticket)},
                    survey=self._survey(ticket),
                )
            ]
        if event.type == T.ASSIGNED:
            assignee_id = params.get("assignee_id")
            if assignee_id is None or assignee_id == event.user_id:
                return []
            return [self._staff(ticket, self.users.get(assignee_id), N.STAFF_ASSIGNED)]
        return []

    def _first_comment_text(self, ticket: Ticket) -> str:
        for comment in self.comments.values():
            if comment.ticket_id == ticket.pk and not comment.is_internal:
                return _text(comment.body)
        return ""

    def _comment(self, event: TicketEvent, ticket: Ticket) -> list[Draft | None]:
        comment = self.comments.get(event.parameters.get("comment_id"))
        # Only public replies are ever mailed: the row decides, not the event type.
        if comment is None or comment.visibility != CommentVisibility.PUBLIC:
            return []
        if comment.author_type in (AuthorType.STAFF, AuthorType.APP):
            if comment.medium == CommentMedium.SMS:
                return []  # the customer got it as a text (`actions/sms.py`)
            return [
                self._customer(
                    ticket,
                    N.STAFF_REPLY,
                    values={"reply.text": _text(comment.body)},
                    agent=comment.author_user,
                )
            ]
        if comment.author_type == AuthorType.CUSTOMER and ticket.pk not in self.created:
            if ticket.assignee_id is None:
                return []
            return [
                self._staff(
                    ticket,
                    ticket.assignee,
                    N.STAFF_CUSTOMER_REPLY,
                    values={"reply.text": _text(comment.body)},
                )
            ]
        return []

    def _visible(self, slug: Any) -> TicketStatus | None:
        status = self.statuses.get(str(slug))
        return status.customer_facing() if status is not None else None

    def _status_changed(self, event: TicketEvent, ticket: Ticket) -> Draft | None:
        new = self.statuses.get(str(event.parameters.get("new")))
        if new is None or new.is_closed:
            return None  # the close has its own e-mail
        if event.user_id is None and event.app_id is None:
            return None  # a system move: the customer's own reply reopened the ticket
        if ticket.customer_id is not None and event.user_id == ticket.customer_id:
            return None  # the customer's own move
        old_visible = self._visible(event.parameters.get("old"))
        new_visible = self._visible(new.slug)
        if (
            old_visible is not None
            and new_visible is not None
            and old_visible.pk == new_visible.pk
        ):
            return None  # the customer sees no change
        return self._customer(ticket, N.STATUS_CHANGED, status=new)

    def _due_date(self, value: Any, ticket: Ticket) -> Draft | None:
        if not value:
            return None
        due = timezone.localtime(datetime.fromisoformat(str(value)))
        language = base_language(ticket.language_code)
        formatted = due.strftime(DATE_FORMATS.get(language, DATE_FORMATS["en"]))
        return self._customer(
            ticket, N.DUE_DATE_CHANGED, values={"due_date": formatted}
        )

    def _survey(self, ticket: Ticket) -> list[str]:
        policy = self.surveys.get(ticket.channel_id)
        if policy is None or ticket.pk in self.rated:
            return []
        return survey_urls(ticket, policy)

    def _reopen_hint(self, ticket: Ticket) -> str:
        language = base_language(ticket.language_code)
        hints = REOPEN_HINTS.get(language, REOPEN_HINTS["en"])
        policy = self.policy(ticket)
        if not policy.customer_may_reopen:
            return hints["never"]
        if policy.reopen_window_days is None:
            return hints["always"]
        return hints["window"].format(days=policy.reopen_window_days)
