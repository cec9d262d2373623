"""Fill the helpdesk with volume for measuring speed (see `sample_data/scale.py`).

Each run adds `--tickets` more, so 10,000, then 90,000, then 900,000 give the curve at
10k / 100k / 1M. It refuses to add to a helpdesk with tickets it did not write (real
ones, or the demo's) unless `--force`."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...sample_data.scale import BATCH, ScaleData, foreign_tickets


class Command(BaseCommand):
    help = (
        "Add many tickets with comments, timeline events and attachment metadata, "
        "fast (PostgreSQL COPY), over the shop's customers, orders, channels and staff."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tickets",
            type=int,
            default=10000,
            help="How many tickets to add (default 10000).",
        )
        parser.add_argument(
            "--comments-per-ticket",
            type=int,
            default=5,
            help="Comments per ticket on average (default 5).",
        )
        parser.add_argument(
            "--batch",
            type=int,
            default=BATCH,
            help=f"Tickets per transaction (default {BATCH}).",
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="Random seed, for repeatable data."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add even though the helpdesk has tickets this command did not write.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["tickets"]
        if count < 1:
            raise CommandError("--tickets must be at least 1.")
        if options["comments_per_ticket"] < 0:
            raise CommandError("--comments-per-ticket must not be negative.")
        if options["batch"] < 1:
            raise CommandError("--batch must be at least 1.")
        foreign = foreign_tickets()
        if foreign and not options["force"]:
            raise CommandError(
                f"The helpdesk has {foreign} tickets not written by this command; "
                "nothing added (use --force to add scale data anyway)."
            )
        started = time.monotonic()
        done = ScaleData(options["seed"], self.stdout.write, options["batch"]).run(
            count, options["comments_per_ticket"]
        )
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {elapsed:.1f} s: {done.tickets} tickets, {done.comments} "
                f"comments, {done.events} events, {done.attachments} attachments "
                f"({done.rows / elapsed:,.0f} rows/s, {done.tickets / elapsed:,.0f} "
                "tickets/s)."
            )
        )
