"""Fill the helpdesk with realistic sample tickets, on any host (see `sample_data`)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...models import Ticket
from ...sample_data import SampleShop


class Command(BaseCommand):
    help = (
        "Create realistic sample helpdesk tickets from the shop's existing orders, "
        "customers and staff (run after Saleor's populatedb or demo_host_data)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tickets", type=int, default=40, help="How many tickets (default 40)."
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="Random seed, for repeatable data."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Add sample tickets even if the helpdesk already has tickets.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["tickets"]
        if count < 1:
            raise CommandError("--tickets must be at least 1.")
        existing = Ticket.objects.count()
        if existing and not options["force"]:
            self.stdout.write(
                f"The helpdesk already has {existing} tickets; no sample data added "
                "(use --force to add more)."
            )
            return
        SampleShop(options["seed"], self.stdout.write, self.stderr.write).run(count)
