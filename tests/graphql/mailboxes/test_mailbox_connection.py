"""helpdeskMailboxConnectionTest, helpdeskMailboxEnable and helpdeskMailboxDisable
against a real IMAP server (the private Dovecot of tests/mailboxes): a real login,
whose refusal comes back with the server's reason."""

import pytest
from cryptography.fernet import Fernet

from saleor_helpdesk.models import Mailbox
from tests.graphql.mailboxes import operations as op
from tests.graphql.mailboxes.conftest import (
    DENIED,
    NOT_MANAGERS,
    gid,
    imap_input,
    refused,
    succeeded,
)
from tests.mailboxes.conftest import free_port

TEST_DENIED = {
    "field": None,
    "code": "PERMISSION_DENIED",
    "message": "You need the MANAGE_PLUGINS permission to test the helpdesk's "
    "mailboxes.",
}


def connection_test(api, mailbox=None, **form):
    variables = {"input": form or None}
    if mailbox is not None:
        variables["id"] = gid("HelpdeskMailbox", mailbox.pk)
    return api(op.CONNECTION_TEST, variables)["helpdeskMailboxConnectionTest"]


# --- testing ------------------------------------------------------------------------


def test_the_saved_settings_log_in(manager_api, imap_mailbox):
    # when a manager tests the saved mailbox
    result = connection_test(manager_api, imap_mailbox)

    # then the server let it in
    assert result == {"errors": [], "ok": True, "code": None, "message": None}


def test_a_new_mailbox_is_tested_before_it_is_saved(manager_api, account, channel):
    # when a manager tests a form that was never saved
    result = connection_test(manager_api, **imap_input(account, channel))

    # then the login worked and nothing was saved
    assert result["ok"] is True
    assert not Mailbox.objects.exists()


def test_a_wrong_password_is_wrong_credentials(manager_api, account, channel):
    # when a manager tests a form with a wrong password
    response = manager_api.post(
        op.CONNECTION_TEST,
        {"input": imap_input(account, channel, imapPassword="falsches-passwort")},
    )

    # then the server's refusal comes back, without the password
    assert b"falsches-passwort" not in response.content
    assert response.json()["data"]["helpdeskMailboxConnectionTest"] == {
        "errors": [],
        "ok": False,
        "code": "WRONG_CREDENTIALS",
        "message": f"The server refused the user name '{account.settings.user}' "
        "with this password.",
    }


def test_unsaved_values_are_tested_over_the_saved_mailbox(manager_api, imap_mailbox):
    # when a manager tests the saved mailbox with another folder typed in the form
    result = connection_test(manager_api, imap_mailbox, imapFolder="Archiv/2025")

    # then the saved password logged in and the typed folder is missing
    assert result["ok"] is False
    assert result["code"] == "FOLDER_MISSING"
    assert result["message"].startswith("The folder 'Archiv/2025' cannot be opened")
    # and the saved mailbox is unchanged
    imap_mailbox.refresh_from_db()
    assert imap_mailbox.imap_folder == "INBOX"


def test_a_typed_password_is_tested_instead_of_the_saved_one(manager_api, imap_mailbox):
    # when a manager tests the saved mailbox with a new (wrong) password typed in
    result = connection_test(manager_api, imap_mailbox, imapPassword="tippfehler")

    # then that password was sent
    assert result["code"] == "WRONG_CREDENTIALS"


def test_a_server_that_does_not_answer_cannot_connect(manager_api, imap_mailbox):
    # when a manager tests a port nothing listens on
    result = connection_test(manager_api, imap_mailbox, imapPort=free_port())

    # then it says it cannot connect
    assert result["ok"] is False
    assert result["code"] == "CANNOT_CONNECT"
    assert result["message"].startswith("Cannot connect to 127.0.0.1:")


def test_a_certificate_the_system_does_not_trust_is_a_tls_failure(
    manager_api, imap_mailbox, dovecot
):
    # when a manager tests IMAPS on the Dovecot, whose certificate authority only
    # the tests know
    result = connection_test(
        manager_api, imap_mailbox, imapSecurity="SSL", imapPort=dovecot.imaps_port
    )

    # then the certificate is not trusted
    assert result["ok"] is False
    assert result["code"] == "TLS_FAILED"
    assert result["message"].startswith(
        f"The certificate of 127.0.0.1:{dovecot.imaps_port} is not trusted"
    )


def test_invalid_values_are_refused_before_any_login(manager_api, imap_mailbox):
    # when the form holds a port that cannot be
    result = connection_test(manager_api, imap_mailbox, imapPort=70000)

    # then it is a typed error, not a login attempt
    assert result == {
        "errors": [
            {
                "field": "imapPort",
                "code": "INVALID",
                "message": "Enter a number between 1 and 65535.",
            }
        ],
        "ok": False,
        "code": None,
        "message": None,
    }


