"""Downloading an attachment over real HTTP: the only way a file leaves private
storage, and only for whoever may see the ticket (and, for internal files, staff)."""

from datetime import timedelta
from uuid import uuid4

import pytest
from django.utils import timezone
from freezegun import freeze_time

from saleor_helpdesk.actions import add_attachments, remove_attachment
from tests.factories import (
    AppFactory,
    StaffFactory,
    access_token_for,
    app_token_for,
    grant,
    make_ticket,
)
from tests.files import samples
from tests.files.samples import upload
from tests.http.conftest import http

NOT_FOUND = {"error": {"code": "not_found", "message": "Attachment not found."}}


@pytest.fixture
def ticket(customer_actor, channel):
    return make_ticket(
        customer_actor,
        channel_id=channel.pk,
        attachments=[upload("photo.png", samples.PNG)],
    )


@pytest.fixture
def attachment(ticket):
    return ticket.attachments.get(display_name="photo.png")


@pytest.fixture
def internal_attachment(staff_actor, ticket):
    [internal] = add_attachments(
        staff_actor, ticket.pk, [upload("notiz.pdf", samples.PDF)], internal=True
    )
    return internal


@pytest.fixture
def url_of(plugin_url):
    def url(attachment) -> str:
        return f"{plugin_url}attachments/{attachment.uuid}/"

    return url


@pytest.fixture
def agent(staff_user):
    """A staff user with MANAGE_ORDERS in every channel."""
    grant(staff_user, "MANAGE_ORDERS")
    return staff_user


# --- the customer ---------------------------------------------------------------------


def test_the_tickets_customer_downloads_the_file(customer, attachment, url_of):
    # given the customer's access token
    token = access_token_for(customer)

    # when they download their attachment
    reply = http(url_of(attachment), token=token)

    # then they get the bytes, as a download the browser must not sniff or cache
    assert reply.status == 200
    assert reply.body == samples.PNG
    assert reply.headers["Content-Type"] == "image/png"
    assert reply.headers["Content-Length"] == str(len(samples.PNG))
    assert reply.headers["Content-Disposition"] == 'attachment; filename="photo.png"'
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Cache-Control"] == "private, no-store"
    assert reply.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_the_download_is_named_by_the_cleaned_display_name(
    customer, customer_actor, ticket, url_of
):
    # given a PDF uploaded under a path with a right-to-left override and umlauts
    [pdf] = add_attachments(
        customer_actor,
        ticket.pk,
        [samples.raw_upload("../../Rechnung M\u00e4rz\u202e.pdf", samples.PDF)],
    )

    # when the customer downloads it
    reply = http(url_of(pdf), token=access_token_for(customer))

    # then it is named by its cleaned display name, encoded for HTTP
    assert reply.status == 200
    assert reply.body == samples.PDF
    assert reply.headers["Content-Type"] == "application/pdf"
    assert (
        reply.headers["Content-Disposition"]
        == "attachment; filename*=utf-8''Rechnung%20M%C3%A4rz.pdf"
    )


def test_a_quote_in_the_display_name_cannot_break_the_header(
    customer, customer_actor, ticket, url_of
):
    # given a file whose name tries to end the filename parameter
    [png] = add_attachments(
        customer_actor, ticket.pk, [upload('a".html; x="y.png', samples.PNG)]
    )

    # when the customer downloads it
    reply = http(url_of(png), token=access_token_for(customer))

    # then the quote is escaped inside the parameter
    assert reply.status == 200
    assert (
        reply.headers["Content-Disposition"]
        == 'attachment; filename="a\\".html; x=\\"y.png"'
    )


def test_an_anonymous_visitor_gets_not_found(attachment, url_of):
    # when someone without a token asks for the file
    reply = http(url_of(attachment))

    # then its existence is not revealed
    assert reply.status == 404
    assert reply.json() == NOT_FOUND


def test_another_customer_gets_not_found(other_customer, attachment, url_of):
    # given another customer's valid token
    token = access_token_for(other_customer)

    # when they ask for the file
    reply = http(url_of(attachment), token=token)

    # then it does not exist for them
    assert reply.status == 404
    assert reply.json() == NOT_FOUND


def test_the_customer_gets_not_found_for_an_internal_file(
    customer, internal_attachment, url_of
):
    # when the ticket's customer asks for an internal file on their ticket
    reply = http(url_of(internal_attachment), token=access_token_for(customer))

    # then it does not exist for them
    assert reply.status == 404
    assert reply.json() == NOT_FOUND


def test_a_removed_file_is_not_found(customer, customer_actor, attachment, url_of):
    # given the customer removed their file
    remove_attachment(customer_actor, attachment.pk)

    # when they ask for it
    reply = http(url_of(attachment), token=access_token_for(customer))

    # then it is gone
    assert reply.status == 404
    assert reply.json() == NOT_FOUND


@pytest.mark.parametrize(
    "attachment_id",
    [
        pytest.param(lambda: str(uuid4()), id="unknown-uuid"),
        pytest.param(lambda: "0" * 36, id="36-hex-digits"),
        pytest.param(lambda: "-" * 36, id="36-dashes"),
    ],
)
def test_an_id_that_names_no_attachment_is_not_found(
    customer, plugin_url, attachment_id
):
    # when the customer asks for an id that is no attachment (or no UUID at all)
    reply = http(
        f"{plugin_url}attachments/{attachment_id()}/", token=access_token_for(customer)
    )

    # then it is not found, not a server error
    assert reply.status == 404
    assert reply.json() == NOT_FOUND


