"""Inbound webhooks as the e-mail services send them: the fields, the encoding (form or
JSON) and the signature of each, built around a sample message.

Shapes follow the services' documentation of their inbound webhooks (Mailgun's route
forwarding, Postmark's inbound JSON, SendGrid's Inbound Parse, Mandrill's inbound
events, Postal's HTTP endpoint); the signatures are computed as each service documents
them.
"""

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from urllib.parse import urlencode

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

MAILGUN_SIGNING_KEY = "key-mailgun-signing-0123456789abcdef"
MANDRILL_WEBHOOK_KEY = "mandrill-webhook-key-0123456789"
BASIC_AUTH = "helpdesk:correct-horse-battery-staple"


@dataclass
class Payload:
    body: bytes
    content_type: str
    headers: dict[str, str] = field(default_factory=dict)

    def request_headers(self) -> dict[str, str]:
        return {"Content-Type": self.content_type, **self.headers}


def basic_auth(credentials: str = BASIC_AUTH) -> dict[str, str]:
    token = base64.b64encode(credentials.encode()).decode()
    return {"Authorization": f"Basic {token}"}


def multipart(
    fields: dict[str, str], files: dict[str, tuple[str, str, bytes]] | None = None
) -> Payload:
    """multipart/form-data as a browser or an HTTP library writes it."""
    boundary = f"----helpdesk{secrets.token_hex(12)}"
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value.encode("utf-8")
            + b"\r\n"
        )
    for name, (filename, content_type, content) in (files or {}).items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return Payload(b"".join(parts), f"multipart/form-data; boundary={boundary}")


def _parsed(raw: bytes) -> EmailMessage:
    return message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def _text(raw: bytes) -> str:
    # The services post the message as text; the samples are UTF-8 or 7-bit.
    return raw.decode("utf-8")


# --- Mailgun: a route forwarding to our URL ending in `mime` ----------------------------


def mailgun_signature(
    timestamp: str, token: str, key: str = MAILGUN_SIGNING_KEY
) -> str:
    return hmac.new(
        key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256
    ).hexdigest()


def mailgun_raw(
    raw: bytes,
    *,
    recipient: str,
    key: str = MAILGUN_SIGNING_KEY,
    token: str | None = None,
) -> Payload:
    """The raw-MIME form Mailgun posts to a route's URL that ends in `mime`."""
    message = _parsed(raw)
    timestamp = str(int(time.time()))
    token = token or secrets.token_hex(25)
    return multipart(
        {
            "recipient": recipient,
            "sender": parseaddr(str(message["From"]))[1],
            "from": str(message["From"]),
            "subject": str(message["Subject"] or ""),
            "body-mime": _text(raw),
            "timestamp": timestamp,
            "token": token,
            "signature": mailgun_signature(timestamp, token, key),
        }
    )


def mailgun_parsed(raw: bytes, *, recipient: str) -> Payload:
    """The parsed form Mailgun posts to any other URL: the headers as JSON, the text
    and HTML bodies as fields."""
    message = _parsed(raw)
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    timestamp = str(int(time.time()))
    token = secrets.token_hex(25)
    fields = {
        "recipient": recipient,
        "sender": parseaddr(str(message["From"]))[1],
        "from": str(message["From"]),
        "subject": str(message["Subject"] or ""),
        "message-headers": json.dumps(
            [[name, str(value)] for name, value in message.items()]
        ),
        "timestamp": timestamp,
        "token": token,
        "signature": mailgun_signature(timestamp, token),
    }
    if text is not None:
        fields["body-plain"] = text.get_content()  # type: ignore[attr-defined]
    if html is not None:
        fields["body-html"] = html.get_content()  # type: ignore[attr-defined]
    return multipart(fields)


# --- Postmark: the inbound webhook's JSON, with basic auth in the URL ------------------


def _postmark_address(value: str) -> dict[str, str]:
    name, email = parseaddr(value)
    return {"Email": email, "Name": name, "MailboxHash": ""}