def test_a_push_mailbox_has_no_server_to_test(manager_api, push_mailbox):
    result = connection_test(manager_api, push_mailbox)

    assert result["errors"] == [
        {
            "field": "kind",
            "code": "INVALID",
            "message": "Only an IMAP mailbox connects to a server; messages are "
            "pushed to this one.",
        }
    ]


@pytest.mark.parametrize("caller", NOT_MANAGERS)
def test_only_managers_test_a_connection(api_for, caller, imap_mailbox):
    result = api_for(caller)(
        op.CONNECTION_TEST, {"id": gid("HelpdeskMailbox", imap_mailbox.pk)}
    )["helpdeskMailboxConnectionTest"]

    assert result["errors"] == [TEST_DENIED]
    assert result["ok"] is False


# --- enabling and disabling -----------------------------------------------------------


def test_an_imap_mailbox_is_enabled_after_logging_in(manager_api, imap_mailbox):
    # when a manager enables the mailbox
    payload = succeeded(
        manager_api, op.ENABLE, {"id": gid("HelpdeskMailbox", imap_mailbox.pk)}
    )

    # then it takes mail in
    assert payload["mailbox"] == {"isActive": True}
    imap_mailbox.refresh_from_db()
    assert imap_mailbox.is_active


def test_a_mailbox_that_cannot_log_in_is_not_enabled(manager_api, imap_mailbox):
    # given a saved folder the server does not have
    Mailbox.objects.filter(pk=imap_mailbox.pk).update(imap_folder="Gibt-es-nicht")

    # when a manager enables the mailbox
    error = refused(
        manager_api, op.ENABLE, {"id": gid("HelpdeskMailbox", imap_mailbox.pk)}
    )

    # then the server's reason is the error and the mailbox stays disabled
    assert error["field"] is None
    assert error["code"] == "FOLDER_MISSING"
    assert error["message"].startswith("The folder 'Gibt-es-nicht' cannot be opened")
    assert not Mailbox.objects.get(pk=imap_mailbox.pk).is_active


def test_a_wrong_saved_password_is_not_enabled(manager_api, imap_mailbox):
    # given a password the server no longer takes
    succeeded(
        manager_api,
        op.UPDATE,
        {
            "id": gid("HelpdeskMailbox", imap_mailbox.pk),
            "input": {"imapPassword": "abgelaufen"},
        },
    )

    # when a manager enables the mailbox
    error = refused(
        manager_api, op.ENABLE, {"id": gid("HelpdeskMailbox", imap_mailbox.pk)}
    )

    # then the credentials are named
    assert error["code"] == "WRONG_CREDENTIALS"


def test_a_stored_password_no_key_reads_is_a_typed_error(
    manager_api, imap_mailbox, settings
):
    # given the key the password was encrypted with was replaced
    settings.HELPDESK_MAILBOX_KEY = Fernet.generate_key().decode()

    # when a manager enables the mailbox
    error = refused(
        manager_api, op.ENABLE, {"id": gid("HelpdeskMailbox", imap_mailbox.pk)}
    )

    # then they are told to enter the password again
    assert error["field"] == "imapPassword"
    assert error["code"] == "SECRET_UNREADABLE"
    assert error["message"].endswith("Enter the secret again.")


def test_a_push_mailbox_is_enabled_without_a_server(manager_api, push_mailbox):
    payload = succeeded(
        manager_api, op.ENABLE, {"id": gid("HelpdeskMailbox", push_mailbox.pk)}
    )

    assert payload["mailbox"] == {"isActive": True}


def test_a_manager_disables_a_mailbox(manager_api, push_mailbox):
    # given an enabled mailbox
    Mailbox.objects.filter(pk=push_mailbox.pk).update(is_active=True)

    # when a manager disables it
    payload = succeeded(
        manager_api, op.DISABLE, {"id": gid("HelpdeskMailbox", push_mailbox.pk)}
    )

    # then it takes nothing in
    assert payload["mailbox"] == {"isActive": False}
    assert not Mailbox.objects.get(pk=push_mailbox.pk).is_active


@pytest.mark.parametrize("caller", NOT_MANAGERS)
@pytest.mark.parametrize("operation", [op.ENABLE, op.DISABLE])
def test_only_managers_enable_and_disable(api_for, caller, operation, push_mailbox):
    error = refused(
        api_for(caller), operation, {"id": gid("HelpdeskMailbox", push_mailbox.pk)}
    )

    assert error == DENIED
