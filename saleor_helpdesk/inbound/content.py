"""The new text of a message: what the customer wrote now, without the quoted history
and the signature.

`mail-parser-reply` splits a body at the attribution lines mail clients write above a
quote ("On … wrote:", "Am … schrieb …:", Outlook's "Von: … Gesendet: … An: … Betreff:"
block, "-----Original Message-----") and takes signatures ("-- ", "Mit freundlichen
Grüßen", "Sent from my iPhone") off the reply. The text part is read when there is
one; an HTML-only message is turned into text first (quoted blocks become "> " lines,
so the splitter knows them). The full body stays available: `full_text` here, and the
raw message with the caller. The HTML, for staff to view, goes through the helpdesk's
sanitiser like every comment.

A forwarded message is kept whole: what was forwarded is what the customer wants us to
read.
"""

import html as html_lib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from mailparser_reply.parser import EmailMessage as ReplyParser

from ..content.sanitize import clean_html, plain_text
from .message import InboundMessage

DEFAULT_LANGUAGES = ("de", "en")
# The reply is at the top: the splitter reads this much of a body. Longer lines than
# these are set aside while it runs, because its patterns slow down with the length of
# a line; an attribution line is short and ends with a colon.
MAX_SPLIT_CHARS = 50_000
MAX_LINE = 100
MAX_COLON_LINE = 300

_FORWARD_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|wg|wtrlt|tr)\s*:", re.IGNORECASE
)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|antw|sv)\s*:", re.IGNORECASE)
# Unquoted lines that start a forwarded message (Gmail, Outlook, Apple Mail,
# Thunderbird, in English and German).
_FORWARD_MARKER = re.compile(
    r"^[ \t]*(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht)\s*-{2,}"
    r"|begin forwarded message:|anfang der weitergeleiteten nachricht:)",
    re.IGNORECASE | re.MULTILINE,
)
# Outlook writes this above a forwarded message and above a quoted one alike.
_ORIGINAL_MARKER = re.compile(
    r"^[ \t]*-{2,}\s*(?:original message|urspr\u00fcngliche nachricht)\s*-{2,}",
    re.IGNORECASE | re.MULTILINE,
)
# The document head: its title is no part of the message.
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_QUOTE_LINE = re.compile(r"^\s*>")
_PLACEHOLDER = "\ue000{}\ue001"
_PLACEHOLDER_PATTERN = re.compile("\ue000(\\d+)\ue001")


@dataclass(frozen=True)
class ReplyContent:
    """`text`: the new text; `full_text`: the whole body as text; `html`: the
    message's HTML, sanitised, or None; `stripped`: whether anything was taken off;
    `forwarded`: the message forwards another one (kept whole)."""

    text: str
    full_text: str
    html: str | None
    stripped: bool
    forwarded: bool


def reply_content(
    msg: InboundMessage, languages: Sequence[str] = DEFAULT_LANGUAGES
) -> ReplyContent:
    full_text = body_text(msg)
    html = clean_html(_HEAD.sub("", msg.html)) if msg.html else None
    forwarded = is_forward(msg.subject, full_text)
    text = full_text.strip() if forwarded else strip_reply(full_text, languages)
    return ReplyContent(
        text=text,
        full_text=full_text,
        html=html,
        stripped=text.split() != full_text.split(),
        forwarded=forwarded,
    )


def body_text(msg: InboundMessage) -> str:
    """The text part, else the HTML part as text."""
    if msg.text and msg.text.strip():
        return msg.text
    if msg.html:
        return html_to_text(msg.html)
    return msg.text or ""


def is_forward(subject: str, text: str) -> bool:
    """A forward: a forward marker line in a message whose subject is no reply, or
    an "Original Message" line under a "Fwd:"/"WG:" subject."""
    subject = subject or ""
    if _FORWARD_SUBJECT.match(subject):
        return bool(_FORWARD_MARKER.search(text) or _ORIGINAL_MARKER.search(text))
    return not _REPLY_SUBJECT.match(subject) and bool(_FORWARD_MARKER.search(text))


