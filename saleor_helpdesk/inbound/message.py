"""One inbound e-mail, read from its raw bytes into plain values.

The standard library's `email` package (with `policy.default`) reads the MIME
structure; this module turns what it finds into an `InboundMessage` that the rest of
`inbound/` reads without touching `email` objects again. Reading never raises: a message
the parser cannot make sense of still comes back, marked `malformed` and with its
`defects` named, so the caller can keep it for staff instead of losing it or stopping
the messages behind it.

Text is decoded the way mail clients decode it: a declared charset is honoured, with
the labels browsers widen (ISO-8859-1 and US-ASCII are read as Windows-1252, whose
quotes and euro sign Outlook sends under those labels); an unknown or missing charset
is read as UTF-8 when the bytes are UTF-8, else as Windows-1252; bytes that fit no
charset become U+FFFD. No text carries a NUL character (PostgreSQL cannot store it).
"""

import codecs
import hashlib
import logging
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser, HeaderParser
from email.utils import collapse_rfc2231_value, getaddresses, parsedate_to_datetime

logger = logging.getLogger(__name__)

# Deeper MIME nesting than any mail client writes; deeper parts are not read.
MAX_DEPTH = 30
MAX_MESSAGE_ID_LENGTH = 255
SYNTHETIC_ID_DOMAIN = "sha256.invalid"

# Defects after which the parts and text may not be what the sender wrote.
_STRUCTURE_DEFECTS = frozenset(
    {
        "NoBoundaryInMultipartDefect",
        "StartBoundaryNotFoundDefect",
        "CloseBoundaryNotFoundDefect",
        "FirstHeaderLineIsContinuationDefect",
        "MissingHeaderBodySeparatorDefect",
        "MultipartInvariantViolationDefect",
        "InvalidMultipartContentTransferEncodingDefect",
        "InvalidBase64PaddingDefect",
        "InvalidBase64CharactersDefect",
        "InvalidBase64LengthDefect",
        "MisplacedEnvelopeHeaderDefect",
    }
)
# Defects this module adds.
UNREADABLE = "UnreadableMessage"
NO_SENDER = "NoSenderAddress"
TOO_DEEP = "NestingTooDeep"

# Charset labels read as a wider charset, as browsers do (WHATWG Encoding Standard).
_WIDER_CHARSET = {
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "iso_8859-1": "cp1252",
    "windows-874": "cp874",
    "iso-8859-9": "cp1254",
    "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
# Labels that name no charset.
_NO_CHARSET = {"", "unknown-8bit", "x-unknown", "unknown", "default", "8bit", "binary"}

# C1 control characters in decoded text are Windows-1252 bytes read under a Latin-1
# label (an encoded word `=?iso-8859-1?q?=96?=` is an en dash to its writer).
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252", errors="replace") for code in range(0x80, 0xA0)
}
# What a `message/*` or header part is saved as.
_EXTENSIONS = {
    "message/rfc822": ".eml",
    "message/global": ".eml",
    "message/delivery-status": ".txt",
    "message/disposition-notification": ".txt",
    "message/feedback-report": ".txt",
    "text/rfc822-headers": ".txt",
}

