"""A support mailbox that takes pushed mail, its push secret, and the URLs a mail
server or an e-mail service posts to."""

import pytest

from saleor_helpdesk.mailboxes.push import new_push_secret
from saleor_helpdesk.models import Mailbox
from saleor_helpdesk.models.mailbox import MailboxKind
from tests.inbound.conftest import SAMPLE_SECRET_KEY

SUPPORT = "support@gartenwelt.example"


@pytest.fixture(autouse=True)
def _sample_key(settings):
    # The reply addresses in the sample files were signed with this key.
    settings.SECRET_KEY = SAMPLE_SECRET_KEY
    settings.DEFAULT_FROM_EMAIL = "Gartenwelt <shop@gartenwelt.example>"


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
def raw_url(plugin_url, push_mailbox) -> str:
    return f"{plugin_url}inbound/raw/{push_mailbox.uuid}/"


@pytest.fixture
def webhook_url(plugin_url, push_mailbox):
    def url(service: str) -> str:
        return f"{plugin_url}inbound/{service}/{push_mailbox.uuid}/"

    return url
