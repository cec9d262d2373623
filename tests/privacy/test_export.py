"""Exporting everything the helpdesk holds about a customer, over real HTTP: a zip with
`export.json` and the files, for staff with MANAGE_USERS and MANAGE_ORDERS only."""

import io
import json
import zipfile
from urllib.parse import urlencode

import pytest

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.core.actor import Actor
from tests.factories import (
    AppFactory,
    StaffFactory,
    access_token_for,
    app_token_for,
    grant,
    make_ticket,
)
from tests.files import samples
from tests.http.conftest import http
from tests.privacy.conftest import gid

PERMISSION_DENIED = {
    "error": {
        "code": "permission_denied",
        "message": "You need the MANAGE_USERS and MANAGE_ORDERS permissions to "
        "export a customer's data.",
    }
}


@pytest.fixture(autouse=True)
def _live_database(transactional_db, django_db_serialized_rollback):
    """Real HTTP against the live server: committed data, defaults restored."""


@pytest.fixture
def plugin_url(live_server) -> str:
    return f"{live_server.url}/plugins/global/{PLUGIN_ID}/"


@pytest.fixture
def export_url(plugin_url):
    def url(**query) -> str:
        return f"{plugin_url}privacy/export/?{urlencode(query)}"

    return url


@pytest.fixture
def officer(db):
    """Staff with MANAGE_USERS and MANAGE_ORDERS in every channel."""
    user = StaffFactory(email="datenschutz@shop.example")
    grant(user, "MANAGE_USERS", "MANAGE_ORDERS")
    return user


def unzip(body: bytes) -> tuple[dict, dict[str, bytes]]:
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert archive.testzip() is None
    files = {name: archive.read(name) for name in archive.namelist()}
    return json.loads(files.pop("export.json")), files


def test_staff_download_the_customers_data_as_a_zip(
    annas_data, customer, officer, export_url
):
    # given Anna's complaint (photos, an internal note, a staff file) and question

    # when the privacy officer downloads her data
    reply = http(
        export_url(customer=gid("User", customer.pk)), token=access_token_for(officer)
    )

    # then a zip comes, as a download nobody caches
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/zip"
    assert reply.headers["Content-Disposition"].startswith(
        'attachment; filename="helpdesk-export-'
    )
    assert reply.headers["Cache-Control"] == "private, no-store"
    document, files = unzip(reply.body)
    # with her two tickets, and not Bert's
    assert document["format"] == "saleor-helpdesk-export/1"
    assert document["person"] == {
        "customer_id": gid("User", customer.pk),
        "email": "kunde@example.de",
    }
    numbers = [ticket["number"] for ticket in document["tickets"]]
    assert numbers == [annas_data["complaint"].number, annas_data["question"].number]
    complaint = document["tickets"][0]
    assert complaint["subject"] == "Becher kaputt"
    assert complaint["customer_name"] == "Anna Schmidt"
    assert complaint["cc_emails"] == ["partner@example.de"]
    assert complaint["complaint"]["customer_number"] == "Kundennummer 4711"
    # every message, the internal note marked, staff by kind and never by name
    assert [
        (m["author"], m["internal"], m["body_html"]) for m in complaint["messages"]
    ] == [
        ("customer", False, "<p>Henkel abgebrochen, Kundennummer 4711</p>"),
        ("customer", False, "<p>Meine private Nachricht</p>"),
        ("staff", False, "<p>Liebe Frau Schmidt, wir ersetzen ihn.</p>"),
        ("staff", True, "<p>Anna Schmidt ruft oft an.</p>"),
    ]
    assert "agent@shop.example" not in reply.body.decode("latin-1")
    # the e-mails sent about it, and its timeline
    assert {e["to"][0] for e in complaint["emails"]} >= {"kunde@example.de"}
    assert complaint["timeline"][0]["type"] == "created"
    # and every file, with the bytes that were uploaded
    listed = [
        a["file"] for message in complaint["messages"] for a in message["attachments"]
    ] + [a["file"] for a in complaint["attachments"]]
    assert sorted(listed) == sorted(files)
    assert len(files) == 3
    contents = sorted(files.values())
    assert contents == sorted([samples.PNG, samples.PNG, samples.PDF])