_MSG_ID = re.compile(r"<([^<>\s]+)>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADER_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class Address:
    """One mailbox: `address` as written (compare it case-insensitively) and the
    display name, decoded."""

    address: str
    name: str = ""


@dataclass(frozen=True)
class Attachment:
    """A part that is not the message's text: a file or an inline image."""

    filename: str
    content_type: str
    content: bytes = field(repr=False)
    content_id: str | None = None
    inline: bool = False

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class RecipientStatus:
    """One recipient's block of a delivery status notification (RFC 3464)."""

    recipient: str
    action: str
    status: str = ""
    diagnostic: str = ""


@dataclass(frozen=True)
class DeliveryReport:
    """A `multipart/report`: its report type, the recipients' statuses (for a delivery
    status notification), and the Message-ID of the message it reports on, read from
    the returned message or its returned headers."""

    report_type: str
    recipients: tuple[RecipientStatus, ...] = ()
    original_message_id: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    """What an inbound e-mail says, decoded.

    `message_id` has no angle brackets; a message without one gets a stable synthetic
    id from the SHA-256 of its bytes (`message_id_synthetic`), so that fetching the same
    message twice still yields one id. `headers` holds every top-level header, decoded,
    in order, for the checks that read headers by name (`header()`).
    """

    message_id: str
    message_id_synthetic: bool
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    from_address: str
    from_name: str
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    reply_to: tuple[Address, ...]
    delivered_to: tuple[Address, ...]
    date: datetime | None
    text: str | None
    html: str | None
    attachments: tuple[Attachment, ...]
    size: int
    content_type: str
    headers: tuple[tuple[str, str], ...]
    report: DeliveryReport | None = None
    defects: tuple[str, ...] = ()

    @property
    def malformed(self) -> bool:
        """Whether the message could not be read as its sender wrote it: its
        structure is broken, it could not be parsed at all, or it names no sender."""
        return any(
            defect in _STRUCTURE_DEFECTS or defect in (UNREADABLE, NO_SENDER)
            for defect in self.defects
        )

    def header(self, name: str) -> str | None:
        """The first header of that name (any case), decoded, or None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    def header_all(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    @property
    def recipients(self) -> tuple[Address, ...]:
        """Every address the message was sent or delivered to."""
        return self.to + self.cc + self.delivered_to


def parse_message(raw: bytes) -> InboundMessage:
    """Read a raw RFC 5322 message. Never raises."""
    try:
        return _Reader(raw).read()
    except Exception as error:  # any failure becomes a marked result
        logger.warning("An inbound message could not be read: %r", error)
        return _unreadable(raw, error)


def synthetic_message_id(raw: bytes) -> str:
    return f"{hashlib.sha256(raw).hexdigest()}@{SYNTHETIC_ID_DOMAIN}"


def normalise_message_id(value: str | None) -> str | None:
    """The id without angle brackets, whitespace or comments; a longer id than a
    storage column takes is replaced by its hash, so it stays stable and unique."""
    ids = message_ids(value)
    return ids[0] if ids else None


def message_ids(value: str | None) -> list[str]:
    """Every id in a Message-ID, In-Reply-To or References value, in order. Values
    without angle brackets (written by some broken clients) count as whitespace-
    separated ids."""
    if not value:
        return []
    value = _HEADER_CONTROL.sub(" ", value)
    found = _MSG_ID.findall(value)
    if not found:
        found = [
            word.strip("<>")
            for word in value.split()
            if "@" in word and "(" not in word
        ]
    result = []
    for candidate in found:
        candidate = candidate.strip()
        if not candidate:
            continue
        if len(candidate) > MAX_MESSAGE_ID_LENGTH:
            digest = hashlib.sha256(candidate.encode("utf-8", "replace")).hexdigest()
            candidate = f"{digest}@long.invalid"
        result.append(candidate)
    return result


def decode_bytes(payload: bytes, charset: str | None) -> str:
    """Text from bytes in a declared charset (see the module docstring). Never
    raises; the result has Unix line ends and no NUL."""
    label = (charset or "").strip().strip('"').lower()
    text: str | None = None
    if label not in _NO_CHARSET:
        codec = _WIDER_CHARSET.get(label, label)
        try:
            codecs.lookup(codec)
        except (LookupError, ValueError):  # unknown, or not a name at all
            codec = ""
        if codec:
            try:
                text = payload.decode(codec, errors="replace")
            except Exception:  # a broken codec must not stop reading
                text = None
    if text is None:
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError:
            text = payload.decode("cp1252", errors="replace")
    return _clean_text(text)


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x00", "")


def _clean_header(text: str) -> str:
    """One line, no control characters."""
    return _HEADER_CONTROL.sub(" ", text.translate(_C1_AS_CP1252)).strip()


def _decode_raw_header(raw: str) -> str:
    """A header value from its raw form: 8-bit bytes (smuggled through the parser as
    surrogates) read as UTF-8 or Windows-1252, RFC 2047 encoded words decoded."""
    if any("\udc80" <= char <= "\udcff" for char in raw):
        data = raw.encode("ascii", "surrogateescape")
        raw = decode_bytes(data, None)
    if "=?" not in raw:
        return _clean_header(raw)
    try:
        parts = []
        for chunk, charset in decode_header(raw):
            if isinstance(chunk, bytes):
                parts.append(decode_bytes(chunk, charset))
            else:
                parts.append(chunk)
        return _clean_header("".join(parts))
    except Exception:
        return _clean_header(raw)


def _unreadable(raw: bytes, error: Exception) -> InboundMessage:
    """The least a message can be: its bytes as text, for staff to read."""
    return InboundMessage(
        message_id=synthetic_message_id(raw),
        message_id_synthetic=True,
        in_reply_to=None,
        references=(),
        subject="",
        from_address="",
        from_name="",
        to=(),
        cc=(),
        reply_to=(),
        delivered_to=(),
        date=None,
        text=decode_bytes(raw, None),
        html=None,
        attachments=(),
        size=len(raw),
        content_type="text/plain",
        headers=(),
        report=None,
        defects=(UNREADABLE, type(error).__name__),
    )


class _Reader:
    """Reads one message; every step that can fail on bad input is guarded, so one
    broken header or part costs only itself."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.defects: list[str] = []
        self.texts: list[str] = []
        self.htmls: list[str] = []
        self.attachments: list[Attachment] = []
        self.report: DeliveryReport | None = None
        self.headers: tuple[tuple[str, str], ...] = ()

    def read(self) -> InboundMessage:
        msg = BytesParser(policy=policy.default).parsebytes(self.raw)
        headers = self.headers = self._all_headers(msg)
        message_id = normalise_message_id(self._first(headers, "Message-ID"))
        synthetic = message_id is None
        if message_id is None:
            message_id = synthetic_message_id(self.raw)
        sender = self._addresses(msg, "From")
        if not sender:
            sender = self._addresses(msg, "Sender")
        if not sender:
            self.defects.append(NO_SENDER)
        content_type = self._content_type(msg)
        self._walk(msg, depth=0, in_report=False)
        self._collect_defects(msg)
        return InboundMessage(
            message_id=message_id,
            message_id_synthetic=synthetic,
            in_reply_to=normalise_message_id(self._first(headers, "In-Reply-To")),
            references=tuple(
                dict.fromkeys(message_ids(self._first(headers, "References")))
            ),
            subject=self._first(headers, "Subject") or "",
            from_address=sender[0].address if sender else "",
            from_name=sender[0].name if sender else "",
            to=self._addresses(msg, "To"),
            cc=self._addresses(msg, "Cc"),
            reply_to=self._addresses(msg, "Reply-To"),
            delivered_to=self._addresses(
                msg, "Delivered-To", "X-Original-To", "Envelope-To"
            ),
            date=self._date(),
            text="\n".join(self.texts) if self.texts else None,
            html="\n".join(self.htmls) if self.htmls else None,
            attachments=tuple(self.attachments),
            size=len(self.raw),
            content_type=content_type,
            headers=headers,
            report=self.report,
            defects=tuple(dict.fromkeys(self.defects)),
        )

    # --- headers ------------------------------------------------------------------

    def _all_headers(self, msg: Message) -> tuple[tuple[str, str], ...]:
        result = []
        for name, raw in msg.raw_items():
            result.append((_clean_header(str(name)), self._header_value(name, raw)))
        return tuple(result)

    def _header_value(self, name: str, raw: object) -> str:
        """The decoded value: the policy's reading when the raw value is 7-bit (it
        knows encoded words inside quoted names and comments), else our own."""
        text = str(raw)
        if not any("\udc80" <= char <= "\udcff" for char in text):
            try:
                parsed = policy.default.header_fetch_parse(name, text)
                for defect in getattr(parsed, "defects", ()):
                    self.defects.append(type(defect).__name__)
                return _clean_header(str(parsed))
            except Exception:
                self.defects.append("UnreadableHeader")
        return _decode_raw_header(text)

    @staticmethod
    def _first(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
        wanted = name.lower()
        for key, value in headers:
            if key.lower() == wanted:
                return value
        return None

    def _addresses(self, msg: Message, *names: str) -> tuple[Address, ...]:
        found: list[Address] = []
        for name in names:
            for raw in self._raw_values(msg, name):
                found.extend(self._parse_addresses(name, raw))
        return tuple(dict.fromkeys(found))

    @staticmethod
    def _raw_values(msg: Message, name: str) -> list[str]:
        wanted = name.lower()
        return [str(value) for key, value in msg.raw_items() if key.lower() == wanted]

    def _parse_addresses(self, name: str, raw: str) -> list[Address]:
        if not any("\udc80" <= char <= "\udcff" for char in raw):
            try:
                parsed = policy.default.header_fetch_parse(name, raw)
                addresses = getattr(parsed, "addresses", None)
                if addresses is not None:
                    return [
                        Address(
                            _clean_header(a.addr_spec), _clean_header(a.display_name)
                        )
                        for a in addresses
                        if a.addr_spec and a.addr_spec != "<>"
                    ]
            except Exception:
                self.defects.append("UnreadableAddressHeader")
        decoded = _decode_raw_header(raw)
        return [
            Address(_clean_header(address), _clean_header(display))
            for display, address in getaddresses([decoded])
            if address
        ]

    def _date(self) -> datetime | None:
        value = self._first(self.headers, "Date")
        if not value:
            return None
        try:
            date = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            self.defects.append("InvalidDateDefect")
            return None
        return date if date.tzinfo else date.replace(tzinfo=UTC)

    # --- parts --------------------------------------------------------------------

    def _content_type(self, part: Message) -> str:
        try:
            return part.get_content_type()
        except Exception:
            return "text/plain"

    def _walk(self, part: Message, depth: int, in_report: bool) -> None:
        if depth > MAX_DEPTH:
            self.defects.append(TOO_DEEP)
            return
        content_type = self._content_type(part)
        if content_type.startswith("message/") and part.is_multipart():
            self._message_part(part, content_type, in_report)
            return
        if part.is_multipart():
            if content_type == "multipart/report":
                self._start_report(part)
                in_report = True
            for child in self._children(part):
                self._walk(child, depth + 1, in_report)
            return
        if content_type.startswith("multipart/"):
            # A multipart whose boundary was never found: its body is raw MIME text,
            # the closest thing to what the sender wrote.
            self.texts.append(self._text_of(part))
            return
        if content_type == "message/delivery-status":
            self._delivery_status_text(part)
        if in_report and content_type == "text/rfc822-headers":
            self._returned_headers(self._text_of(part))
        disposition = self._disposition(part)
        filename = self._filename(part)
        if (
            content_type in ("text/plain", "text/html")
            and disposition != "attachment"
            and not filename
        ):
            text = self._text_of(part)
            if content_type == "text/html":
                self.htmls.append(text)
            else:
                self.texts.append(self._unflow(part, text))
            return
        self._attach(part, content_type, disposition, filename, self._payload(part))

    @staticmethod
    def _children(part: Message) -> Iterator[Message]:
        yield from _children(part)

    def _message_part(self, part: Message, content_type: str, in_report: bool) -> None:
        """A message inside the message (`message/rfc822`, a DSN's status blocks):
        kept whole as an attachment, and read for a report's returned Message-ID."""
        children = list(self._children(part))
        if content_type == "message/delivery-status":
            self._delivery_status_blocks(children)
        elif in_report and children:
            self._set_original_id(self._raw_header(children[0], "Message-ID"))
        body = self._message_bytes(part)
        filename = self._filename(part)
        if (
            not filename
            and children
            and content_type in ("message/rfc822", "message/global")
        ):
            subject = self._raw_header(children[0], "Subject")
            filename = f"{subject or 'message'}.eml"
        self._attach(part, content_type, self._disposition(part), filename, body)

    @staticmethod
    def _message_bytes(part: Message) -> bytes:
        """The body of a `message/*` part as it was sent."""
        try:
            whole = part.as_bytes(policy=policy.default.clone(refold_source="none"))
        except Exception:
            return b""
        for separator in (b"\r\n\r\n", b"\n\n"):
            head, found, body = whole.partition(separator)
            if found:
                return body
        return b""

    def _attach(
        self,
        part: Message,
        content_type: str,
        disposition: str | None,
        filename: str | None,
        content: bytes,
    ) -> None:
        content_id = normalise_message_id(self._raw_header(part, "Content-ID"))
        inline = disposition == "inline" or (
            disposition is None and content_id is not None
        )
        if not filename:
            extension = (
                _EXTENSIONS.get(content_type)
                or mimetypes.guess_extension(content_type)
                or ".bin"
            )
            stem = (
                content_type.partition("/")[0]
                if content_type.startswith(("image/", "message/"))
                else "attachment"
            )
            filename = f"{stem}-{len(self.attachments) + 1}{extension}"
        self.attachments.append(
            Attachment(
                filename=filename,
                content_type=content_type,
                content=content,
                content_id=content_id,
                inline=inline,
            )
        )

    @staticmethod
    def _raw_header(part: Message, name: str) -> str | None:
        wanted = name.lower()
        for key, value in part.raw_items():
            if key.lower() == wanted:
                return _decode_raw_header(str(value))
        return None

    @staticmethod
    def _disposition(part: Message) -> str | None:
        try:
            return part.get_content_disposition()
        except Exception:
            return None

    def _filename(self, part: Message) -> str | None:
        try:
            name = part.get_filename()
        except Exception:
            name = None
        if name is None:
            raw = self._raw_param(part)
            name = _decode_raw_header(raw) if raw else None
        if not name:
            return None
        if any("\udc80" <= char <= "\udcff" for char in name):
            name = decode_bytes(name.encode("utf-8", "surrogateescape"), None)
        elif "=?" in name:
            name = _decode_raw_header(name)
        return _HEADER_CONTROL.sub("", name).strip() or None

    @staticmethod
    def _raw_param(part: Message) -> str | None:
        return (
            _param(part, "filename", "content-disposition")
            or _param(part, "name")
            or None
        )

    def _payload(self, part: Message) -> bytes:
        try:
            payload = part.get_payload(decode=True)
        except Exception:
            self.defects.append("UndecodablePayload")
            payload = None
        if isinstance(payload, bytes):
            return payload
        try:
            raw = part.get_payload()
        except Exception:
            return b""
        if isinstance(raw, str):
            return raw.encode("utf-8", "surrogateescape")
        return b""

    def _text_of(self, part: Message) -> str:
        charset = None
        try:
            charset = part.get_content_charset()
        except Exception:
            charset = None
        return decode_bytes(self._payload(part), charset)

    @staticmethod
    def _unflow(part: Message, text: str) -> str:
        """Undo `format=flowed` (RFC 3676): a line ending in a space goes on in the
        next line of the same quote depth."""
        if _param(part, "format").lower() != "flowed":
            return text
        delsp = _param(part, "delsp").lower() == "yes"
        out: list[str] = []
        open_line: tuple[int, str] | None = None
        for line in text.split("\n"):
            depth = len(line) - len(line.lstrip(">"))
            content = line[depth:]
            if content.startswith(" "):
                content = content[1:]
            if open_line is not None and open_line[0] == depth:
                content = open_line[1] + content
            elif open_line is not None:
                out.append(_requote(*open_line))
            open_line = None
            if content.endswith(" ") and content != "-- ":
                open_line = (depth, content[:-1] if delsp else content)
                continue
            out.append(_requote(depth, content))
        if open_line is not None:
            out.append(_requote(*open_line))
        return "\n".join(out)

    # --- reports ------------------------------------------------------------------

    def _start_report(self, part: Message) -> None:
        if self.report is not None:
            return
        self.report = DeliveryReport(report_type=_param(part, "report-type").lower())

    def _delivery_status_blocks(self, blocks: list[Message]) -> None:
        statuses = []
        for block in blocks:
            fields = {
                key.lower(): _decode_raw_header(str(value))
                for key, value in block.raw_items()
            }
            statuses.append(_recipient_status(fields))
        self._set_statuses([s for s in statuses if s is not None])

    def _delivery_status_text(self, part: Message) -> None:
        """A delivery-status part the parser left as text (for example one sent
        base64-encoded): its blocks are read from the text."""
        statuses = []
        for block in re.split(r"\n\s*\n", self._text_of(part)):
            parsed = HeaderParser(policy=policy.compat32).parsestr(block.strip() + "\n")
            fields = {
                key.lower(): _decode_raw_header(str(v)) for key, v in parsed.items()
            }
            statuses.append(_recipient_status(fields))
        self._set_statuses([s for s in statuses if s is not None])

    def _set_statuses(self, statuses: list[RecipientStatus]) -> None:
        report = self.report or DeliveryReport(report_type="delivery-status")
        self.report = DeliveryReport(
            report_type=report.report_type,
            recipients=report.recipients + tuple(statuses),
            original_message_id=report.original_message_id,
        )

    def _returned_headers(self, text: str) -> None:
        headers = HeaderParser(policy=policy.compat32).parsestr(text)
        value = headers.get("Message-ID")
        self._set_original_id(str(value) if value is not None else None)

    def _set_original_id(self, value: str | None) -> None:
        message_id = normalise_message_id(value)
        if message_id is None:
            return
        report = self.report or DeliveryReport(report_type="")
        if report.original_message_id is None:
            self.report = DeliveryReport(
                report_type=report.report_type,
                recipients=report.recipients,
                original_message_id=message_id,
            )

    # --- defects ------------------------------------------------------------------

    def _collect_defects(self, msg: Message) -> None:
        for part in _parts(msg, depth=0):
            for defect in getattr(part, "defects", ()):
                self.defects.append(type(defect).__name__)


def _parts(part: Message, depth: int) -> Iterator[Message]:
    yield part
    if depth < MAX_DEPTH:
        for child in _children(part):
            yield from _parts(child, depth + 1)


def _children(part: Message) -> Iterator[Message]:
    """The sub-parts of a multipart or `message/*` part. Asked only of those: for a
    leaf, `get_payload()` decodes text and can fail on a broken charset."""
    if not part.is_multipart():
        return
    payload = part.get_payload()
    if isinstance(payload, list):
        yield from (child for child in payload if isinstance(child, Message))


def _param(part: Message, name: str, header: str = "content-type") -> str:
    """A header parameter as text ("" when absent or unreadable)."""
    try:
        value = part.get_param(name, header=header)
    except Exception:
        return ""
    if isinstance(value, tuple):
        try:
            return str(collapse_rfc2231_value(value))
        except Exception:
            return ""
    return value if isinstance(value, str) else ""


def _requote(depth: int, content: str) -> str:
    return (">" * depth + " " + content) if depth else content


def _recipient_status(fields: dict[str, str]) -> RecipientStatus | None:
    action = fields.get("action", "").strip().lower()
    recipient = fields.get("final-recipient") or fields.get("original-recipient") or ""
    if not action and not recipient:
        return None
    if ";" in recipient:
        recipient = recipient.split(";", 1)[1]
    return RecipientStatus(
        recipient=recipient.strip(),
        action=action,
        status=fields.get("status", "").strip(),
        diagnostic=" ".join(fields.get("diagnostic-code", "").split()),
    )
