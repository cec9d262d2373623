"""Load: concurrent customers and staff over real HTTP against the stand-in host under
gunicorn with uvicorn workers, then every write checked in the database (see
`tests/host/load`). Exits non-zero on a server error, a lost or doubled write or a
duplicate ticket number. Run it on a scratch database: `bin/load`."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tests.host.load.runner import report, run_load


class Command(BaseCommand):
    help = "Run concurrent clients against a production server and check every write."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--clients", type=int, default=8, help="Concurrent clients."
        )
        parser.add_argument("--seconds", type=float, default=60, help="How long.")
        parser.add_argument("--workers", type=int, default=4, help="Server workers.")
        parser.add_argument(
            "--baseline",
            type=float,
            default=15,
            help="Seconds of 2 clients first, for the ratios (0: none).",
        )
        parser.add_argument(
            "--progress", type=float, default=5, help="Seconds between progress lines."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["clients"] < 2:
            raise CommandError("--clients: at least 2 (a customer and a staff member)")
        try:
            result = run_load(
                clients=options["clients"],
                seconds=options["seconds"],
                workers=options["workers"],
                say=self.stdout.write,
                every=options["progress"],
                baseline=options["baseline"],
            )
        except KeyboardInterrupt:
            # The server is stopped by then (run_load's `serving` block).
            raise CommandError(
                "interrupted; the server is stopped", returncode=130
            ) from None

        for line in report(result):
            self.stdout.write(line)
        if not result.ok:
            raise CommandError("the load run failed its checks (see above)")
