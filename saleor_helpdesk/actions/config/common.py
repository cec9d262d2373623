"""Shared by the configuration actions: who may read and change the helpdesk's settings,
and the checks every configuration row needs (labels, slugs, positions, uniqueness)."""

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import IntegrityError, models, transaction

from ...content.sanitize import MAX_BODY_LENGTH, clean_html, is_blank
from ...core.actor import Actor, ActorKind
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import HelpdeskPermissionDenied, field_error
from ...core.permissions import Perm
from ...host.shop_models import user_model
from ...models.labels import Labelled
from ...tickets.policies import is_support_agent

MAX_LABEL_LENGTH = 128
MAX_SLUG_LENGTH = 64
# "de", "en", "pt-br", "zh-hans": ISO 639 with an optional region or script.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")

_PRIVILEGED = (ActorKind.STAFF, ActorKind.APP, ActorKind.SYSTEM)


def require_settings_reader(actor: Actor) -> None:
    """Reading the configuration lists: MANAGE_ORDERS (to work tickets with them) or
    MANAGE_PLUGINS (to edit them)."""
    if actor.kind not in _PRIVILEGED or not (
        actor.has_perm(Perm.MANAGE_ORDERS) or actor.has_perm(Perm.MANAGE_PLUGINS)
    ):
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_ORDERS or MANAGE_PLUGINS permission to read the "
            "helpdesk's settings."
        )


def require_settings_manager(
    actor: Actor, doing: str = "change the helpdesk's settings"
) -> None:
    """Changing the configuration (and the support team): MANAGE_PLUGINS. `doing`
    ends the refusal's sentence."""
    if actor.kind not in _PRIVILEGED or not actor.has_perm(Perm.MANAGE_PLUGINS):
        raise HelpdeskPermissionDenied(
            f"You need the MANAGE_PLUGINS permission to {doing}."
        )


def can_read_settings(actor: Actor) -> bool:
    try:
        require_settings_reader(actor)
    except HelpdeskPermissionDenied:
        return False
    return True


def not_found(what: str, field: str = "id") -> ValidationError:
    return field_error(field, f"{what} not found.", HelpdeskErrorCode.NOT_FOUND)


def get_for_update[M: models.Model](
    model: type[M], pk: int | None, what: str, field: str = "id"
) -> M:
    """The row, locked for the rest of the transaction; `not_found` otherwise."""
    row = model._default_manager.select_for_update().filter(pk=pk).first()
    if row is None:
        raise not_found(what, field)
    return row


