"""A private Dovecot: its own configuration, certificates and mail under a temporary
folder, listening on 127.0.0.1 on free ports for IMAP (with STARTTLS) and IMAPS.

The IMAP tests start one per session (`conftest.py`); the mail benchmark
(`bin/benchmark --mail`) starts one of its own. Every account is written to the
passwd-file before the server starts.
"""

import datetime
import ipaddress
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from imap_tools import MailBox

from saleor_helpdesk.mailboxes.imap import ImapSettings

DOVECOT = os.environ.get("HELPDESK_DOVECOT", "/usr/sbin/dovecot")
START_TIMEOUT = 20.0
ACCOUNTS = [f"agent{number}" for number in range(1, 201)]


def password(user: str) -> str:
    return f"secret-{user}"


@dataclass(frozen=True)
class DovecotServer:
    root: Path
    imap_port: int
    imaps_port: int
    ca_file: Path
    startup_seconds: float

    def ca_context(self) -> ssl.SSLContext:
        """A verifying context that trusts this server's certificate authority."""
        return ssl.create_default_context(cafile=str(self.ca_file))


@dataclass(frozen=True)
class Account:
    """One test's mail account and the settings that reach it over plain IMAP."""

    server: DovecotServer
    settings: ImapSettings

    @classmethod
    def of(cls, server: DovecotServer, user: str) -> "Account":
        return cls(
            server=server,
            settings=ImapSettings(
                host="127.0.0.1",
                port=server.imap_port,
                security="none",
                user=user,
                password=password(user),
                folder="INBOX",
                after_fetch="mark_read",
                move_to_folder="",
                timeout=10.0,
            ),
        )

    def mailbox(self) -> MailBox:
        """An imap-tools session over IMAPS, logged in, for filling and inspecting."""
        return MailBox(
            "127.0.0.1", self.server.imaps_port, ssl_context=self.server.ca_context()
        ).login(self.settings.user, self.settings.password, initial_folder=None)

    def over(self, security: str, **changes: object) -> ImapSettings:
        """The settings for another way in: "ssl" (IMAPS), "starttls" or "none"."""
        port = self.server.imaps_port if security == "ssl" else self.server.imap_port
        return replace(self.settings, security=security, port=port, **changes)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _certificates(folder: Path) -> Path:
    """A certificate authority and a server certificate for 127.0.0.1 / localhost
    signed by it; returns the authority's file (the server's are cert.pem, key.pem)."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Helpdesk test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    (folder / "ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return folder / "ca.pem"


def _config(root: Path, imap_port: int, imaps_port: int, internal_user: str) -> str:
    return f"""\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
default_internal_user = {internal_user}
default_login_user = {internal_user}
first_valid_uid = 1
first_valid_gid = 1
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:~/Maildir
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/users
}}
userdb {{
  driver = passwd-file
  args = {root}/users
}}
# No growing delay after a wrong password (Dovecot's brute-force brake): the tests log
# in with wrong passwords on purpose, and the next login must not wait seconds.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
"""


def _greets(port: int) -> bool:
    """Dovecot answers on the plain IMAP port (both listeners start together)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            return connection.recv(16).startswith(b"* OK")
    except OSError:
        return False


class DovecotMissing(Exception):
    """No Dovecot binary here; the message says how to get one."""


class DovecotFailed(Exception):
    """Dovecot would not start; the message carries its log."""


@contextmanager
def running_dovecot(users: Sequence[str] = ACCOUNTS) -> Iterator[DovecotServer]:
    """A Dovecot serving `users` (password: `password(user)`) until the block ends."""
    if not os.access(DOVECOT, os.X_OK):
        raise DovecotMissing(
            f"Dovecot is not installed: {DOVECOT} is missing (bin/test installs "
            "Debian's dovecot-imapd as root; or set HELPDESK_DOVECOT to its binary)."
        )
    started = time.monotonic()
    # Not under pytest's tmp folder: that is private to the user running the tests,
    # and Dovecot's mail processes run as another user when the tests run as root.
    root = Path(tempfile.mkdtemp(prefix="helpdesk-dovecot-"))
    root.chmod(0o755)
    if os.getuid() == 0:
        mail_user = pwd.getpwnam("mail")
        internal_user = "dovenull"
    else:
        mail_user = pwd.getpwuid(os.getuid())
        internal_user = mail_user.pw_name
    (root / "mail").mkdir()
    os.chown(root / "mail", mail_user.pw_uid, mail_user.pw_gid)
    (root / "users").write_text(
        "".join(
            f"{user}:{{PLAIN}}{password(user)}:{mail_user.pw_uid}:{mail_user.pw_gid}::"
            f"{root / 'mail' / user}::\n"
            for user in users
        )
    )
    ca_file = _certificates(root)
    imap_port, imaps_port = free_port(), free_port()
    config = root / "dovecot.conf"
    config.write_text(_config(root, imap_port, imaps_port, internal_user))
    # Dovecot forks into the background keeping its output open: a file, not a pipe.
    with (root / "start.log").open("wb") as output:
        status = subprocess.run(
            [DOVECOT, "-c", str(config)], stdout=output, stderr=output, check=False
        ).returncode
    if status != 0:
        log = (root / "start.log").read_text()
        shutil.rmtree(root, ignore_errors=True)
        raise DovecotFailed(f"Dovecot did not start:\n{log}")
    try:
        deadline = started + START_TIMEOUT
        while not _greets(imap_port):
            if time.monotonic() > deadline:
                log = (root / "dovecot.log").read_text(errors="replace")
                raise DovecotFailed(
                    f"Dovecot did not start in {START_TIMEOUT:g} s:\n{log}"
                )
            time.sleep(0.05)
        yield DovecotServer(
            root=root,
            imap_port=imap_port,
            imaps_port=imaps_port,
            ca_file=ca_file,
            startup_seconds=time.monotonic() - started,
        )
    finally:
        subprocess.run([DOVECOT, "-c", str(config), "stop"], check=False)
        shutil.rmtree(root, ignore_errors=True)
