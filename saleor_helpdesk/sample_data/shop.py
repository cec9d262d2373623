"""The sample shop: which tickets to write, who writes them about what, and dating them.

`SampleShop.run` plans tickets so that every status and kind is shown, opens each one
through the helpdesk's actions as a customer (or as staff, for a phone call or e-mail),
lets `Flows` play it through, and then moves its timestamps into the past. Then
`SampleMail` adds a support mailbox and one conversation that came in by e-mail.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, F, Max, Q

from ..actions import NewComplaint, NewLine, NewTicket, create_ticket
from ..core.actor import Actor
from ..core.constants import (
    DRAFT_ORDER_STATUS,
    CommentVisibility,
    ComplaintDecision,
    StatusGroup,
    TicketKind,
    TicketSource,
)
from ..core.permissions import Perm
from ..host import get_host
from ..host.shop_models import user_model
from ..host.staff_access import StaffAccess
from ..models import (
    Attachment,
    Category,
    Comment,
    Complaint,
    Contact,
    CustomerResponsible,
    Priority,
    ResponseTemplate,
    SupportAgent,
    Ticket,
    TicketEvent,
    TicketLine,
    TicketStatus,
)
from ..tickets.defaults import DEFAULT_STATUSES
from .automation import install_automation_examples
from .files import sample_file
from .flows import Flows, Thread, customer_sign_off, shift_ticket, staff_actor
from .mail import SampleMail
from .service_levels import install_service_levels
from .texts import (
    DUPLICATE_PREFIX,
    FOLLOW_UPS,
    PHONE_NOTE,
    RESPONSE_TEMPLATES,
    TEXTS,
    Text,
)

STATUSES = [row[0] for row in DEFAULT_STATUSES]
KINDS = [
    TicketKind.QUESTION,
    TicketKind.COMPLAINT,
    TicketKind.REFUND_REQUEST,
    TicketKind.ORDER_PROBLEM,
    TicketKind.OTHER,
]
# After every status and kind has its ticket, the rest follow a helpdesk's usual mix.
STATUS_WEIGHTS = {
    "new": 3,
    "open": 3,
    "in_progress": 3,
    "waiting_customer": 2,
    "answered": 2,
    "waiting_1": 1,
    "waiting_2": 1,
    "closed": 7,
}
KIND_WEIGHTS = {
    TicketKind.QUESTION: 4,
    TicketKind.COMPLAINT: 3,
    TicketKind.REFUND_REQUEST: 2,
    TicketKind.ORDER_PROBLEM: 2,
    TicketKind.OTHER: 1,
}
# How old tickets that end in a status usually are, in hours (range for the first post).
AGE_HOURS = {
    "new": (0.5, 20),
    "open": (24, 240),
    "in_progress": (12, 200),
    "waiting_customer": (24, 160),
    "answered": (24, 200),
    "waiting_1": (48, 300),
    "waiting_2": (72, 400),
    "closed": (72, 700),
}
# Orders nobody writes a ticket about (and that Saleor hides from customers).
UNTICKETABLE_ORDER_STATUSES = [DRAFT_ORDER_STATUS, "unconfirmed", "canceled", "expired"]
MAX_ORDERS = 500
FALLBACK_CUSTOMERS = [
    ("max.mustermann@example.com", "Max Mustermann", "de"),
    ("jane.doe@example.com", "Jane Doe", "en"),
]
ORDER_KINDS = {
    TicketKind.COMPLAINT,
    TicketKind.REFUND_REQUEST,
    TicketKind.ORDER_PROBLEM,
}


@dataclass
class Plan:
    """One ticket to write: what it is about and where it ends up."""

    kind: str
    status: str
    age_hours: float
    language: str
    # Among the first tickets that cover every status and kind: no variations that
    # would change either.
    essential: bool


@dataclass
class Cast:
    """The host objects tickets are written about."""

    agents: list[Any]
    customers: list[Any]
    orders_by_customer: dict[int, list[Any]]
    guest_orders: list[Any]
    # Product names seen on orders, per order language ("any": all of them).
    products: dict[str, list[str]]
    active_channel_ids: list[int]
    # What the shop lets each agent do: a ticket goes only to agents who may open it.
    access: dict[int, StaffAccess]

    def agents_for(self, channel_id: int | None) -> list[Any]:
        """The agents who may open tickets of the channel (all of them if none may:
        the ticket is then skipped with the shop's refusal)."""
        return [
            agent for agent in self.agents if self.access[agent.pk].may_work(channel_id)
        ] or self.agents


def language_of(code: str | None) -> str:
    """The sample texts' language for a language code: German or English."""
    return "de" if (code or "").lower().startswith("de") else "en"


def without_greeting(body: str) -> str:
    """The body without its first paragraph ("Hallo,"), for a note taken by staff."""
    rest = body.split("</p>", 1)[-1]
    if rest.startswith("<p>") and len(rest) > 3:
        rest = "<p>" + rest[3].upper() + rest[4:]
    return rest


class SampleShop:
    """Writes sample tickets about the shop's orders, customers and staff."""

    def __init__(
        self,
        seed: int | None,
        write: Callable[[str], Any],
        warn: Callable[[str], Any],
    ) -> None:
        """`write` gets the progress and summary lines, `warn` skipped tickets."""
        self.rng = random.Random(seed)  # noqa: S311 - sample data, not secrets
        self.write = write
        self.warn = warn

    def run(self, count: int) -> None:
        """Write `count` tickets, then the summary of what the helpdesk holds."""
        self.statuses = {
            status.slug: status
            for status in TicketStatus.objects.filter(slug__in=STATUSES, is_active=True)
        }
        missing = [slug for slug in STATUSES if slug not in self.statuses]
        if "new" in missing or "closed" in missing:
            raise CommandError(
                "The helpdesk's default statuses are missing; run `manage.py migrate`."
            )
        self.priorities = {p.slug: p for p in Priority.objects.all()}
        self.categories = {
            (c.kind, c.slug): c for c in Category.objects.filter(is_active=True)
        }
        self.contact = (
            Contact.objects.filter(is_active=True).order_by("position").first()
        )
        self._response_templates()
        self.cast = self._cast()
        self.flows = Flows(
            self.rng, self.statuses, self.priorities, self.cast.agents_for
        )
        self.by_customer: dict[int, list[int]] = {}
        if count < len(STATUSES):
            self.write(
                f"Note: with fewer than {len(STATUSES)} tickets not every status is shown."
            )
        plans = self._plans(count, [s for s in STATUSES if s not in missing])
        failed = 0
        for done, plan in enumerate(plans, start=1):
            try:
                with transaction.atomic():
                    self._play(plan)
            except ValidationError as error:
                failed += 1
                self.warn(
                    f"Skipped a {plan.kind} ticket ({plan.status}): {error.messages}"
                )
            if done % 10 == 0 or done == count:
                self.write(f"tickets: {done}/{count}")
        if failed == count:
            raise CommandError("No sample ticket could be created.")
        mail = SampleMail(self.rng, self.cast.agents_for).run(
            self.cast.customers, self.cast.orders_by_customer
        )
        self._summary()
        self.write(mail)
        install_automation_examples(self.write)  # issue 14, after the sample tickets
        install_service_levels(self.write)

    def _response_templates(self) -> None:
        """The replies the reply box offers (kept when the merchant already has some)."""
        if ResponseTemplate.objects.exists():
            return
        ResponseTemplate.objects.bulk_create(
            ResponseTemplate(name=name, language_code=language, kind=kind, body=body)
            for name, language, kind, body in RESPONSE_TEMPLATES
        )
        self.write(f"response templates: {len(RESPONSE_TEMPLATES)}")

    # Who and what the tickets are about.

    def _cast(self) -> Cast:
        users = user_model()
        order_model = apps.get_model("order", "Order")
        staff = list(users.objects.filter(is_staff=True, is_active=True).order_by("pk"))
        # Only staff who work tickets join the team (as `supportAgentAdd` requires).
        access = get_host().staff_access(user.pk for user in staff)
        staff = [
            user
            for user in staff
            if Perm.MANAGE_ORDERS.value in access[user.pk].permissions
        ]
        if not staff:
            raise CommandError(
                "The shop has no active staff users with the MANAGE_ORDERS permission "
                "to answer tickets; create one first (Saleor: `manage.py populatedb "
                "--createsuperuser`)."
            )
        for user in staff:
            agent, _ = SupportAgent.objects.get_or_create(user=user)
            if self.contact is not None:
                agent.contacts.add(self.contact)
        customers = list(
            users.objects.filter(is_staff=False, is_active=True).order_by("pk")[:200]
        )
        channel_model = apps.get_model("channel", "Channel")
        active_channels = list(
            channel_model.objects.filter(is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        orders = list(
            order_model.objects.exclude(status__in=UNTICKETABLE_ORDER_STATUSES)
            .filter(channel_id__in=active_channels)
            .annotate(line_count=Count("lines"))
            .filter(line_count__gt=0)
            .filter(Q(user__isnull=True) | Q(user__is_staff=False))
            .select_related("user")
            .prefetch_related("lines")
            .order_by("number")[:MAX_ORDERS]
        )
        by_customer: dict[int, list[Any]] = {}
        guest_orders = []
        for order in orders:
            if order.user_id:
                by_customer.setdefault(order.user_id, []).append(order)
            elif order.user_email:
                guest_orders.append(order)
        products: dict[str, set[str]] = {}
        for order in orders:
            for key in (language_of(order.language_code), "any"):
                products.setdefault(key, set()).update(
                    line.product_name for line in order.lines.all()
                )
        # Two customers have a responsible person: their tickets go to them directly.
        if len(staff) > 1:
            for customer in [c for c in customers if c.pk in by_customer][:2]:
                CustomerResponsible.objects.get_or_create(
                    customer=customer, defaults={"responsible": staff[1]}
                )
        return Cast(
            agents=staff,
            customers=customers,
            orders_by_customer=by_customer,
            guest_orders=guest_orders,
            products={key: sorted(names) for key, names in products.items()},
            active_channel_ids=active_channels,
            access=access,
        )

    def _plans(self, count: int, statuses: list[str]) -> list[Plan]:
        rng = self.rng
        plans = []
        for index in range(count):
            essential = index < max(len(statuses), len(KINDS))
            if index < len(statuses):
                status = statuses[index]
            else:
                weights = [STATUS_WEIGHTS[s] for s in statuses]
                status = rng.choices(statuses, weights)[0]
            if index < len(KINDS):
                kind = KINDS[index]
            else:
                kind = rng.choices(KINDS, [KIND_WEIGHTS[k] for k in KINDS])[0]
            low, high = AGE_HOURS[status]
            plans.append(
                Plan(
                    kind=kind,
                    status=status,
                    age_hours=rng.uniform(low, high),
                    language="en" if index % 3 == 1 else "de",
                    essential=essential,
                )
            )
        # Oldest first, so ticket numbers grow with the date they were opened.
        return sorted(plans, key=lambda plan: -plan.age_hours)

    # Playing one ticket through.

    def _play(self, plan: Plan) -> None:
        if plan.status == "closed" and not plan.essential and self.rng.random() < 0.3:
            thread = self._open_duplicate(plan)
            if thread is not None:
                self.flows.play("merged", thread)
                self._finish(thread, plan)
                return
        thread = self._open(plan)
        self.flows.play(plan.status, thread)
        self._finish(thread, plan)

    def _finish(self, thread: Thread, plan: Plan) -> None:
        hours = max(plan.age_hours - thread.waited, 0.2)
        shift_ticket(thread.ticket_id, hours)
        if "merged_at" in thread.extras:
            self._shift_merged(thread, hours)
        ticket = Ticket.objects.get(pk=thread.ticket_id)
        if ticket.customer_id and ticket.merged_into_id is None:
            self.by_customer.setdefault(ticket.customer_id, []).append(ticket.pk)

    def _open(self, plan: Plan) -> Thread:
        rng, cast = self.rng, self.cast
        kind = plan.kind
        customer, order, guest_email, language = self._choose_customer(plan)
        texts = TEXTS[kind][language]
        if kind == TicketKind.QUESTION and order is None:
            texts = [t for t in texts if not (t.needs_order or t.order_to_link)]
        text = rng.choice(texts)
        to_link = None
        if (
            kind == TicketKind.QUESTION
            and customer is not None
            and order is not None
            and not text.needs_order
        ):
            # A general question, or one whose order the customer did not name. (A
            # guest writes through an order, so their tickets keep it.)
            to_link = order if text.order_to_link else None
            order = None
        lines = self._lines(order) if kind == TicketKind.COMPLAINT and order else []
        if lines:
            product = lines[0][0].product_name
        elif order is not None:
            product = rng.choice(list(order.lines.all())).product_name
        elif cast.products.get(language) or cast.products.get("any"):
            product = rng.choice(cast.products.get(language) or cast.products["any"])
        else:
            product = {"de": "der Artikel", "en": "the item"}[language]
        first_name, full_name = self._names(customer, guest_email)
        values = {
            "product": product,
            "order": str(order.number) if order is not None else "",
            "first": first_name,
            "name": full_name,
        }
        channel_id = self._channel_for(customer, order, to_link)
        files = []
        if text.attachment:
            copies = rng.choice([1, 1, 2]) if text.attachment == "photo" else 1
            files = [
                sample_file(self.rng, text.attachment, language, values)
                for _ in range(copies)
            ]
        category = self.categories.get((kind, text.category))
        complaint = None
        if kind == TicketKind.COMPLAINT:
            complaint = NewComplaint(
                customer_number=f"K-{customer.pk:05d}" if customer else "",
                order_number=values["order"],
                article_number=(lines[0][0].product_sku or "") if lines else "",
                description=text.description,
                requested_resolution=text.resolution,
            )
        data = NewTicket(
            subject=text.subject.format(**values),
            body=text.body.format(**values) + customer_sign_off(language, values),
            kind=kind,
            channel_id=channel_id,
            order_id=order.pk if order is not None else None,
            lines=[
                NewLine(order_line_id=line.pk, quantity=qty, reason=text.reason)
                for line, qty in lines
            ],
            complaint=complaint,
            category_id=category.pk if category else None,
            contact_id=self.contact.pk if self.contact else None,
            attachments=files,
        )
        customer_actor: Actor | None = None
        if customer is not None:
            customer_actor = Actor.customer(customer)
        elif order is not None:
            customer_actor = Actor.guest(order.pk, guest_email)
        agent = rng.choice(cast.agents_for(channel_id))
        on_behalf = (
            customer_actor is None
            or channel_id is None
            or (customer is not None and rng.random() < 0.15)
        )
        if on_behalf:
            # Taken on the phone or from an e-mail by the team.
            data = replace(
                data,
                body=PHONE_NOTE[language]
                + without_greeting(text.body.format(**values)),
                customer_id=customer.pk if customer else None,
                customer_email=None if customer else guest_email,
                source=rng.choice([TicketSource.PHONE, TicketSource.EMAIL]),
            )
            ticket = create_ticket(staff_actor(agent), data)
        else:
            assert customer_actor is not None
            if customer is None:
                data = replace(data, customer_name=full_name)
            ticket = create_ticket(customer_actor, data)
        if ticket.assignee_id:
            agent = next(a for a in cast.agents if a.pk == ticket.assignee_id)
        return Thread(
            ticket_id=ticket.pk,
            kind=kind,
            language=language,
            text=text,
            agent=agent,
            customer=customer_actor,
            values=values,
            order=order,
            order_to_link=to_link,
        )

    def _choose_customer(self, plan: Plan) -> tuple[Any, Any, str, str]:
        """(registered customer or None, order or None, a guest's e-mail, language).

        The plan's language is a preference; the texts follow the customer's own
        language (a shop whose customers all speak English gets English tickets)."""
        rng, cast = self.rng, self.cast
        wants_order = plan.kind in ORDER_KINDS or (
            plan.kind == TicketKind.QUESTION and rng.random() < 0.5
        )

        def speaks(code: str | None) -> bool:
            return language_of(code) == plan.language

        if wants_order:
            guests = [o for o in cast.guest_orders if speaks(o.language_code)]
            buyers = [c for c in cast.customers if c.pk in cast.orders_by_customer]
            if guests and (rng.random() < 0.25 or not buyers):
                order = rng.choice(guests)
                email = order.user_email.lower()
                return None, order, email, language_of(order.language_code)
            if buyers:
                customer = rng.choice(
                    [c for c in buyers if speaks(c.language_code)] or buyers
                )
                order = rng.choice(cast.orders_by_customer[customer.pk])
                return customer, order, "", language_of(customer.language_code)
            if cast.guest_orders:
                order = rng.choice(cast.guest_orders)
                email = order.user_email.lower()
                return None, order, email, language_of(order.language_code)
        if cast.customers:
            customer = rng.choice(
                [c for c in cast.customers if speaks(c.language_code)] or cast.customers
            )
            return customer, None, "", language_of(customer.language_code)
        email, _name, language = next(
            row for row in FALLBACK_CUSTOMERS if row[2] == plan.language
        )
        return None, None, email, language

    def _channel_for(self, customer: Any, order: Any, to_link: Any) -> int | None:
        if order is not None:
            return order.channel_id
        if to_link is not None:
            return to_link.channel_id
        orders = self.cast.orders_by_customer.get(getattr(customer, "pk", None) or 0)
        if orders:
            return orders[-1].channel_id
        return self.cast.active_channel_ids[0] if self.cast.active_channel_ids else None

    def _lines(self, order: Any) -> list[tuple[Any, int]]:
        lines = list(order.lines.all())
        chosen = self.rng.sample(lines, min(len(lines), self.rng.choice([1, 1, 2])))
        return [(line, self.rng.randint(1, max(line.quantity, 1))) for line in chosen]

    def _names(self, customer: Any, guest_email: str) -> tuple[str, str]:
        if customer is not None:
            first = (customer.first_name or "").strip()
            full = f"{first} {(customer.last_name or '').strip()}".strip()
            return first, full
        parts = [p.capitalize() for p in guest_email.split("@")[0].split(".") if p]
        return (parts[0] if parts else ""), " ".join(parts)

    # A customer who wrote twice: the second ticket is merged into the first.

    def _open_duplicate(self, plan: Plan) -> Thread | None:
        open_tickets = Ticket.objects.filter(
            pk__in=[pk for pks in self.by_customer.values() for pk in pks],
            merged_into__isnull=True,
            merged_tickets__isnull=True,
        ).exclude(status__group=StatusGroup.CLOSED)
        candidates = list(open_tickets.select_related("customer").order_by("pk"))
        if not candidates:
            return None
        target = self.rng.choice(candidates)
        customer = target.customer
        language = language_of(target.language_code)
        first_name, full_name = self._names(customer, "")
        values = {"product": "", "order": "", "first": first_name, "name": full_name}
        body = FOLLOW_UPS[language]["duplicate"] + customer_sign_off(language, values)
        actor = Actor.customer(customer)
        ticket = create_ticket(
            actor,
            NewTicket(
                subject=DUPLICATE_PREFIX[language] + target.subject,
                body=body,
                kind=target.kind,
                channel_id=target.channel_id,
                order_id=target.order_id,
            ),
        )
        agent = next(
            (a for a in self.cast.agents if a.pk == target.assignee_id),
            self.rng.choice(self.cast.agents_for(target.channel_id)),
        )
        return Thread(
            ticket_id=ticket.pk,
            kind=target.kind,
            language=language,
            text=Text("", "", "", ""),
            agent=agent,
            customer=actor,
            values=values,
            extras={"target": target.pk},
        )

    def _shift_merged(self, thread: Thread, hours: float) -> None:
        """Date what the merge moved to, or wrote on, the target like the source."""
        delta = timedelta(hours=hours)
        target, since = thread.extras["target"], thread.extras["merged_at"]
        moved = thread.extras["moved"]
        Comment.objects.filter(pk__in=moved[Comment]).update(
            created_at=F("created_at") - delta
        )
        Attachment.objects.filter(pk__in=moved[Attachment]).update(
            created_at=F("created_at") - delta
        )
        TicketEvent.objects.filter(
            Q(pk__in=moved[TicketEvent]) | Q(ticket_id=target, date__gte=since)
        ).update(date=F("date") - delta)
        latest = TicketEvent.objects.filter(ticket_id=target).aggregate(at=Max("date"))
        Ticket.objects.filter(pk=target).update(
            last_activity_at=latest["at"], updated_at=latest["at"]
        )

    # Summary.

    def _summary(self) -> None:
        tickets = Ticket.objects.all()
        by_status = dict(
            tickets.values_list("status__slug").annotate(n=Count("pk")).order_by()
        )
        by_kind = dict(tickets.values_list("kind").annotate(n=Count("pk")).order_by())
        comments = Comment.objects.all()
        internal = comments.filter(visibility=CommentVisibility.INTERNAL).count()
        complaints = Complaint.objects.all()
        lines = [f"Helpdesk tickets: {tickets.count()}", "  by status:"]
        for status in TicketStatus.objects.order_by("position", "pk"):
            lines.append(f"    {status.slug:<18}{by_status.get(status.slug, 0):>4}")
        lines.append("  by kind:")
        for kind in KINDS:
            lines.append(f"    {kind:<18}{by_kind.get(kind, 0):>4}")
        lines += [
            f"  public replies: {comments.count() - internal}, internal notes: {internal}",
            f"  attachments: {Attachment.objects.count()}",
            f"  complaints: {complaints.count()} "
            f"({complaints.exclude(decision=ComplaintDecision.PENDING).count()} decided), "
            f"complaint lines: {TicketLine.objects.count()}",
            f"  merged: {tickets.filter(merged_into__isnull=False).count()}, "
            f"German: {tickets.filter(language_code__startswith='de').count()}, "
            f"English: {tickets.filter(language_code__startswith='en').count()}",
            f"  support agents: {SupportAgent.objects.filter(is_active=True).count()}",
        ]
        self.write("\n".join(lines))
