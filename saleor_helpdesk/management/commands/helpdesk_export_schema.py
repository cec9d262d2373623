"""Write the helpdesk's GraphQL schema to `graphql/schema.graphql` (or check it)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...graphql.sdl import SCHEMA_FILE, schema_sdl


class Command(BaseCommand):
    help = "Export the helpdesk's GraphQL schema as SDL."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--path", default=str(SCHEMA_FILE), help="Where to write the SDL."
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Fail when the file differs from the code instead of writing it.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        sdl = schema_sdl()
        if options["check"]:
            if not path.exists() or path.read_text() != sdl:
                raise CommandError(
                    f"{path} is out of date: run `manage.py helpdesk_export_schema`."
                )
            self.stdout.write(f"{path} is up to date.")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sdl)
        self.stdout.write(f"Wrote {path} ({len(sdl.splitlines())} lines).")
