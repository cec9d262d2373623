"""Outbound webhook requests: one POST, no redirects, one deadline, public targets only.

The target's host name is resolved once (`socket.getaddrinfo`), every address is checked
against the forbidden networks, and the connection is made to the checked address
itself, with the original host name in `Host` and for TLS (SNI and certificate check),
so a DNS answer that changes between check and connect (DNS rebinding) cannot steer the
request to an internal address.

One deadline (`timeout()`, default 12 s) covers the whole request after the name is
resolved: connecting (at most `CONNECT_TIMEOUT` of it), the TLS handshake, sending, the
status line, the headers and the body. Every socket operation gets only the time that is
left, so a receiver that trickles its answer a byte at a time cannot hold a worker
longer.

A worker's round sends through one `Sender`, which keeps one connection alive per
receiver (scheme, host and port) and resolves and checks each receiver's name once for
the round; the deadline stays per request. A connection is reused only after a complete
answer read to its end (an answer longer than we read closes it), and a kept connection
the receiver closed meanwhile is replaced once, within the request's deadline.

Built on the standard library's `http.client` (rather than `requests`) because it lets
us connect to the checked address while verifying TLS for the host name.
"""

import http.client
import io
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from ..core import conf
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..core.nul import strip_nul

CONNECT_TIMEOUT = 2.0
DEFAULT_TIMEOUT = 12.0
# A delivery is leased for 60 s (`claiming.LEASE`): a request must end well before.
MAX_TIMEOUT = 50.0
EXCERPT_LENGTH = 500
MAX_RESPONSE_READ = 64 * 1024
USER_AGENT = "saleor-helpdesk-webhooks/1"

# Prefixes that carry an IPv4 address inside an IPv6 one, for a relay or translator to
# forward to (6to4 and Teredo have their own properties in `ipaddress`).
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class TargetRefused(Exception):
    """The target URL is not allowed (scheme, or an internal address)."""


class TargetUnresolvable(TargetRefused):
    """The target's host name does not resolve (now): worth trying again later."""


@dataclass(frozen=True)
class Response:
    status_code: int | None
    duration_ms: int
    excerpt: str
    error: str
    # The target is not allowed: trying again cannot help.
    refused: bool = False


def timeout() -> float:
    """Seconds one request may take in all (`HELPDESK_WEBHOOK_TIMEOUT`)."""
    value = conf.seconds("HELPDESK_WEBHOOK_TIMEOUT", DEFAULT_TIMEOUT)
    return min(max(value, 0.1), MAX_TIMEOUT)


def allow_loopback() -> bool:
    """The helpdesk's own setting, or Saleor's for its own outgoing requests
    (`HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS`, read by `saleor/core/http_client.py`)."""
    return conf.flag("HELPDESK_WEBHOOKS_ALLOW_LOOPBACK") or bool(
        getattr(settings, "HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS", False)
    )


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses a 6to4, Teredo or NAT64 address sends traffic towards."""
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return list(ip.teredo)  # the Teredo server and the client
    if ip in NAT64:
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    return []


def address_refused(address: str) -> str | None:
    """Why an IP address may not be a webhook target; None if it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped  # the socket talks IPv4 to it: judged as IPv4
        else:
            for embedded in _embedded_ipv4(ip):
                reason = _ipv4_refused(embedded)
                if reason:
                    return f"{reason} ({embedded}) inside an IPv6 address"
            if ip in NAT64:
                # NAT64 (DNS64 networks) forwards to the embedded public address.
                return None
    return _refused(ip)


def _ipv4_refused(ip: ipaddress.IPv4Address) -> str | None:
    """Behind a relay or translator, loopback means the relay's own: always refused."""
    if ip.is_loopback:
        return "a loopback address"
    return _refused(ip)


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
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
    return scheme, host, port, path, _checked_addresses(host, port)


def _checked_addresses(host: str, port: int) -> list[tuple[Any, ...]]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise TargetUnresolvable(f"The host '{host}' cannot be resolved.") from error
    if not infos:
        raise TargetUnresolvable(f"The host '{host}' cannot be resolved.")
    for info in infos:
        reason = address_refused(str(info[4][0]))
        if reason:
            raise TargetRefused(
                f"The host '{host}' resolves to {reason} ({info[4][0]}): webhooks go "
                "to public addresses only."
            )
    return infos


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


