"""Comment bodies are sanitised on the way in, so every reader gets safe HTML."""

import nh3

ALLOWED_TAGS = {
    "a",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
MAX_BODY_LENGTH = 50_000


def clean_html(value: str) -> str:
    """Keep formatting, drop scripts, event handlers, styles and unsafe links."""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def plain_text(value: str) -> str:
    """The body without any markup, for previews, search and plain-text e-mails."""
    return nh3.clean(value, tags=set(), strip_comments=True).strip()


def is_blank(html: str) -> bool:
    return not plain_text(html).replace("&nbsp;", "").strip()
