"""Real HTTP against pytest-django's live server, with `urllib.request`.

Live-server tests run in transactions the server thread can see, and the database is
flushed after each. The helpdesk's default statuses and priorities come from a data
migration, so they are restored before every test (`django_db_serialized_rollback`).
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any

import pytest

from saleor_helpdesk import PLUGIN_ID

# Requests to the live server must never go through a proxy from the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Reply:
    status: int
    headers: Message
    body: bytes

    def json(self) -> Any:
        assert self.headers["Content-Type"] == "application/json"
        return json.loads(self.body)


def http(
    url: str,
    *,
    method: str = "GET",
    token: str | None = None,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with _opener.open(request, timeout=10) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, error.headers, error.read())


@pytest.fixture(autouse=True)
def _live_database(transactional_db, django_db_serialized_rollback):
    """Every test here talks to the live server: committed data, defaults restored."""


@pytest.fixture
def plugin_url(live_server) -> str:
    return f"{live_server.url}/plugins/global/{PLUGIN_ID}/"