class _DeadlineReader(io.RawIOBase):
    """The socket's file as `http.client` made it, each read given only the time left."""

    def __init__(self, raw: Any, sock: socket.socket, deadline: float):
        self._raw = raw
        self._sock = sock
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        _limit(self._sock, self._deadline)
        return self._raw.readinto(buffer)

    def close(self) -> None:
        # The socket's file counts as a user of the socket: closing it lets the
        # connection close the socket (as `http.client`'s own file would).
        self._raw.close()
        super().close()


def _limit(sock: socket.socket, deadline: float, at_most: float | None = None) -> None:
    """Let the socket's next operation take only the time left (or `at_most`)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    sock.settimeout(left if at_most is None else min(left, at_most))


@dataclass
class _Deadline:
    """When the current request must be over: one per connection, set per request."""

    at: float = 0.0


class _DeadlineResponse(http.client.HTTPResponse):
    deadline = _Deadline()

    def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any):
        super().__init__(sock, *args, **kwargs)
        # The file `http.client` reads the status line, headers and body from, with
        # the deadline on every read.
        raw = self.fp.detach()
        self.fp = io.BufferedReader(_DeadlineReader(raw, sock, self.deadline.at))


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: tuple[Any, ...], family: int):
        super().__init__(host, port, timeout=CONNECT_TIMEOUT)
        self._address = address
        self._family = family
        self.deadline = _Deadline()
        self.response_class = type(
            "_Response", (_DeadlineResponse,), {"deadline": self.deadline}
        )

    def connect(self) -> None:
        sock = socket.socket(self._family, socket.SOCK_STREAM)
        try:
            _limit(sock, self.deadline.at, CONNECT_TIMEOUT)
            sock.connect(self._address)
            # As `http.client` does: a request goes out at once, not after an ACK.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            _limit(sock, self.deadline.at)
        except OSError:
            sock.close()
            raise
        self.sock = sock

    def send(self, data: Any) -> None:
        if self.sock is None:
            self.connect()
        # `sendall` keeps one timeout for all of it (CPython 3.5+).
        _limit(self.sock, self.deadline.at)
        super().send(data)


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    def connect(self) -> None:
        super().connect()
        context = ssl.create_default_context()
        # The handshake, too, ends within the socket's timeout: the time left.
        _limit(self.sock, self.deadline.at)
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


# What a kept-alive connection the receiver closed meanwhile looks like when it is used
# again: the request is sent once more on a new connection.
_STALE = (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)
# Open connections a sender keeps (the least recently used is closed beyond).
MAX_KEPT_CONNECTIONS = 16

_Target = tuple[str, str, int]  # scheme, host, port
_Addresses = list[tuple[Any, ...]]  # as `socket.getaddrinfo` gives them


class Sender:
    """POSTs that keep one connection alive per receiver (scheme, host and port) and
    resolve and check each receiver's name once, for as long as the sender lives: one
    worker's batch. Close it (or use it as a context manager) at the batch's end.

    Each request has its own deadline (`timeout()`), as with a connection of its own.
    A connection is kept only after a complete answer the receiver did not mark
    `Connection: close`; after a timeout, an error or an answer longer than we read,
    it is closed. Within a batch every request to a receiver goes to the address that
    was checked for the batch's first (DNS pinning holds for the batch).
    """

    def __init__(self) -> None:
        self.limit = timeout()
        self._addresses: dict[tuple[str, int], _Addresses | TargetRefused] = {}
        self._urls: dict[str, tuple[str, str, int, str]] = {}
        self._connections: dict[_Target, _PinnedHTTPConnection] = {}

    def __enter__(self) -> "Sender":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()

    def _checked(self, host: str, port: int) -> _Addresses:
        """The receiver's checked addresses, or its refusal, once per sender."""
        key = (host, port)
        if key not in self._addresses:
            try:
                self._addresses[key] = _checked_addresses(host, port)
            except TargetRefused as error:
                self._addresses[key] = error
        found = self._addresses[key]
        if isinstance(found, TargetRefused):
            raise found
        return found

    def _connection(self, target: _Target) -> _PinnedHTTPConnection:
        connection = self._connections.pop(target, None)
        if connection is not None:
            return connection
        scheme, host, port = target
        family, _, _, _, address = self._checked(host, port)[0]
        connection_class = (
            _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        )
        return connection_class(host, port, address, family)

    def _keep(self, target: _Target, connection: _PinnedHTTPConnection) -> None:
        self._connections[target] = connection  # the most recently used last
        while len(self._connections) > MAX_KEPT_CONNECTIONS:
            oldest = next(iter(self._connections))
            self._connections.pop(oldest).close()

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> Response:
        """POST `body`; never raises for network trouble (it is in `Response.error`)."""
        started = time.monotonic()
        limit = self.limit

        def elapsed() -> int:
            return int((time.monotonic() - started) * 1000)

        try:
            if url not in self._urls:
                self._urls[url] = _split(url)
            scheme, host, port, path = self._urls[url]
            target = (scheme, host, port)
            connection = self._connection(target)
        except TargetUnresolvable as error:
            return Response(None, elapsed(), "", f"Not resolved: {error}")
        except TargetRefused as error:
            return Response(None, elapsed(), "", f"Refused: {error}", refused=True)
        connection.deadline.at = time.monotonic() + limit
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            **headers,
        }
        keep = False
        try:
            response = _send(connection, path, body, headers)
            try:
                content = _read_capped(response)
                # Reusable only when the answer was read to its end and the receiver
                # keeps the connection open (`http.client` dropped it otherwise).
                keep = response.isclosed() and connection.sock is not None
            finally:
                response.close()  # releases the socket now, not when collected
            # The receiver's answer is kept without NUL characters, which PostgreSQL
            # does not store: it is a record of what came back, and nobody can send it
            # again corrected (refusing it would lose the attempt's log).
            excerpt = strip_nul(content.decode("utf-8", errors="replace"))
            # No redirect is followed: a 3xx is an answer like any other (not 2xx).
            return Response(response.status, elapsed(), excerpt[:EXCERPT_LENGTH], "")
        except TimeoutError:
            return Response(
                None,
                elapsed(),
                "",
                f"Timed out: no complete answer within {limit:g} s.",
            )
        except (OSError, http.client.HTTPException) as error:
            # A malformed status line is in the message as it came (BadStatusLine).
            message = strip_nul(f"{type(error).__name__}: {error}")
            return Response(None, elapsed(), "", message[:EXCERPT_LENGTH])
        finally:
            if keep:
                self._keep(target, connection)
            else:
                connection.close()


