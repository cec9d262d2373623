"""When Saleor deletes an account (staff's `customerDelete`, the customer's own
`accountDelete`), the helpdesk erases what it holds about that person. Saleor calls
the hook on commit, after the row is gone and the tickets' account link was set to
null; the instance still carries the id and the address."""

import logging

import pytest

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.host import hooks
from saleor_helpdesk.models import Ticket, TicketEvent
from saleor_helpdesk.privacy import erase
from tests.factories import UserFactory, make_ticket
from tests.host import plugins
from tests.privacy.conftest import SECRETS, everything_stored, stored_files


@pytest.mark.parametrize("hook", ["customer_deleted", "account_deleted"])
def test_deleting_the_account_erases_the_customers_tickets(
    hook, customer, annas_data, django_capture_on_commit_callbacks
):
    # given Anna's tickets with files, e-mails and webhook deliveries

    # when the shop deletes her account, and Saleor calls the hook on commit
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        plugins.delete_customer(customer, hook)

    # then the hook ran, and nothing about her is stored anywhere
    assert callbacks
    stored = everything_stored()
    for secret in SECRETS:
        assert secret.lower() not in stored.lower(), secret
    assert stored_files() == []
    erased = TicketEvent.objects.filter(type=TicketEventType.PERSONAL_DATA_ERASED)
    assert sorted(erased.values_list("ticket_id", "parameters", "user_id")) == sorted(
        [
            (annas_data["complaint"].pk, {"reason": "account_deleted"}, None),
            (annas_data["question"].pk, {"reason": "account_deleted"}, None),
        ]
    )
    # and the tickets stay, and Bert's is untouched
    assert Ticket.objects.count() == 3
    assert Ticket.objects.get(pk=annas_data["other"].pk).subject == "Bert fragt"


def test_guest_tickets_under_the_accounts_address_go_too(
    customer, guest_order, channel, django_capture_on_commit_callbacks
):
    # given a guest ticket Anna opened before she had an account, under her address
    guest_order.user_email = customer.email
    guest_order.save(update_fields=["user_email"])
    ticket = make_ticket(
        Actor.guest(guest_order.pk, customer.email),
        order_id=guest_order.pk,
        channel_id=channel.pk,
        subject="Als Gast gefragt",
    )

    # when her account is deleted
    with django_capture_on_commit_callbacks(execute=True):
        plugins.delete_customer(customer)

    # then the guest ticket is erased as well
    ticket.refresh_from_db()
    assert (ticket.subject, ticket.customer_email) == ("[erased]", "")


def test_another_account_with_a_ticket_naming_the_address_keeps_it(
    customer, channel, django_capture_on_commit_callbacks
):
    # given Bert's own ticket that names Anna's address as its contact address
    bert = UserFactory(email="bert@example.com")
    berts = make_ticket(Actor.customer(bert), channel_id=channel.pk, subject="Bert")
    Ticket.objects.filter(pk=berts.pk).update(customer_email=customer.email)

    # when Anna's account is deleted
    with django_capture_on_commit_callbacks(execute=True):
        plugins.delete_customer(customer)

    # then Bert's ticket (still his account's) is not touched
    berts.refresh_from_db()
    assert berts.subject == "Bert"


def test_a_failing_erasure_is_logged_and_never_reaches_the_shop(
    customer, annas_data, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    # given the erasure breaks
    def broken(*args, **kwargs):
        raise RuntimeError("storage down")

    monkeypatch.setattr(erase, "erase_tickets", broken)
    before = everything_stored()

    # when Saleor deletes the account
    with (
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
    ):
        plugins.delete_customer(customer)

    # then the deletion went through, the failure is logged, and nothing was written
    assert "Helpdesk hook customer_deleted failed" in caplog.text
    assert not type(customer).objects.filter(pk=customer.id).exists()
    assert everything_stored() != before  # Saleor's own SET NULL on the tickets
    assert Ticket.objects.filter(subject="[erased]").count() == 0


def test_an_instance_without_id_or_address_erases_nothing(annas_data):
    # given whatever Saleor might hand over without an id or an address
    class Nobody:
        pk = None
        email = ""

    before = everything_stored()

    # when the hook runs with it
    hooks.account_deleted(Nobody(), "customer_deleted")

    # then nothing changes
    assert everything_stored() == before