# --- tokens ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["not-a-token", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"],
    ids=["app-token-shape", "jwt-shape", "bad-signature"],
)
def test_an_invalid_token_is_unauthorised(attachment, url_of, token):
    # when someone sends a token the host does not know
    reply = http(url_of(attachment), token=token)

    # then they are told the token is invalid
    assert reply.status == 401
    assert reply.json() == {
        "error": {"code": "invalid_token", "message": "Invalid token."}
    }


def test_an_expired_token_is_unauthorised(customer, attachment, url_of):
    # given the customer's token, two days later
    token = access_token_for(customer)

    # when they download with it
    with freeze_time(timezone.now() + timedelta(days=2)):
        reply = http(url_of(attachment), token=token)

    # then they must sign in again
    assert reply.status == 401
    assert reply.json() == {
        "error": {"code": "invalid_token", "message": "Signature has expired."}
    }


def test_a_token_of_a_deactivated_customer_is_unauthorised(
    customer, attachment, url_of
):
    # given a customer whose account was deactivated after signing in
    token = access_token_for(customer)
    customer.is_active = False
    customer.save(update_fields=["is_active"])

    # when the old token is used
    reply = http(url_of(attachment), token=token)

    # then it no longer works
    assert reply.status == 401
    assert reply.json()["error"]["code"] == "invalid_token"


# --- staff ----------------------------------------------------------------------------


def test_staff_with_manage_orders_download_an_internal_file(
    agent, internal_attachment, url_of
):
    # when staff with MANAGE_ORDERS ask for an internal file
    reply = http(url_of(internal_attachment), token=access_token_for(agent))

    # then they get it
    assert reply.status == 200
    assert reply.body == samples.PDF
    assert reply.headers["Content-Disposition"] == 'attachment; filename="notiz.pdf"'


def test_staff_with_manage_orders_download_a_customers_file(agent, attachment, url_of):
    # when staff with MANAGE_ORDERS ask for the customer's file
    reply = http(url_of(attachment), token=access_token_for(agent))

    # then they get it
    assert reply.status == 200
    assert reply.body == samples.PNG


def test_staff_without_manage_orders_get_not_found(attachment, url_of):
    # given a staff user with an unrelated permission only
    clerk = StaffFactory(email="clerk@shop.example")
    grant(clerk, "MANAGE_USERS")

    # when they ask for a ticket's file
    reply = http(url_of(attachment), token=access_token_for(clerk))

    # then it does not exist for them
    assert reply.status == 404
    assert reply.json() == NOT_FOUND


def test_staff_restricted_to_another_channel_get_not_found(
    other_channel, attachment, internal_attachment, url_of
):
    # given staff whose only group works the other channel
    clerk = StaffFactory(email="us-clerk@shop.example")
    grant(clerk, "MANAGE_ORDERS", channels=[other_channel])
    token = access_token_for(clerk)

    # when they ask for files of a ticket in the default channel
    public = http(url_of(attachment), token=token)
    internal = http(url_of(internal_attachment), token=token)

    # then neither exists for them
    assert (public.status, public.json()) == (404, NOT_FOUND)
    assert (internal.status, internal.json()) == (404, NOT_FOUND)


def test_staff_restricted_to_the_tickets_channel_download_the_file(
    channel, internal_attachment, url_of
):
    # given staff whose only group works the ticket's channel
    clerk = StaffFactory(email="de-clerk@shop.example")
    grant(clerk, "MANAGE_ORDERS", channels=[channel])

    # when they ask for an internal file of the ticket
    reply = http(url_of(internal_attachment), token=access_token_for(clerk))

    # then they get it
    assert reply.status == 200
    assert reply.body == samples.PDF


# --- apps -----------------------------------------------------------------------------


def test_an_app_with_manage_orders_downloads_the_file(
    internal_attachment, attachment, url_of
):
    # given an app token with MANAGE_ORDERS
    app = AppFactory(name="ERP")
    grant(app, "MANAGE_ORDERS")
    token = app_token_for(app)

    # when the app downloads a public and an internal file
    public = http(url_of(attachment), token=token)
    internal = http(url_of(internal_attachment), token=token)

    # then it gets both
    assert (public.status, public.body) == (200, samples.PNG)
    assert (internal.status, internal.body) == (200, samples.PDF)


def test_an_app_without_manage_orders_gets_not_found(attachment, url_of):
    # given an app token without permissions
    token = app_token_for(AppFactory(name="Newsletter"))

    # when the app asks for a ticket's file
    reply = http(url_of(attachment), token=token)

    # then it does not exist for the app
    assert reply.status == 404
    assert reply.json() == NOT_FOUND


def test_a_token_of_a_deactivated_app_is_unauthorised(attachment, url_of):
    # given a token of an app that was deactivated
    app = AppFactory(name="Old ERP")
    grant(app, "MANAGE_ORDERS")
    token = app_token_for(app)
    app.is_active = False
    app.save(update_fields=["is_active"])

    # when it is used
    reply = http(url_of(attachment), token=token)

    # then it is refused
    assert reply.status == 401
    assert reply.json() == {
        "error": {"code": "invalid_token", "message": "Invalid token."}
    }


# --- methods --------------------------------------------------------------------------


def test_post_to_an_attachment_is_not_allowed(customer, attachment, url_of):
    # when a client POSTs to an attachment
    reply = http(
        url_of(attachment), method="POST", data=b"x", token=access_token_for(customer)
    )

    # then it is told to use GET
    assert reply.status == 405
    assert reply.json() == {
        "error": {"code": "method_not_allowed", "message": "Use GET."}
    }
