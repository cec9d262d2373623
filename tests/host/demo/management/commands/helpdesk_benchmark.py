"""Latency of the helpdesk API against bare PostgreSQL, measured in one run on one
database: prints the medians and their ratios.

1. Creating a ticket (complaint, two lines) through the GraphQL endpoint, HTTP handling
   and authentication included, against one psycopg transaction writing the same rows
   (the ticket, complaint, lines, comment, events, search vectors, the two e-mails in
   the outbox and the order's note). Celery is as in production by default: the
   request publishes its task to a real broker (`--broker`, a queue of the run's own,
   deleted at the end; no worker reads it), so sending the e-mails is a worker's job.
   `--celery eager` runs the tasks in the request instead (sending into memory), as the
   stand-in host does without a broker.
2. Staff `tickets(first: 100)` with the inbox's columns against one SELECT of the same
   columns serialised to JSON.
"""

import json
import os
import socket
import statistics
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

import psycopg
from celery import current_app
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from graphene.relay import Node

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.actions import NewTicket, add_comment, create_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import (
    EmailMessage,
    Priority,
    SupportAgent,
    Ticket,
    TicketStatus,
)
from saleor_helpdesk.tickets.search_index import (
    GERMAN_PREFIX,
    MAX_MESSAGE_CHARS,
    REFRESH_SQL,
)
from saleor_helpdesk.webhooks.benchmark import measure, report
from tests.host.account.models import Group, User
from tests.host.channel.models import Channel
from tests.host.order.models import Order, OrderLine
from tests.host.permission.models import Permission
from tests.host.tokens import create_access_token

URL = f"/plugins/global/{PLUGIN_ID}/graphql/"
DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672//"

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


def _ms(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def paired_medians(
    api: Callable[[], Any], bare: Callable[[], Any], repeat: int
) -> tuple[float, float]:
    """The medians of `api` and `bare`, their samples taken in turns, so that both
    meet the same load when the machine's other work comes and goes."""
    api()  # warm up: imports, connection, plans
    bare()
    api_samples, bare_samples = [], []
    for _ in range(repeat):
        api_samples.append(_ms(api))
        bare_samples.append(_ms(bare))
    return statistics.median(api_samples), statistics.median(bare_samples)


class Command(BaseCommand):
    help = "Measure the API against bare PostgreSQL and print the ratios."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--repeat", type=int, default=30, help="Samples per case.")
        parser.add_argument(
            "--deliveries", type=int, default=300, help="Webhook deliveries to send."
        )
        parser.add_argument(
            "--celery",
            choices=["broker", "eager"],
            default="broker",
            help="broker (default, as in production): tasks are published to "
            "--broker and left there; eager: they run in the request.",
        )
        parser.add_argument(
            "--broker",
            default=os.environ.get("CELERY_BROKER_URL") or DEFAULT_BROKER,
            help="The broker of --celery broker (default: CELERY_BROKER_URL, else "
            "RabbitMQ on 127.0.0.1:5672).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["celery"] == "eager":
            self.stdout.write(
                "Celery: eager (no broker): each creation sends its two e-mails in "
                "the request, into memory"
            )
            with _eager():
                self._measure(options)
            return
        with _broker(options["broker"]) as queue:
            self.stdout.write(
                f"Celery: tasks published to {_safe(options['broker'])} (as in "
                f"production), into the queue {queue} that no worker reads; it is "
                "deleted at the end"
            )
            self._measure(options)
            waiting = _waiting(queue)
            self.stdout.write(f"tasks published and waiting in {queue}: {waiting}")
            if waiting == 0:
                raise CommandError("No task reached the broker: the mode is wrong.")

    def _measure(self, options: dict[str, Any]) -> None:
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

        # The outbox rows the API wrote for a ticket, as the bare INSERT's values
        # (filled in after a first API call, before any bare one).
        outbox: list[dict[str, Any]] = []

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
                    REFRESH_SQL,
                    {
                        "ids": [ticket_id],
                        "german": f"{GERMAN_PREFIX}%",
                        "max_chars": MAX_MESSAGE_CHARS,
                        "public": "public",
                    },
                )
                cur.executemany(
                    "INSERT INTO saleor_helpdesk_emailmessage (status, attempts, "
                    "next_attempt_at, last_error, created_at, ticket_id, notification,"
                    ' language, from_email, "to", cc, subject, body_text, body_html,'
                    ' message_id, in_reply_to, "references", headers) VALUES '
                    "('pending', 0, now(), '', now(), %s, %s, %s, %s, %s, '{}', %s, "
                    "%s, %s, %s, %s, %s, %s)",
                    [
                        (
                            ticket_id,
                            row["notification"],
                            row["language"],
                            row["from_email"],
                            row["to"],
                            row["subject"],
                            row["body_text"],
                            row["body_html"],
                            f"<bench.{uuid.uuid4().hex}@example.com>",
                            row["in_reply_to"],
                            row["references"],
                            psycopg.types.json.Jsonb(row["headers"]),
                        )
                        for row in outbox
                    ],
                )
                cur.execute(
                    "INSERT INTO order_orderevent (date, type, order_id, parameters, "
                    "user_id) VALUES (now(), 'note_added', %s, %s, %s)",
                    [
                        order.pk,
                        psycopg.types.json.Jsonb({"message": "Helpdesk ticket opened"}),
                        customer.pk,
                    ],
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

        api_create()
        latest = Ticket.objects.order_by("-pk").first()
        outbox.extend(EmailMessage.objects.filter(ticket=latest).values())
        assert len(outbox) == 2, "the API's ticket has its two e-mails in the outbox"
        results = [
            (
                "ticket creation (API) / bare INSERTs",
                *paired_medians(api_create, bare_create, repeat),
            ),
            (
                "staff tickets(first: 100) / bare SELECT + JSON",
                *paired_medians(api_inbox, bare_inbox, repeat),
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


@contextmanager
def _eager() -> Any:
    conf = current_app.conf
    previous = conf.task_always_eager
    conf.task_always_eager = True
    try:
        yield
    finally:
        conf.task_always_eager = previous


@contextmanager
def _broker(url: str) -> Any:
    """The host's Celery app publishing to `url`, into a queue of this run's own that
    is deleted at the end (nothing is left for a worker to send)."""
    parsed = urlparse(url)
    try:
        socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or 5672), timeout=2
        ).close()
    except OSError as error:
        raise CommandError(
            f"No broker answers at {_safe(url)} ({error}); start RabbitMQ or pass "
            "--celery eager."
        ) from error
    conf = current_app.conf
    previous = (conf.broker_url, conf.task_always_eager, conf.task_default_queue)
    queue = f"helpdesk-benchmark-{uuid.uuid4().hex[:8]}"
    conf.broker_url = url
    conf.task_always_eager = False
    conf.task_default_queue = queue
    try:
        yield queue
    finally:
        with current_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
        conf.broker_url, conf.task_always_eager, conf.task_default_queue = previous
        current_app.pool.force_close_all()


def _waiting(queue: str) -> int:
    with current_app.connection_for_write() as conn:
        return conn.default_channel.queue_declare(
            queue=queue, passive=True
        ).message_count


def _safe(url: str) -> str:
    """The URL without its password, for printing."""
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url
