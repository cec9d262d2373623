"""The merchant's e-mail texts, written and dropped through the actions; one body
cleaner serves e-mail texts and response templates, each with its own placeholders."""

import pytest

from saleor_helpdesk.actions.config import (
    create_template,
    delete_email_template,
    update_email_template,
)
from saleor_helpdesk.actions.config.common import clean_template_body
from saleor_helpdesk.content.sanitize import MAX_BODY_LENGTH
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.models import EmailTemplate, ResponseTemplate
from saleor_helpdesk.notifications.defaults import DEFAULTS
from tests.assertions import raises_error
from tests.factories import StaffFactory


@pytest.fixture
def manager(db):
    return Actor.staff(StaffFactory(), {Perm.MANAGE_PLUGINS.value})


def test_a_manager_overrides_a_text_sanitised_and_keeps_what_is_not_given(manager):
    # given no merchant text for the German staff reply
    shipped_subject = DEFAULTS["staff_reply"]["de"][0]

    # when only the body is written
    text = update_email_template(
        manager,
        "staff_reply",
        "de",
        {"body": "<p>Moin {{ customer.name }}</p><script>alert(1)</script>"},
    )

    # then the row holds the cleaned body and the shipped subject
    row = EmailTemplate.objects.get(notification="staff_reply", language="de")
    assert row.body == "<p>Moin {{ customer.name }}</p>"
    assert row.subject == shipped_subject
    assert (text.is_customized, text.body, text.subject) == (
        True,
        row.body,
        shipped_subject,
    )

    # and a second write changes only what it names
    update_email_template(manager, "staff_reply", "de", {"is_active": False})
    row.refresh_from_db()
    assert (row.body, row.is_active) == ("<p>Moin {{ customer.name }}</p>", False)


@pytest.mark.parametrize(
    "fields, field, code",
    [
        ({"body": "<p>{{ settings.SECRET_KEY }}</p>"}, "body", "unknown_placeholder"),
        ({"subject": "{{ order.total"}, "subject", "unknown_placeholder"),
        ({"subject": "  "}, "subject", "required"),
        ({"body": "<p> </p>"}, "body", "empty_body"),
        ({"body": "x" * (MAX_BODY_LENGTH + 1)}, "body", "body_too_long"),
    ],
)
def test_a_bad_text_is_refused_and_nothing_is_written(manager, fields, field, code):
    with raises_error(field, code):
        update_email_template(manager, "ticket_received", "en", fields)
    assert not EmailTemplate.objects.exists()


def test_an_unknown_notification_or_language_is_refused(manager):
    with raises_error("notification", "invalid", "'nope' is not a notification."):
        update_email_template(manager, "nope", "de", {"subject": "x"})
    with raises_error("language_code", "invalid"):
        update_email_template(manager, "staff_reply", "Deutsch!", {"subject": "x"})
    assert not EmailTemplate.objects.exists()


@pytest.mark.parametrize(
    "permissions", [set(), {Perm.MANAGE_ORDERS.value}, {Perm.MANAGE_APPS.value}]
)
def test_only_managers_of_the_settings_write_or_drop_texts(db, permissions):
    actor = Actor.staff(StaffFactory(), permissions)
    EmailTemplate.objects.create(
        notification="staff_reply", language="de", subject="S", body="<p>B</p>"
    )

    with raises_error(None, "permission_denied"):
        update_email_template(actor, "staff_reply", "de", {"subject": "Neu"})
    with raises_error(None, "permission_denied"):
        delete_email_template(actor, "staff_reply", "de")
    assert EmailTemplate.objects.get().subject == "S"


def test_dropping_a_text_goes_back_to_the_shipped_one(manager):
    update_email_template(manager, "ticket_closed", "en", {"subject": "Done"})

    text = delete_email_template(manager, "ticket_closed", "en")

    assert not EmailTemplate.objects.exists()
    assert (text.is_customized, text.subject) == (
        False,
        DEFAULTS["ticket_closed"]["en"][0],
    )
    with raises_error("language_code", "not_found", "E-mail template not found."):
        delete_email_template(manager, "ticket_closed", "en")


def test_one_body_cleaner_with_each_kind_of_template_s_placeholders(manager):
    # an e-mail text may quote the reply; a response template knows no reply
    update_email_template(
        manager, "staff_reply", "en", {"body": "<p>{{ reply.text }}</p>"}
    )
    with raises_error("body", "unknown_placeholder"):
        create_template(manager, {"name": "Reply", "body": "<p>{{ reply.text }}</p>"})
    assert not ResponseTemplate.objects.exists()

    # both refuse the same way what no placeholder decides
    too_long = "x" * (MAX_BODY_LENGTH + 1)
    message = f"A template may be at most {MAX_BODY_LENGTH} characters long."
    with raises_error("body", "body_too_long", message):
        create_template(manager, {"name": "Long", "body": too_long})
    with raises_error("body", "body_too_long", message):
        update_email_template(manager, "staff_reply", "en", {"body": too_long})


def test_the_body_cleaner_checks_the_cleaned_text_with_the_given_check():
    seen = []

    body = clean_template_body(
        "<p onclick='x()'>Hi</p>", lambda text, field: seen.append((text, field))
    )

    assert body == "<p>Hi</p>"
    assert seen == [("<p>Hi</p>", "body")]