def strip_reply(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str:
    """The reply above the quoted history, without its signature. Falls back to the
    whole text when nothing would be left."""
    head, tail = _split_at_limit(text)
    guarded, set_aside = _set_aside_long_lines(head)
    parsed = ReplyParser(
        text=guarded, languages=list(languages), keep_hyphen_lists=True
    ).read()
    replies = parsed.replies
    reply = replies[0].body if replies else guarded
    reply = _restore(reply, set_aside)
    split = len(replies) > 1
    if replies and replies[0].headers:
        # The text starts with an attribution line: the answer is written below or
        # between the quoted lines.
        reply = "\n".join(
            line for line in reply.split("\n") if not _QUOTE_LINE.match(line)
        )
    reply = _drop_trailing_quote(reply)
    if tail and not split:
        # No attribution line in the part the splitter read: the reply is longer.
        reply = reply.rstrip() + head[len(head.rstrip()) :] + tail
    reply = reply.strip()
    return reply if reply else text.strip()


def _split_at_limit(text: str) -> tuple[str, str]:
    if len(text) <= MAX_SPLIT_CHARS:
        return text, ""
    cut = text.rfind("\n", 0, MAX_SPLIT_CHARS)
    cut = cut if cut > 0 else MAX_SPLIT_CHARS
    return text[:cut], text[cut:]


def _set_aside_long_lines(text: str) -> tuple[str, list[str]]:
    lines = text.replace("\r\n", "\n").split("\n")
    set_aside: list[str] = []
    out = []
    for line in lines:
        stripped = line.strip()
        too_long = len(stripped) > MAX_COLON_LINE or (
            len(stripped) > MAX_LINE and not stripped.endswith(":")
        )
        if too_long:
            out.append(_PLACEHOLDER.format(len(set_aside)))
            set_aside.append(stripped)
        else:
            out.append(line.replace("\ue000", "").replace("\ue001", ""))
    return "\n".join(out), set_aside


def _restore(text: str, set_aside: list[str]) -> str:
    return _PLACEHOLDER_PATTERN.sub(lambda m: set_aside[int(m[1])], text)


def _drop_trailing_quote(text: str) -> str:
    """A block of "> " lines at the end (a quote under an attribution line the
    splitter did not know) goes, with the line above it when that ends with ":"."""
    lines = text.rstrip().split("\n")
    end = len(lines)
    while end and (_QUOTE_LINE.match(lines[end - 1]) or not lines[end - 1].strip()):
        end -= 1
    if end == len(lines) or not any(_QUOTE_LINE.match(line) for line in lines[end:]):
        return text
    if end and lines[end - 1].rstrip().endswith(":"):
        end -= 1
    return "\n".join(lines[:end])


def text_as_html(text: str) -> str:
    """Plain text as comment HTML: paragraphs at blank lines, line breaks kept."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + html_lib.escape(p.strip()).replace("\n", "<br>") + "</p>"
        for p in paragraphs
    )


# --- HTML to text -----------------------------------------------------------------------

_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "div",
        "dl",
        "dt",
        "dd",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
_SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})


class _TextWriter(HTMLParser):
    """HTML to lines of text: blocks and `<br>` end lines, `<blockquote>` prefixes its
    lines with "> ", scripts, styles and the head are left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.depth = 0
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self._end_line(force=True)
        elif tag in _BLOCKS:
            self._end_line()
            if tag == "blockquote":
                self.depth += 1
            elif tag == "li":
                self.current.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._end_line()
            if tag == "blockquote":
                self.depth = max(0, self.depth - 1)
            if tag in ("p", "blockquote", "table", "ul", "ol"):
                self._blank_line()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(re.sub(r"\s+", " ", data))

    def _end_line(self, force: bool = False) -> None:
        line = "".join(self.current).strip()
        self.current = []
        if line or force:
            self.lines.append(("> " * self.depth + line).rstrip())

    def _blank_line(self) -> None:
        if self.lines and self.lines[-1].strip("> "):
            self.lines.append(">" * self.depth if self.depth else "")

    def text(self) -> str:
        self._end_line()
        lines = [line.replace("\xa0", " ").rstrip() for line in self.lines]
        while lines and not lines[-1].strip("> "):
            lines.pop()
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(value: str) -> str:
    """The text of an HTML body, for quote stripping and for plain-text readers."""
    writer = _TextWriter()
    try:
        writer.feed(value)
        writer.close()
    except Exception:
        # The parser is lenient; should it still fail, the markup-free text stands in.
        return html_lib.unescape(plain_text(value))
    return writer.text().replace("\x00", "")
