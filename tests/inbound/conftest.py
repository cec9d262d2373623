"""Sample messages as mail clients send them (`messages/*.eml`), and the key that
signs reply addresses in them."""

import random
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from saleor_helpdesk.inbound.message import InboundMessage, parse_message

MESSAGES = Path(__file__).parent / "messages"
# The reply addresses in the sample files were signed with this key.
SAMPLE_SECRET_KEY = "inbound-test-secret-key-0123456789abcdef"
BIG_ATTACHMENT_SIZE = 20 * 1024 * 1024


def raw(name: str) -> bytes:
    return (MESSAGES / f"{name}.eml").read_bytes()


def parsed(name: str) -> InboundMessage:
    return parse_message(raw(name))


def sample_names() -> list[str]:
    return sorted(path.stem for path in MESSAGES.glob("*.eml"))


@pytest.fixture
def sample_key(settings):
    settings.SECRET_KEY = SAMPLE_SECRET_KEY
    settings.SECRET_KEY_FALLBACKS = []
    return SAMPLE_SECRET_KEY


@pytest.fixture(scope="session")
def big_attachment() -> bytes:
    return random.Random(20).randbytes(BIG_ATTACHMENT_SIZE)


@pytest.fixture(scope="session")
def big_message(big_attachment) -> bytes:
    """A 20 MB video from a phone, as a mail client encodes it (base64, about 27 MB
    on the wire)."""
    message = EmailMessage()
    message["From"] = "Anna Schmidt <anna.schmidt@example.de>"
    message["To"] = "support@gartenwelt.example"
    message["Subject"] = "Video vom Schaden"
    message["Date"] = "Wed, 11 Mar 2026 18:02:00 +0100"
    message["Message-ID"] = "<big.7a1c@example.de>"
    message.set_content("Hallo,\n\nanbei ein Video vom Schaden.\n\nAnna\n")
    message.add_attachment(
        big_attachment, maintype="video", subtype="mp4", filename="schaden.mp4"
    )
    return message.as_bytes(policy=policy.SMTP)
