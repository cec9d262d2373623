"""Latency of the everyday helpdesk requests at the current database's size (fill it
with `helpdesk_scale_data` first): each request `--repeat` times through the real
GraphQL view in-process, HTTP handling and authentication included. Prints the ticket
count, then p50 and p95 per request against issue 13's target for 1,000,000 tickets;
runs at 10k, 100k and 1M make the curve.
"""

import json
import math
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.db.models import Count, F
from django.test import Client
from django.utils import timezone

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.core.constants import StatusGroup
from saleor_helpdesk.graphql.core.ids import to_global_id
from saleor_helpdesk.models import Comment, StatusTransition, Ticket
from saleor_helpdesk.tickets.search import search_tickets
from tests.host.account.models import User
from tests.host.tokens import create_access_token

from .helpdesk_benchmark import bench_agent

URL = f"/plugins/global/{PLUGIN_ID}/graphql/"

# p95 targets at 1,000,000 tickets (issue 13), in ms, by the case's first words.
TARGETS = {
    "inbox": 300,
    "search, words": 300,
    "search, a ticket number": 100,
    "search, an e-mail address": 100,
    "customer's own ticket list": 100,
    "ticket page": 300,
    "status change": 150,
    "reply": 150,
    "ticketStatistics, 30 days": 1000,
    "ticketStatistics, 365 days": 3000,
}

# The Dashboard's own documents, as it sends them.
DASHBOARD = Path(__file__).resolve().parents[5] / "graphql" / "dashboard"
DASHBOARD_INBOX = (DASHBOARD / "Inbox.graphql").read_text()
INBOX_COUNTS = (DASHBOARD / "InboxCounts.graphql").read_text()
TICKET_PAGE = (DASHBOARD / "TicketDetails.graphql").read_text()
# A signed-in customer's list in the storefront, as the example storefront asks for it.
MY_TICKETS = (DASHBOARD.parent / "storefront" / "MyTickets.graphql").read_text()
# The Dashboard's inbox columns (and the order it offers to sort by).
SORTS = [
    ("number", "NUMBER"),
    ("subject", "SUBJECT"),
    ("customer", "CUSTOMER"),
    ("status", "STATUS"),
    ("priority", "PRIORITY"),
    ("assignee", "ASSIGNEE"),
    ("channel", "CHANNEL"),
    ("created", "CREATED_AT"),
    ("last activity", "LAST_ACTIVITY_AT"),
]
# The Dashboard's default: the open tab, newest activity first.
DEFAULT_SORT = {"field": "LAST_ACTIVITY_AT", "direction": "DESC"}
OPEN_TAB = {"statusGroups": ["NEW", "OPEN"]}


def target(name: str) -> int:
    return next(ms for prefix, ms in TARGETS.items() if name.startswith(prefix))


STATUS_UPDATE = """
mutation Status($id: ID!, $status: ID!) {
  ticketStatusUpdate(id: $id, status: $status) { errors { code } ticket { number } }
}
"""

REPLY = """
mutation Reply($id: ID!) {
  ticketCommentAdd(id: $id, input: {body: "<p>Danke, wir kümmern uns.</p>"}) {
    errors { code } comment { body } }
}
"""

STATISTICS = """
query Statistics($gte: DateTime!, $lte: DateTime!) {
  ticketStatistics(period: {gte: $gte, lte: $lte}) {
    total byStatus { name count } byKind { count } } }
"""


@dataclass(frozen=True)
class Case:
    name: str
    client: Client
    query: str
    variables: dict[str, Any]
    # The payload key whose `errors` must be empty (mutations).
    mutation: str = ""
    # Variables taken in turn instead of `variables`: a status change back and forth
    # leaves the ticket as it found it.
    alternate: tuple[dict[str, Any], ...] = ()


def percentile(samples: list[float], share: float) -> float:
    """Nearest rank: the smallest sample with at least `share` of them at or below."""
    ordered = sorted(samples)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def verdict(p95: float, target: int) -> str:
    return "met" if p95 <= target else f"missed by {p95 - target:.0f} ms"


