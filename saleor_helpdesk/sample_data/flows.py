"""How a ticket is played through once it is open: the steps staff and customers take
(replies, notes, status changes, waiting), with one flow per status a ticket ends in."""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import F
from django.utils import timezone

from ..actions import (
    add_comment,
    assign_ticket,
    change_priority,
    change_status,
    close_ticket,
    decide_complaint,
    forward_ticket,
    link_order,
    merge_tickets,
)
from ..core.actor import Actor
from ..core.constants import ComplaintDecision, TicketKind
from ..core.permissions import Perm
from ..models import (
    Attachment,
    Comment,
    Complaint,
    Priority,
    Ticket,
    TicketEvent,
    TicketStatus,
)
from ..tickets.policies import channel_settings
from .files import sample_file
from .texts import (
    ASK,
    DECISION_NOTES,
    DECISION_REPLIES,
    FOLLOW_UPS,
    GREETINGS,
    NOTES,
    REPLIES,
    SIGN_OFFS,
    TRIAGE_NOTES,
    Text,
)


@dataclass
class Thread:
    """One ticket while it is being played through."""

    ticket_id: int
    kind: str
    language: str
    text: Text
    agent: Any
    customer: Actor | None
    values: dict[str, str]
    order: Any = None
    order_to_link: Any = None
    waited: float = 0.0
    extras: dict[str, Any] = field(default_factory=dict)


def staff_actor(user: Any) -> Actor:
    return Actor.staff(user, {Perm.MANAGE_ORDERS.value})


def shift_ticket(ticket_id: int, hours: float) -> None:
    """Move everything recorded on a ticket so far `hours` into the past."""
    delta = timedelta(hours=hours)
    times = [
        "created_at",
        "updated_at",
        "last_activity_at",
        "due_date",
        "first_response_at",
        "resolved_at",
        "closed_at",
    ]
    Ticket.objects.filter(pk=ticket_id).update(
        **{name: F(name) - delta for name in times}
    )
    Comment.objects.filter(ticket_id=ticket_id).update(
        created_at=F("created_at") - delta, edited_at=F("edited_at") - delta
    )
    Attachment.objects.filter(ticket_id=ticket_id).update(
        created_at=F("created_at") - delta
    )
    TicketEvent.objects.filter(ticket_id=ticket_id).update(date=F("date") - delta)
    Complaint.objects.filter(ticket_id=ticket_id).update(
        decided_at=F("decided_at") - delta
    )


def customer_sign_off(language: str, values: dict[str, str]) -> str:
    return SIGN_OFFS[language][0].format(**values) if values["first"] else ""


