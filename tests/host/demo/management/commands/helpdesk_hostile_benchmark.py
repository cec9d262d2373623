"""The worst case: every hostile request shape (`tests/graphql/hostile.py`) at its
largest, bodies up to Django's upload limit (2.5 MB), posted to the GraphQL endpoint;
prints the server time of each (the slowest of `--repeat` runs), its status and SQL
statements, and the worst. Fails when an answer is a server error, a refusal sends
SQL, or the worst time passes `--bound` (1 s).

The federation case adds the largest request a signed-in client may send: 100
representations, each order with a page of tickets."""

import logging
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from graphene.relay import Node

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.actions import NewTicket, create_ticket
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.graphql.core.limits import MAX_REPRESENTATIONS
from tests.graphql import hostile
from tests.host.account.models import User
from tests.host.channel.models import Channel
from tests.host.order.models import Order
from tests.host.tokens import create_access_token

URL = f"/plugins/global/{PLUGIN_ID}/graphql/"


class Command(BaseCommand):
    help = "Post every hostile request shape at its largest and print the times."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--repeat", type=int, default=3, help="Runs per shape.")
        parser.add_argument(
            "--bound", type=float, default=1.0, help="Seconds the worst may take."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        shapes = [*hostile.shapes(), self._entities_shape()]
        token = create_access_token(User.objects.get(email="hostile@example.com"))
        client = Client(raise_request_exception=False)
        # The refusals' warnings and the resolvers' logged errors are not measured
        # (a server error shows in the status).
        logging.disable(logging.CRITICAL)
        client.post(URL, '{"query": "{ __typename }"}', content_type="application/json")
        results = []
        problems = []
        for shape in shapes:
            headers = (
                {"HTTP_AUTHORIZATION": f"Bearer {token}"}
                if shape.name.startswith("signed in")
                else {}
            )
            worst = 0.0
            for _ in range(options["repeat"]):
                with CaptureQueriesContext(connection) as captured:
                    response, seconds = hostile.post(client, URL, shape, **headers)
                worst = max(worst, seconds)
            status, queries = response.status_code, len(captured.captured_queries)
            results.append((worst, shape.name))
            self.stdout.write(
                f"{worst * 1000:8.1f} ms  {status}  {queries:3d} SQL  "
                f"{_size(shape):>9,} B  {shape.name}"
            )
            if status not in (200, 400):
                problems.append(f"{shape.name}: HTTP {status}")
            if status == 400 and queries:
                problems.append(
                    f"{shape.name}: a refusal sent {queries} SQL statements"
                )
        worst, name = max(results)
        self.stdout.write(f"worst: {worst * 1000:.1f} ms ({name})")
        if worst > options["bound"]:
            problems.append(
                f"the worst took {worst:.3f} s (bound {options['bound']} s)"
            )
        if problems:
            raise CommandError("; ".join(problems))

    def _entities_shape(self) -> hostile.Shape:
        """100 representations of orders with tickets, from a signed-in customer."""
        channel, _ = Channel.objects.get_or_create(
            slug="hostile",
            defaults={"name": "Hostile", "currency_code": "EUR", "is_active": True},
        )
        customer, _ = User.objects.get_or_create(email="hostile@example.com")
        actor = Actor.customer(customer)
        representations = []
        for index in range(MAX_REPRESENTATIONS):
            order = Order.objects.create(
                channel=channel,
                user=customer,
                user_email=customer.email,
                currency="EUR",
            )
            if index < 20:
                create_ticket(
                    actor,
                    NewTicket(subject=f"Hostile {index}", body="x", order_id=order.pk),
                )
            representations.append(
                {"__typename": "Order", "id": Node.to_global_id("Order", str(order.pk))}
            )
        query = (
            "query($r: [_Any!]!) { _entities(representations: $r) { "
            "... on Order { helpdeskTickets(first: 100) { totalCount edges { node { "
            "number subject status { slug } } } } } } }"
        )
        return hostile.Shape(
            f"signed in: {MAX_REPRESENTATIONS} representations with their tickets",
            {"query": query, "variables": {"r": representations}},
        )


def _size(shape: hostile.Shape) -> int:
    if shape.multipart is None:
        return len(shape.data())
    return sum(len(part) for part in shape.multipart.values())
