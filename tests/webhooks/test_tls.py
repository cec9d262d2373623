"""HTTPS to a pinned address: the connection goes to the checked IP while TLS checks the
certificate against the URL's host name (SNI and verification)."""

import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saleor_helpdesk.webhooks import transport

from .test_ssrf import _resolves_to

pytestmark = pytest.mark.skipif(
    shutil.which("openssl") is None, reason="openssl is needed to make a certificate."
)


@pytest.fixture
def tls_receiver(tmp_path, settings):
    settings.HELPDESK_WEBHOOKS_ALLOW_LOOPBACK = True
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-keyout", str(key), "-out", str(cert), "-days", "1",
            "-subj", "/CN=hooks.example.com",
            "-addext", "subjectAltName=DNS:hooks.example.com",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    hosts = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            hosts.append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], cert, hosts
    server.shutdown()
    server.server_close()


@pytest.fixture
def trusting(monkeypatch, tls_receiver):
    _, cert, _ = tls_receiver
    original = ssl.create_default_context
    monkeypatch.setattr(
        transport.ssl, "create_default_context", lambda: original(cafile=str(cert))
    )
    monkeypatch.setattr(transport.socket, "getaddrinfo", _resolves_to("127.0.0.1"))


def test_https_goes_to_the_checked_address_and_verifies_the_host_name(
    tls_receiver, trusting
):
    port, _, hosts = tls_receiver

    response = transport.post(f"https://hooks.example.com:{port}/x", b"{}", {})

    assert (response.status_code, response.excerpt, response.error) == (200, "ok", "")
    assert hosts == [f"hooks.example.com:{port}"]


def test_a_certificate_for_another_name_is_refused(tls_receiver, trusting):
    port, _, hosts = tls_receiver

    response = transport.post(f"https://other.example.com:{port}/x", b"{}", {})

    assert response.status_code is None
    assert "certificate" in response.error.lower() or "hostname" in response.error
    assert hosts == []
