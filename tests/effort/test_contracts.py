"""Support contracts: tickets draw down hours or points; the warning comes once per
crossing of the threshold."""

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.permissions import Perm
from saleor_helpdesk.effort.contracts import (
    budget_of,
    contract_for,
    create_contract,
    set_ticket_points,
    update_contract,
)
from saleor_helpdesk.effort.manual import add_time_entry, delete_time_entry
from saleor_helpdesk.effort.tracking import heartbeat
from saleor_helpdesk.models import (
    CustomerResponsible,
    EmailMessage,
    SupportContract,
    TicketEvent,
)
from saleor_helpdesk.tasks import check_contracts_of_new_tickets
from tests.effort.conftest import at
from tests.factories import StaffFactory, make_ticket


@pytest.fixture
def manager_actor(staff_user):
    return Actor.staff(staff_user, {Perm.MANAGE_ORDERS.value, Perm.MANAGE_USERS.value})


def hours_contract(customer, **fields):
    values = {
        "name": "Wartung 2026",
        "customer_id": customer.pk,
        "unit": "hours",
        "budget": Decimal(2),
        "warning_threshold": Decimal("0.5"),
        "valid_from": timezone.localdate() - timedelta(days=30),
    }
    values.update(fields)
    return create_contract(Actor.system(), values)


def warnings(contract) -> list:
    return list(
        TicketEvent.objects.filter(
            type="contract_budget_low", parameters__contract_id=contract.pk
        )
    )


def test_an_hours_contract_draws_every_time_entry_of_its_customers_tickets(
    customer, agent_actor, ticket, second_ticket
):
    contract = hours_contract(customer)

    add_time_entry(agent_actor, ticket.pk, minutes=30)
    add_time_entry(agent_actor, second_ticket.pk, minutes=15)

    budget = budget_of(contract)
    assert (budget.used, budget.remaining, budget.low) == (
        Decimal("0.75"),
        Decimal("1.25"),
        False,
    )


def test_the_warning_comes_once_when_the_threshold_is_crossed(
    customer, agent_actor, ticket
):
    # given a 2-hour contract that warns at half an hour left, and an assigned ticket
    contract = hours_contract(customer)
    ticket.assignee = agent_actor.user
    ticket.save(update_fields=["assignee"])
    mail.outbox.clear()

    # when an hour is logged, then another 40 minutes (20 left: crossed), then more
    add_time_entry(agent_actor, ticket.pk, minutes=60)
    assert warnings(contract) == []
    add_time_entry(agent_actor, ticket.pk, minutes=40)
    add_time_entry(agent_actor, ticket.pk, minutes=10)
    for second in range(0, 91, 30):
        heartbeat(agent_actor, ticket.pk, tab="a", active=True, now=at(second))

    # then there was one timeline event and one e-mail to the assignee
    (event,) = warnings(contract)
    assert event.parameters == {
        "contract_id": contract.pk,
        "unit": "hours",
        "budget": "2.00",
        "remaining": "0.33",
        "threshold": "0.50",
    }
    (message,) = EmailMessage.objects.filter(notification="staff_contract_low")
    assert message.to == ["agent@shop.example"]
    assert "Wartung 2026" in message.subject
    assert "0.33 h" in message.body_text
    contract.refresh_from_db()
    assert contract.warned_at is not None
    assert budget_of(contract).low is True


def test_the_warning_is_re_armed_when_the_budget_rises_again(
    customer, agent_actor, ticket
):
    contract = hours_contract(customer)
    entry = add_time_entry(agent_actor, ticket.pk, minutes=100)
    assert len(warnings(contract)) == 1

    # when the entry is removed (the budget is above the threshold again) and time
    # is logged again past it
    delete_time_entry(agent_actor, entry.pk)
    contract.refresh_from_db()
    assert contract.warned_at is None
    add_time_entry(agent_actor, ticket.pk, minutes=100)

    # then the second crossing warns again
    assert len(warnings(contract)) == 2


def test_raising_the_budget_re_arms_the_warning(customer, agent_actor, ticket):
    contract = hours_contract(customer)
    add_time_entry(agent_actor, ticket.pk, minutes=100)

    update_contract(Actor.system(), contract.pk, {"budget": Decimal(10)})

    contract.refresh_from_db()
    assert contract.warned_at is None


def test_the_warning_goes_to_the_customers_responsible_without_an_assignee(
    customer, agent_actor, ticket
):
    responsible = StaffFactory(email="chefin@shop.example", language_code="de")
    CustomerResponsible.objects.create(customer=customer, responsible=responsible)
    hours_contract(customer)
    mail.outbox.clear()

    add_time_entry(agent_actor, ticket.pk, minutes=100)

    (message,) = EmailMessage.objects.filter(notification="staff_contract_low")
    assert message.to == ["chefin@shop.example"]
    assert message.language == "de"
    assert "0,33 Std." in message.body_text


