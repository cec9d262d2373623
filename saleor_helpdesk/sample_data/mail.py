"""A support mailbox and one conversation that came through it, so the demo shows
e-mail in: a customer writes, the team answers, the customer replies from their mail
program (quoting our answer), their out-of-office answers too, and someone else of the
household writes from an address the ticket does not know, which waits for staff as
an unverified note.

Every message is a raw RFC 5322 message handed to `receive_email`, exactly as a
mailbox fetch or a pushing mail server hands it over; the team's answer goes through
`add_comment`, and the mailbox is made with the settings' own actions. The
conversation is written once: while the mailbox holds a ticket, a second run adds
nothing.
"""

import random
from datetime import datetime, timedelta
from email.message import EmailMessage as MimeMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..actions import add_comment
from ..actions.config.mailboxes import MailboxFields, create_mailbox, enable_mailbox
from ..actions.inbound import receive_email
from ..core.actor import Actor
from ..core.permissions import Perm
from ..models import (
    EmailMessage,
    InboundEmail,
    InboundStatus,
    Mailbox,
    Ticket,
)
from ..models.mailbox import MailboxKind
from ..notifications.headers import subject_line
from .flows import shift_ticket, staff_actor
from .texts import GREETINGS, MAIL, MAILBOX, SIGN_OFFS

# How the raw messages came in: as a mail server pipes them to the push mailbox.
VIA = "raw"
# Hours between the steps of the conversation (the last step is then between half an
# hour and three hours old).
GAPS = (2.0, 0.02, 3.0, 1.5)


class SampleMail:
    """Writes the mailbox and its conversation (see the module docstring)."""

    def __init__(self, rng: random.Random, agents_for: Any) -> None:
        self.rng = rng
        self.agents_for = agents_for

    def run(
        self, customers: list[Any], orders_by_customer: dict[int, list[Any]]
    ) -> str:
        """The conversation with a customer who ordered (German-speaking if the shop
        has one); returns the summary line."""
        buyers = [c for c in customers if orders_by_customer.get(c.pk)]
        if not buyers:
            return "e-mail: no customer with an order, so no conversation by e-mail"
        german = [c for c in buyers if (c.language_code or "").startswith("de")]
        customer = self.rng.choice(german or buyers)
        order = self.rng.choice(orders_by_customer[customer.pk])
        language = "de" if (customer.language_code or "").startswith("de") else "en"
        name, address = MAILBOX
        mailbox = Mailbox.objects.filter(address=address).first()
        if mailbox is None:
            # Through the settings' actions, as a merchant adds it in the Dashboard (its
            # push secret, shown once, is not needed here: the messages come below).
            manager = Actor.staff(
                self.rng.choice(self.agents_for(order.channel_id)),
                {Perm.MANAGE_PLUGINS.value},
            )
            created = create_mailbox(
                manager,
                MailboxFields(
                    name=name,
                    address=address,
                    kind=MailboxKind.PUSH,
                    channel_id=order.channel_id,
                    language_code=language,
                ),
            )
            mailbox = enable_mailbox(manager, created.mailbox.pk)
        if InboundEmail.objects.filter(mailbox=mailbox, ticket__isnull=False).exists():
            return f"e-mail: {mailbox.address} already has its conversation"
        with transaction.atomic():
            ticket_id = _Conversation(
                self.rng, mailbox, customer, order, language, self.agents_for
            ).play()
        to_review = InboundEmail.objects.filter(
            ticket_id=ticket_id, status=InboundStatus.UNVERIFIED
        ).count()
        return (
            f"e-mail: mailbox {mailbox.address}, a conversation on one ticket, "
            f"{to_review} message from an unverified sender to review"
        )


