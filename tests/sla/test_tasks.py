"""The periodic check marks breaches and at-risk targets once each: an event on the
timeline, an e-mail to whoever answers for the ticket, a webhook; never twice, also when
two checks run at the same time."""

import threading

import pytest
from django.db import connection
from freezegun import freeze_time

from saleor_helpdesk.actions import add_comment, assign_ticket
from saleor_helpdesk.core.constants import SlaMetric, TicketEventType
from saleor_helpdesk.models import (
    EmailMessage,
    SlaTarget,
    TicketEvent,
    WebhookDelivery,
    WebhookSubscription,
)
from saleor_helpdesk.notifications.kinds import Notification
from saleor_helpdesk.sla.tasks import check_service_levels, check_service_levels_task
from tests.factories import ContactFactory, make_ticket

from .conftest import berlin


@pytest.fixture
def opened(policy, customer_actor, channel):
    with freeze_time(berlin(2026, 3, 3, 10)):
        return make_ticket(customer_actor, channel_id=channel.pk)


def sla_events(ticket, type_):
    return TicketEvent.objects.filter(ticket=ticket, type=type_)


def test_the_raw_sql_names_the_model_table():
    assert SlaTarget._meta.db_table == "saleor_helpdesk_slatarget"


def test_nothing_is_marked_before_time(opened):
    result = check_service_levels(berlin(2026, 3, 3, 12, 59))

    assert result.breached == result.at_risk == []


def test_at_risk_then_breached_once_each(opened, staff_user, staff_actor):
    # Given the ticket is assigned and a webhook subscription listens
    assign_ticket(staff_actor, opened.pk, staff_user.pk)
    WebhookSubscription.objects.create(
        name="Chat",
        target_url="https://hooks.example.com/sla",
        events=["ticket.sla_at_risk", "ticket.sla_breached"],
        secret="s",
        reader_kind="system",
    )

    # When the check runs at 13:00 (75 % of four hours), twice
    at_risk = check_service_levels(berlin(2026, 3, 3, 13))
    again = check_service_levels(berlin(2026, 3, 3, 13, 30))

    # Then the first response is at risk once
    assert [m.metric for m in at_risk.at_risk] == [SlaMetric.FIRST_RESPONSE]
    assert again.at_risk == again.breached == []
    event = sla_events(opened, TicketEventType.SLA_AT_RISK).get()
    assert event.parameters["metric"] == SlaMetric.FIRST_RESPONSE
    mail = EmailMessage.objects.get(notification=Notification.STAFF_SLA_AT_RISK)
    assert mail.to == [staff_user.email]
    assert "First response" in mail.body_text or "Erste Antwort" in mail.body_text

    # When it runs after 14:00, twice
    breached = check_service_levels(berlin(2026, 3, 3, 14, 1))
    again = check_service_levels(berlin(2026, 3, 3, 15))

    # Then it is breached once: one event, one e-mail, one webhook per topic
    assert [m.metric for m in breached.breached] == [SlaMetric.FIRST_RESPONSE]
    assert again.breached == []
    target = SlaTarget.objects.get(ticket=opened, metric=SlaMetric.FIRST_RESPONSE)
    assert target.breached_at == berlin(2026, 3, 3, 14)
    assert sla_events(opened, TicketEventType.SLA_BREACHED).count() == 1
    assert (
        EmailMessage.objects.filter(
            notification=Notification.STAFF_SLA_BREACHED
        ).count()
        == 1
    )
    topics = sorted(WebhookDelivery.objects.values_list("topic", flat=True))
    assert topics == ["ticket.sla_at_risk", "ticket.sla_breached"]


def test_a_met_or_paused_target_is_never_marked(opened, staff_actor):
    with freeze_time(berlin(2026, 3, 3, 11)):
        add_comment(staff_actor, opened.pk, "Done.")

    result = check_service_levels(berlin(2026, 3, 3, 16))

    assert result.breached == [] and result.at_risk == []


def test_without_assignee_the_queue_hears_of_it(policy, customer_actor, channel):
    queue = ContactFactory(slug="returns", name="Returns", email="returns@shop.test")
    with freeze_time(berlin(2026, 3, 3, 10)):
        ticket = make_ticket(customer_actor, channel_id=channel.pk, contact_id=queue.pk)

    check_service_levels(berlin(2026, 3, 3, 15))

    mail = EmailMessage.objects.get(
        ticket=ticket, notification=Notification.STAFF_SLA_BREACHED
    )
    assert mail.to == ["returns@shop.test"]


def test_german_staff_read_german(opened, staff_user, staff_actor):
    staff_user.language_code = "de"
    staff_user.save(update_fields=["language_code"])
    assign_ticket(staff_actor, opened.pk, staff_user.pk)

    check_service_levels(berlin(2026, 3, 3, 15))

    mail = EmailMessage.objects.get(notification=Notification.STAFF_SLA_BREACHED)
    assert "SLA verletzt" in mail.subject
    assert "Erste Antwort" in mail.body_text


def test_the_task_reports_counts(opened):
    with freeze_time(berlin(2026, 3, 3, 15)):
        assert check_service_levels_task() == {"breached": 1, "at_risk": 0}
        assert check_service_levels_task() == {"breached": 0, "at_risk": 0}


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_checks_mark_each_breach_once(policy, customer_actor, channel):
    with freeze_time(berlin(2026, 3, 3, 10)):
        tickets = [
            make_ticket(customer_actor, channel_id=channel.pk) for _ in range(12)
        ]
    start = threading.Barrier(2)
    results: list = []

    def run() -> None:
        try:
            start.wait(10)
            results.append(check_service_levels(berlin(2026, 3, 3, 15)))
        except Exception as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert all(not isinstance(r, Exception) for r in results), results
    marked = [m.target_id for r in results for m in r.breached]
    assert len(marked) == len(set(marked)) == 12
    assert (
        TicketEvent.objects.filter(
            ticket__in=tickets, type=TicketEventType.SLA_BREACHED
        ).count()
        == 12
    )