class Flows:
    """Plays open tickets through to the status their plan ends in."""

    def __init__(
        self,
        rng: random.Random,
        statuses: dict[str, TicketStatus],
        priorities: dict[str, Priority],
        agents_for: Callable[[int | None], list[Any]],
    ) -> None:
        self.rng = rng
        self.statuses = statuses
        self.priorities = priorities
        # The agents who may open a ticket of a channel (a ticket goes to no one else).
        self.agents_for = agents_for

    def play(self, status: str, thread: Thread) -> None:
        """Run the flow for `status` (or "merged", for a duplicate) on the thread."""
        getattr(self, f"_flow_{status}")(thread)

    # Wording.

    def _staff_text(self, thread: Thread, body: str, agent: Any) -> str:
        values = thread.values
        named, anonymous = GREETINGS[thread.language]
        greeting = named if values["name"] else anonymous
        sign_off = SIGN_OFFS[thread.language][1].format(
            agent=(agent.first_name or "").strip() or "Support"
        )
        return f"<p>{greeting.format(**values)}</p>{body.format(**values)}{sign_off}"

    # Steps.

    def _file(self, what: str, thread: Thread) -> Any:
        return sample_file(self.rng, what, thread.language, thread.values)

    def _wait(self, thread: Thread, low: float, high: float) -> None:
        hours = self.rng.uniform(low, high)
        shift_ticket(thread.ticket_id, hours)
        thread.waited += hours

    def _reply(
        self,
        thread: Thread,
        body: str,
        status: str | None = None,
        files: tuple[Any, ...] = (),
    ) -> None:
        add_comment(
            staff_actor(thread.agent),
            thread.ticket_id,
            self._staff_text(thread, body, thread.agent),
            attachments=files,
            status_id=self.statuses[status].pk if status else None,
        )

    def _note(self, thread: Thread, body: str, files: tuple[Any, ...] = ()) -> None:
        add_comment(
            staff_actor(thread.agent),
            thread.ticket_id,
            f"<p>{body.format(**thread.values, case=self.rng.randint(10000, 99999))}</p>",
            internal=True,
            attachments=files,
        )

    def _customer_says(
        self, thread: Thread, key: str, files: tuple[Any, ...] = ()
    ) -> bool:
        if thread.customer is None:
            return False
        body = FOLLOW_UPS[thread.language][key]
        body += customer_sign_off(thread.language, thread.values)
        add_comment(thread.customer, thread.ticket_id, body, attachments=files)
        return True

    def _move(self, thread: Thread, status: str) -> None:
        change_status(
            staff_actor(thread.agent), thread.ticket_id, self.statuses[status].pk
        )

    def _priority(self, thread: Thread, slug: str) -> None:
        if slug in self.priorities:
            change_priority(
                staff_actor(thread.agent), thread.ticket_id, self.priorities[slug].pk
            )

    def _triage(self, thread: Thread, assign: float = 0.7) -> None:
        """An agent picks the ticket up: assigns it, links the order, sets priority."""
        rng = self.rng
        self._wait(thread, 0.5, 6)
        ticket = Ticket.objects.get(pk=thread.ticket_id)
        if ticket.assignee_id is None and rng.random() < assign:
            assign_ticket(staff_actor(thread.agent), ticket.pk, thread.agent.pk)
        if thread.order_to_link is not None and ticket.order_id is None:
            link_order(staff_actor(thread.agent), ticket.pk, thread.order_to_link.pk)
            thread.order = thread.order_to_link
            thread.values["order"] = str(thread.order.number)
        if thread.kind in (TicketKind.COMPLAINT, TicketKind.ORDER_PROBLEM):
            if rng.random() < 0.4:
                self._priority(thread, rng.choice(["high", "high", "urgent"]))
        elif rng.random() < 0.15:
            self._priority(thread, "low")
        if rng.random() < 0.35:
            self._note(thread, rng.choice(TRIAGE_NOTES[thread.language]))

    def _decide(self, thread: Thread) -> str | None:
        if thread.kind != TicketKind.COMPLAINT:
            return None
        requested = thread.text.resolution or ComplaintDecision.REFUND
        decision = self.rng.choices(
            [requested, ComplaintDecision.CREDIT, ComplaintDecision.REJECTED], [8, 1, 1]
        )[0]
        decide_complaint(
            staff_actor(thread.agent),
            thread.ticket_id,
            decision,
            DECISION_NOTES[thread.language][ComplaintDecision(decision)],
        )
        return decision

    def _answer(self, thread: Thread, status: str) -> None:
        """Settle the matter: decide a complaint, reply with the answer."""
        decision = self._decide(thread)
        files: tuple[Any, ...] = ()
        if decision is not None:
            body = DECISION_REPLIES[thread.language][ComplaintDecision(decision)]
            if decision == ComplaintDecision.REPAIR:
                files = (self._file("return_label", thread),)
        else:
            body = thread.text.answer
            if thread.text.category == "withdrawal":
                files = (self._file("return_label", thread),)
        self._reply(thread, body, status, files)

    # One flow per status the ticket ends in.

    def _flow_new(self, thread: Thread) -> None:
        if self.rng.random() < 0.5:
            self._wait(thread, 0.5, 6)
            if thread.kind == TicketKind.COMPLAINT:
                photo = (self._file("photo", thread),)
                self._customer_says(thread, "addendum", photo)
            else:
                self._customer_says(thread, "reminder")
        if self.rng.random() < 0.3:
            self._wait(thread, 0.2, 2)
            self._note(thread, self.rng.choice(TRIAGE_NOTES[thread.language]))

    def _flow_open(self, thread: Thread) -> None:
        self._triage(thread)
        variant = self.rng.random()
        may_reopen = channel_settings(self._channel_id(thread)).customer_may_reopen
        if thread.customer is not None and variant < 0.45:
            self._answer(thread, "answered")
            self._wait(thread, 2, 30)
            self._customer_says(thread, "question")
        elif thread.customer is not None and variant < 0.7 and may_reopen:
            self._answer(thread, "answered")
            self._wait(thread, 1, 24)
            close_ticket(staff_actor(thread.agent), thread.ticket_id)
            self._wait(thread, 24, 96)
            self._customer_says(thread, "again")
        else:
            # Decided, not yet told: the decision waits for the reply.
            self._decide(thread)
            self._note(thread, self.rng.choice(TRIAGE_NOTES[thread.language]))
            self._move(thread, "open")

    def _flow_in_progress(self, thread: Thread) -> None:
        self._triage(thread, assign=1.0)
        key = "stock" if thread.kind == TicketKind.COMPLAINT else "refund"
        if thread.kind in (TicketKind.COMPLAINT, TicketKind.REFUND_REQUEST):
            self._note(thread, NOTES[thread.language][key])
        else:
            self._note(thread, self.rng.choice(TRIAGE_NOTES[thread.language]))
        self._wait(thread, 0.2, 4)
        if self.rng.random() < 0.5:
            self._reply(thread, REPLIES[thread.language]["working"], "in_progress")
        else:
            self._move(thread, "in_progress")
        if self.rng.random() < 0.3:
            self._wait(thread, 24, 72)
            self._customer_says(thread, "reminder")

    def _flow_waiting_customer(self, thread: Thread) -> None:
        self._triage(thread)
        self._reply(thread, ASK[thread.language][thread.kind], "waiting_customer")

    def _flow_answered(self, thread: Thread) -> None:
        self._triage(thread)
        self._answer(thread, "answered")

    def _flow_waiting_1(self, thread: Thread) -> None:
        """Waiting for the manufacturer (or another team): an internal state the
        customer sees as "in progress". Handed to the colleague who deals with it."""
        self._triage(thread, assign=1.0)
        notes = NOTES[thread.language]
        if thread.order is not None:
            scan = (self._file("delivery_note", thread),)
            self._note(thread, notes["supplier"], scan)
        else:
            call_notes = (self._file("call_notes", thread),)
            self._note(thread, notes["team"], call_notes)
        colleagues = [
            a
            for a in self.agents_for(self._channel_id(thread))
            if a.pk != thread.agent.pk
        ]
        if colleagues:
            colleague = self.rng.choice(colleagues)
            name = colleague.first_name or colleague.email
            forward_ticket(
                staff_actor(thread.agent),
                thread.ticket_id,
                message=f"<p>{notes['forward'].format(colleague=name)}</p>",
                to_user_id=colleague.pk,
            )
            thread.agent = colleague
        self._wait(thread, 1, 8)
        reply = "supplier" if thread.order is not None else "working"
        self._reply(thread, REPLIES[thread.language][reply], "waiting_1")

    def _flow_waiting_2(self, thread: Thread) -> None:
        """Waiting for the carrier's trace (or another team): internal too."""
        self._triage(thread, assign=1.0)
        carrier = thread.kind in (TicketKind.ORDER_PROBLEM, TicketKind.COMPLAINT)
        if carrier:
            self._priority(thread, "high")
        reply = "carrier" if carrier else "working"
        self._reply(thread, REPLIES[thread.language][reply], "in_progress")
        self._note(thread, NOTES[thread.language]["carrier" if carrier else "team"])
        self._move(thread, "waiting_2")

    def _flow_closed(self, thread: Thread) -> None:
        self._triage(thread)
        variant = self.rng.random()
        may_close = channel_settings(self._channel_id(thread)).customer_may_close
        if thread.customer is not None and variant < 0.3 and may_close:
            self._answer(thread, "answered")
            self._wait(thread, 2, 48)
            self._customer_says(thread, "thanks")
            close_ticket(thread.customer, thread.ticket_id)
        elif thread.customer is not None and variant < 0.7:
            self._answer(thread, "answered")
            self._wait(thread, 2, 48)
            self._customer_says(thread, "thanks")
            self._wait(thread, 1, 8)
            self._reply(thread, REPLIES[thread.language]["closing"])
            close_ticket(staff_actor(thread.agent), thread.ticket_id)
        else:
            self._answer(thread, "closed")

    def _channel_id(self, thread: Thread) -> int | None:
        return Ticket.objects.values_list("channel_id", flat=True).get(
            pk=thread.ticket_id
        )

    # A customer who wrote twice: the second ticket is merged into the first.

    def _flow_merged(self, thread: Thread) -> None:
        self._wait(thread, 1, 12)
        source = thread.ticket_id
        # The merge moves these rows to the target; remember them to date them.
        thread.extras["moved"] = {
            model: list(
                model.objects.filter(ticket_id=source).values_list("pk", flat=True)
            )
            for model in (Comment, Attachment, TicketEvent)
        }
        thread.extras["merged_at"] = timezone.now()
        merge_tickets(staff_actor(thread.agent), source, thread.extras["target"])
