"""Downloading an e-mail as it arrived, over real HTTP: staff who work its ticket, or,
for a message without a ticket, staff of its mailbox's channel; nobody else."""

import pytest

from saleor_helpdesk.actions.inbound import receive_email
from saleor_helpdesk.models import InboundEmail, Mailbox
from tests.factories import (
    ChannelFactory,
    StaffFactory,
    access_token_for,
    grant,
    make_ticket,
)
from tests.graphql.mailboxes.conftest import mail, make_mailbox
from tests.http.conftest import http

NOT_FOUND = {"error": {"code": "not_found", "message": "Message not found."}}


@pytest.fixture
def mailbox(channel) -> Mailbox:
    return make_mailbox(channel, kind="push", tickets_per_sender_per_hour=1)


@pytest.fixture
def on_ticket(mailbox, customer_actor, channel) -> tuple[InboundEmail, bytes]:
    """A reply from an unknown address, kept on the customer's ticket."""
    ticket = make_ticket(customer_actor, channel_id=channel.pk, subject="Paket")
    raw = mail("Fremder <fremder@example.org>", f"Re: [#{ticket.number}] Paket")
    row = receive_email(raw, mailbox=mailbox, via="raw").inbound
    assert row.ticket_id == ticket.pk, row.note
    return row, raw


@pytest.fixture
def without_ticket(mailbox) -> InboundEmail:
    """A message held because its sender opened too many tickets this hour."""
    receive_email(mail("laut@example.org", "Eins"), mailbox=mailbox, via="raw")
    row = receive_email(mail("laut@example.org", "Zwei"), mailbox=mailbox, via="raw")
    assert row.inbound.status == "held", row.inbound.note
    return row.inbound


@pytest.fixture
def url_of(plugin_url):
    def url(row: InboundEmail) -> str:
        return f"{plugin_url}inbound-emails/{row.uuid}/original/"

    return url


def staff(*permissions: str, channels=None) -> str:
    user = StaffFactory()
    grant(user, *permissions, channels=channels)
    return access_token_for(user)


def test_staff_who_work_the_ticket_download_the_original(on_ticket, url_of):
    row, raw = on_ticket

    # when a support agent downloads the message
    reply = http(url_of(row), token=staff("MANAGE_ORDERS"))

    # then they get the bytes as they arrived, as a download the browser must not
    # render
    assert reply.status == 200
    assert reply.body == raw
    assert reply.headers["Content-Type"] == "message/rfc822"
    assert (
        reply.headers["Content-Disposition"] == f'attachment; filename="{row.uuid}.eml"'
    )
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Cache-Control"] == "private, no-store"
    assert reply.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_mailbox_manager_downloads_only_messages_without_a_ticket(
    on_ticket, without_ticket, url_of
):
    token = staff("MANAGE_PLUGINS")

    held = http(url_of(without_ticket), token=token)
    ticketed = http(url_of(on_ticket[0]), token=token)

    assert held.status == 200
    assert held.body.startswith(b"From: laut@example.org")
    assert ticketed.status == 404
    assert ticketed.json() == NOT_FOUND


def test_the_customer_and_strangers_get_not_found(
    customer, on_ticket, without_ticket, url_of
):
    for token in (access_token_for(customer), None, staff("MANAGE_USERS")):
        for row in (on_ticket[0], without_ticket):
            reply = http(url_of(row), token=token)

            assert reply.status == 404
            assert reply.json() == NOT_FOUND


def test_staff_of_another_channel_get_not_found(on_ticket, without_ticket, url_of):
    token = staff("MANAGE_ORDERS", "MANAGE_PLUGINS", channels=[ChannelFactory()])

    for row in (on_ticket[0], without_ticket):
        assert http(url_of(row), token=token).status == 404


def test_a_message_refused_as_too_large_has_no_original(mailbox, url_of):
    # given a message larger than the mailbox takes, so not kept
    Mailbox.objects.filter(pk=mailbox.pk).update(max_message_size=64 * 1024)
    mailbox.refresh_from_db()
    raw = mail("gross@example.org", "Video", "x" * 100_000)
    row = receive_email(raw, mailbox=mailbox, via="raw").inbound
    assert row.status == "too_large"

    # when a support agent asks for it
    reply = http(url_of(row), token=staff("MANAGE_ORDERS"))

    # then there is nothing to download
    assert reply.status == 404


def test_only_get_is_answered(on_ticket, url_of):
    reply = http(
        url_of(on_ticket[0]), method="POST", data=b"", token=staff("MANAGE_ORDERS")
    )

    assert reply.status == 405