def lock_all(model: type[models.Model]) -> None:
    """Lock every row of a (small) configuration table, so checks that span rows (one
    initial status, one default priority, …) cannot race with another edit."""
    list(
        model._default_manager.select_for_update()
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def clean_language_code(value: Any, field: str = "language_code") -> str:
    code = str(value or "").strip().lower().replace("_", "-")
    if not code:
        raise field_error(field, "Enter a language code.", HelpdeskErrorCode.REQUIRED)
    if not LANGUAGE_CODE.match(code) or len(code) > 35:
        raise field_error(
            field,
            f"'{value}' is not a language code (use e.g. 'de', 'en' or 'pt-br').",
            HelpdeskErrorCode.INVALID,
        )
    return code


def clean_label(value: Any, field: str) -> str:
    label = str(value or "").strip()
    if not label:
        raise field_error(field, "Enter a name.", HelpdeskErrorCode.REQUIRED)
    if len(label) > MAX_LABEL_LENGTH:
        raise field_error(
            field,
            f"A name may be at most {MAX_LABEL_LENGTH} characters long.",
            HelpdeskErrorCode.INVALID,
        )
    return label


def clean_translations(
    pairs: Iterable[tuple[str, str]], field: str = "translations"
) -> dict[str, str]:
    """(language code, label) pairs as stored: {"de": "Offen", "en": "Open"}."""
    translations: dict[str, str] = {}
    for code, label in pairs:
        language = clean_language_code(code, field)
        if language in translations:
            raise field_error(
                field,
                f"The language '{language}' is given more than once.",
                HelpdeskErrorCode.DUPLICATED_INPUT_ITEM,
            )
        translations[language] = clean_label(label, field)
    return translations


def apply_labels(
    row: Labelled, data: Mapping[str, Any], *, creating: bool = False
) -> None:
    """Set `name` and `translations` from `data` ("name": str, "translations": pairs).

    A new row without a name takes its English label, else its first one: every row
    keeps a non-empty fallback name.
    """
    if "translations" in data:
        row.translations = clean_translations(data["translations"] or [])
    if "name" in data:
        row.name = clean_label(data["name"], "name")
    elif creating:
        translations = row.translations or {}
        fallback = translations.get("en") or next(iter(translations.values()), "")
        if not fallback:
            raise field_error(
                "name",
                "Enter a name or at least one translation.",
                HelpdeskErrorCode.REQUIRED,
            )
        row.name = fallback


def clean_slug(value: Any, field: str = "slug") -> str:
    slug = str(value or "").strip()
    if not slug:
        raise field_error(field, "Enter a slug.", HelpdeskErrorCode.REQUIRED)
    try:
        validate_slug(slug)
    except ValidationError:
        raise field_error(
            field,
            "A slug may contain only letters, digits, hyphens and underscores.",
            HelpdeskErrorCode.INVALID,
        ) from None
    if len(slug) > MAX_SLUG_LENGTH:
        raise field_error(
            field,
            f"A slug may be at most {MAX_SLUG_LENGTH} characters long.",
            HelpdeskErrorCode.INVALID,
        )
    return slug


def clean_position(value: Any, field: str = "position") -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise field_error(
            field, "The position must be zero or more.", HelpdeskErrorCode.INVALID
        )
    return value


def next_position(queryset: models.QuerySet[Any]) -> int:
    last = queryset.aggregate(last=models.Max("position"))["last"]
    return 0 if last is None else int(last) + 1


def clean_email(value: Any, field: str) -> str:
    email = str(value or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise field_error(
            field,
            f"'{email}' is not an e-mail address.",
            HelpdeskErrorCode.INVALID_EMAIL,
        ) from None
    return email


def clean_text(
    value: Any, field: str, max_length: int, *, required: bool = False
) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise field_error(field, "This field is required.", HelpdeskErrorCode.REQUIRED)
    if len(text) > max_length:
        raise field_error(
            field,
            f"At most {max_length} characters are allowed.",
            HelpdeskErrorCode.INVALID,
        )
    return text


def clean_template_body(value: Any, check: Callable[[str, str], None]) -> str:
    """A template's body as stored: at most `MAX_BODY_LENGTH` characters sent,
    sanitised HTML, not blank, and every placeholder one `check` knows (response
    templates and e-mail texts know different placeholders)."""
    raw = str(value or "")
    if len(raw) > MAX_BODY_LENGTH:
        raise field_error(
            "body",
            f"A template may be at most {MAX_BODY_LENGTH} characters long.",
            HelpdeskErrorCode.BODY_TOO_LONG,
        )
    body = clean_html(raw)
    if is_blank(body):
        raise field_error("body", "Enter the text.", HelpdeskErrorCode.EMPTY_BODY)
    check(body, "body")
    return body


def support_agent_user(user_id: int | None, field: str) -> Any:
    """The user, if it is an active member of the support team (None stays None)."""
    if user_id is None:
        return None
    user = user_model().objects.filter(pk=user_id).first()
    if user is None or not is_support_agent(user):
        raise field_error(
            field,
            "Only an active member of the support team can be responsible.",
            HelpdeskErrorCode.NOT_A_SUPPORT_AGENT,
        )
    return user


def save_unique(row: models.Model, field: str, message: str) -> None:
    """Save; a unique constraint lost to a concurrent edit is a typed `unique` error."""
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise field_error(field, message, HelpdeskErrorCode.UNIQUE) from None


def deleted[M: models.Model](row: M) -> M:
    """Delete the row and return it with its primary key kept, so the API can still
    name what it deleted."""
    pk = row.pk
    row.delete()
    row.pk = pk
    return row
