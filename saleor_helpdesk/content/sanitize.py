"""Comment bodies are sanitised on the way in, so every reader gets safe HTML.

No NUL character (U+0000) comes out of `clean_html` or `plain_text`: the HTML parser
drops it or puts U+FFFD in its place, as the HTML standard says for each part of a
document (`tests/files/test_sanitize.py` checks the parts where it could stay). The
API refuses text with a NUL before it gets here (see `core/nul.py`); for other callers,
sanitised text is text PostgreSQL stores.
"""

import html as html_lib

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


# Characters that render as nothing: a body made of them is empty.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def is_blank(html: str) -> bool:
    text = html_lib.unescape(plain_text(html)).translate(_INVISIBLE)
    return not text.strip()