def _send(
    connection: _PinnedHTTPConnection, path: str, body: bytes, headers: dict[str, str]
) -> http.client.HTTPResponse:
    """Send the request and read the status line and headers. A kept-alive connection
    the receiver has closed meanwhile fails before any answer: then once more on a new
    connection, within the same deadline. (The receiver may, rarely, have read the
    first one: a duplicate with the same event id, which at-least-once allows.)"""
    reused = connection.sock is not None
    try:
        connection.request("POST", path, body=body, headers=headers)
        return connection.getresponse()
    except _STALE:
        if not reused:
            raise
    connection.close()
    connection.request("POST", path, body=body, headers=headers)
    return connection.getresponse()


def _read_capped(response: http.client.HTTPResponse) -> bytes:
    """The answer's body up to `MAX_RESPONSE_READ` bytes; a complete body marks the
    response closed (so its connection may serve the next request)."""
    content = b""
    while len(content) < MAX_RESPONSE_READ:
        chunk = response.read1(min(8192, MAX_RESPONSE_READ - len(content)))
        if not chunk:
            break
        content += chunk
    if response.length == 0 and not response.isclosed():
        # `read1` does not mark a body read to its announced length complete.
        response.close()
    return content


def post(url: str, body: bytes, headers: dict[str, str]) -> Response:
    """One POST on a connection of its own."""
    with Sender() as sender:
        return sender.post(url, body, headers)
