"""E-mail services' inbound webhooks: signed as each service signs them, checked by
anymail's views, taken in once."""

import importlib.util
import json

import pytest
from anymail.signals import inbound

from saleor_helpdesk.models import Comment, InboundEmail, InboundStatus, Ticket
from saleor_helpdesk.models.mailbox import MailboxKind
from tests.inbound.conftest import raw
from tests.intake.conftest import SUPPORT
from tests.intake.push import payloads
from tests.intake.push.conftest import PLUGIN, TEST_HOST

SECRETS = {
    "WEBHOOK_SECRET": payloads.BASIC_AUTH,
    "MAILGUN_WEBHOOK_SIGNING_KEY": payloads.MAILGUN_SIGNING_KEY,
    "MANDRILL_WEBHOOK_KEY": payloads.MANDRILL_WEBHOOK_KEY,
}


@pytest.fixture
def configured(settings):
    settings.HELPDESK_ANYMAIL = dict(SECRETS)
    return settings


@pytest.fixture
def signing_keys(settings):
    """Only the services' signing keys: no basic auth on top."""
    settings.HELPDESK_ANYMAIL = {
        key: value for key, value in SECRETS.items() if key != "WEBHOOK_SECRET"
    }
    return settings


@pytest.fixture
def post(send):
    def deliver(path: str, payload: payloads.Payload):
        return send(
            path,
            body=payload.body,
            content_type=payload.content_type,
            headers=payload.headers,
        )

    return deliver


def assert_nothing_written():
    assert InboundEmail.objects.count() == 0
    assert Ticket.objects.count() == 0


def assert_taken_in(reply, via: str) -> InboundEmail:
    assert reply.status == 200, reply.body
    inbound_email = InboundEmail.objects.get()
    assert reply.json() == {
        "messages": [
            {
                "status": "processed",
                "inboundId": str(inbound_email.uuid),
                "duplicate": False,
            }
        ]
    }
    assert inbound_email.via == via
    assert inbound_email.status == InboundStatus.PROCESSED, inbound_email.note
    ticket = Ticket.objects.get()
    assert ticket.customer_email == "anna.schmidt@example.de"
    assert "Lieferverzögerung" in ticket.subject
    assert inbound_email.ticket_id == ticket.pk
    return inbound_email


# --- Mailgun: HMAC signature with the webhook signing key -------------------------------


def test_mailgun_raw_mime_opens_a_ticket(signing_keys, post, webhook_path):
    # when Mailgun forwards a customer's message to the URL that ends in `mime`
    payload = payloads.mailgun_raw(raw("new_customer_thunderbird"), recipient=SUPPORT)
    reply = post(webhook_path("mailgun") + "mime", payload)

    # then it is taken in as Mailgun's
    assert_taken_in(reply, via="mailgun")


def test_mailgun_parsed_fields_open_a_ticket(signing_keys, post, webhook_path):
    # when Mailgun posts the parsed message (headers as JSON, text as a field)
    payload = payloads.mailgun_parsed(
        raw("new_customer_thunderbird"), recipient=SUPPORT
    )
    reply = post(webhook_path("mailgun"), payload)

    # then the message anymail puts together is taken in
    inbound_email = assert_taken_in(reply, via="mailgun")
    assert inbound_email.message_id == "3f6c1a2b-9d8e-4f70-b1c2-d3e4f5a6b7c8@example.de"


def test_mailgun_with_a_wrong_signature_is_refused(signing_keys, post, webhook_path):
    # given a payload signed with another key
    payload = payloads.mailgun_raw(
        raw("new_customer_thunderbird"), recipient=SUPPORT, key="key-of-someone-else"
    )

    # when it is posted
    reply = post(webhook_path("mailgun") + "mime", payload)

    # then anymail's check refuses it, and nothing is written
    assert reply.status == 400
    assert reply.json()["error"]["code"] == "invalid_signature"
    assert_nothing_written()


def test_mailgun_delivering_twice_makes_one_comment(signing_keys, post, webhook_path):
    # given a message Mailgun delivered
    message = raw("new_customer_thunderbird")
    first = post(
        webhook_path("mailgun") + "mime",
        payloads.mailgun_raw(message, recipient=SUPPORT),
    ).json()

    # when Mailgun delivers it again (a retry, with a fresh token and signature)
    reply = post(
        webhook_path("mailgun") + "mime",
        payloads.mailgun_raw(message, recipient=SUPPORT),
    )

    # then it is answered as a duplicate, and the ticket has one comment
    assert reply.status == 200
    assert reply.json() == {
        "messages": [
            {
                "status": "processed",
                "inboundId": first["messages"][0]["inboundId"],
                "duplicate": True,
            }
        ]
    }
    assert InboundEmail.objects.count() == 1
    assert Comment.objects.count() == 1


