"""The Dashboard's tokens ("third-party" tokens) open the helpdesk only when Saleor
issued them for the helpdesk's own app, and carry the app's ∩ the user's permissions.
Runs on either host with that host's own tokens."""

from datetime import UTC, datetime

import pytest
from django.test import RequestFactory

from saleor_helpdesk.core.actor import ActorKind
from saleor_helpdesk.host import AuthenticationError, get_host
from saleor_helpdesk.host.third_party import APP_GONE_MESSAGE, FOREIGN_APP_MESSAGE
from tests.factories import (
    AppFactory,
    StaffFactory,
    grant,
    install_helpdesk_app,
    make_ticket,
    third_party_token_for,
)
from tests.graphql.conftest import Api

INBOX = "{ tickets(first: 10) { totalCount edges { node { number } } } }"


def authenticate(token: str):
    request = RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
    return get_host().authenticate(request)


@pytest.fixture
def helpdesk_app(db):
    return install_helpdesk_app()


@pytest.fixture
def staff(db):
    # Staff who may work orders and manage products; the helpdesk app has no
    # MANAGE_PRODUCTS, the user no HANDLE_PAYMENTS.
    user = StaffFactory(email="support@shop.example")
    grant(user, "MANAGE_ORDERS", "MANAGE_PRODUCTS")
    return user


def test_a_token_for_the_helpdesk_app_is_the_staff_user_with_shared_permissions(
    helpdesk_app, staff
):
    # given the Dashboard's token for the helpdesk app
    token = third_party_token_for(staff, helpdesk_app)

    # when the helpdesk authenticates it
    actor = authenticate(token)

    # then it is the staff user with the permissions both the app and user have
    assert actor.kind == ActorKind.STAFF
    assert actor.user == staff
    assert actor.app is None
    assert actor.permissions == frozenset({"MANAGE_ORDERS"})
    assert actor.is_agent
    assert actor.channel_ids is None


def test_a_dashboard_token_keeps_the_users_channel_restriction(
    helpdesk_app, channel, other_channel
):
    # given staff whose only group is limited to one channel
    user = StaffFactory()
    grant(user, "MANAGE_ORDERS", "HANDLE_PAYMENTS", channels=[other_channel])

    # when the Dashboard's token for the helpdesk app is authenticated
    actor = authenticate(third_party_token_for(user, helpdesk_app))

    # then the user works only in that channel, with both shared permissions
    assert actor.permissions == frozenset({"MANAGE_ORDERS", "HANDLE_PAYMENTS"})
    assert actor.channel_ids == frozenset({other_channel.pk})
    assert not actor.can_access_channel(channel.pk)


def test_a_dashboard_token_for_another_app_is_refused(helpdesk_app, staff):
    # given another app with every permission the user has
    other = AppFactory(name="ERP connector")
    grant(other, "MANAGE_ORDERS", "MANAGE_PRODUCTS")

    # when its Dashboard token is sent to the helpdesk
    with pytest.raises(AuthenticationError) as info:
        authenticate(third_party_token_for(staff, other))

    # then it is refused, saying why
    assert str(info.value) == FOREIGN_APP_MESSAGE


def test_a_dashboard_token_of_an_app_named_like_the_helpdesk_is_refused(staff):
    # given an app that only calls itself "Helpdesk"
    impostor = AppFactory(name="Helpdesk")
    grant(impostor, "MANAGE_ORDERS")

    with pytest.raises(AuthenticationError) as info:
        authenticate(third_party_token_for(staff, impostor))

    assert str(info.value) == FOREIGN_APP_MESSAGE


def test_a_dashboard_token_of_the_deactivated_helpdesk_app_is_refused(
    helpdesk_app, staff
):
    # given a token issued before the merchant deactivated the app
    token = third_party_token_for(staff, helpdesk_app)
    helpdesk_app.is_active = False
    helpdesk_app.save()

    with pytest.raises(AuthenticationError) as info:
        authenticate(token)

    assert str(info.value) == APP_GONE_MESSAGE


def test_a_dashboard_token_of_the_removed_helpdesk_app_is_refused(helpdesk_app, staff):
    # given a token issued before the app was removed in the Dashboard
    token = third_party_token_for(staff, helpdesk_app)
    helpdesk_app.removed_at = datetime(2026, 1, 1, tzinfo=UTC)
    helpdesk_app.save()

    with pytest.raises(AuthenticationError) as info:
        authenticate(token)

    assert str(info.value) == APP_GONE_MESSAGE


def test_a_dashboard_token_of_the_uninstalled_helpdesk_app_is_refused(
    helpdesk_app, staff
):
    # given a token issued before the app was uninstalled
    token = third_party_token_for(staff, helpdesk_app)
    assert get_host().uninstall_dashboard_app(helpdesk_app.identifier)

    with pytest.raises(AuthenticationError) as info:
        authenticate(token)

    assert str(info.value) == FOREIGN_APP_MESSAGE


def test_a_permission_taken_from_the_app_is_gone_at_once(helpdesk_app, staff):
    # given a token issued while the app could work orders
    token = third_party_token_for(staff, helpdesk_app)
    helpdesk_app.permissions.remove(
        helpdesk_app.permissions.get(codename="manage_orders")
    )

    # when it is used afterwards
    actor = authenticate(token)

    # then the permission is not in it any more
    assert actor.permissions == frozenset()
    assert not actor.is_agent


def test_the_inbox_answers_a_dashboard_token_for_the_helpdesk_app(
    helpdesk_app, staff, customer_actor, order
):
    # given a ticket and the Dashboard's token for the helpdesk app
    ticket = make_ticket(customer_actor, order_id=order.pk)
    api = Api(third_party_token_for(staff, helpdesk_app))

    # when the inbox is asked for
    data = api(INBOX)

    # then the staff user sees the ticket
    assert data == {
        "tickets": {"totalCount": 1, "edges": [{"node": {"number": ticket.number}}]}
    }


def test_the_api_answers_another_apps_dashboard_token_with_401(staff):
    # given the Dashboard's token for another app
    other = AppFactory(name="ERP connector")
    grant(other, "MANAGE_ORDERS")

    # when it is sent to the helpdesk's API
    response = Api(third_party_token_for(staff, other)).post(INBOX)

    # then the API refuses it as an invalid token
    assert response.status_code == 401
    assert response.json() == {
        "errors": [
            {"message": FOREIGN_APP_MESSAGE, "extensions": {"code": "INVALID_TOKEN"}}
        ]
    }