class _Conversation:
    def __init__(
        self,
        rng: random.Random,
        mailbox: Mailbox,
        customer: Any,
        order: Any,
        language: str,
        agents_for: Any,
    ) -> None:
        self.rng = rng
        self.mailbox = mailbox
        self.customer = customer
        self.order = order
        self.texts = MAIL[language]
        self.language = language
        self.agent = rng.choice(agents_for(order.channel_id))
        first = (customer.first_name or "").strip()
        self.values = {
            "order": str(order.number),
            "product": rng.choice(list(order.lines.all())).product_name,
            "first": first,
            "name": f"{first} {(customer.last_name or '').strip()}".strip()
            or customer.email,
            "mailbox": mailbox.address,
            "partner": f"{self.texts['partner_first']} {customer.last_name or ''}".strip(),
        }
        self.now = timezone.now()
        # Each step happens now and is then moved into the past with the ticket, so
        # a message's Date is now minus the gaps still to come.
        self.gaps = (*GAPS, rng.uniform(0.5, 3.0))
        self.step = 0
        self.ticket_id = 0
        self.inbound: list[int] = []

    def play(self) -> int:
        texts, values = self.texts, self.values
        customer = formataddr((values["name"], self.customer.email))
        first = self._receive(
            customer, texts["subject"].format(**values), texts["first"].format(**values)
        )
        if first.ticket_id is None:
            raise ValueError(f"The sample e-mail was not taken in: {first.note}")
        self.ticket_id = first.ticket_id
        self._wait()
        named, _anonymous = GREETINGS[self.language]
        add_comment(
            staff_actor(self.agent),
            self.ticket_id,
            f"<p>{named.format(**values)}</p>{texts['answer']}"
            + SIGN_OFFS[self.language][1].format(
                agent=(self.agent.first_name or "").strip() or "Support"
            ),
        )
        ours = self._our_last_email()
        self._wait()
        self._receive(
            customer,
            texts["away_subject"].format(subject=ours[1]),
            texts["away"],
            in_reply_to=ours[0],
            automatic=True,
        )
        self._wait()
        answered = self._date(sum(self.gaps[1:]))
        self._receive(
            customer,
            f"Re: {ours[1]}",
            texts["reply"].format(**values, date=_short_date(answered, self.language)),
            in_reply_to=ours[0],
        )
        self._wait()
        partner = self.values["partner"]
        local = partner.lower().replace(" ", ".")
        self._receive(
            formataddr((partner, f"{local}@example.org")),
            f"Re: {ours[1]}",
            texts["partner"].format(**values),
            in_reply_to=ours[0],
        )
        self._wait()
        return self.ticket_id

    # Steps.

    def _receive(
        self,
        sender: str,
        subject: str,
        body: str,
        *,
        in_reply_to: str | None = None,
        automatic: bool = False,
    ) -> InboundEmail:
        message = MimeMessage()
        message["From"] = sender
        message["To"] = formataddr((self.mailbox.name, self.mailbox.address))
        message["Subject"] = subject
        message["Date"] = format_datetime(self._date(sum(self.gaps[self.step :])))
        message["Message-ID"] = make_msgid(domain="mail.example.org")
        if in_reply_to:
            message["In-Reply-To"] = in_reply_to
            message["References"] = in_reply_to
        if automatic:
            message["Auto-Submitted"] = "auto-replied"
        message["Content-Language"] = self.language
        # 8bit, as most mail programs send text today: the original reads as written.
        message.set_content(body, cte="8bit")
        row = receive_email(message.as_bytes(), mailbox=self.mailbox, via=VIA).inbound
        self.inbound.append(row.pk)
        return row

    def _our_last_email(self) -> tuple[str, str]:
        """The Message-ID and subject of the e-mail our answer went out as (what the
        customer's mail program answers); the subject token when none was written."""
        ticket_email = (
            EmailMessage.objects.filter(ticket_id=self.ticket_id)
            .order_by("-created_at", "-pk")
            .values_list("message_id", "subject")
            .first()
        )
        if ticket_email is not None:
            return ticket_email[0], ticket_email[1]
        ticket = Ticket.objects.get(pk=self.ticket_id)
        return "", subject_line(ticket.number, ticket.subject)

    # Dates.

    def _wait(self) -> None:
        hours = self.gaps[self.step]
        self.step += 1
        shift_ticket(self.ticket_id, hours)
        InboundEmail.objects.filter(pk__in=self.inbound).update(
            created_at=F("created_at") - timedelta(hours=hours)
        )

    def _date(self, hours_before: float) -> datetime:
        return self.now - timedelta(hours=hours_before)


def _short_date(when: datetime, language: str) -> str:
    local = timezone.localtime(when)
    if language == "de":
        return local.strftime("%d.%m.%Y um %H:%M")
    return local.strftime("%d %b %Y at %H:%M")
