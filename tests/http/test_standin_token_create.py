"""`tokenCreate` on the host's `/graphql/`, as the extension's demo login uses it (the
stand-in's; inside Saleor, Saleor's own: the same answers)."""

from django.test import Client

from saleor_helpdesk.core.actor import ActorKind
from saleor_helpdesk.host import get_host
from tests.factories import StaffFactory

TOKEN_CREATE = """
mutation Login($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { field code message } }
}
"""


def _login(email, password):
    response = Client().post(
        "/graphql/",
        {"query": TOKEN_CREATE, "variables": {"email": email, "password": password}},
        content_type="application/json",
    )
    assert response.status_code == 200
    return response.json()["data"]["tokenCreate"]


def test_a_staff_user_logs_in_and_the_token_opens_the_helpdesk(rf, db):
    user = StaffFactory(email="lena@shop.example")
    user.set_password("demo")
    user.save()

    data = _login("lena@shop.example", "demo")

    assert data["errors"] == []
    request = rf.get("/", HTTP_AUTHORIZATION=f"Bearer {data['token']}")
    actor = get_host().authenticate(request)
    assert actor.kind == ActorKind.STAFF and actor.user == user


def test_wrong_credentials_get_saleors_error(db):
    user = StaffFactory(email="lena@shop.example")
    user.set_password("demo")
    user.save()

    # One attempt: Saleor delays further logins from the same address after failures.
    assert _login("lena@shop.example", "wrong") == {
        "token": None,
        "errors": [
            {
                "field": "email",
                "code": "INVALID_CREDENTIALS",
                "message": "Please, enter valid credentials",
            }
        ],
    }
