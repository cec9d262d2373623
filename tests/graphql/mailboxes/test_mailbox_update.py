"""helpdeskMailboxUpdate: only the fields sent change; the stored password stays unless
a new one is given, and is never sent to another server or user."""

import pytest

from saleor_helpdesk.core import secrets
from saleor_helpdesk.models import Contact, Mailbox
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

NOT_FOUND = {"field": "id", "code": "NOT_FOUND", "message": "Mailbox not found."}


def update(api, mailbox, **changes):
    return succeeded(
        api, op.UPDATE, {"id": gid("HelpdeskMailbox", mailbox.pk), "input": changes}
    )


def fetched_up_to(mailbox, uidvalidity=7, last_uid=42):
    """The mailbox as a fetch leaves it: its position in the folder."""
    Mailbox.objects.filter(pk=mailbox.pk).update(
        uidvalidity=uidvalidity, last_uid=last_uid
    )


@pytest.mark.parametrize("caller", NOT_MANAGERS)
def test_only_managers_change_a_mailbox(api_for, caller, imap_mailbox):
    # when someone without MANAGE_PLUGINS renames the mailbox
    error = refused(
        api_for(caller),
        op.UPDATE,
        {"id": gid("HelpdeskMailbox", imap_mailbox.pk), "input": {"name": "Mine"}},
    )

    # then it is refused and nothing changes
    assert error == DENIED


@pytest.mark.parametrize("password", [{}, {"imapPassword": ""}])
def test_a_form_without_a_password_keeps_the_stored_one(
    manager_api, imap_mailbox, password
):
    # given the mailbox's stored password and its place in the folder
    stored = imap_mailbox.imap_password
    fetched_up_to(imap_mailbox)
    contact = Contact.objects.get(slug="webmaster")

    # when a manager renames it and picks a queue, sending no password
    payload = update(
        manager_api,
        imap_mailbox,
        name="Kundendienst",
        contact=gid("TicketContact", contact.pk),
        **password,
    )

    # then those change; the password and the fetch's place stay
    imap_mailbox.refresh_from_db()
    assert (imap_mailbox.name, imap_mailbox.contact) == ("Kundendienst", contact)
    assert imap_mailbox.imap_password == stored
    assert (imap_mailbox.uidvalidity, imap_mailbox.last_uid) == (7, 42)
    assert payload["mailbox"]["hasPassword"] is True
    assert payload["mailbox"]["contact"] == {"slug": "webmaster"}


def test_a_new_password_replaces_the_stored_one(manager_api, imap_mailbox):
    # when a manager enters a new app password
    response = manager_api.post(
        op.UPDATE,
        {
            "id": gid("HelpdeskMailbox", imap_mailbox.pk),
            "input": {"imapPassword": "neues-app-passwort"},
        },
    )

    # then it is stored encrypted and not answered
    assert response.json()["data"]["helpdeskMailboxUpdate"]["errors"] == []
    assert b"neues-app-passwort" not in response.content
    imap_mailbox.refresh_from_db()
    assert secrets.decrypt(imap_mailbox.imap_password) == "neues-app-passwort"


@pytest.mark.parametrize(
    "change", [{"imapHost": "imap.elsewhere.example"}, {"imapUser": "someone-else"}]
)
def test_the_stored_password_is_not_sent_to_another_server_or_user(
    manager_api, imap_mailbox, change
):
    # when a manager points the mailbox elsewhere without entering the password
    error = refused(
        manager_api,
        op.UPDATE,
        {"id": gid("HelpdeskMailbox", imap_mailbox.pk), "input": change},
    )

    # then they must enter it again
    assert error == {
        "field": "imapPassword",
        "code": "REQUIRED",
        "message": "Enter the password again: the server or the user name changed, "
        "and the stored password is sent only where it was entered for.",
    }


def test_another_folder_is_fetched_from_its_beginning(manager_api, imap_mailbox):
    # given a mailbox fetched up to UID 42
    fetched_up_to(imap_mailbox)

    # when a manager points it at another folder
    update(manager_api, imap_mailbox, imapFolder="Support")

    # then the position of the old folder is forgotten
    imap_mailbox.refresh_from_db()
    assert imap_mailbox.imap_folder == "Support"
    assert (imap_mailbox.uidvalidity, imap_mailbox.last_uid) == (None, 0)


def test_a_contact_is_cleared_with_null(manager_api, channel):
    # given a mailbox whose tickets land in "webmaster"
    webmaster = Contact.objects.get(slug="webmaster")
    mailbox = make_mailbox(channel, contact_id=webmaster.pk)

    # when a manager sends contact null
    payload = update(manager_api, mailbox, contact=None)

    # then new tickets land in no particular queue
    mailbox.refresh_from_db()
    assert mailbox.contact is None
    assert payload["mailbox"]["contact"] is None


def test_switching_to_imap_needs_the_server(manager_api, push_mailbox):
    # when a manager turns a push mailbox into an IMAP one without a server
    error = refused(
        manager_api,
        op.UPDATE,
        {"id": gid("HelpdeskMailbox", push_mailbox.pk), "input": {"kind": "IMAP"}},
    )

    # then the server is asked for
    assert error == {
        "field": "imapHost",
        "code": "REQUIRED",
        "message": "An IMAP mailbox needs the IMAP server's host name.",
    }


def test_another_mailboxs_address_is_refused(manager_api, push_mailbox, channel):
    # given a second mailbox
    second = make_mailbox(channel, address="rechnung@gartenwelt.example")

    # when a manager gives it the first one's address
    error = refused(
        manager_api,
        op.UPDATE,
        {
            "id": gid("HelpdeskMailbox", second.pk),
            "input": {"address": push_mailbox.address},
        },
    )

    # then it is refused
    assert error == {
        "field": "address",
        "code": "UNIQUE",
        "message": f"Another mailbox has the address '{push_mailbox.address}' "
        "already.",
    }


def test_a_mailbox_outside_the_managers_channels_is_not_found(push_mailbox):
    # given a manager limited to another channel
    limited = StaffFactory(email="b2b-admin@shop.example")
    grant(limited, "MANAGE_PLUGINS", channels=[ChannelFactory(slug="b2b")])

    # when they rename the default channel's mailbox, or one that does not exist
    api = Api(access_token_for(limited))
    outside = refused(
        api,
        op.UPDATE,
        {"id": gid("HelpdeskMailbox", push_mailbox.pk), "input": {"name": "Mine"}},
    )
    missing = refused(
        api,
        op.UPDATE,
        {"id": gid("HelpdeskMailbox", 999999), "input": {"name": "Mine"}},
    )

    # then both are not found
    assert outside == missing == NOT_FOUND
