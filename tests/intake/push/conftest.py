"""A support mailbox that takes pushed mail, its push secret, and requests to the
plugin's URLs through Django's test client: the whole request handling of the host
(URLconf, plugin dispatch, views) without a socket. `tests/http/test_inbound.py`
sends the same requests over real HTTP."""

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.mailboxes.push import new_push_secret
from saleor_helpdesk.models import Mailbox
from saleor_helpdesk.models.mailbox import MailboxKind
from tests.intake.conftest import SUPPORT

PLUGIN = f"/plugins/global/{PLUGIN_ID}/"
# What Django's test client calls itself; a service signing our URL signs this host.
TEST_HOST = "http://testserver"


@dataclass
class Answer:
    status: int
    headers: Any
    body: bytes

    def json(self) -> Any:
        assert self.headers["Content-Type"] == "application/json"
        return json.loads(self.body)


@pytest.fixture
def send():
    client = Client()

    def request(
        path: str,
        *,
        method: str = "POST",
        body: bytes = b"",
        content_type: str = "application/octet-stream",
        headers: dict[str, str] | None = None,
    ) -> Answer:
        response = client.generic(
            method, path, data=body, content_type=content_type, headers=headers or {}
        )
        return Answer(response.status_code, response.headers, response.content)

    return request


@pytest.fixture
def push_mailbox(channel):
    return Mailbox.objects.create(
        name="Support",
        address=SUPPORT,
        channel=channel,
        kind=MailboxKind.PUSH,
        is_active=True,
    )


@pytest.fixture
def push_secret(push_mailbox) -> str:
    return new_push_secret(push_mailbox)


@pytest.fixture
def raw_path(push_mailbox) -> str:
    return f"{PLUGIN}inbound/raw/{push_mailbox.uuid}/"


@pytest.fixture
def webhook_path(push_mailbox):
    def path(service: str) -> str:
        return f"{PLUGIN}inbound/{service}/{push_mailbox.uuid}/"

    return path