def test_mailgun_raw_mime_over_djangos_field_limit_is_413(
    signing_keys, post, webhook_path
):
    # given a host that caps form fields at 50 kB (Django's own cap is 2.5 MB)
    signing_keys.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    message = payloads.with_attachment(
        raw("new_customer_thunderbird"), "scan.bin", b"s" * 60_000
    )

    # when Mailgun posts the raw message as a form field larger than that
    reply = post(
        webhook_path("mailgun") + "mime",
        payloads.mailgun_raw(message, recipient=SUPPORT),
    )

    # then it is refused as too large, not as a server error
    assert reply.status == 413
    assert_nothing_written()


def test_mailgun_without_its_signing_key_refuses_everything(
    settings, post, webhook_path
):
    # given only basic auth configured, not Mailgun's signing key
    settings.HELPDESK_ANYMAIL = {"WEBHOOK_SECRET": payloads.BASIC_AUTH}

    # when a payload arrives (signed, with the right basic auth)
    payload = payloads.mailgun_raw(raw("new_customer_thunderbird"), recipient=SUPPORT)
    payload.headers.update(payloads.basic_auth())
    reply = post(webhook_path("mailgun") + "mime", payload)

    # then the endpoint refuses until the key is set
    assert reply.status == 503
    assert reply.json()["error"] == {
        "code": "not_configured",
        "message": "Mailgun webhooks are not configured: set "
        "MAILGUN_WEBHOOK_SIGNING_KEY in HELPDESK_ANYMAIL.",
    }
    assert_nothing_written()


def test_mailgun_with_basic_auth_set_also_needs_it(configured, post, webhook_path):
    # given basic auth and the signing key both configured
    # when a correctly signed payload comes without the password
    payload = payloads.mailgun_raw(raw("new_customer_thunderbird"), recipient=SUPPORT)
    reply = post(webhook_path("mailgun") + "mime", payload)

    # then it is refused: every configured check must pass
    assert reply.status == 400
    assert_nothing_written()


def test_a_hosts_own_anymail_setting_is_not_read(signing_keys, post, webhook_path):
    # given the host's own anymail settings asking for basic auth (the helpdesk's
    # configuration asks for none)
    signing_keys.ANYMAIL = {"WEBHOOK_SECRET": "host:secret"}

    # when Mailgun posts a signed message without a password
    payload = payloads.mailgun_raw(raw("new_customer_thunderbird"), recipient=SUPPORT)
    reply = post(webhook_path("mailgun") + "mime", payload)

    # then the helpdesk's configuration alone decides
    assert reply.status == 200


# --- Postmark: basic auth --------------------------------------------------------------


@pytest.mark.parametrize("include_raw", [True, False], ids=["raw", "parsed"])
def test_postmark_opens_a_ticket(configured, post, webhook_path, include_raw):
    payload = payloads.postmark(
        raw("new_customer_thunderbird"), recipient=SUPPORT, include_raw=include_raw
    )

    reply = post(webhook_path("postmark"), payload)

    assert_taken_in(reply, via="postmark")


def test_postmark_with_a_wrong_password_is_refused(configured, post, webhook_path):
    payload = payloads.postmark(
        raw("new_customer_thunderbird"),
        recipient=SUPPORT,
        credentials="helpdesk:guessed",
    )

    reply = post(webhook_path("postmark"), payload)

    assert reply.status == 400
    assert reply.json()["error"]["code"] == "invalid_signature"
    assert_nothing_written()


def test_postmark_without_a_password_is_refused(configured, post, webhook_path):
    payload = payloads.postmark(raw("new_customer_thunderbird"), recipient=SUPPORT)
    del payload.headers["Authorization"]

    reply = post(webhook_path("postmark"), payload)

    assert reply.status == 400
    assert_nothing_written()


def test_postmark_is_refused_while_no_password_is_configured(
    settings, post, webhook_path
):
    # given no basic auth configured: Postmark does not sign its webhooks, so
    # anymail would take anything (with a warning)
    settings.HELPDESK_ANYMAIL = {
        "MAILGUN_WEBHOOK_SIGNING_KEY": payloads.MAILGUN_SIGNING_KEY
    }
    payload = payloads.postmark(raw("new_customer_thunderbird"), recipient=SUPPORT)

    reply = post(webhook_path("postmark"), payload)

    # then the helpdesk refuses it
    assert reply.status == 503
    assert reply.json()["error"]["message"] == (
        "Postmark webhooks are not configured: set WEBHOOK_SECRET in HELPDESK_ANYMAIL."
    )
    assert_nothing_written()


