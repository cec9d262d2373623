"""`POST inbound/<service>/<mailbox uuid>/`: an e-mail service's inbound webhook.

Anymail's view for the service checks the request (signature or basic auth, with the
secrets of `services.py`) and reads the service's payload into messages; each message
goes to `receive_email` for the mailbox in the URL. The view is anymail's own, with one
step added after its checks (`_TakingIn`); anymail's `inbound` signal still fires for
each message, for anyone else who listens.

Answers: 200 with what became of each message (a redelivery is 200 too, marked as a
duplicate, so the service stops retrying); 400 for a request anymail refuses (a wrong
signature or password) or cannot read; 404 for an unknown service or mailbox; 409 for a
mailbox switched off; 413 for a body larger than the mailbox takes; 503 while the
service's secrets are not configured (so the service retries once they are). A
database failure is a 500: nothing was written, and the service delivers again.
"""

import hashlib
import logging
from email.errors import InvalidMultipartContentTransferEncodingDefect
from email.message import Message
from email.policy import default
from io import BytesIO
from typing import Any, cast

import requests
from anymail.exceptions import (
    AnymailConfigurationError,
    AnymailError,
    AnymailImproperlyInstalled,
    AnymailWebhookValidationFailure,
)
from anymail.signals import AnymailInboundEvent
from django.core.exceptions import ImproperlyConfigured, RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase

from ...actions.inbound import Received, receive_email
from ...core.error_codes import HelpdeskErrorCode, HttpErrorCode
from ...models import Mailbox
from .common import (
    MARGIN,
    BodyTooLarge,
    content_length,
    error,
    mailbox_inactive,
    mailbox_not_found,
    push_mailbox,
    read_body,
    received_json,
    too_large,
)
from .services import SERVICES, Service, configuration, missing, view_options

logger = logging.getLogger(__name__)

# Headers written back as they came (a long header is not folded anew).
AS_RECEIVED = default.clone(refold_source="none")
# The only transfer encodings a multipart part may declare (RFC 2045, 6.4).
IDENTITY_ENCODINGS = ("", "7bit", "8bit", "binary")


class _MailboxInactive(Exception):
    pass


class _Unreadable(Exception):
    pass


def webhook_limit(mailbox: Mailbox) -> int:
    """The largest body taken: payloads carry the message base64-encoded or twice
    (raw and parsed), so twice the mailbox's largest message."""
    return 2 * mailbox.max_message_size + MARGIN


def receive_webhook(
    request: HttpRequest, service: str, mailbox_uuid: str
) -> HttpResponseBase:
    found = SERVICES.get(service)
    if found is None:
        return error(
            HelpdeskErrorCode.NOT_FOUND.value,
            f"No e-mail service called {service!r}; the helpdesk takes "
            f"{', '.join(SERVICES)}.",
            404,
        )
    if request.method not in ("POST", "HEAD"):
        return error(HttpErrorCode.METHOD_NOT_ALLOWED, "Use POST.", 405)
    mailbox = push_mailbox(mailbox_uuid)
    if mailbox is None:
        return mailbox_not_found()
    if request.method == "HEAD":
        # Some services try the URL with HEAD when it is entered, before their
        # signing key is known (and so configured here): nothing is taken in.
        return HttpResponse()
    try:
        config = configuration()
    except ImproperlyConfigured as wrong:
        logger.error("Inbound e-mail webhooks: %s", wrong)
        return _not_configured(str(wrong))
    problem = missing(found, config)
    if problem is not None:
        return _not_configured(problem)
    limit = webhook_limit(mailbox)
    try:
        _read_within(request, limit)
    except BodyTooLarge:
        return too_large(limit)
    return _run(request, found, mailbox, view_options(found, config), limit)


def _run(
    request: HttpRequest,
    service: Service,
    mailbox: Mailbox,
    options: dict[str, Any],
    limit: int,
) -> HttpResponseBase:
    view_class = _TAKING_IN[service.slug]
    try:
        view = view_class(mailbox=mailbox, service=service, **options)
    except AnymailImproperlyInstalled as problem:
        # A package the service needs and anymail does not require (boto3, svix).
        # Anymail's advice to install its extra is left out: the extra's pins could
        # move the versions Saleor's lock holds.
        logger.error("Inbound e-mail from %s: %s", service.name, problem)
        return _not_configured(
            f"{service.name} webhooks cannot run: {str(problem).splitlines()[0]}"
        )
    view.setup(request)
    try:
        response = view.dispatch(request)
    except AnymailWebhookValidationFailure:
        return error(
            HttpErrorCode.INVALID_SIGNATURE,
            f"The request's signature or password is not {service.name}'s.",
            400,
        )
    except _Unreadable:
        return error(
            HelpdeskErrorCode.INVALID.value,
            f"The request is not a {service.name} inbound webhook the helpdesk can read.",
            400,
        )
    except AnymailConfigurationError as problem:
        # Signed by the service but meant for another endpoint (a tracking webhook
        # at the inbound URL): anymail's message says which.
        logger.warning("Inbound e-mail from %s: %s", service.name, problem)
        return error(HelpdeskErrorCode.INVALID.value, str(problem), 400)
    except _MailboxInactive:
        return mailbox_inactive()
    except RequestDataTooBig:
        # A form field over Django's DATA_UPLOAD_MAX_MEMORY_SIZE: the raw message
        # in a multipart post (Mailgun's and SendGrid's raw-MIME modes).
        return too_large(limit)
    if response.status_code != 200:
        # Amazon SNS asks for basic auth with a 401 before it sends it.
        return response
    return JsonResponse({"messages": [received_json(r) for r in view.received]})


