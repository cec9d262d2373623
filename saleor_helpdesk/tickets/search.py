"""Searching tickets: what a search box's text matches, best match first.

A text matches a ticket by
- its number (`12345` or `#12345`), exactly;
- a fragment of the customer's e-mail address or name, three characters or more
  (trigram indexes serve the `icontains`);
- words, parsed as a web search (`"quoted phrase"`, `or`, `-word`) in the ticket's
  language (German for `de*`, else English) and matched against the ticket's vector
  (see `search_index`): staff search every comment, customers their public thread only.

No search engine beside PostgreSQL: the vectors live on the ticket row and change in
the transaction that changes the text, so a search never shows a stale or a
no-longer-permitted hit.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from ..models import Ticket
from .search_index import GERMAN_PREFIX

# A search box's text; longer input is cut rather than parsed (a phrase of this length
# already matches next to nothing).
MAX_SEARCH_CHARS = 200
# Trigram indexes serve `LIKE '%...%'` from three characters on.
MIN_FRAGMENT_CHARS = 3
# The tickets indexed with the 'german' configuration (the rule of `search_index`).
GERMAN_TICKETS = Q(language_code__istartswith=GERMAN_PREFIX)


def search_tickets(
    queryset: QuerySet[Ticket], text: str, *, internal: bool
) -> QuerySet[Ticket]:
    """Narrow `queryset` to the tickets matching `text`, ordered by relevance: an exact
    number first, then the ranked words (`ts_rank_cd`), then the newest activity.

    `internal`: match internal notes as well (staff); customers must pass False."""
    text = text.strip()[:MAX_SEARCH_CHARS]
    if not text:
        return queryset
    vector = "search_all" if internal else "search_public"
    # Words are parsed in the configuration the ticket was indexed in, so a stem and
    # an exclusion (`-word`) mean on every ticket what they mean in its language.
    german = SearchQuery(text, config="german", search_type="websearch")
    english = SearchQuery(text, config="english", search_type="websearch")
    condition = (GERMAN_TICKETS & Q(**{vector: german})) | (
        ~GERMAN_TICKETS & Q(**{vector: english})
    )
    if len(text) >= MIN_FRAGMENT_CHARS and not _is_address(text):
        condition |= Q(customer_email__icontains=text) | Q(
            customer_name__icontains=text
        )
    exact: Case | Value = Value(0)
    number = text.removeprefix("#")
    if number.isdigit() and len(number) < 19:
        condition |= Q(number=int(number))
        exact = Case(When(number=int(number), then=1), default=0)
    rank = Case(
        When(GERMAN_TICKETS, then=SearchRank(F(vector), german, cover_density=True)),
        default=SearchRank(F(vector), english, cover_density=True),
    )
    return (
        queryset.filter(condition)
        .annotate(
            search_exact=exact,
            # An erased ticket (found by its number) has no vector and no rank.
            search_rank=Coalesce(rank, Value(0.0), output_field=FloatField()),
        )
        .order_by("-search_exact", "-search_rank", "-last_activity_at", "-number")
    )


def _is_address(text: str) -> bool:
    """A whole e-mail address: the vectors hold it as one word (weight B), so the
    words find it. Its trigrams would not help: a shop's addresses share their domain's
    (`@gmail.com`), and the trigram index walks nearly every ticket to find one."""
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True