def test_a_payload_larger_than_djangos_upload_limit_is_taken(
    configured, post, webhook_path, settings
):
    # given Django's default cap on request bodies (Saleor keeps it) and a message
    # with a 2 MB file, which Postmark posts twice (raw and as an attachment)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
    message = payloads.with_attachment(
        raw("new_customer_thunderbird"), "fotos.zip", b"\x50\x4b" * 1_000_000
    )
    payload = payloads.postmark(message, recipient=SUPPORT)
    assert len(payload.body) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    # when Postmark posts it
    reply = post(webhook_path("postmark"), payload)

    # then the mailbox's limit (25 MB) is the one that counts
    assert reply.status == 200
    assert InboundEmail.objects.get().size > 2_000_000


def test_a_payload_larger_than_the_mailbox_takes_is_413(
    configured, post, webhook_path, push_mailbox
):
    push_mailbox.max_message_size = 10_000
    push_mailbox.save()
    message = payloads.with_attachment(
        raw("new_customer_thunderbird"), "gross.bin", b"x" * 600_000
    )

    reply = post(
        webhook_path("postmark"), payloads.postmark(message, recipient=SUPPORT)
    )

    assert reply.status == 413
    assert reply.json()["error"]["code"] == "too_large"
    assert_nothing_written()


# --- SendGrid: Inbound Parse, raw MIME, basic auth ------------------------------------


def test_sendgrid_raw_opens_a_ticket(configured, post, webhook_path):
    payload = payloads.sendgrid_raw(raw("new_customer_thunderbird"), recipient=SUPPORT)

    reply = post(webhook_path("sendgrid"), payload)

    assert_taken_in(reply, via="sendgrid")


def test_sendgrid_with_a_wrong_password_is_refused(configured, post, webhook_path):
    payload = payloads.sendgrid_raw(
        raw("new_customer_thunderbird"), recipient=SUPPORT, credentials="x:y"
    )

    reply = post(webhook_path("sendgrid"), payload)

    assert reply.status == 400
    assert_nothing_written()


# --- Mandrill: HMAC-SHA1 over the URL and the form ------------------------------------


def test_mandrill_opens_a_ticket(signing_keys, post, webhook_path):
    path = webhook_path("mandrill")
    payload = payloads.mandrill(
        raw("new_customer_thunderbird"), url=TEST_HOST + path, recipient=SUPPORT
    )

    reply = post(path, payload)

    assert_taken_in(reply, via="mandrill")


def test_mandrill_signed_for_another_url_is_refused(signing_keys, post, webhook_path):
    payload = payloads.mandrill(
        raw("new_customer_thunderbird"),
        url=f"{TEST_HOST}{PLUGIN}inbound/mandrill/00000000-0000-4000-8000-000000000000/",
        recipient=SUPPORT,
    )

    reply = post(webhook_path("mandrill"), payload)

    assert reply.status == 400
    assert reply.json()["error"]["code"] == "invalid_signature"
    assert_nothing_written()


# --- Postal: RSA signature over the body ---------------------------------------------


@pytest.fixture(scope="module")
def postal_key():
    return payloads.postal_key()


def test_postal_opens_a_ticket(settings, post, webhook_path, postal_key):
    settings.HELPDESK_ANYMAIL = {"POSTAL_WEBHOOK_KEY": postal_key.public}
    payload = payloads.postal(
        raw("new_customer_thunderbird"), recipient=SUPPORT, key=postal_key
    )

    reply = post(webhook_path("postal"), payload)

    assert_taken_in(reply, via="postal")


def test_postal_signed_by_another_server_is_refused(
    settings, post, webhook_path, postal_key
):
    settings.HELPDESK_ANYMAIL = {"POSTAL_WEBHOOK_KEY": postal_key.public}
    payload = payloads.postal(
        raw("new_customer_thunderbird"), recipient=SUPPORT, key=payloads.postal_key()
    )

    reply = post(webhook_path("postal"), payload)

    assert reply.status == 400
    assert reply.json()["error"]["code"] == "invalid_signature"
    assert_nothing_written()


# --- Amazon SES: needs boto3, which Saleor has and anymail does not require ---------