def test_a_points_contract_draws_points_per_ticket(
    customer, customer_actor, channel, agent_actor, ticket, second_ticket
):
    # given a 10-point contract, 2 points per ticket by default
    contract = hours_contract(
        customer,
        unit="points",
        budget=Decimal(10),
        warning_threshold=Decimal(3),
        points_per_ticket=Decimal(2),
    )
    assert budget_of(contract).used == Decimal(4)

    # when staff set 5 points on one ticket
    set_ticket_points(agent_actor, ticket.pk, Decimal(5))

    # then that ticket draws 5, the other its default 2: 3 left, the threshold
    budget = budget_of(contract)
    assert (budget.used, budget.remaining) == (Decimal(7), Decimal(3))
    assert len(warnings(contract)) == 1
    assert warnings(contract)[0].ticket_id == ticket.pk

    # and time spent does not draw on a points contract
    add_time_entry(agent_actor, ticket.pk, minutes=600)
    assert budget_of(contract).used == Decimal(7)


def test_a_new_ticket_draws_its_default_points_and_may_warn(
    customer, customer_actor, channel, ticket
):
    contract = hours_contract(
        customer,
        unit="points",
        budget=Decimal(3),
        warning_threshold=Decimal(1),
        points_per_ticket=Decimal(1),
    )
    new = make_ticket(customer_actor, channel_id=channel.pk, subject="Noch eine Frage")

    # the planner queues this after commit; the worker runs it
    check_contracts_of_new_tickets([new.pk])
    check_contracts_of_new_tickets([new.pk])

    assert budget_of(contract).remaining == Decimal(1)
    assert len(warnings(contract)) == 1


def test_guests_contract_by_email_and_validity(agent_actor, channel):
    guest_ticket = make_ticket(customer_email="Gast@Example.de", channel_id=channel.pk)
    old = create_contract(
        Actor.system(),
        {
            "name": "Alt",
            "customer_email": "gast@example.de",
            "unit": "points",
            "budget": Decimal(5),
            "valid_from": date(2020, 1, 1),
            "valid_until": date(2020, 12, 31),
        },
    )
    assert contract_for(guest_ticket) is None
    current = create_contract(
        Actor.system(),
        {
            "name": "Neu",
            "customer_email": "GAST@example.de",
            "unit": "points",
            "budget": Decimal(5),
            "valid_from": timezone.localdate(),
        },
    )
    assert current.customer_email == "gast@example.de"
    assert contract_for(guest_ticket) == current
    assert budget_of(old).used == 0
    assert budget_of(current).used == 1


@pytest.mark.parametrize(
    ("given", "field", "code"),
    [
        ({"name": " "}, "name", "required"),
        ({"customer_id": None}, "customer", "required"),
        (
            {"customer_id": None, "customer_email": "kein-mail"},
            "customer_email",
            "invalid_email",
        ),
        ({"unit": "days"}, "unit", "invalid"),
        ({"budget": Decimal(0)}, "budget", "invalid"),
        ({"warning_threshold": Decimal(5)}, "warning_threshold", "invalid"),
        ({"valid_until": date(2000, 1, 1)}, "valid_until", "invalid_period"),
    ],
)
def test_bad_contracts_are_refused(customer, given, field, code):
    with pytest.raises(ValidationError) as refused:
        hours_contract(customer, **given)

    assert {
        key: [error.code for error in errors]
        for key, errors in refused.value.error_dict.items()
    } == {field: [code]}
    assert not SupportContract.objects.exists()


def test_only_staff_with_manage_users_manage_contracts(customer, agent_actor):
    with pytest.raises(ValidationError) as refused:
        create_contract(
            agent_actor,
            {
                "name": "X",
                "customer_id": customer.pk,
                "unit": "hours",
                "budget": Decimal(1),
                "valid_from": date(2026, 1, 1),
            },
        )
    assert refused.value.error_list[0].code == "permission_denied"


@pytest.mark.django_db(transaction=True)
def test_two_entries_that_cross_only_together_warn_once(
    customer, agent_actor, colleague_actor, ticket
):
    # given a 2-hour contract with an hour used, warning at half an hour left
    contract = hours_contract(customer)
    add_time_entry(agent_actor, ticket.pk, minutes=60)
    barrier = threading.Barrier(2)
    errors = []

    # when two people log 20 minutes each at the same moment (only both cross)
    def log(actor):
        try:
            barrier.wait()
            add_time_entry(actor, ticket.pk, minutes=20)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=log, args=(actor,))
        for actor in (agent_actor, colleague_actor)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then the later check saw both entries and warned, once
    assert errors == []
    assert budget_of(contract).remaining == Decimal("0.33")
    assert len(warnings(contract)) == 1
