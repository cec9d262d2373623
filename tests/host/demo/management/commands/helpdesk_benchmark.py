"""Latency of the helpdesk API against bare PostgreSQL, measured in one run on one
database: prints the medians and their ratios.

1. Creating a ticket (complaint, two lines) through the GraphQL endpoint, HTTP handling
   and authentication included, against one psycopg transaction inserting the same rows.
2. Staff `tickets(first: 100)` with the inbox's columns against one SELECT of the same
   columns serialised to JSON.
"""

import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from graphene.relay import Node

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.actions import NewTicket, add_comment, create_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import Priority, SupportAgent, Ticket, TicketStatus
from saleor_helpdesk.webhooks.benchmark import measure, report
from tests.host.account.models import Group, User
from tests.host.channel.models import Channel
from tests.host.order.models import Order, OrderLine
from tests.host.permission.models import Permission
from tests.host.tokens import create_access_token

URL = f"/plugins/global/{PLUGIN_ID}/graphql/"

CREATE = """
mutation Create($input: TicketCreateInput!) {
  ticketCreate(input: $input) { errors { code message } ticket { number } }
}
"""

INBOX = """
query Inbox { tickets(first: 100) { totalCount edges { node {
  number subject customerEmail customer { email } order { number }
  status { slug name(languageCode: "de") } priority { slug } assignee { email }
  lastComment { body } attachmentCount } } } }
"""

BARE_INBOX = """
SELECT t.number, t.subject, t.customer_email, u.email, o.number, s.slug, s.translations,
       p.slug, a.email,
       (SELECT c.body FROM saleor_helpdesk_comment c WHERE c.ticket_id = t.id
         ORDER BY c.created_at DESC, c.id DESC LIMIT 1),
       (SELECT count(*) FROM saleor_helpdesk_attachment f WHERE f.ticket_id = t.id)
FROM saleor_helpdesk_ticket t
JOIN saleor_helpdesk_ticketstatus s ON s.id = t.status_id
JOIN saleor_helpdesk_priority p ON p.id = t.priority_id
LEFT JOIN account_user u ON u.id = t.customer_id
LEFT JOIN account_user a ON a.id = t.assignee_id
LEFT JOIN order_order o ON o.id = t.order_id
WHERE t.merged_into_id IS NULL
ORDER BY t.number DESC LIMIT 100
"""


def median_ms(run: Callable[[], Any], repeat: int) -> float:
    run()  # warm up: imports, connection, plans
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


