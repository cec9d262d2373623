"""Reading the mailboxes (helpdeskMailboxes, helpdeskMailbox), deleting one, and
making a new push secret."""

import hashlib

import pytest

from saleor_helpdesk.models import InboundEmail, Mailbox
from tests.factories import ChannelFactory, StaffFactory, access_token_for, grant
from tests.graphql.conftest import Api
from tests.graphql.mailboxes import operations as op
from tests.graphql.mailboxes.conftest import (
    DENIED,
    NOT_MANAGERS,
    gid,
    make_mailbox,
    refused,
    succeeded,
)

READ_DENIED = "You need the MANAGE_PLUGINS permission to see the helpdesk's mailboxes."


def read_refused(api, query, variables=None):
    response = api.post(query, variables)
    body = response.json()
    [error] = body["errors"]
    assert all(value is None for value in body["data"].values())
    return error


# --- reading --------------------------------------------------------------------------


def test_a_manager_lists_the_mailboxes_by_name(manager_api, channel, imap_mailbox):
    # given a second mailbox, named to come first
    make_mailbox(channel, name="Allgemein", address="info@gartenwelt.example")

    # when a manager lists the mailboxes
    response = manager_api.post(op.MAILBOXES)

    # then both come, by name, without any password
    mailboxes = response.json()["data"]["helpdeskMailboxes"]
    assert [m["name"] for m in mailboxes] == ["Allgemein", "Support"]
    assert [m["hasPassword"] for m in mailboxes] == [False, True]
    assert imap_mailbox.imap_password.encode() not in response.content
    assert b"secret-agent" not in response.content


@pytest.mark.parametrize("caller", NOT_MANAGERS)
def test_only_managers_read_the_mailboxes(api_for, caller, push_mailbox):
    api = api_for(caller)

    listed = read_refused(api, op.MAILBOXES)
    one = read_refused(api, op.MAILBOX, {"id": gid("HelpdeskMailbox", push_mailbox.pk)})

    assert listed["message"] == one["message"] == READ_DENIED
    assert listed["extensions"] == {"code": "PERMISSION_DENIED"}


def test_a_manager_of_some_channels_sees_only_their_mailboxes(channel, push_mailbox):
    # given a mailbox of another channel, and a manager limited to that channel
    b2b = ChannelFactory(slug="b2b")
    theirs = make_mailbox(b2b, name="B2B", address="b2b@gartenwelt.example")
    limited = StaffFactory(email="b2b-admin@shop.example")
    grant(limited, "MANAGE_PLUGINS", channels=[b2b])
    api = Api(access_token_for(limited))

    # when they list the mailboxes and ask for the default channel's
    listed = api(op.MAILBOXES)["helpdeskMailboxes"]
    other = api(op.MAILBOX, {"id": gid("HelpdeskMailbox", push_mailbox.pk)})

    # then they see only their channel's
    assert [m["id"] for m in listed] == [gid("HelpdeskMailbox", theirs.pk)]
    assert other == {"helpdeskMailbox": None}


def test_the_review_count_counts_what_waits_for_staff(manager_api, push_mailbox, held):
    # given one held message (and one taken in before it) of the mailbox
    assert InboundEmail.objects.filter(mailbox=push_mailbox).count() == 2

    # when a manager reads the mailbox
    mailbox = manager_api(op.MAILBOX, {"id": gid("HelpdeskMailbox", push_mailbox.pk)})

    # then one waits for staff
    assert mailbox["helpdeskMailbox"]["reviewCount"] == 1


# --- deleting -------------------------------------------------------------------------


def test_a_manager_deletes_a_mailbox_and_its_messages_stay(
    manager_api, push_mailbox, held
):
    # when a manager deletes the mailbox
    payload = succeeded(
        manager_api, op.DELETE, {"id": gid("HelpdeskMailbox", push_mailbox.pk)}
    )

    # then it is gone and the messages it took in are kept
    assert payload["mailbox"] == {"id": gid("HelpdeskMailbox", push_mailbox.pk)}
    assert not Mailbox.objects.exists()
    assert InboundEmail.objects.filter(mailbox__isnull=True).count() == 2


@pytest.mark.parametrize("caller", NOT_MANAGERS)
def test_only_managers_delete_a_mailbox(api_for, caller, push_mailbox):
    error = refused(
        api_for(caller), op.DELETE, {"id": gid("HelpdeskMailbox", push_mailbox.pk)}
    )

    assert error == DENIED


# --- the push secret ------------------------------------------------------------------


def test_a_new_push_secret_replaces_the_old_one(manager_api, push_mailbox):
    # given the mailbox's secret
    old_hash = push_mailbox.push_secret_hash

    # when a manager makes a new one
    payload = succeeded(
        manager_api,
        op.PUSH_SECRET_ROTATE,
        {"id": gid("HelpdeskMailbox", push_mailbox.pk)},
    )

    # then it is shown once and only its hash is stored
    secret = payload["pushSecret"]
    push_mailbox.refresh_from_db()
    assert push_mailbox.push_secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert push_mailbox.push_secret_hash != old_hash
    assert payload["mailbox"] == {"hasPushSecret": True}


@pytest.mark.parametrize("caller", NOT_MANAGERS)
def test_only_managers_make_a_push_secret(api_for, caller, push_mailbox):
    response = api_for(caller).post(
        op.PUSH_SECRET_ROTATE, {"id": gid("HelpdeskMailbox", push_mailbox.pk)}
    )

    payload = response.json()["data"]["helpdeskMailboxPushSecretRotate"]
    assert payload == {"errors": [DENIED], "pushSecret": None, "mailbox": None}
    assert Mailbox.objects.get().push_secret_hash == push_mailbox.push_secret_hash
