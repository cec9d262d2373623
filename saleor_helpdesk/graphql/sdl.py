"""The API contract as SDL, with every description: what `graphql/schema.graphql`
holds (CI compares them)."""

from pathlib import Path

from .core.printer import print_sdl
from .schema import schema

SCHEMA_FILE = Path("graphql") / "schema.graphql"
HEADER = (
    "# The helpdesk's GraphQL schema, exported by `manage.py helpdesk_export_schema`.\n"
    "# Do not edit by hand: CI fails when this file and the code disagree.\n\n"
)


def schema_sdl() -> str:
    return HEADER + print_sdl(schema)
