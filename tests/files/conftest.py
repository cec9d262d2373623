"""Fixtures for the file tests: a channel's upload policy, files as clients send them,
and a look at what is on disk."""

from pathlib import Path

import pytest

from saleor_helpdesk.models import ChannelSettings
from tests.factories import make_ticket


@pytest.fixture
def policy(channel):
    """The channel's own settings row, with the built-in defaults until a test changes
    them (`policy(max_attachment_size=...)`)."""

    def configure(**fields) -> ChannelSettings:
        row, _ = ChannelSettings.objects.update_or_create(
            channel=channel, defaults=fields
        )
        return row

    configure()
    return configure


@pytest.fixture
def files_on_disk(tmp_path):
    """Every file below the test's folder (private and public media), relative to it."""

    def list_files() -> list[Path]:
        return sorted(
            p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()
        )

    return list_files


@pytest.fixture
def ticket(customer_actor, channel, policy):
    return make_ticket(customer_actor, channel_id=channel.pk)
