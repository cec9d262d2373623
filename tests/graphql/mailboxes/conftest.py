"""Callers, mailboxes and messages for the tests of the mailbox API; the IMAP server
is the private Dovecot of tests/mailboxes (plain IMAP on loopback)."""

import uuid
from email.utils import format_datetime

import pytest
from cryptography.fernet import Fernet
from django.utils import timezone
from graphene.relay import Node

from saleor_helpdesk.actions.config import MailboxFields, create_mailbox
from saleor_helpdesk.actions.inbound import receive_email
from saleor_helpdesk.core import secrets
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import InboundEmail, Mailbox
from tests.factories import make_ticket
from tests.graphql.config.conftest import (  # noqa: F401 (fixtures)
    api_for,
    manager,
    manager_api,
)
from tests.graphql.conftest import Api
from tests.mailboxes.conftest import account, dovecot  # noqa: F401 (fixtures)

# Who may not change the mailboxes (MANAGE_ORDERS works tickets, not settings).
NOT_MANAGERS = [
    "anonymous",
    "customer",
    "staff_without_permission",
    "staff_with_manage_orders",
]
DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_PLUGINS permission to change the helpdesk's "
    "mailboxes.",
}
SUPPORT = "support@gartenwelt.example"


def gid(type_name: str, pk) -> str:
    return Node.to_global_id(type_name, str(pk))


@pytest.fixture(autouse=True)
def mailbox_key(settings, monkeypatch):
    """The deployment's key for mailbox passwords (a fresh one per test)."""
    monkeypatch.delenv(secrets.KEY_SETTING, raising=False)
    settings.HELPDESK_MAILBOX_KEY = Fernet.generate_key().decode()
    return settings.HELPDESK_MAILBOX_KEY


def imap_input(mail_account, channel, /, **changes) -> dict:
    """A complete IMAP mailbox form for a Dovecot account (plain IMAP on loopback)."""
    settings = mail_account.settings
    return {
        "name": "Support",
        "address": SUPPORT,
        "kind": "IMAP",
        "channel": gid("Channel", channel.pk),
        "imapHost": settings.host,
        "imapPort": settings.port,
        "imapSecurity": "NONE",
        "imapUser": settings.user,
        "imapPassword": settings.password,
        "imapFolder": "INBOX",
        **changes,
    }


def make_mailbox(channel, **fields) -> Mailbox:
    given: MailboxFields = {
        "name": "Support",
        "address": SUPPORT,
        "channel_id": channel.pk,
        "kind": "push",
    }
    given.update(fields)  # type: ignore[typeddict-item]
    return create_mailbox(Actor.system(), given).mailbox


@pytest.fixture
def imap_mailbox(account, channel):  # noqa: F811
    """A saved, disabled IMAP mailbox whose settings reach the Dovecot account."""
    return make_mailbox(
        channel,
        kind="imap",
        imap_host=account.settings.host,
        imap_port=account.settings.port,
        imap_security="none",
        imap_user=account.settings.user,
        imap_password=account.settings.password,
    )


@pytest.fixture
def push_mailbox(channel):
    return make_mailbox(channel, kind="push")


def snapshot() -> list:
    """Every mailbox row: compare before and after a refusal."""
    return list(Mailbox.objects.order_by("pk").values())


def refused(api: Api, query: str, variables: dict) -> dict:
    """Run a mutation that must be refused: check that it wrote nothing and return its
    only error."""
    before = snapshot()
    [payload] = api(query, variables).values()
    assert snapshot() == before, "a refused mutation changed the mailboxes"
    [error] = payload["errors"]
    return error


def succeeded(api: Api, query: str, variables: dict) -> dict:
    [payload] = api(query, variables).values()
    assert payload["errors"] == []
    return payload


def mail(
    sender: str,
    subject: str,
    body: str = "Hallo, wo bleibt mein Paket?",
    message_id: str | None = None,
) -> bytes:
    """A plain message as a mail program sends it."""
    number = message_id or f"{uuid.uuid4()}@mail.example"
    lines = [
        f"From: {sender}",
        f"To: {SUPPORT}",
        f"Subject: {subject}",
        f"Message-ID: <{number}>",
        f"Date: {format_datetime(timezone.now())}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
        "",
        body,
        "",
    ]
    return "\r\n".join(lines).encode()


@pytest.fixture
def customer_ticket(customer_actor, channel):
    return make_ticket(customer_actor, channel_id=channel.pk, subject="Paket fehlt")


@pytest.fixture
def unverified(push_mailbox, customer_ticket) -> InboundEmail:
    """A reply to the customer's ticket from an address the ticket does not know."""
    raw = mail(
        "Fremder <fremder@example.org>",
        f"Re: [#{customer_ticket.number}] Paket fehlt",
        "Bitte an meine neue Adresse schicken.",
    )
    row = receive_email(raw, mailbox=push_mailbox, via="raw").inbound
    assert row.status == "unverified", row.note
    return row


@pytest.fixture
def held(push_mailbox) -> InboundEmail:
    """A new message from a sender past the mailbox's hourly limit of new tickets."""
    Mailbox.objects.filter(pk=push_mailbox.pk).update(tickets_per_sender_per_hour=1)
    push_mailbox.refresh_from_db()
    first = receive_email(
        mail("Laut <laut@example.org>", "Erste Frage"), mailbox=push_mailbox, via="raw"
    ).inbound
    assert first.status == "processed", first.note
    row = receive_email(
        mail("Laut <laut@example.org>", "Zweite Frage"), mailbox=push_mailbox, via="raw"
    ).inbound
    assert row.status == "held", row.note
    return row
