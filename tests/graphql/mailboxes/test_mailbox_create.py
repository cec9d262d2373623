"""helpdeskMailboxCreate: who may add a mailbox, what is stored, what is refused."""

import hashlib

import pytest

from saleor_helpdesk.core import secrets
from saleor_helpdesk.models import Mailbox
from tests.factories import ChannelFactory, StaffFactory, access_token_for, grant
from tests.graphql.conftest import Api
from tests.graphql.mailboxes import operations as op
from tests.graphql.mailboxes.conftest import (
    DENIED,
    NOT_MANAGERS,
    SUPPORT,
    gid,
    imap_input,
    make_mailbox,
    refused,
    succeeded,
)

PLUGIN = "http://testserver/plugins/global/saleor.helpdesk"


@pytest.mark.parametrize("caller", NOT_MANAGERS)
def test_only_managers_add_a_mailbox(api_for, caller, account, channel):
    # when someone without MANAGE_PLUGINS adds a mailbox
    error = refused(api_for(caller), op.CREATE, {"input": imap_input(account, channel)})

    # then it is refused and nothing is stored
    assert error == DENIED


def test_a_manager_adds_an_imap_mailbox(manager_api, account, channel):
    # given the form of a mailbox on the Dovecot account
    form = imap_input(
        account,
        channel,
        address=" Support@Gartenwelt.example ",
        languageCode="de",
        afterFetch="MOVE",
        moveToFolder="Helpdesk",
        maxMessageSize=10 * 1024 * 1024,
        ticketsPerSenderPerHour=3,
    )

    # when a manager adds it
    response = manager_api.post(op.CREATE, {"input": form})

    # then it is stored disabled, its password encrypted and never answered
    assert account.settings.password.encode() not in response.content
    payload = response.json()["data"]["helpdeskMailboxCreate"]
    assert payload["errors"] == []
    assert payload["pushSecret"] is None
    stored = Mailbox.objects.get()
    assert stored.imap_password != account.settings.password
    assert secrets.decrypt(stored.imap_password) == account.settings.password
    assert payload["mailbox"] == {
        "id": gid("HelpdeskMailbox", stored.pk),
        "name": "Support",
        "address": SUPPORT,
        "kind": "IMAP",
        "channel": {
            "id": gid("Channel", channel.pk),
            "slug": "default-channel",
            "name": "Default",
        },
        "contact": None,
        "isActive": False,
        "languageCode": "de",
        "imapHost": "127.0.0.1",
        "imapPort": account.settings.port,
        "imapSecurity": "NONE",
        "imapUser": account.settings.user,
        "hasPassword": True,
        "imapFolder": "INBOX",
        "afterFetch": "MOVE",
        "moveToFolder": "Helpdesk",
        "maxMessageSize": 10 * 1024 * 1024,
        "ticketsPerSenderPerHour": 3,
        "hasPushSecret": False,
        "pushUrl": f"{PLUGIN}/inbound/raw/{stored.uuid}/",
        "webhookUrls": [
            {"esp": esp, "url": f"{PLUGIN}/inbound/{esp}/{stored.uuid}/"}
            for esp in (
                "amazon_ses",
                "brevo",
                "mailersend",
                "mailgun",
                "mailjet",
                "mailtrap",
                "mandrill",
                "postal",
                "postmark",
                "resend",
                "sendgrid",
                "sparkpost",
            )
        ],
        "lastFetchAt": None,
        "lastFetchResult": "NEVER",
        "lastFetchError": "",
        "lastFetchCount": 0,
        "reviewCount": 0,
    }


def test_a_push_mailbox_gets_its_secret_once(manager_api, channel):
    # when a manager adds a mailbox an e-mail service pushes to
    payload = succeeded(
        manager_api,
        op.CREATE,
        {
            "input": {
                "name": "Mailgun",
                "address": "hilfe@gartenwelt.example",
                "kind": "PUSH",
                "channel": gid("Channel", channel.pk),
            }
        },
    )

    # then the secret is answered this once; only its hash is stored
    secret = payload["pushSecret"]
    assert len(secret) >= 40
    stored = Mailbox.objects.get()
    assert stored.push_secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert payload["mailbox"]["hasPushSecret"] is True
    assert payload["mailbox"]["hasPassword"] is False
    # and reading the mailbox again does not show it
    response = manager_api.post(op.MAILBOX, {"id": payload["mailbox"]["id"]})
    assert secret.encode() not in response.content