class Command(BaseCommand):
    help = "Measure the API against bare PostgreSQL and print the ratios."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--repeat", type=int, default=30, help="Samples per case.")
        parser.add_argument(
            "--deliveries", type=int, default=300, help="Webhook deliveries to send."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        repeat = options["repeat"]
        customer, staff, order, lines = self._shop()
        self.stdout.write(f"filling the inbox to 120 tickets … (repeat {repeat})")
        self._fill(customer, staff, order, 120)
        customer_client = self._client(customer)
        staff_client = self._client(staff)
        variables = {
            "input": {
                "subject": "Benchmark",
                "body": "<p>Zwei Teile defekt.</p>",
                "kind": "COMPLAINT",
                "order": Node.to_global_id("Order", str(order.pk)),
                "lines": [
                    {
                        "orderLineId": Node.to_global_id("OrderLine", str(line.pk)),
                        "quantity": 1,
                    }
                    for line in lines
                ],
            }
        }

        def api_create() -> None:
            response = customer_client.post(
                URL,
                json.dumps({"query": CREATE, "variables": variables}),
                content_type="application/json",
            )
            assert response.json()["data"]["ticketCreate"]["errors"] == []

        raw = psycopg.connect(**self._dsn(), autocommit=False)
        status_id = TicketStatus.objects.get(is_initial=True).pk
        priority_id = Priority.objects.get(is_default=True).pk

        def bare_create() -> None:
            with raw.cursor() as cur:
                cur.execute(
                    "INSERT INTO saleor_helpdesk_ticket (kind, subject, status_id, "
                    "priority_id, channel_id, customer_id, customer_email, customer_name,"
                    " order_id, source, language_code, cc_emails, metadata, "
                    "private_metadata, created_at, updated_at, last_activity_at) VALUES "
                    "('complaint', 'Benchmark', %s, %s, %s, %s, %s, '', %s, 'storefront',"
                    " 'de', '{}', '{}', '{}', now(), now(), now()) RETURNING id, number",
                    [
                        status_id,
                        priority_id,
                        order.channel_id,
                        customer.pk,
                        customer.email,
                        order.pk,
                    ],
                )
                ticket_id, _number = cur.fetchone()
                cur.execute(
                    "INSERT INTO saleor_helpdesk_complaint (ticket_id, customer_number, "
                    "order_number, article_number, description, comment, "
                    "requested_resolution, decision, decision_note) VALUES "
                    "(%s, '', '', '', '', '', '', 'pending', '')",
                    [ticket_id],
                )
                cur.executemany(
                    "INSERT INTO saleor_helpdesk_ticketline (ticket_id, order_line_id, "
                    "product_name, product_sku, quantity, reason, note) VALUES "
                    "(%s, %s, %s, '', 1, 'other', '')",
                    [(ticket_id, line.pk, line.product_name) for line in lines],
                )
                cur.execute(
                    "INSERT INTO saleor_helpdesk_comment (ticket_id, author_type, "
                    "author_user_id, author_name, body, visibility, medium, created_at) "
                    "VALUES (%s, 'customer', %s, '', '<p>x</p>', 'public', 'storefront',"
                    " now()) RETURNING id",
                    [ticket_id, customer.pk],
                )
                cur.execute(
                    "INSERT INTO saleor_helpdesk_ticketevent (ticket_id, type, date, "
                    "user_id, parameters) VALUES (%s, 'created', now(), %s, '{}'), "
                    "(%s, 'comment_added', now(), %s, '{}')",
                    [ticket_id, customer.pk, ticket_id, customer.pk],
                )
                cur.execute(
                    "INSERT INTO order_orderevent (date, type, order_id, parameters, "
                    "user_id) VALUES (now(), 'note_added', %s, '{}', %s)",
                    [order.pk, customer.pk],
                )
            raw.commit()

        def api_inbox() -> None:
            response = staff_client.post(
                URL, json.dumps({"query": INBOX}), content_type="application/json"
            )
            assert len(response.json()["data"]["tickets"]["edges"]) == 100

        def bare_inbox() -> None:
            with raw.cursor() as cur:
                cur.execute(BARE_INBOX)
                rows = cur.fetchall()
            json.dumps([list(row) for row in rows], default=str)
            raw.commit()

        results = [
            (
                "ticket creation (API) / bare INSERTs",
                median_ms(api_create, repeat),
                median_ms(bare_create, repeat),
            ),
            (
                "staff tickets(first: 100) / bare SELECT + JSON",
                median_ms(api_inbox, repeat),
                median_ms(bare_inbox, repeat),
            ),
        ]
        raw.close()
        for name, api, bare in results:
            self.stdout.write(
                f"{name}: {api:.2f} ms / {bare:.2f} ms = {api / bare:.1f}x"
            )
        # Webhook deliveries to a loopback receiver against a bare HTTP client loop.
        with override_settings(HELPDESK_WEBHOOKS_ALLOW_LOOPBACK=True):
            # The median of up to 10 rounds (each: the bare loop, the helpdesk, the bare
            # loop with a connection per request).
            rounds = min(repeat, 10)
            self.stdout.write(report(measure(options["deliveries"], rounds)))

    def _dsn(self) -> dict[str, Any]:
        db = settings.DATABASES["default"]
        return {
            "dbname": connection.settings_dict["NAME"],
            "user": db["USER"],
            "password": db["PASSWORD"] or None,
            "host": db["HOST"],
            "port": db["PORT"],
        }

    def _client(self, user: Any) -> Client:
        return Client(HTTP_AUTHORIZATION=f"Bearer {create_access_token(user)}")

    def _shop(self) -> tuple[Any, Any, Any, list[Any]]:
        channel, _ = Channel.objects.get_or_create(
            slug="bench",
            defaults={"name": "Bench", "currency_code": "EUR", "is_active": True},
        )
        customer, _ = User.objects.get_or_create(email="bench-customer@example.com")
        staff = bench_agent("bench-staff@example.com", "bench")
        order = Order.objects.create(
            channel=channel, user=customer, user_email=customer.email, currency="EUR"
        )
        lines = [
            OrderLine.objects.create(
                order=order,
                product_name=f"Teil {n}",
                quantity=2,
                currency="EUR",
                unit_price_gross_amount=10,
                total_price_gross_amount=20,
            )
            for n in range(2)
        ]
        return customer, staff, order, lines

    def _fill(self, customer: Any, staff: Any, order: Any, count: int) -> None:
        actor = Actor.customer(customer)
        missing = count - Ticket.objects.count()
        for index in range(max(missing, 0)):
            ticket = create_ticket(
                actor, NewTicket(subject=f"Fill {index}", body="x", order_id=order.pk)
            )
            add_comment(Actor.staff(staff, {"MANAGE_ORDERS"}), ticket.pk, "Antwort")


def bench_agent(email: str, group_name: str) -> Any:
    """A staff user with MANAGE_ORDERS (through a group of their own) who is a support
    agent: the benchmarks' staff caller."""
    staff, created = User.objects.get_or_create(
        email=email, defaults={"is_staff": True}
    )
    if created:
        group = Group.objects.create(name=group_name)
        group.permissions.add(
            Permission.objects.get_or_create(
                codename="manage_orders", defaults={"name": "x"}
            )[0]
        )
        staff.groups.add(group)
    SupportAgent.objects.get_or_create(user=staff)
    return staff
