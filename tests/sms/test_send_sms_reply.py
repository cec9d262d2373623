"""send_sms_reply: a public reply with medium SMS, its outbox row in the same
transaction, sent after commit through the transport (Twilio's library against a
stand-in of its API), retried, and a final failure on the timeline."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from saleor_helpdesk.actions import add_comment, merge_tickets, send_sms_reply
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.models import (
    Comment,
    EmailMessage,
    EmailStatus,
    SmsMessage,
    Ticket,
    TicketEvent,
)
from saleor_helpdesk.sms.sending import due_ids, send_messages
from saleor_helpdesk.tasks import retry_due_sms
from tests.factories import AddressFactory, make_ticket

MOBILE = "+4915112345678"


@pytest.fixture
def ticket(customer_actor, order, channel):
    """A question about an order shipped to an address with a mobile number, typed
    the way customers type it."""
    order.shipping_address = AddressFactory(phone="0151 1234 5678")
    order.save()
    return make_ticket(customer_actor, channel_id=channel.pk, order_id=order.pk)


def snapshot() -> tuple:
    return (
        list(Ticket.objects.order_by("pk").values()),
        list(Comment.objects.order_by("pk").values()),
        list(TicketEvent.objects.order_by("pk").values()),
        list(SmsMessage.objects.order_by("pk").values()),
        list(EmailMessage.objects.order_by("pk").values()),
    )


def error_of(raised: pytest.ExceptionInfo) -> tuple[str | None, str, str]:
    error = raised.value
    if hasattr(error, "error_dict"):
        [(field, [detail])] = error.error_dict.items()
        return field, detail.code, detail.message
    [detail] = error.error_list
    return None, detail.code, detail.message


def test_the_reply_is_stored_as_a_public_sms_comment_and_sent_after_commit(
    twilio, committed, staff_actor, ticket
):
    # when staff reply by SMS
    comment = committed(
        send_sms_reply, staff_actor, ticket.pk, "Ihr Paket kommt morgen.\nGruß, Tom"
    )

    # then the customer's thread has a public reply with medium SMS
    comment.refresh_from_db()
    assert (comment.visibility, comment.medium, comment.author_user) == (
        "public",
        "sms",
        staff_actor.user,
    )
    assert comment.body == "<p>Ihr Paket kommt morgen.<br>Gruß, Tom</p>"
    # Twilio got the plain text for the order's number in E.164
    assert twilio.texts == [(MOBILE, "Ihr Paket kommt morgen.\nGruß, Tom")]
    [row] = SmsMessage.objects.all()
    assert (row.ticket_id, row.comment_id, row.to, row.body) == (
        ticket.pk,
        comment.pk,
        MOBILE,
        "Ihr Paket kommt morgen.\nGruß, Tom",
    )
    assert (row.status, row.attempts, row.last_error) == (EmailStatus.SENT, 1, "")
    assert row.provider_message_id.startswith("SM")
    assert row.sent_at is not None
    # the timeline has the reply and the sent text, without the number
    types = list(ticket.events.order_by("pk").values_list("type", "parameters"))
    assert types[-2:] == [
        ("comment_added", {"comment_id": comment.pk, "medium": "sms"}),
        ("sms_sent", {"sms_id": row.pk, "comment_id": comment.pk}),
    ]
    ticket.refresh_from_db()
    assert ticket.first_response_at is not None


def test_an_sms_reply_is_not_also_mailed(twilio, committed, staff_actor, ticket):
    # given the customer gets an e-mail for a staff reply
    add_comment(staff_actor, ticket.pk, "<p>Per E-Mail</p>")
    assert EmailMessage.objects.filter(notification="staff_reply").count() == 1

    # when staff reply by SMS
    committed(send_sms_reply, staff_actor, ticket.pk, "Per SMS")

    # then no second reply e-mail is planned
    assert EmailMessage.objects.filter(notification="staff_reply").count() == 1
    assert SmsMessage.objects.count() == 1


def test_an_app_may_reply_by_sms(twilio, committed, app_actor, ticket):
    comment = committed(send_sms_reply, app_actor, ticket.pk, "Automatisch")

    assert (comment.author_type, comment.medium) == ("app", "sms")
    assert twilio.texts == [(MOBILE, "Automatisch")]


@pytest.mark.parametrize(
    "caller", ["customer_actor", "staff_without_permission_actor", "guest"]
)
def test_only_staff_and_apps_may_send_an_sms(
    twilio, committed, request, ticket, caller
):
    actor = Actor.anonymous() if caller == "guest" else request.getfixturevalue(caller)
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(send_sms_reply, actor, ticket.pk, "Hallo")

    assert error_of(raised) == (
        None,
        "permission_denied",
        "You need the MANAGE_ORDERS permission to work tickets.",
    )
    assert snapshot() == before
    assert twilio.received == []


def test_without_a_transport_sms_is_refused(settings, committed, staff_actor, ticket):
    settings.HELPDESK_SMS_TRANSPORT = ""
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(send_sms_reply, staff_actor, ticket.pk, "Hallo")

    assert error_of(raised) == (
        None,
        "sms_not_configured",
        "SMS is not configured.",
    )
    assert snapshot() == before


def test_a_transport_missing_its_settings_is_refused_with_the_reason(
    twilio, settings, committed, staff_actor, ticket
):
    settings.HELPDESK_SMS_TWILIO_AUTH_TOKEN = ""
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(send_sms_reply, staff_actor, ticket.pk, "Hallo")

    assert error_of(raised) == (
        None,
        "sms_not_configured",
        "SMS is not configured: HELPDESK_SMS_TWILIO_AUTH_TOKEN is not set.",
    )
    assert snapshot() == before


def test_no_mobile_number_is_refused(twilio, committed, staff_actor, ticket, order):
    # given the order's only number is a landline and the customer has no address
    order.shipping_address.phone = "+49 30 12345678"
    order.shipping_address.save()
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(send_sms_reply, staff_actor, ticket.pk, "Hallo")

    assert error_of(raised) == (
        "id",
        "no_phone_number",
        "Neither the ticket's order nor the customer's addresses hold a mobile "
        "number to send an SMS to.",
    )
    assert snapshot() == before
    assert twilio.received == []


@pytest.mark.parametrize(
    ("body", "code"), [("  \n ", "empty_body"), ("x" * 460, "body_too_long")]
)
def test_an_empty_or_too_long_text_is_refused(
    twilio, committed, staff_actor, ticket, body, code
):
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(send_sms_reply, staff_actor, ticket.pk, body)

    assert error_of(raised)[:2] == ("body", code)
    assert snapshot() == before


def test_a_ticket_of_another_channel_is_not_found(
    twilio, committed, ticket, other_channel, colleague
):
    actor = Actor.staff(colleague, {"MANAGE_ORDERS"}, [other_channel.pk])
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(send_sms_reply, actor, ticket.pk, "Hallo")

    assert error_of(raised) == ("id", "not_found", "Ticket not found.")
    assert snapshot() == before


def test_a_merged_ticket_is_refused(
    twilio, committed, staff_actor, customer_actor, channel, ticket
):
    target = make_ticket(customer_actor, channel_id=channel.pk)
    merge_tickets(staff_actor, ticket.pk, target.pk)
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(send_sms_reply, staff_actor, ticket.pk, "Hallo")

    assert error_of(raised)[:2] == ("id", "merged")
    assert snapshot() == before


def test_an_internal_note_is_never_an_sms(twilio, committed, staff_actor, ticket):
    before = snapshot()

    with pytest.raises(ValidationError) as raised:
        committed(
            add_comment, staff_actor, ticket.pk, "Notiz", internal=True, medium="sms"
        )

    assert error_of(raised) == (
        "medium",
        "invalid",
        "An internal note cannot be an SMS.",
    )
    assert snapshot() == before
    assert twilio.received == []


def test_a_rolled_back_change_sends_nothing(twilio, committed, staff_actor, ticket):
    # when the SMS reply is part of a change that fails afterwards
    def reply_then_fail():
        with transaction.atomic():
            send_sms_reply(staff_actor, ticket.pk, "Kommt morgen")
            raise RuntimeError("something later in the same change failed")

    with pytest.raises(RuntimeError):
        committed(reply_then_fail)

    # then nothing was stored and nothing reached Twilio
    assert SmsMessage.objects.count() == 0
    assert not Comment.objects.filter(medium="sms").exists()
    assert twilio.received == []


def test_twilio_down_the_text_is_retried_then_fails_on_the_timeline(
    twilio, settings, committed, staff_actor, ticket
):
    settings.HELPDESK_SMS_MAX_ATTEMPTS = 3
    for _ in range(3):
        twilio.refuse(503, 20503, "Service unavailable")

    # when staff reply while Twilio is down
    before = timezone.now()
    comment = committed(send_sms_reply, staff_actor, ticket.pk, "Kommt morgen")

    # then the reply is saved and the text waits for a retry in 10 s
    [row] = SmsMessage.objects.all()
    assert (row.status, row.attempts) == (EmailStatus.PENDING, 1)
    assert row.last_error == (
        "Twilio answered 503 (error 20503): Unable to create record: "
        "Service unavailable"
    )
    assert timedelta(seconds=9) < row.next_attempt_at - before < timedelta(seconds=12)
    assert Comment.objects.filter(pk=comment.pk).exists()

    # a retry before it is due sends nothing
    assert send_messages([row.pk]) == []
    assert len(twilio.received) == 1

    # the second attempt waits 20 s
    SmsMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    now = timezone.now()
    assert send_messages([row.pk]) == [row.pk]
    row.refresh_from_db()
    assert row.attempts == 2
    assert timedelta(seconds=19) < row.next_attempt_at - now < timedelta(seconds=22)

    # the last attempt fails for good, on the timeline
    SmsMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert send_messages([row.pk]) == []
    row.refresh_from_db()
    assert (row.status, row.attempts) == (EmailStatus.FAILED, 3)
    [failed] = TicketEvent.objects.filter(ticket=ticket, type="sms_failed")
    assert failed.parameters == {
        "sms_id": row.pk,
        "comment_id": comment.pk,
        "error": row.last_error,
    }
    assert not TicketEvent.objects.filter(type="sms_sent").exists()
    assert len(twilio.received) == 3
    assert due_ids() == []


def test_a_number_twilio_refuses_fails_at_once(twilio, committed, staff_actor, ticket):
    twilio.refuse(400, 21614, "'To' number is not a valid mobile number")

    committed(send_sms_reply, staff_actor, ticket.pk, "Hallo")

    [row] = SmsMessage.objects.all()
    assert (row.status, row.attempts) == (EmailStatus.FAILED, 1)
    [failed] = TicketEvent.objects.filter(ticket=ticket, type="sms_failed")
    assert "21614" in failed.parameters["error"]
    assert due_ids() == []


def test_a_transport_removed_after_queueing_is_retried_then_failed(
    twilio, settings, committed, staff_actor, ticket, django_capture_on_commit_callbacks
):
    settings.HELPDESK_SMS_MAX_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=False):
        send_sms_reply(staff_actor, ticket.pk, "Hallo")
    settings.HELPDESK_SMS_TRANSPORT = ""

    [row] = SmsMessage.objects.all()
    assert send_messages([row.pk]) == [row.pk]
    SmsMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert send_messages([row.pk]) == []

    row.refresh_from_db()
    assert (row.status, row.last_error) == (
        EmailStatus.FAILED,
        "SMS is not configured.",
    )
    assert TicketEvent.objects.filter(type="sms_failed").count() == 1


def test_a_crashed_workers_text_is_sent_by_the_retry_task(
    twilio, staff_actor, ticket, django_capture_on_commit_callbacks
):
    # given a committed text whose worker died while sending (its claim expired)
    with django_capture_on_commit_callbacks(execute=False):
        send_sms_reply(staff_actor, ticket.pk, "Hallo")
    SmsMessage.objects.update(
        status=EmailStatus.SENDING,
        attempts=1,
        next_attempt_at=timezone.now() - timedelta(seconds=1),
    )

    retry_due_sms.delay()

    row = SmsMessage.objects.get()
    assert (row.status, row.attempts) == (EmailStatus.SENT, 2)
    assert twilio.texts == [(MOBILE, "Hallo")]
    assert ticket.events.filter(type="sms_sent").count() == 1


def test_a_text_another_worker_holds_is_not_sent_twice(
    twilio, staff_actor, ticket, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        send_sms_reply(staff_actor, ticket.pk, "Hallo")
    # a worker holds it: claimed, its lease running
    SmsMessage.objects.update(
        status=EmailStatus.SENDING,
        attempts=1,
        next_attempt_at=timezone.now() + timedelta(minutes=5),
    )

    assert send_messages(list(SmsMessage.objects.values_list("pk", flat=True))) == []
    assert twilio.received == []