class Command(BaseCommand):
    help = "Measure p50/p95 of the everyday requests at the current database's size."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--repeat", type=int, default=30, help="Samples per case.")
        parser.add_argument(
            "--word", default="Rechnung", help="The common word to search for."
        )
        parser.add_argument(
            "--only",
            default="",
            help="Measure only the requests whose name contains this text.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        repeat = options["repeat"]
        tickets = Ticket.objects.count()
        self.stdout.write(f"tickets: {tickets:,} (repeat {repeat}, p95 target at 1M)")
        cases = [
            case
            for case in self._cases(options["word"])
            if options["only"] in case.name
        ]
        width = max(len(case.name) for case in cases)
        self.stdout.write(f"{'request':<{width}}  {'p50':>9}  {'p95':>9}  target")
        for case in cases:
            samples = self._measure(case, repeat)
            p50, p95 = percentile(samples, 0.5), percentile(samples, 0.95)
            target_ms = target(case.name)
            self.stdout.write(
                f"{case.name:<{width}}  {p50:>6.1f} ms  {p95:>6.1f} ms  "
                f"≤ {target_ms} ms: {verdict(p95, target_ms)}"
            )

    def _measure(self, case: Case, repeat: int) -> list[float]:
        cycle = len(case.alternate) or 1
        self._post(case, 0)  # warm up: imports, connection, plans
        samples = []
        for index in range(1, repeat + 1):
            start = time.perf_counter()
            self._post(case, index)
            samples.append((time.perf_counter() - start) * 1000)
        # Complete the round of alternating variables, untimed.
        for index in range(repeat + 1, -(-(repeat + 1) // cycle) * cycle):
            self._post(case, index)
        return samples

    def _post(self, case: Case, index: int = 0) -> dict[str, Any]:
        variables = (
            case.alternate[index % len(case.alternate)]
            if case.alternate
            else case.variables
        )
        response = case.client.post(
            URL,
            json.dumps({"query": case.query, "variables": variables}),
            content_type="application/json",
        )
        body = response.json()
        assert "errors" not in body, body["errors"]
        if case.mutation:
            assert body["data"][case.mutation]["errors"] == [], body
        return body["data"]

    def _cases(self, word: str) -> list[Case]:
        staff_user = self._staff()
        staff = self._client(staff_user)
        newest = Ticket.objects.order_by("-number").first()
        assert newest is not None, "no tickets: run helpdesk_scale_data first"
        assigned = (
            Ticket.objects.filter(assignee__isnull=False).order_by("-number").first()
        )
        assignee_id = assigned.assignee_id if assigned else staff_user.pk
        customer_id = (
            Ticket.objects.filter(customer__isnull=False)
            .values("customer_id")
            .annotate(tickets=Count("id"))
            .order_by("-tickets")
            .values_list("customer_id", flat=True)
            .first()
        )
        assert customer_id is not None, "no ticket of a registered customer"
        customer = self._client(User.objects.get(pk=customer_id))
        busiest, longest = (
            Comment.objects.values("ticket_id")
            .annotate(comments=Count("id"))
            .order_by("-comments")
            .values_list("ticket_id", "comments")
            .first()
        ) or (None, 0)
        middle = Ticket.objects.order_by("number")[Ticket.objects.count() // 2]
        # A guest's address: the sample shop's few registered customers each hold a
        # tenth of the tickets, which no real customer does.
        email = (
            Ticket.objects.exclude(customer_email="")
            .filter(customer__isnull=True)
            .order_by("-number")
            .values_list("customer_email", flat=True)
            .first()
        )
        # Two open statuses staff may move between both ways, and the newest ticket
        # in the first: back and forth leaves it as it was.
        pairs = (
            StatusTransition.objects.filter(
                staff_allowed=True,
                source__is_active=True,
                target__is_active=True,
                target__transitions_out__target=F("source"),
                target__transitions_out__staff_allowed=True,
            )
            .exclude(source__group=StatusGroup.CLOSED)
            .exclude(target__group=StatusGroup.CLOSED)
            .select_related("source")
            .order_by("pk")
        )
        pair, flipped = next(
            (pair, ticket)
            for pair in pairs
            if (
                ticket := Ticket.objects.filter(status_id=pair.source_id)
                .order_by("-number")
                .first()
            )
        )
        flipped_id = to_global_id("Ticket", flipped.pk)
        default_view = {"filter": OPEN_TAB, "sortBy": DEFAULT_SORT}
        rare = self._rare_word()
        first_page = self._post(
            Case("", staff, DASHBOARD_INBOX, self._page(default_view))
        )
        cursor = first_page["tickets"]["pageInfo"]["endCursor"]
        ticket_id = to_global_id("Ticket", newest.pk)
        now = timezone.now()
        sample = Ticket.objects.filter(category__isnull=False, channel__isnull=False)
        some = sample.order_by("-number").select_related("priority").first()
        assert some is not None, "no ticket with a category and a channel"
        filters = [
            ("a status", {"statuses": [pair.source.slug]}),
            ("waiting tab", {"statusGroups": ["WAITING"]}),
            ("closed tab", {"statusGroups": ["CLOSED"]}),
            ("complaints", {"kinds": ["COMPLAINT"]}),
            ("a priority", {"priorities": [some.priority.slug]}),
            (
                "a category",
                {"categories": [to_global_id("TicketCategory", some.category_id)]},
            ),
            ("an assignee", {"assignees": [to_global_id("User", assignee_id)]}),
            ("unassigned", {"unassigned": True}),
            ("a channel", {"channels": [to_global_id("Channel", some.channel_id)]}),
            ("overdue", {"overdue": True}),
        ]
        inbox = [
            Case(
                "inbox, Dashboard default (open tab, last activity)",
                staff,
                DASHBOARD_INBOX,
                self._page(default_view),
            ),
            Case(
                "inbox, tab counts (all, open, waiting, closed)",
                staff,
                INBOX_COUNTS,
                {
                    "all": {},
                    "open": OPEN_TAB,
                    "waiting": {"statusGroups": ["WAITING"]},
                    "closed": {"statusGroups": ["CLOSED"]},
                },
            ),
            Case(
                "inbox, next page (cursor)",
                staff,
                DASHBOARD_INBOX,
                self._page(default_view, after=cursor),
            ),
            *(
                Case(
                    f"inbox, all, by {label} {arrow}",
                    staff,
                    DASHBOARD_INBOX,
                    self._page({"sortBy": {"field": field, "direction": direction}}),
                )
                for label, field in SORTS
                for direction, arrow in (("DESC", "↓"), ("ASC", "↑"))
            ),
            *(
                Case(
                    f"inbox, filter: {label}",
                    staff,
                    DASHBOARD_INBOX,
                    self._page({"filter": value, "sortBy": DEFAULT_SORT}),
                )
                for label, value in filters
            ),
        ]
        return [
            *inbox,
            Case(
                f"search, words: {word!r} ({self._matches(word):,} tickets)",
                staff,
                DASHBOARD_INBOX,
                self._page({"filter": {"search": word}}),
            ),
            Case(
                f"search, words: {rare!r} ({self._matches(rare):,} tickets)",
                staff,
                DASHBOARD_INBOX,
                self._page({"filter": {"search": rare}}),
            ),
            Case(
                "search, a ticket number",
                staff,
                DASHBOARD_INBOX,
                self._page({"filter": {"search": f"#{middle.number}"}}),
            ),
            Case(
                "search, an e-mail address",
                staff,
                DASHBOARD_INBOX,
                self._page({"filter": {"search": email}}),
            ),
            Case(
                "customer's own ticket list",
                customer,
                MY_TICKETS,
                {"first": 20, "languageCode": "de"},
            ),
            Case(
                f"ticket page, the longest thread ({longest} comments)",
                staff,
                TICKET_PAGE,
                {"id": to_global_id("Ticket", busiest), "languageCode": "de"},
            ),
            Case(
                "status change",
                staff,
                STATUS_UPDATE,
                {},
                "ticketStatusUpdate",
                tuple(
                    {"id": flipped_id, "status": to_global_id("TicketStatus", pk)}
                    for pk in (pair.target_id, pair.source_id)
                ),
            ),
            Case("reply", staff, REPLY, {"id": ticket_id}, "ticketCommentAdd"),
            Case(
                "ticketStatistics, 30 days",
                staff,
                STATISTICS,
                {"gte": (now - timedelta(days=30)).isoformat(), "lte": now.isoformat()},
            ),
            Case(
                "ticketStatistics, 365 days",
                staff,
                STATISTICS,
                {
                    "gte": (now - timedelta(days=365)).isoformat(),
                    "lte": now.isoformat(),
                },
            ),
        ]

    @staticmethod
    def _rare_word() -> str:
        """A word few tickets share: an order number a customer typed into a message
        (the sample texts' `{order}`), from the newest threads."""
        for body in Comment.objects.order_by("-id").values_list("body", flat=True)[
            :2000
        ]:
            if found := re.search(r"\b\d{5}\b", body):
                return found.group()
        return "Rechnung"

    @staticmethod
    def _matches(word: str) -> int:
        """How many tickets a staff search for `word` finds (the rows' own count)."""
        return search_tickets(
            Ticket.objects.filter(merged_into__isnull=True), word, internal=True
        ).count()

    @staticmethod
    def _page(variables: dict[str, Any], after: str | None = None) -> dict[str, Any]:
        """Variables of the Dashboard's inbox query for one page of 50, in German."""
        return {"first": 50, "after": after, "languageCode": "de", **variables}

    def _client(self, user: Any) -> Client:
        return Client(
            HTTP_AUTHORIZATION=f"Bearer {create_access_token(user)}",
            HTTP_HOST="localhost",  # links in answers (attachment URLs) need a host
        )

    def _staff(self) -> Any:
        return bench_agent("scale-bench-staff@example.com", "scale bench")
