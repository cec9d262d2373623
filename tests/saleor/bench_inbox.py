"""The staff inbox against Saleor's own order list, inside Saleor, in one process and
one run: prints the median and p95 of each request and the ratio tickets / orders, for
`first: 10` and `first: 100`.

Both requests go through Saleor's URL routing with `django.test.Client` and a staff
user's JWT (a staff user in a group with MANAGE_ORDERS, all channels):

- orders: Saleor's GraphQL view (`/graphql/`), `orders(first: N)` with the columns of the
  Dashboard's order list plus what the issue compares (customer, total, lines);
- tickets: the plugin's endpoint, `tickets(first: N)` with the Dashboard extension's
  inbox document (`graphql/dashboard/Inbox.graphql`, read from the file).

The cases alternate (A/B, then B/A) after a warm-up, so a noisy machine slows both
alike. Run inside a Saleor environment with a database that has orders (Saleor's
`populatedb`) and at least 100 tickets (`helpdesk_sample_data`, `helpdesk_scale_data`):

    DJANGO_SETTINGS_MODULE=tests.saleor.settings python -m tests.saleor.bench_inbox

Both wall time and the process's CPU time are printed: on a shared machine the wall
clock also counts waiting for a core and for PostgreSQL. DEBUG is off unless the
environment says otherwise (as in production: with DEBUG Django keeps every statement
it sends). `--profile tickets` (or `orders`) prints
cProfile's top functions of that request at `first: 100` instead of the timings.
"""

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ORDERS = """
query Orders($first: Int) {
  orders(first: $first) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      node {
        id
        number
        created
        status
        paymentStatus
        userEmail
        user { id email }
        total { gross { amount currency } }
        lines { productName quantity }
      }
    }
  }
}
"""

INBOX = (
    Path(__file__).parents[2] / "graphql" / "dashboard" / "Inbox.graphql"
).read_text()

SIZES = (10, 100)
STAFF_EMAIL = "bench-inbox-staff@example.com"


def _staff_token() -> str:
    from django.test import override_settings
    from saleor.account.models import Group, User
    from saleor.core.jwt import create_access_token
    from saleor.permission.models import Permission

    user, _ = User.objects.get_or_create(
        email=STAFF_EMAIL, defaults={"is_staff": True, "is_active": True}
    )
    group, _ = Group.objects.get_or_create(
        name="bench-inbox", defaults={"restricted_access_to_channels": False}
    )
    group.permissions.add(Permission.objects.get(codename="manage_orders"))
    user.groups.add(group)
    # Saleor's access tokens live five minutes; a run on a busy machine takes longer.
    with override_settings(JWT_TTL_ACCESS=timedelta(hours=2)):
        return create_access_token(user)


def _request(url: str, query: str, first: int, token: str) -> Callable[[], int]:
    from django.test import Client

    # Saleor's ALLOWED_HOSTS has localhost by default, not the test client's name.
    client = Client(SERVER_NAME="localhost", HTTP_AUTHORIZATION=f"Bearer {token}")
    body = {"query": query, "variables": {"first": first}}

    def run() -> int:
        response = client.post(url, body, content_type="application/json")
        data = response.json()
        if response.status_code != 200 or data.get("errors"):
            raise SystemExit(f"{url} answered {response.status_code}: {data}")
        (connection,) = data["data"].values()
        return len(connection["edges"])

    return run


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def measure(
    cases: dict[str, Callable[[], int]], repeat: int, warmup: int
) -> dict[str, dict[str, list[float]]]:
    """Wall and CPU milliseconds of each case, the cases alternating A/B, B/A."""
    for run in cases.values():
        for _ in range(warmup):
            run()
    # Saleor's schema leaves a heap whose full collection takes longer than a request;
    # landing at random on one case it would decide the comparison. Freezing what
    # start-up and warm-up left (as a preforking server does) keeps it out of both.
    gc.collect()
    gc.freeze()
    samples: dict[str, dict[str, list[float]]] = {
        name: {"wall": [], "cpu": []} for name in cases
    }
    names = list(cases)
    for round_ in range(repeat):
        for name in names if round_ % 2 == 0 else reversed(names):
            wall, cpu = time.perf_counter(), time.process_time()
            cases[name]()
            samples[name]["cpu"].append((time.process_time() - cpu) * 1000)
            samples[name]["wall"].append((time.perf_counter() - wall) * 1000)
    gc.unfreeze()
    return samples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=40, help="Samples per case.")
    parser.add_argument("--warmup", type=int, default=5, help="Runs before timing.")
    parser.add_argument("--profile", choices=("tickets", "orders"))
    args = parser.parse_args(argv)

    os.environ.setdefault("DEBUG", "False")
    # Saleor's settings refuse DEBUG off without it (its test settings then set it).
    os.environ.setdefault("ALLOWED_CLIENT_HOSTS", "localhost")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.saleor.settings")
    import django

    django.setup()
    from saleor_helpdesk import PLUGIN_ID

    token = _staff_token()
    urls = {"orders": "/graphql/", "tickets": f"/plugins/global/{PLUGIN_ID}/graphql/"}
    documents = {"orders": ORDERS, "tickets": INBOX}

    if args.profile:
        run = _request(urls[args.profile], documents[args.profile], 100, token)
        for _ in range(args.warmup):
            run()
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            run()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
        return

    for first in SIZES:
        cases = {
            name: _request(urls[name], documents[name], first, token)
            for name in ("orders", "tickets")
        }
        rows = {name: run() for name, run in cases.items()}
        samples = measure(cases, args.repeat, args.warmup)
        print(f"first: {first}")
        for name, clocks in samples.items():
            print(
                f"  {name:<8} {rows[name]:>4} rows  "
                f"wall median {statistics.median(clocks['wall']):7.2f} ms "
                f"p95 {_p95(clocks['wall']):7.2f} ms  "
                f"cpu median {statistics.median(clocks['cpu']):7.2f} ms"
            )
        for clock in ("wall", "cpu"):
            ratio = statistics.median(samples["tickets"][clock]) / statistics.median(
                samples["orders"][clock]
            )
            print(f"  tickets / orders ({clock}): {ratio:.2f}x")
        if min(rows.values()) < first:
            print(f"  (fewer than {first} rows: fill the shop before comparing)")


if __name__ == "__main__":
    main()
