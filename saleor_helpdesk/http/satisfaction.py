"""The survey page behind the closing e-mail's links: `satisfaction/<token>/`.

No sign-in: the signed token in the URL is the proof (`satisfaction/links.py`), for its
one ticket only. A GET only shows the form with the chosen score (mail scanners and
link previews fetch links, so a GET must never record); the POST records the rating.
The form posts back to its own URL, so a forged cross-site form would need the token,
which only the e-mail's recipient has: that is the CSRF protection, no cookie is
involved. The page speaks the ticket's language (German or English).
"""

import html

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from ..core.error_codes import HelpdeskErrorCode
from ..models import RatingSource, Ticket
from ..models.satisfaction import MAX_SCORE, MIN_SCORE
from ..satisfaction.links import LinkExpired, LinkInvalid, read_token
from ..satisfaction.recording import (
    MAX_COMMENT_LENGTH,
    check_may_rate,
    link_actor,
    record_rating,
)
from ..satisfaction.texts import language_for, texts_for

_STYLE = (
    "body{font-family:sans-serif;line-height:1.5;max-width:36rem;margin:2rem auto;"
    "padding:0 1rem;color:#222}label{display:block;margin:.25rem 0}"
    "textarea{width:100%;min-height:6rem}button{margin-top:1rem;padding:.5rem 1rem}"
    ".error{color:#b00020}"
)


def _page(language: str, title: str, body: str, status: int = 200) -> HttpResponse:
    page = (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    response = HttpResponse(
        page, status=status, content_type="text/html; charset=utf-8"
    )
    # The token is in the URL: no page may receive it as a referrer, no cache keep
    # it; the page runs no script and may be framed by nobody.
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["X-Frame-Options"] = "DENY"
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )
    return response


def _message(language: str, title_key: str, text_key: str, status: int) -> HttpResponse:
    texts = texts_for(language)
    return _page(
        language, texts[title_key], f"<p>{html.escape(texts[text_key])}</p>", status
    )


def _form(
    language: str,
    ticket: Ticket,
    score: int | None,
    comment: str = "",
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    texts = texts_for(language)
    choices = "".join(
        f'<label><input type="radio" name="score" value="{value}"'
        f"{' checked' if value == score else ''} required> "
        f"{html.escape(texts[str(value)])}</label>"
        for value in range(MAX_SCORE, MIN_SCORE - 1, -1)
    )
    heading = texts["ticket"].format(number=ticket.number, subject=ticket.subject)
    problem = f'<p class="error">{html.escape(error)}</p>' if error else ""
    body = (
        f"<p>{html.escape(heading)}</p>{problem}"
        # No action attribute: the form posts to this very URL, token included.
        '<form method="post">'
        f"<fieldset><legend>{html.escape(texts['score'])}</legend>{choices}</fieldset>"
        f'<p><label for="comment">{html.escape(texts["comment"])}</label>'
        f'<textarea id="comment" name="comment" maxlength="{MAX_COMMENT_LENGTH}">'
        f"{html.escape(comment)}</textarea></p>"
        f'<button type="submit">{html.escape(texts["submit"])}</button></form>'
    )
    return _page(language, texts["title"], body, status)


def _score(raw: str | None) -> int | None:
    try:
        value = int(raw or "")
    except ValueError:
        return None
    return value if MIN_SCORE <= value <= MAX_SCORE else None


def _refusal(language: str, error: ValidationError) -> HttpResponse:
    codes = (
        {item.code for item in error.error_list}
        if not hasattr(error, "error_dict")
        else {item.code for items in error.error_dict.values() for item in items}
    )
    if HelpdeskErrorCode.ALREADY_RATED.value in codes:
        return _message(language, "already_title", "already", 409)
    if HelpdeskErrorCode.SURVEY_DISABLED.value in codes:
        return _message(language, "closed_title", "disabled", 403)
    if HelpdeskErrorCode.NOT_CLOSED.value in codes:
        return _message(language, "closed_title", "not_closed", 409)
    # Merged, or no longer the address's ticket: the link is of no use any more.
    return _message(language, "invalid_title", "invalid", 404)


def survey_page(request: HttpRequest, token: str) -> HttpResponse:
    # The page's language before the token is read: the browser's, German or English.
    fallback = language_for(request.headers.get("Accept-Language", ""))
    if request.method not in ("GET", "HEAD", "POST"):
        response = _message(fallback, "invalid_title", "invalid", 405)
        response["Allow"] = "GET, HEAD, POST"
        return response
    try:
        link = read_token(token)
    except LinkExpired:
        return _message(fallback, "expired_title", "expired", 410)
    except LinkInvalid:
        return _message(fallback, "invalid_title", "invalid", 404)
    ticket = (
        Ticket.objects.select_related("status", "customer")
        .filter(pk=link.ticket_id)
        .first()
    )
    if ticket is None:  # deleted since (retention, erasure)
        return _message(fallback, "invalid_title", "invalid", 404)
    language = language_for(ticket.language_code)
    if request.method != "POST":
        try:
            check_may_rate(ticket)
        except ValidationError as error:
            return _refusal(language, error)
        return _form(language, ticket, _score(request.GET.get("score")))

    score = _score(request.POST.get("score"))
    comment = request.POST.get("comment", "")
    texts = texts_for(language)
    if score is None:
        return _form(language, ticket, None, comment, texts["score_missing"], 400)
    if len(comment.strip()) > MAX_COMMENT_LENGTH:
        message = texts["comment_too_long"].format(limit=MAX_COMMENT_LENGTH)
        return _form(language, ticket, score, comment, message, 400)
    try:
        record_rating(
            link_actor(ticket),
            ticket.pk,
            score=score,
            comment=comment,
            source=RatingSource.EMAIL_LINK,
        )
    except ValidationError as error:
        return _refusal(language, error)
    return _message(language, "thanks_title", "thanks", 200)
