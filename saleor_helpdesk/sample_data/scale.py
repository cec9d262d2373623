"""Volume for measuring: many tickets with comments, timeline events and attachment
metadata, written with PostgreSQL COPY (`manage.py helpdesk_scale_data`).

Unlike `SampleShop`, nothing here goes through the actions: the point is a million
tickets in minutes, so rows are planned in Python and streamed to the helpdesk's own
tables in batches, one transaction per batch. The shop is only read (customers, their
orders, channels, staff); on Saleor this writes helpdesk tables and nothing else.

What the rows promise:
- ticket numbers come from the ticket number sequence (reserved under a table lock and
  the sequence moved past them), so tickets created later by the API continue above;
- dates spread over three years; a ticket's comments follow its creation, its last
  activity is its last comment, and `closed_at`/`resolved_at` are set exactly when its
  status is in the closed group;
- attachments are metadata only: every row is marked removed (`removed_at` set, no
  file), so the thread shows "attachment removed" and a download answers 410;
- a batch holds a lock on the ticket table that lets readers through but makes
  tickets opened meanwhile (by the API) wait for the batch's commit, about two seconds;
- every ticket carries `private_metadata["scale_data"]`, so the command can tell its
  own tickets from real ones (it refuses to add to a helpdesk with real tickets
  unless forced).
"""

import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.apps import apps
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.backends.postgresql.psycopg_any import is_psycopg3
from django.db.models import Q

from ..core.constants import (
    DRAFT_ORDER_STATUS,
    AuthorType,
    CommentMedium,
    CommentVisibility,
    StatusGroup,
    TicketEventType,
    TicketKind,
    TicketSource,
)
from ..core.permissions import Perm
from ..host import get_host
from ..host.shop_models import user_model
from ..models import (
    Attachment,
    Category,
    Comment,
    Contact,
    Priority,
    SupportAgent,
    Ticket,
    TicketEvent,
    TicketStatus,
)
from ..models.ticket import TICKET_NUMBER_SEQUENCE
from ..tickets.search_index import refresh_search
from .shop import KIND_WEIGHTS
from .texts import TEXTS

MARKER = "scale_data"
YEARS = 3
BATCH = 5000
MAX_CUSTOMERS = 20000
MAX_ORDERS = 50000
# The mix of kinds is the demo's (`shop.KIND_WEIGHTS`); old tickets are nearly all
# closed, recent ones still open.
ORDER_KINDS = {
    TicketKind.COMPLAINT,
    TicketKind.REFUND_REQUEST,
    TicketKind.ORDER_PROBLEM,
}
OPEN_WITHIN_DAYS = 45
GUEST_SHARE = 0.3
ATTACHMENT_SHARE = 0.15
NOTE_SHARE = 0.15
# Every this many tickets one has a long thread: the ticket page's worst case.
LONG_THREAD_EVERY = 10_000
LONG_THREAD_COMMENTS = 200
FIRST_NAMES = {
    "de": ["Anna", "Lukas", "Marie", "Jonas", "Lea", "Felix", "Sophie", "Paul"],
    "en": ["Emma", "Oliver", "Grace", "Jack", "Chloe", "Harry", "Ella", "Noah"],
}
LAST_NAMES = {
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner"],
    "en": ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker"],
}
PRODUCTS = {
    "de": ["die Jacke", "der Rucksack", "die Kaffeemühle", "das Kissen"],
    "en": ["jacket", "backpack", "coffee grinder", "cushion"],
}
FILES = [
    ("photo.jpg", "image/jpeg", 850_000),
    ("screenshot.png", "image/png", 240_000),
    ("statement.pdf", "application/pdf", 120_000),
]
TICKET_COLUMNS = (
    "id number kind subject customer_email customer_name source language_code "
    "due_date first_response_at resolved_at closed_at cc_emails metadata "
    "private_metadata created_at updated_at last_activity_at assignee_id category_id "
    "channel_id contact_id customer_id order_id priority_id status_id"
).split()
COMMENT_COLUMNS = (
    "id ticket_id author_type author_user_id author_name body visibility medium "
    "created_at"
).split()
EVENT_COLUMNS = "id ticket_id type date user_id parameters".split()
ATTACHMENT_COLUMNS = (
    "id uuid ticket_id comment_id file display_name content_type size sha256 "
    "visibility uploaded_by_type uploaded_by_user_id created_at removed_at"
).split()


