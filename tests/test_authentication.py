"""The host port turns a request's token into an actor; bad tokens are errors, never
anonymous. Runs on either host with that host's own tokens."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone
from freezegun import freeze_time

from saleor_helpdesk.core.actor import ActorKind
from saleor_helpdesk.host import AuthenticationError, get_host
from tests.factories import (
    AppFactory,
    StaffFactory,
    UserFactory,
    access_token_for,
    app_token_for,
    grant,
)


def request_with(token: str | None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return RequestFactory().get("/", **headers)


@pytest.mark.django_db
def test_no_token_is_anonymous():
    assert get_host().authenticate(request_with(None)).kind == ActorKind.ANONYMOUS


@pytest.mark.django_db
def test_a_customer_token_is_a_customer():
    user = UserFactory()

    actor = get_host().authenticate(request_with(access_token_for(user)))

    assert actor.kind == ActorKind.CUSTOMER
    assert actor.user == user
    assert not actor.is_agent


@pytest.mark.django_db
def test_staff_get_their_saleor_permissions_and_all_channels(channel):
    staff = StaffFactory()
    grant(staff, "MANAGE_ORDERS", "HANDLE_PAYMENTS")

    actor = get_host().authenticate(request_with(access_token_for(staff)))

    assert actor.kind == ActorKind.STAFF
    assert {"MANAGE_ORDERS", "HANDLE_PAYMENTS"} <= actor.permissions
    assert actor.is_agent
    assert actor.channel_ids is None


@pytest.mark.django_db
def test_staff_in_restricted_groups_see_only_their_channels(channel, other_channel):
    staff = StaffFactory()
    grant(staff, "MANAGE_ORDERS", channels=[other_channel])

    actor = get_host().authenticate(request_with(access_token_for(staff)))

    assert actor.channel_ids == frozenset({other_channel.pk})
    assert not actor.can_access_channel(channel.pk)


@pytest.mark.django_db
def test_staff_without_manage_orders_are_no_agents():
    staff = StaffFactory()
    grant(staff, "MANAGE_USERS")

    actor = get_host().authenticate(request_with(access_token_for(staff)))

    assert actor.kind == ActorKind.STAFF
    assert not actor.is_agent


@pytest.mark.django_db
def test_an_app_token_is_the_app_with_its_permissions():
    app = AppFactory()
    grant(app, "MANAGE_ORDERS")

    actor = get_host().authenticate(request_with(app_token_for(app)))

    assert actor.kind == ActorKind.APP
    assert actor.app == app
    assert actor.is_agent


@pytest.mark.django_db
def test_a_deactivated_apps_token_is_refused():
    app = AppFactory()
    token = app_token_for(app)
    app.is_active = False
    app.save()

    with pytest.raises(AuthenticationError, match="Invalid token."):
        get_host().authenticate(request_with(token))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token", ["garbage", "a.b.c", "x" * 30, "eyJhbGciOiJIUzI1NiJ9.e30.invalid"]
)
def test_an_invalid_token_is_an_error_not_anonymous(token):
    with pytest.raises(AuthenticationError):
        get_host().authenticate(request_with(token))


@pytest.mark.django_db
def test_a_token_of_a_user_who_changed_their_token_key_is_refused():
    # Saleor invalidates all of a user's tokens by changing `jwt_token_key`.
    user = UserFactory()
    token = access_token_for(user)
    user.jwt_token_key = "rotated-key"
    user.save()

    with pytest.raises(AuthenticationError):
        get_host().authenticate(request_with(token))


@pytest.mark.django_db
def test_an_expired_token_is_refused():
    user = UserFactory()
    token = access_token_for(user)

    with (
        freeze_time(timezone.now() + timedelta(days=2)),
        pytest.raises(AuthenticationError, match="Signature has expired."),
    ):
        get_host().authenticate(request_with(token))