def test_a_guest_is_exported_by_e_mail_address(
    guest_actor, guest_order, channel, officer, export_url
):
    # given a guest's ticket with a photo
    make_ticket(
        guest_actor,
        order_id=guest_order.pk,
        channel_id=channel.pk,
        subject="Gast fragt",
        attachments=[samples.upload("gast.png", samples.PNG)],
    )

    # when the officer exports by the address
    reply = http(export_url(email="gast@example.de"), token=access_token_for(officer))

    # then the guest's ticket and photo are in it
    document, files = unzip(reply.body)
    assert [t["subject"] for t in document["tickets"]] == ["Gast fragt"]
    assert list(files.values()) == [samples.PNG]


def test_an_erased_customer_exports_empty(annas_data, customer, officer, export_url):
    # given Anna's data was erased (her account stays)
    from saleor_helpdesk.actions.privacy import erase_customer_data

    erase_customer_data(Actor.staff(officer, {"MANAGE_USERS"}), customer_id=customer.pk)

    # when the officer exports her
    reply = http(
        export_url(customer=gid("User", customer.pk)), token=access_token_for(officer)
    )

    # then nothing is held about her any more
    document, files = unzip(reply.body)
    assert document["tickets"] == []
    assert files == {}


def test_an_app_with_both_permissions_may_export(annas_data, customer, export_url):
    # given an integration (e.g. the shop's privacy tool) with both permissions
    app = AppFactory(name="DSGVO-Tool")
    grant(app, "MANAGE_USERS", "MANAGE_ORDERS")

    # when it exports Anna's data
    reply = http(
        export_url(customer=gid("User", customer.pk)), token=app_token_for(app)
    )

    # then it gets the zip
    assert reply.status == 200
    assert len(unzip(reply.body)[0]["tickets"]) == 2


# --- who may not ----------------------------------------------------------------------


def test_anonymous_callers_are_asked_to_sign_in(annas_data, customer, export_url):
    reply = http(export_url(customer=gid("User", customer.pk)))

    assert reply.status == 401
    assert reply.json() == {
        "error": {
            "code": "unauthenticated",
            "message": "Send a staff user's or an app's token "
            "(Authorization: Bearer …).",
        }
    }


def test_a_customer_can_never_export_anyones_data(annas_data, customer, export_url):
    # given Bert, a customer with a ticket of his own, and Anna herself
    bert = annas_data["other"].customer
    for caller, whom in ((bert, customer), (customer, bert), (customer, customer)):
        # when a customer asks for an export
        reply = http(
            export_url(customer=gid("User", whom.pk)), token=access_token_for(caller)
        )

        # then they are refused, and get no data
        assert reply.status == 403
        assert reply.json() == PERMISSION_DENIED
    reply = http(export_url(email=customer.email), token=access_token_for(bert))
    assert (reply.status, reply.json()) == (403, PERMISSION_DENIED)


@pytest.mark.parametrize(
    "permissions", [(), ("MANAGE_ORDERS",), ("MANAGE_USERS",)], ids=str
)
def test_staff_without_both_permissions_are_refused(
    annas_data, customer, export_url, permissions
):
    # given staff lacking MANAGE_USERS or MANAGE_ORDERS
    staff = StaffFactory()
    if permissions:
        grant(staff, *permissions)

    # when they ask for Anna's export
    reply = http(
        export_url(customer=gid("User", customer.pk)), token=access_token_for(staff)
    )

    # then 403
    assert (reply.status, reply.json()) == (403, PERMISSION_DENIED)


def test_bad_requests_are_refused_with_the_reason(officer, export_url, customer):
    token = access_token_for(officer)
    cases = [
        (
            export_url(),
            400,
            {
                "code": "required",
                "field": "customer",
                "message": "Give either a customer or an e-mail address.",
            },
        ),
        (
            export_url(customer=gid("User", 999999)),
            404,
            {
                "code": "not_found",
                "field": "customer",
                "message": "Customer not found.",
            },
        ),
        (
            export_url(customer=gid("Ticket", 1)),
            400,
            {
                "code": "invalid",
                "field": "customer",
                "message": "Invalid ID: expected an ID of type User.",
            },
        ),
        (
            export_url(email="kaputt"),
            400,
            {
                "code": "invalid_email",
                "field": "email",
                "message": "'kaputt' is not an e-mail address.",
            },
        ),
    ]
    for url, status, error in cases:
        reply = http(url, token=token)
        assert (reply.status, reply.json()) == (status, {"error": error}), url
    reply = http(
        export_url(customer=gid("User", customer.pk)),
        token=token,
        method="POST",
        data=b"",
    )
    assert reply.status == 405
