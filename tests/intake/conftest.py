"""A support mailbox in the default channel, and the sample messages of
`tests/inbound/messages` taken in through it."""

import pytest

from saleor_helpdesk.actions.inbound import Received, receive_email
from saleor_helpdesk.models import Mailbox
from tests.inbound.conftest import SAMPLE_SECRET_KEY, raw

SUPPORT = "support@gartenwelt.example"


@pytest.fixture(autouse=True)
def _sample_key(settings):
    # The reply addresses in the sample files were signed with this key.
    settings.SECRET_KEY = SAMPLE_SECRET_KEY
    settings.DEFAULT_FROM_EMAIL = "Gartenwelt <shop@gartenwelt.example>"


@pytest.fixture
def mailbox(channel):
    return Mailbox.objects.create(
        name="Support", address=SUPPORT, channel=channel, is_active=True
    )


@pytest.fixture
def take_in(mailbox):
    def take(name_or_bytes: str | bytes, via: str = "imap") -> Received:
        data = raw(name_or_bytes) if isinstance(name_or_bytes, str) else name_or_bytes
        return receive_email(data, mailbox=mailbox, via=via)

    return take
