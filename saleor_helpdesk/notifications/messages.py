"""Rendering one e-mail: language, texts (shipped or the merchant's), sender, signature
and headers, into an unsaved outbox row."""

import html
import logging
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError

from ..content.templates_render import ticket_values
from ..core import conf
from ..models import ChannelSettings, EmailMessage, EmailTemplate, Ticket
from ..satisfaction.email import survey_html, survey_text
from . import headers
from .defaults import DEFAULTS, SHIPPED_LANGUAGES
from .kinds import CUSTOMER_NOTIFICATIONS
from .render import render

logger = logging.getLogger(__name__)

# Who answered, when no person did (an app's reply) and the shop has no name.
TEAM = {"de": "Unser Support-Team", "en": "Our support team"}


@dataclass
class Draft:
    """What to tell whom: one message before rendering."""

    ticket: Ticket
    notification: str
    to: list[str]
    language_code: str | None
    cc: list[str] = field(default_factory=list)
    values: dict[str, str | int | None] = field(default_factory=dict)
    agent: Any = None
    # The status to name in `{{ status }}` (the event's, not necessarily the current).
    status: Any = None
    # The satisfaction survey's five signed links (score 1 to 5), for the closing
    # e-mail: appended after the text (`satisfaction/email.py`).
    survey: list[str] = field(default_factory=list)


def base_language(code: str | None) -> str:
    return (code or "").strip().lower().replace("_", "-").split("-")[0]


def choose_language(code: str | None, available: Collection[str]) -> str:
    """The reader's language if there is a text in it, else the shop's
    (`settings.LANGUAGE_CODE`), else English."""
    for candidate in (base_language(code), base_language(settings.LANGUAGE_CODE)):
        if candidate in available:
            return candidate
    return "en"


def texts_for(
    notification: str, language: str, override: EmailTemplate | None
) -> tuple[str, str]:
    if override is not None and override.is_active:
        return override.subject, override.body
    shipped = DEFAULTS[notification]
    return shipped.get(language) or shipped["en"]


_BLOCK_END = re.compile(r"(</(p|div|blockquote|h[1-6]|li|tr)>|<br\s*/?>)", re.I)


def html_to_text(value: str) -> str:
    """The plain-text part: block ends become line breaks, tags go, entities resolve."""
    spaced = _BLOCK_END.sub(lambda m: m.group(0) + "\n", value)
    text = html.unescape(nh3.clean(spaced, tags=set(), strip_comments=True))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def shop_name_for(ticket: Ticket, policy: ChannelSettings) -> str:
    sender = (policy.sender_name or "").strip()
    if sender:
        return sender
    return str(ticket.channel.name) if ticket.channel_id and ticket.channel else ""


def sender_of(policy: ChannelSettings) -> tuple[str, str]:
    """(address, name): the channel's sender, else Django's DEFAULT_FROM_EMAIL."""
    address = (policy.sender_email or "").strip() or settings.DEFAULT_FROM_EMAIL
    return address, (policy.sender_name or "").strip()


def ticket_url(number: int) -> str:
    pattern = conf.text("HELPDESK_TICKET_URL")
    return pattern.replace("{number}", str(number)) if pattern else ""


def values_for(
    draft: Draft, language: str, policy: ChannelSettings
) -> dict[str, str | int | None]:
    ticket = draft.ticket
    values: dict[str, str | int | None] = dict(
        ticket_values(
            ticket, agent=draft.agent, shop_name=shop_name_for(ticket, policy)
        )
    )
    status = draft.status or ticket.status
    values["status"] = status.customer_label(language)
    values["ticket.url"] = ticket_url(ticket.number)
    if not values.get("agent.name"):
        values["agent.name"] = values.get("shop.name") or TEAM.get(language, TEAM["en"])
    values.update(draft.values)
    return values


def language_of(
    draft: Draft, overrides: Mapping[tuple[str, str], EmailTemplate]
) -> str:
    """The language `draft` is written in: see `choose_language`; a language counts as
    available when the text is shipped in it or the merchant wrote an active one."""
    available = set(SHIPPED_LANGUAGES) | {
        language
        for (notification, language), row in overrides.items()
        if notification == draft.notification and row.is_active
    }
    return choose_language(draft.language_code, available)


def render_message(
    draft: Draft,
    policy: ChannelSettings,
    overrides: Mapping[tuple[str, str], EmailTemplate],
) -> EmailMessage:
    language = language_of(draft, overrides)
    values = values_for(draft, language, policy)
    override = overrides.get((draft.notification, language))
    try:
        subject_text, body_html = texts_for(draft.notification, language, override)
        subject = render(subject_text, values, html_escape=False, field="subject")
        inner = render(body_html, values)
    except ValidationError:
        # A merchant's text that no longer renders (a placeholder was retired) must
        # not fail the change it tells about: the shipped text goes out instead.
        logger.warning(
            "E-mail text %s/%s does not render.", draft.notification, language
        )
        subject_text, body_html = texts_for(draft.notification, language, None)
        subject = render(subject_text, values, html_escape=False, field="subject")
        inner = render(body_html, values)
    text = html_to_text(inner)
    if draft.survey:
        inner += survey_html(draft.survey, language)
        text += "\n\n" + survey_text(draft.survey, language)
    signature = (policy.signature or "").strip()
    if signature and draft.notification in CUSTOMER_NOTIFICATIONS:
        text += "\n\n-- \n" + signature
        inner += (
            '<p class="signature">'
            + html.escape(signature).replace("\n", "<br>")
            + "</p>"
        )
    page = (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"></head>'
        f'<body style="font-family:sans-serif;line-height:1.5">{inner}</body></html>'
    )
    address, name = sender_of(policy)
    domain = headers.mail_domain(address)
    message_id = headers.new_message_id(draft.ticket.number, domain)
    root = headers.thread_id(draft.ticket.number, domain)
    return EmailMessage(
        ticket=draft.ticket,
        notification=draft.notification,
        language=language,
        from_email=headers.sender(address, name),
        to=draft.to,
        cc=draft.cc,
        subject=headers.subject_line(draft.ticket.number, subject),
        body_text=text,
        body_html=page,
        message_id=message_id,
        in_reply_to=root,
        references=root,
        headers=headers.headers_for(
            ticket_number=draft.ticket.number,
            message_id=message_id,
            domain=domain,
            reply_to=headers.clean_header(address),
        ),
    )