@dataclass
class Person:
    user_id: int | None
    email: str
    name: str
    language: str
    # (order id, channel id) of the customer's orders.
    orders: list[tuple[Any, int | None]] = field(default_factory=list)


@dataclass
class Counts:
    tickets: int = 0
    comments: int = 0
    events: int = 0
    attachments: int = 0

    @property
    def rows(self) -> int:
        return self.tickets + self.comments + self.events + self.attachments


@dataclass
class Rows:
    """One batch, as tuples in the column order of the `*_COLUMNS` lists."""

    tickets: list[tuple[Any, ...]] = field(default_factory=list)
    comments: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    attachments: list[tuple[Any, ...]] = field(default_factory=list)


def foreign_tickets() -> int:
    """How many tickets this command did not write."""
    return Ticket.objects.exclude(private_metadata__has_key=MARKER).count()


class ScaleData:
    """Writes `count` tickets with about `comments_per_ticket` comments each."""

    def __init__(
        self,
        seed: int | None,
        write: Callable[[str], Any],
        batch: int = BATCH,
    ) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - test data, not secrets
        self.write = write
        self.batch = batch
        self.now = datetime.now(UTC)

    def run(self, count: int, comments_per_ticket: int) -> Counts:
        if connection.vendor != "postgresql" or not is_psycopg3:
            raise CommandError("Scale data needs PostgreSQL through psycopg 3 (COPY).")
        self._read_shop()
        self.comments_per_ticket = comments_per_ticket
        counts = Counts()
        started = time.monotonic()
        with get_host().writer_access():
            # Oldest first within the run, so numbers grow with the opening date.
            ages = sorted((self.rng.random() for _ in range(count)), reverse=True)
            for start in range(0, count, self.batch):
                self._write_batch(ages[start : start + self.batch], counts)
                elapsed = time.monotonic() - started
                self.write(
                    f"  tickets: {counts.tickets}/{count}, rows: {counts.rows} "
                    f"({counts.rows / elapsed:,.0f} rows/s, "
                    f"{counts.tickets / elapsed:,.0f} tickets/s)"
                )
        # Fresh planner statistics: without them PostgreSQL plans the next queries
        # for the tables as they were (a few rows), and a page takes a second.
        self.write("  analyzing the tables")
        with connection.cursor() as cursor:
            for model in (Ticket, Comment, TicketEvent, Attachment):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        return counts

    # What the shop and the helpdesk's configuration offer.

    def _read_shop(self) -> None:
        statuses = list(TicketStatus.objects.filter(is_active=True))
        self.closed = [s for s in statuses if s.group == StatusGroup.CLOSED]
        self.working = [s for s in statuses if s.group != StatusGroup.CLOSED]
        if not self.closed or not self.working:
            raise CommandError(
                "The helpdesk's statuses are missing; run `manage.py migrate`."
            )
        self.group_of = {s.pk: s.group for s in statuses}
        self.priorities = list(Priority.objects.values_list("pk", flat=True))
        if not self.priorities:
            raise CommandError(
                "The helpdesk has no priorities; run `manage.py migrate`."
            )
        self.categories: dict[str, list[int]] = {}
        for pk, kind in Category.objects.filter(is_active=True).values_list(
            "pk", "kind"
        ):
            self.categories.setdefault(kind, []).append(pk)
        self.contacts = list(
            Contact.objects.filter(is_active=True).values_list("pk", flat=True)
        )
        self.agents = self._agents()
        channel_model = apps.get_model("channel", "Channel")
        self.channels = list(
            channel_model.objects.filter(is_active=True).values_list("pk", flat=True)
        ) or [None]
        self.customers = self._customers()
        self.texts = {
            (kind, language): [
                (
                    self._fill(text.subject, language),
                    self._fill(text.body, language),
                    self._fill(text.answer, language),
                )
                for text in texts
            ]
            for kind, by_language in TEXTS.items()
            for language, texts in by_language.items()
        }

    def _fill(self, text: str, language: str) -> str:
        values = {
            "product": self.rng.choice(PRODUCTS[language]),
            "order": str(self.rng.randint(1000, 99999)),
            "first": self.rng.choice(FIRST_NAMES[language]),
            "name": self.rng.choice(LAST_NAMES[language]),
        }
        return text.format_map(values)

    def _agents(self) -> list[tuple[int, str]]:
        """(user id, name) of the support agents; staff who may work orders join the
        team first when it has nobody, as the demo does."""
        users = user_model()
        if not SupportAgent.objects.filter(is_active=True).exists():
            staff = list(users.objects.filter(is_staff=True, is_active=True))
            access = get_host().staff_access(user.pk for user in staff)
            for user in staff:
                if Perm.MANAGE_ORDERS.value in access[user.pk].permissions:
                    SupportAgent.objects.get_or_create(user=user)
        agent_ids = SupportAgent.objects.filter(is_active=True).values_list(
            "user_id", flat=True
        )
        agents = [
            (user.pk, f"{user.first_name} {user.last_name}".strip() or user.email)
            for user in users.objects.filter(pk__in=list(agent_ids)).order_by("pk")
        ]
        if not agents:
            raise CommandError(
                "The shop has no staff with the MANAGE_ORDERS permission to answer "
                "tickets; create shop data first (stand-in host: `manage.py "
                "demo_host_data`; Saleor: `manage.py populatedb --createsuperuser`)."
            )
        return agents

    def _customers(self) -> list[Person]:
        users = user_model()
        people = {
            pk: Person(
                pk,
                email,
                f"{first} {last}".strip(),
                "de" if (language or "").lower().startswith("de") else "en",
            )
            for pk, email, first, last, language in users.objects.filter(
                is_staff=False, is_active=True
            )
            .order_by("pk")
            .values_list("pk", "email", "first_name", "last_name", "language_code")[
                :MAX_CUSTOMERS
            ]
        }
        order_model = apps.get_model("order", "Order")
        orders = (
            order_model.objects.filter(user_id__in=list(people))
            .filter(~Q(status=DRAFT_ORDER_STATUS))
            .order_by("-pk")
            .values_list("pk", "user_id", "channel_id")[:MAX_ORDERS]
        )
        for pk, user_id, channel_id in orders:
            people[user_id].orders.append((pk, channel_id))
        return list(people.values())

    # One batch.

    def _write_batch(self, ages: list[float], counts: Counts) -> None:
        with transaction.atomic():
            cursor = connection.cursor()
            # Held until commit: no ticket takes an id or number from the sequences
            # between reserving a range and moving the sequences past it.
            cursor.execute(
                f"LOCK TABLE {Ticket._meta.db_table} IN SHARE ROW EXCLUSIVE MODE"
            )
            ticket_id = self._reserve(cursor, Ticket, len(ages))
            number = self._reserve_numbers(cursor, len(ages))
            rows = Rows()
            for index, age in enumerate(ages):
                self._ticket(rows, ticket_id + index, number + index, age)
            comment_id = self._reserve(cursor, Comment, len(rows.comments))
            attachment_id = self._reserve(cursor, Attachment, len(rows.attachments))
            event_id = self._reserve(cursor, TicketEvent, len(rows.events))
            rows = self._with_ids(rows, comment_id, attachment_id, event_id)
            self._copy(cursor, Ticket, TICKET_COLUMNS, rows.tickets)
            self._copy(cursor, Comment, COMMENT_COLUMNS, rows.comments)
            self._copy(cursor, Attachment, ATTACHMENT_COLUMNS, rows.attachments)
            self._copy(cursor, TicketEvent, EVENT_COLUMNS, rows.events)
            # The product's own search refresh, so words are found as in a live shop.
            refresh_search(range(ticket_id, ticket_id + len(ages)))
        counts.tickets += len(rows.tickets)
        counts.comments += len(rows.comments)
        counts.events += len(rows.events)
        counts.attachments += len(rows.attachments)

    @staticmethod
    def _reserve(cursor: Any, model: Any, count: int) -> int:
        """The first of `count` fresh ids of the model's identity column."""
        table = model._meta.db_table
        cursor.execute(f"SELECT pg_get_serial_sequence('{table}', 'id')")
        sequence = cursor.fetchone()[0]
        return ScaleData._advance(cursor, sequence, count)

    @staticmethod
    def _reserve_numbers(cursor: Any, count: int) -> int:
        return ScaleData._advance(cursor, TICKET_NUMBER_SEQUENCE, count)

    @staticmethod
    def _advance(cursor: Any, sequence: str, count: int) -> int:
        if count == 0:
            return 0
        cursor.execute("SELECT nextval(%s)", [sequence])
        first = int(cursor.fetchone()[0])
        cursor.execute("SELECT setval(%s, %s)", [sequence, first + count - 1])
        return first

    @staticmethod
    def _copy(cursor: Any, model: Any, columns: list[str], rows: list[Any]) -> None:
        if not rows:
            return
        statement = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
        with cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    @staticmethod
    def _with_ids(
        rows: Rows, comment_id: int, attachment_id: int, event_id: int
    ) -> Rows:
        """Rows planned with local indexes (comments counted from 0 in the batch)
        turned into ids: the comment id of an attachment or event is shifted too."""
        comments = [(comment_id + i, *row) for i, row in enumerate(rows.comments)]
        attachments = [
            (attachment_id + i, row[0], row[1], comment_id + row[2], *row[3:])
            for i, row in enumerate(rows.attachments)
        ]
        events = []
        for i, (ticket, type_, date, user, parameters, comment) in enumerate(
            rows.events
        ):
            if comment is not None:
                parameters = dict(parameters, comment_id=comment_id + comment)
            elif "attachment_id" in parameters:
                parameters = dict(
                    parameters,
                    attachment_id=attachment_id + parameters["attachment_id"],
                )
            events.append(
                (event_id + i, ticket, type_, date, user, json.dumps(parameters))
            )
        return Rows(rows.tickets, comments, events, attachments)

    def _person(self) -> Person:
        rng = self.rng
        if self.customers and rng.random() >= GUEST_SHARE:
            return rng.choice(self.customers)
        language = "de" if rng.random() < 0.6 else "en"
        first = rng.choice(FIRST_NAMES[language])
        last = rng.choice(LAST_NAMES[language])
        email = f"{first}.{last}.{rng.randrange(10**6)}@example.com".lower()
        return Person(None, email, f"{first} {last}", language)

    def _ticket(self, rows: Rows, ticket_id: int, number: int, age: float) -> None:
        rng = self.rng
        created = self.now - timedelta(days=YEARS * 365 * age)
        person = self._person()
        kinds = list(KIND_WEIGHTS)
        if not person.orders:
            kinds = [k for k in kinds if k not in ORDER_KINDS]
        kind = rng.choices(kinds, [KIND_WEIGHTS[k] for k in kinds])[0]
        order_id, channel_id = (
            rng.choice(person.orders)
            if kind in ORDER_KINDS
            else (None, rng.choice(self.channels))
        )
        language = person.language
        subject, body, answer = rng.choice(self.texts[(kind, language)])
        age_days = (self.now - created).days
        is_closed = age_days > OPEN_WITHIN_DAYS or rng.random() < 0.4
        status = rng.choice(self.closed if is_closed else self.working)
        source = rng.choice(
            [TicketSource.STOREFRONT, TicketSource.STOREFRONT, TicketSource.EMAIL]
        )
        medium = (
            CommentMedium.EMAIL
            if source == TicketSource.EMAIL
            else CommentMedium.STOREFRONT
        )
        agent_id, agent_name = rng.choice(self.agents)
        # Comments over at most two weeks, never in the future.
        span = min(timedelta(days=rng.uniform(0.1, 14)), (self.now - created) * 0.99)
        count = rng.randint(1, max(1, 2 * self.comments_per_ticket - 1))
        if self.comments_per_ticket == 0:
            count = 0
        elif number % LONG_THREAD_EVERY == 0:
            count = LONG_THREAD_COMMENTS
        offsets = sorted(rng.random() for _ in range(count))
        first_comment = len(rows.comments)
        first_response = None
        events: list[tuple[Any, ...]] = [
            (
                ticket_id,
                TicketEventType.CREATED,
                created,
                None,
                {"kind": kind, "source": source, "status": "new"},
                None,
            )
        ]
        last = created
        for index, offset in enumerate(offsets):
            at = created + span * offset if index else created
            last = at
            from_customer = index % 2 == 0
            internal = not from_customer and rng.random() < NOTE_SHARE
            visibility = (
                CommentVisibility.INTERNAL if internal else CommentVisibility.PUBLIC
            )
            if from_customer:
                row = (
                    ticket_id,
                    AuthorType.CUSTOMER,
                    person.user_id,
                    person.name,
                    body,
                    visibility,
                    medium,
                    at,
                )
            else:
                if first_response is None and not internal:
                    first_response = at
                row = (
                    ticket_id,
                    AuthorType.STAFF,
                    agent_id,
                    agent_name,
                    answer,
                    visibility,
                    CommentMedium.DASHBOARD,
                    at,
                )
            rows.comments.append(row)
            event_type = (
                TicketEventType.NOTE_ADDED
                if internal
                else TicketEventType.COMMENT_ADDED
            )
            events.append(
                (
                    ticket_id,
                    event_type,
                    at,
                    None if from_customer else agent_id,
                    {"medium": row[6]},
                    len(rows.comments) - 1,
                )
            )
        if count and rng.random() < ATTACHMENT_SHARE:
            name, content_type, size = rng.choice(FILES)
            rows.attachments.append(
                (
                    uuid.uuid4(),
                    ticket_id,
                    first_comment,
                    "",
                    name,
                    content_type,
                    rng.randint(size // 4, size * 2),
                    "0" * 64,
                    CommentVisibility.PUBLIC,
                    AuthorType.CUSTOMER,
                    person.user_id,
                    created,
                    created + timedelta(days=30),
                )
            )
            events.append(
                (
                    ticket_id,
                    TicketEventType.ATTACHMENT_ADDED,
                    created,
                    None,
                    {
                        "attachment_id": len(rows.attachments) - 1,
                        "name": name,
                        "internal": False,
                    },
                    None,
                )
            )
        assignee = agent_id if is_closed or status.group != StatusGroup.NEW else None
        if assignee is not None:
            events.append(
                (
                    ticket_id,
                    TicketEventType.ASSIGNED,
                    created,
                    agent_id,
                    {"assignee_id": agent_id, "previous_assignee_id": None},
                    None,
                )
            )
        if is_closed:
            closed_at = last + timedelta(minutes=rng.randint(1, 600))
            closed_at = min(closed_at, self.now)
            last = closed_at
            events.append(
                (
                    ticket_id,
                    TicketEventType.CLOSED,
                    closed_at,
                    agent_id,
                    {"old": "open"},
                    None,
                )
            )
        else:
            closed_at = None
            if status.slug != "new":
                events.append(
                    (
                        ticket_id,
                        TicketEventType.STATUS_CHANGED,
                        last,
                        agent_id,
                        {"old": "new", "new": status.slug},
                        None,
                    )
                )
        # Events are numbered in the order they are listed; the timeline sorts by date.
        rows.events.extend(events)
        categories = self.categories.get(kind)
        rows.tickets.append(
            (
                ticket_id,
                number,
                kind,
                subject[:255],
                person.email,
                person.name,
                source,
                language,
                None if is_closed else created + timedelta(days=3),
                first_response,
                closed_at,
                closed_at,
                [],
                "{}",
                f'{{"{MARKER}": "1"}}',
                created,
                last,
                last,
                assignee,
                rng.choice(categories) if categories else None,
                channel_id,
                rng.choice(self.contacts) if self.contacts else None,
                person.user_id,
                order_id,
                rng.choice(self.priorities),
                status.pk,
            )
        )