@pytest.mark.skipif(
    importlib.util.find_spec("boto3") is not None,
    reason="boto3 is installed (as inside Saleor): the view can be built",
)
def test_amazon_ses_without_boto3_says_what_is_missing(configured, post, webhook_path):
    payload = payloads.Payload(b"{}", "application/json", payloads.basic_auth())

    reply = post(webhook_path("amazon_ses"), payload)

    assert reply.status == 503
    assert reply.json()["error"]["code"] == "not_configured"
    assert "boto3" in reply.json()["error"]["message"]
    assert_nothing_written()


# --- the same for every service --------------------------------------------------------


def test_anymails_signal_still_fires(configured, post, webhook_path):
    # given someone else listening to anymail's inbound signal
    heard = []

    def listener(sender, event, esp_name, **kwargs):
        heard.append((esp_name, event.message["Message-ID"]))

    inbound.connect(listener)
    try:
        payload = payloads.postmark(raw("new_customer_thunderbird"), recipient=SUPPORT)
        reply = post(webhook_path("postmark"), payload)
    finally:
        inbound.disconnect(listener)

    assert reply.status == 200
    assert heard == [("Postmark", "<3f6c1a2b-9d8e-4f70-b1c2-d3e4f5a6b7c8@example.de>")]


def test_a_switched_off_mailbox_is_409_after_the_check(
    configured, post, webhook_path, push_mailbox
):
    push_mailbox.is_active = False
    push_mailbox.save()
    payload = payloads.postmark(raw("new_customer_thunderbird"), recipient=SUPPORT)

    reply = post(webhook_path("postmark"), payload)

    assert reply.status == 409
    assert reply.json()["error"]["code"] == "mailbox_inactive"
    assert_nothing_written()


def test_a_switched_off_mailbox_refuses_a_wrong_password_first(
    configured, post, webhook_path, push_mailbox
):
    push_mailbox.is_active = False
    push_mailbox.save()
    payload = payloads.postmark(
        raw("new_customer_thunderbird"), recipient=SUPPORT, credentials="a:b"
    )

    reply = post(webhook_path("postmark"), payload)

    assert reply.status == 400


def test_an_unknown_service_is_404(configured, post, webhook_path):
    reply = post(
        webhook_path("pigeon"),
        payloads.postmark(raw("new_customer_thunderbird"), recipient=SUPPORT),
    )

    assert reply.status == 404
    assert reply.json()["error"]["code"] == "not_found"
    assert "mailgun" in reply.json()["error"]["message"]


def test_an_unknown_mailbox_is_404(configured, post):
    url = f"{PLUGIN}inbound/postmark/00000000-0000-4000-8000-000000000000/"

    reply = post(
        url, payloads.postmark(raw("new_customer_thunderbird"), recipient=SUPPORT)
    )

    assert reply.status == 404
    assert_nothing_written()


def test_an_imap_mailbox_takes_no_webhook(configured, post, webhook_path, push_mailbox):
    push_mailbox.kind = MailboxKind.IMAP
    push_mailbox.save()

    reply = post(
        webhook_path("postmark"),
        payloads.postmark(raw("new_customer_thunderbird"), recipient=SUPPORT),
    )

    assert reply.status == 404
    assert_nothing_written()


def test_head_answers_before_anything_is_configured(settings, send, webhook_path):
    # given nothing configured yet (Mandrill tries the URL before showing its key)
    settings.HELPDESK_ANYMAIL = {}

    reply = send(webhook_path("mandrill"), method="HEAD")

    assert reply.status == 200


def test_get_is_not_allowed(configured, send, webhook_path):
    reply = send(webhook_path("postmark"), method="GET")

    assert reply.status == 405


def test_a_tracking_webhook_at_the_inbound_url_says_so(configured, post, webhook_path):
    # given Postmark's delivery webhook pointed at the inbound URL by mistake
    event = {"RecordType": "Delivery", "MessageID": "x", "Recipient": SUPPORT}
    payload = payloads.Payload(
        json.dumps(event).encode(), "application/json", payloads.basic_auth()
    )

    reply = post(webhook_path("postmark"), payload)

    # then the answer names the mistake
    assert reply.status == 400
    assert "Delivery* webhook" in reply.json()["error"]["message"]
    assert_nothing_written()


def test_a_signed_payload_that_cannot_be_read_is_400(configured, post, webhook_path):
    payload = payloads.Payload(b"{not json", "application/json", payloads.basic_auth())

    reply = post(webhook_path("postmark"), payload)

    assert reply.status == 400
    assert reply.json()["error"]["code"] == "invalid"
    assert_nothing_written()