def _read_within(request: HttpRequest, limit: int) -> None:
    """Refuse a body over `limit` before anymail reads it, and read a form-less one
    (JSON, URL-encoded) here. Django's `request.body` refuses bodies above
    DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB unless the host sets it, and Saleor does
    not); the mailbox's own limit is the one that counts for a message, so the body
    read under it is the one `request.body` answers (as Django keeps it itself).
    Multipart posts stream their files to disk and are left to Django."""
    if request.content_type == "multipart/form-data":
        length = content_length(request)
        if length is not None and length > limit:
            raise BodyTooLarge
        return
    body = read_body(request, limit)
    request._body = body
    request._stream = BytesIO(body)


def _not_configured(message: str) -> JsonResponse:
    return error(HttpErrorCode.NOT_CONFIGURED, message, 503)


def as_received(message: Message) -> bytes:
    """The message's bytes as the service received it, as near as anymail keeps it:
    a service that sends the raw message has it parsed and written back (the same
    headers and parts; line ends become LF), one that sends parsed fields has it
    put together from them."""
    _drop_copied_transfer_encoding(message)
    _fix_boundaries(message)
    try:
        return message.as_bytes(policy=AS_RECEIVED)
    except (LookupError, TypeError, ValueError, UnicodeError):
        # A part anymail built that the generator cannot write: its text as UTF-8,
        # for `receive_email` to keep (and mark malformed if it cannot read it).
        return message.as_string(policy=AS_RECEIVED).encode("utf-8", "replace")


def _drop_copied_transfer_encoding(message: Message) -> None:
    """Anymail puts a message sent as parsed fields together as multipart/mixed under
    the original's headers, dropping its Content-Type but not its
    Content-Transfer-Encoding: a single-part original's `quoted-printable` would then
    stand on the multipart container, which makes the message malformed. A message
    that came parsed from the wire with that defect keeps it."""
    encoding = str(message.get("Content-Transfer-Encoding", "")).strip().lower()
    if (
        message.is_multipart()
        and encoding not in IDENTITY_ENCODINGS
        and not any(
            isinstance(defect, InvalidMultipartContentTransferEncodingDefect)
            for defect in message.defects
        )
    ):
        del message["Content-Transfer-Encoding"]


def _fix_boundaries(message: Message) -> None:
    """Give each multipart anymail put together a boundary made from its content
    instead of a random one, so that the same payload delivered twice gives the same
    bytes (a message without a Message-ID is known again by the hash of its bytes).
    Innermost parts first: a container's boundary hashes its parts as written."""
    for part in reversed(list(message.walk())):
        if part.is_multipart() and part.get_boundary() is None:
            children = cast(list[Message], part.get_payload())
            content = b"".join(child.as_bytes(policy=AS_RECEIVED) for child in children)
            part.set_boundary(f"=_{hashlib.sha256(content).hexdigest()[:40]}")


class _TakingIn:
    """Mixed in front of an anymail inbound view: once anymail has checked the
    request and read its events, each inbound message is taken in for the mailbox.

    `parse_events` is the step anymail runs after `run_validators` and before it
    sends its signal: overriding it keeps the mailbox with the request (anymail's
    signal carries neither)."""

    mailbox: Mailbox
    service: Service
    received: list[Received]

    def __init__(self, *, mailbox: Mailbox, service: Service, **kwargs: Any) -> None:
        self.mailbox = mailbox
        self.service = service
        self.received = []
        super().__init__(**kwargs)

    def run_validators(self, request: HttpRequest) -> None:
        try:
            super().run_validators(request)  # type: ignore[misc]
        except AnymailWebhookValidationFailure:
            raise
        except (AnymailError, KeyError, TypeError, ValueError) as failure:
            # A body the service's check cannot even read (malformed SNS JSON):
            # not signed, so not the service's.
            raise _Unreadable from failure

    def parse_events(self, request: HttpRequest) -> list[Any]:
        if not self.mailbox.is_active:
            raise _MailboxInactive
        try:
            events = super().parse_events(request)  # type: ignore[misc]
        except requests.RequestException:
            # Fetching the message from the service's API failed: try again later.
            raise
        except (KeyError, TypeError, ValueError) as failure:
            logger.warning(
                "Inbound e-mail from %s: unreadable payload: %r",
                self.service.name,
                failure,
            )
            raise _Unreadable from failure
        for event in events:
            if isinstance(event, AnymailInboundEvent) and event.message is not None:
                self.received.append(
                    receive_email(
                        as_received(event.message),
                        mailbox=self.mailbox,
                        via=self.service.slug,
                    )
                )
        return events


_TAKING_IN: dict[str, type] = {
    slug: type(f"Helpdesk{service.view.__name__}", (_TakingIn, service.view), {})
    for slug, service in SERVICES.items()
}