def postmark(
    raw: bytes,
    *,
    recipient: str,
    include_raw: bool = True,
    credentials: str = BASIC_AUTH,
) -> Payload:
    """Postmark's inbound JSON; `RawEmail` only when the server's "Include raw email
    content in JSON payload" option is on."""
    message = _parsed(raw)
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    attachments = [
        {
            "Name": part.get_filename() or "file",
            "Content": base64.b64encode(part.get_content()).decode(),  # type: ignore[attr-defined]
            "ContentType": part.get_content_type(),
            "ContentLength": len(part.get_content()),  # type: ignore[attr-defined]
            "ContentID": "",
        }
        for part in message.iter_attachments()  # type: ignore[attr-defined]
    ]
    skipped = {"from", "to", "cc", "subject", "date", "reply-to"}
    event = {
        "FromName": parseaddr(str(message["From"]))[0],
        "MessageStream": "inbound",
        "From": parseaddr(str(message["From"]))[1],
        "FromFull": _postmark_address(str(message["From"])),
        "To": str(message["To"] or ""),
        "ToFull": [
            _postmark_address(f'"{n}" <{e}>')
            for n, e in getaddresses([str(message["To"] or "")])
        ],
        "Cc": str(message["Cc"] or ""),
        "CcFull": [
            _postmark_address(f'"{n}" <{e}>')
            for n, e in getaddresses([str(message["Cc"])])
        ]
        if message["Cc"]
        else [],
        "Bcc": "",
        "BccFull": [],
        "OriginalRecipient": recipient,
        "Subject": str(message["Subject"] or ""),
        "MessageID": "22c74902-a0c1-4511-804f-341342852c90",
        "ReplyTo": str(message["Reply-To"] or ""),
        "MailboxHash": "",
        "Date": str(message["Date"] or ""),
        "TextBody": text.get_content() if text is not None else "",  # type: ignore[attr-defined]
        "HtmlBody": html.get_content() if html is not None else "",  # type: ignore[attr-defined]
        "StrippedTextReply": "",
        "Tag": "",
        "Headers": [
            {"Name": "Return-Path", "Value": f"<{parseaddr(str(message['From']))[1]}>"},
            *(
                {"Name": name, "Value": str(value)}
                for name, value in message.items()
                if name.lower() not in skipped
            ),
        ],
        "Attachments": attachments,
    }
    if include_raw:
        event["RawEmail"] = _text(raw)
    return Payload(
        json.dumps(event).encode(), "application/json", basic_auth(credentials)
    )


# --- SendGrid: Inbound Parse with "POST the raw, full MIME message" ------------------


def sendgrid_raw(
    raw: bytes, *, recipient: str, credentials: str = BASIC_AUTH
) -> Payload:
    message = _parsed(raw)
    sender = parseaddr(str(message["From"]))[1]
    payload = multipart(
        {
            "dkim": "{@gartenwelt.example : pass}",
            "email": _text(raw),
            "to": recipient,
            "from": str(message["From"]),
            "sender_ip": "192.0.2.25",
            "spam_report": "Spam detection software has NOT identified this e-mail.",
            "envelope": json.dumps({"to": [recipient], "from": sender}),
            "subject": str(message["Subject"] or ""),
            "spam_score": "0.1",
            "charsets": json.dumps(
                {"to": "UTF-8", "from": "UTF-8", "subject": "UTF-8", "email": "UTF-8"}
            ),
            "SPF": "pass",
        }
    )
    payload.headers.update(basic_auth(credentials))
    return payload


# --- Mandrill: inbound events, signed over the URL and the form -----------------------


def mandrill_signature(url: str, fields: dict[str, str], key: str) -> str:
    signed = url + "".join(name + fields[name] for name in sorted(fields))
    digest = hmac.new(key.encode(), signed.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def mandrill(
    raw: bytes, *, url: str, recipient: str, key: str = MANDRILL_WEBHOOK_KEY
) -> Payload:
    message = _parsed(raw)
    event = {
        "event": "inbound",
        "ts": int(time.time()),
        "msg": {
            "raw_msg": _text(raw),
            "headers": {name: str(value) for name, value in message.items()},
            "from_email": parseaddr(str(message["From"]))[1],
            "from_name": parseaddr(str(message["From"]))[0],
            "to": [[recipient, None]],
            "email": recipient,
            "subject": str(message["Subject"] or ""),
            "spam_report": {"score": 0.4, "matched_rules": []},
            "dkim": {"signed": True, "valid": True},
            "spf": {"result": "pass", "detail": "sender SPF authorized"},
        },
    }
    fields = {"mandrill_events": json.dumps([event])}
    return Payload(
        urlencode(fields).encode(),
        "application/x-www-form-urlencoded",
        {"X-Mandrill-Signature": mandrill_signature(url, fields, key)},
    )


def with_attachment(raw: bytes, filename: str, content: bytes) -> bytes:
    """The message with one more file attached (a large message for the size tests)."""
    message = _parsed(raw)
    message.add_attachment(
        content, maintype="application", subtype="octet-stream", filename=filename
    )
    return message.as_bytes()


# --- Postal: the raw message base64 in JSON, signed with the server's RSA key ---------


@dataclass(frozen=True)
class PostalKey:
    private: rsa.RSAPrivateKey

    @property
    def public(self) -> str:
        """The public key as Postal shows it for webhooks: the PEM body on one line."""
        der = self.private.public_key().public_bytes(
            serialization.Encoding.DER,
            serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        return base64.b64encode(der).decode()

    def sign(self, body: bytes) -> str:
        signature = self.private.sign(body, padding.PKCS1v15(), hashes.SHA1())  # noqa: S303 (Postal's algorithm)
        return base64.b64encode(signature).decode()


def postal_key() -> PostalKey:
    return PostalKey(rsa.generate_private_key(public_exponent=65537, key_size=2048))


def postal(raw: bytes, *, recipient: str, key: PostalKey) -> Payload:
    message = _parsed(raw)
    body = json.dumps(
        {
            "id": 233980,
            "rcpt_to": recipient,
            "mail_from": parseaddr(str(message["From"]))[1],
            "token": secrets.token_hex(6),
            "subject": str(message["Subject"] or ""),
            "message": base64.b64encode(raw).decode(),
            "base64": True,
            "size": str(len(raw)),
        }
    ).encode()
    return Payload(body, "application/json", {"X-Postal-Signature": key.sign(body)})
