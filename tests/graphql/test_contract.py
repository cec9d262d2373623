"""The API contract: the committed SDL matches the code, everything is described, and
the operations the storefront and the Dashboard use are valid against the schema."""

import re
from pathlib import Path

import pytest

from graphql import parse, validate
from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
)
from saleor_helpdesk.graphql.schema import schema
from saleor_helpdesk.graphql.sdl import schema_sdl

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT / "graphql").glob("*/*.graphql"))
FRAGMENT = re.compile(r"fragment\s+(\w+)\s+on")
SPREAD = re.compile(r"\.\.\.(\w+)")


def test_the_committed_schema_matches_the_code():
    committed = (ROOT / "graphql" / "schema.graphql").read_text()

    assert committed == schema_sdl(), (
        "graphql/schema.graphql is out of date: run "
        "`python manage.py helpdesk_export_schema` and commit the result."
    )


def _own_types():
    for name, named in schema.get_type_map().items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        yield name, named


def test_every_type_field_and_argument_is_described():
    missing = []
    for name, named in _own_types():
        if not named.description and not isinstance(named, GraphQLEnumType):
            missing.append(name)
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in named.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in field.args.items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(named, GraphQLInputObjectType):
            missing += [
                f"{name}.{field_name}"
                for field_name, field in named.fields.items()
                if not field.description
            ]

    assert missing == []


def _fragments() -> dict[str, str]:
    found = {}
    for path in DOCUMENTS:
        text = path.read_text()
        for name in FRAGMENT.findall(text):
            found[(path.parent.name, name)] = text
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in DOCUMENTS if not FRAGMENT.search(p.read_text())],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_each_committed_operation_is_valid(path):
    text = path.read_text()
    fragments = _fragments()
    wanted = set(SPREAD.findall(text))
    source = "\n".join(
        [text, *{fragments[(path.parent.name, name)] for name in wanted}]
    )

    errors = validate(schema, parse(source))

    assert [str(error) for error in errors] == []


def test_there_are_storefront_and_dashboard_operations():
    folders = {p.parent.name for p in DOCUMENTS}

    assert {"storefront", "dashboard"} <= folders
