"""Outbound webhook requests: one POST, no redirects, short timeouts, public targets only.

The target's host name is resolved once (`socket.getaddrinfo`), every address is checked
against the forbidden networks, and the connection is made to the checked address
itself, with the original host name in `Host` and for TLS (SNI and certificate check),
so a DNS answer that changes between check and connect (DNS rebinding) cannot steer the
request to an internal address.

Built on the standard library's `http.client` (rather than `requests`) because it lets
us connect to the checked address while verifying TLS for the host name.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from ..error_codes import HelpdeskErrorCode
from ..errors import field_error
from ..nul import strip_nul

CONNECT_TIMEOUT = 2.0
READ_TIMEOUT = 10.0
EXCERPT_LENGTH = 500
MAX_RESPONSE_READ = 64 * 1024
USER_AGENT = "saleor-helpdesk-webhooks/1"


class TargetRefused(Exception):
    """The target URL is not allowed (scheme, or an internal address)."""


@dataclass(frozen=True)
class Response:
    status_code: int | None
    duration_ms: int
    excerpt: str
    error: str


def allow_loopback() -> bool:
    return bool(getattr(settings, "HELPDESK_WEBHOOKS_ALLOW_LOOPBACK", False))


def address_refused(address: str) -> str | None:
    """Why an IP address may not be a webhook target; None if it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return None if allow_loopback() else "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified or ip.is_reserved:
        return "a reserved address"
    if ip.is_private or not ip.is_global:
        return "a private address"
    return None


def _split(url: str) -> tuple[str, str, int, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise TargetRefused("Only http and https URLs can receive webhooks.")
    if not parts.hostname:
        raise TargetRefused("The URL has no host.")
    if parts.username or parts.password:
        raise TargetRefused("The URL may not contain credentials.")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as error:
        raise TargetRefused("The URL's port is not valid.") from error
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return scheme, parts.hostname, port, path


def resolve(url: str) -> tuple[str, str, int, str, list[tuple[Any, ...]]]:
    """Check a URL and resolve its host; every address must be allowed.

    Returns (scheme, host, port, path, addresses as getaddrinfo gives them)."""
    scheme, host, port, path = _split(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise TargetRefused(f"The host '{host}' cannot be resolved.") from error
    if not infos:
        raise TargetRefused(f"The host '{host}' cannot be resolved.")
    for info in infos:
        reason = address_refused(str(info[4][0]))
        if reason:
            raise TargetRefused(
                f"The host '{host}' resolves to {reason} ({info[4][0]}): webhooks go "
                "to public addresses only."
            )
    return scheme, host, port, path, infos


def check_target_url(url: str, field: str = "target_url") -> str:
    """For the API: a `ValidationError` on `field` unless the URL may receive webhooks."""
    url = (url or "").strip()
    if not url:
        raise field_error(field, "Enter a URL.", HelpdeskErrorCode.REQUIRED)
    if len(url) > 2048:
        raise field_error(field, "The URL is too long.", HelpdeskErrorCode.INVALID)
    try:
        resolve(url)
    except TargetRefused as error:
        raise field_error(
            field, str(error), HelpdeskErrorCode.WEBHOOK_TARGET_NOT_ALLOWED
        ) from error
    return url


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: tuple[Any, ...], family: int):
        super().__init__(host, port, timeout=CONNECT_TIMEOUT)
        self._address = address
        self._family = family

    def connect(self) -> None:
        sock = socket.socket(self._family, socket.SOCK_STREAM)
        try:
            sock.settimeout(CONNECT_TIMEOUT)
            sock.connect(self._address)
            sock.settimeout(READ_TIMEOUT)
        except OSError:
            sock.close()
            raise
        self.sock = sock


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    def connect(self) -> None:
        super().connect()
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


def post(url: str, body: bytes, headers: dict[str, str]) -> Response:
    """POST `body`; never raises for network trouble (it is in `Response.error`)."""
    started = time.monotonic()

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        scheme, host, port, path, infos = resolve(url)
    except TargetRefused as error:
        return Response(None, elapsed(), "", f"Refused: {error}")
    family, _, _, _, address = infos[0]
    connection_class = (
        _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    )
    connection = connection_class(host, port, address, family)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
                **headers,
            },
        )
        response = connection.getresponse()
        # READ_TIMEOUT bounds each read; the deadline bounds a consumer that trickles.
        deadline = started + CONNECT_TIMEOUT + READ_TIMEOUT
        content = b""
        while len(content) < MAX_RESPONSE_READ:
            if time.monotonic() > deadline:
                raise TimeoutError
            chunk = response.read1(min(8192, MAX_RESPONSE_READ - len(content)))
            if not chunk:
                break
            content += chunk
        # The receiver's answer is kept without NUL characters, which PostgreSQL does
        # not store: it is a record of what came back, and nobody can send it again
        # corrected (refusing it would lose the attempt's log).
        excerpt = strip_nul(content.decode("utf-8", errors="replace"))[:EXCERPT_LENGTH]
        # No redirect is followed: a 3xx is an answer like any other (not 2xx).
        return Response(response.status, elapsed(), excerpt, "")
    except TimeoutError:
        return Response(None, elapsed(), "", "Timed out.")
    except (OSError, http.client.HTTPException) as error:
        # A malformed status line is in the message as it came (BadStatusLine).
        message = strip_nul(f"{type(error).__name__}: {error}")
        return Response(None, elapsed(), "", message[:EXCERPT_LENGTH])
    finally:
        connection.close()