def form_error(field, code, message):
    return {"field": field, "code": code, "message": message}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"name": None},
            form_error("name", "REQUIRED", "This field is required."),
        ),
        (
            {"name": "x" * 129},
            form_error("name", "INVALID", "A name may be at most 128 characters long."),
        ),
        (
            {"address": "support(at)shop"},
            form_error(
                "address",
                "INVALID_EMAIL",
                "'support(at)shop' is not an e-mail address.",
            ),
        ),
        (
            {"channel": None},
            form_error("channel", "REQUIRED", "This field is required."),
        ),
        (
            {"kind": None, "imapHost": ""},
            form_error(
                "imapHost",
                "REQUIRED",
                "An IMAP mailbox needs the IMAP server's host name.",
            ),
        ),
        (
            {"imapUser": " "},
            form_error("imapUser", "REQUIRED", "An IMAP mailbox needs the user name."),
        ),
        (
            {"imapPassword": ""},
            form_error(
                "imapPassword", "REQUIRED", "An IMAP mailbox needs the password."
            ),
        ),
        (
            {"imapHost": "imap://mail.example.com"},
            form_error(
                "imapHost",
                "INVALID",
                "'imap://mail.example.com' is not a host name or IP address (e.g. "
                "imap.example.com).",
            ),
        ),
        (
            {"imapPort": 0},
            form_error("imapPort", "INVALID", "Enter a number between 1 and 65535."),
        ),
        (
            {"imapPort": 65536},
            form_error("imapPort", "INVALID", "Enter a number between 1 and 65535."),
        ),
        (
            {"imapFolder": ""},
            form_error("imapFolder", "REQUIRED", "This field is required."),
        ),
        (
            {"afterFetch": "MOVE"},
            form_error(
                "moveToFolder",
                "REQUIRED",
                "Name the folder fetched messages are moved to.",
            ),
        ),
        (
            {"afterFetch": "MOVE", "moveToFolder": "INBOX"},
            form_error(
                "moveToFolder",
                "INVALID",
                "Fetched messages must move to another folder than the one fetched.",
            ),
        ),
        (
            {"maxMessageSize": 1000},
            form_error(
                "maxMessageSize",
                "INVALID",
                "Enter a number between 65536 and 104857600.",
            ),
        ),
        (
            {"maxMessageSize": 200 * 1024 * 1024},
            form_error(
                "maxMessageSize",
                "INVALID",
                "Enter a number between 65536 and 104857600.",
            ),
        ),
        (
            {"ticketsPerSenderPerHour": 0},
            form_error(
                "ticketsPerSenderPerHour",
                "INVALID",
                "Enter a number between 1 and 1000.",
            ),
        ),
        (
            {"languageCode": "deutsch!"},
            form_error(
                "languageCode",
                "INVALID",
                "'deutsch!' is not a language code (use e.g. 'de', 'en' or 'pt-br').",
            ),
        ),
    ],
)
def test_an_invalid_form_is_refused_and_nothing_is_stored(
    manager_api, account, channel, change, expected
):
    # when a manager sends a form with one mistake
    error = refused(
        manager_api, op.CREATE, {"input": imap_input(account, channel, **change)}
    )

    # then that mistake is named and nothing is stored
    assert error == expected
    assert not Mailbox.objects.exists()


def test_the_address_is_unique_whatever_its_case(manager_api, account, channel):
    # given a mailbox at the support address
    make_mailbox(channel)

    # when a manager adds another at the same address in other letters
    error = refused(
        manager_api,
        op.CREATE,
        {"input": imap_input(account, channel, address="SUPPORT@gartenwelt.example")},
    )

    # then it is refused
    assert error == form_error(
        "address", "UNIQUE", f"Another mailbox has the address '{SUPPORT}' already."
    )


def test_the_channel_and_the_contact_must_exist(manager_api, account, channel):
    # when the form names a channel and a contact that do not exist
    missing_channel = refused(
        manager_api,
        op.CREATE,
        {"input": imap_input(account, channel, channel=gid("Channel", 999999))},
    )
    missing_contact = refused(
        manager_api,
        op.CREATE,
        {"input": imap_input(account, channel, contact=gid("TicketContact", 999999))},
    )

    # then each is named
    assert missing_channel == form_error("channel", "NOT_FOUND", "Channel not found.")
    assert missing_contact == form_error("contact", "NOT_FOUND", "Contact not found.")


def test_a_manager_of_some_channels_adds_mailboxes_only_there(account, channel):
    # given a manager limited to another channel
    other = ChannelFactory(slug="b2b")
    limited = StaffFactory(email="b2b-admin@shop.example")
    grant(limited, "MANAGE_PLUGINS", channels=[other])
    api = Api(access_token_for(limited))

    # when they add a mailbox for the default channel
    error = refused(api, op.CREATE, {"input": imap_input(account, channel)})

    # then it is refused
    assert error == form_error(
        "channel", "PERMISSION_DENIED", "You have no access to this channel."
    )


def test_without_the_key_a_password_cannot_be_stored(
    manager_api, account, channel, settings
):
    # given a deployment without HELPDESK_MAILBOX_KEY
    del settings.HELPDESK_MAILBOX_KEY

    # when a manager adds an IMAP mailbox with its password
    error = refused(manager_api, op.CREATE, {"input": imap_input(account, channel)})

    # then the error says how to make and set the key
    assert error["field"] == "imapPassword"
    assert error["code"] == "SECRET_KEY_MISSING"
    assert error["message"].startswith(
        "HELPDESK_MAILBOX_KEY is not set: the mailbox passwords are encrypted with "
        "it. Make a key with python -c"
    )
    assert account.settings.password not in error["message"]
