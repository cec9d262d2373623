"""The full-text index of tickets, kept in PostgreSQL beside the rows it describes.

Each ticket carries two weighted `tsvector`s, computed in SQL from the ticket, its
linked order, its complaint form and its comments:

- `search_all`, for staff: every comment, internal notes included;
- `search_public`, for customers: public comments only, so a customer's search never
  matches (and so never reveals) what an internal note says.

Weights: A the ticket number and subject, B the customer's name and e-mail and the order
number (the linked order's and the one typed into a complaint), C the message text.
The text search configuration follows the ticket's language ('german' for `de*`, else
'english'); `search.py` parses a query in the same configuration per ticket, by the same
rule, so stems and exclusions match.

Comment bodies are sanitised HTML: PostgreSQL's parser reads tags and entities as token
types no configuration indexes, so they fall out without stripping. A `tsvector` holds
at most 1 MB; a long thread feeds the newest `MAX_MESSAGE_CHARS` characters of its
messages (older text of a very long thread is not found by words, only by number,
subject and customer).

The vectors are refreshed by `refresh_search()`: one UPDATE for any number of tickets,
run inside the writing transaction by the timeline planner `plan_search_refresh`
(every write that changes searchable text writes one of `REFRESHING_EVENTS`). An erased
ticket's vectors are blanked (NULL): it is found by number only.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from django.db import connection, transaction

from ..core.constants import CommentVisibility, TicketEventType

if TYPE_CHECKING:
    from ..models import TicketEvent

# Characters of message text per ticket (newest messages first): far below the 1 MB a
# tsvector may hold, whatever the text's words and positions.
MAX_MESSAGE_CHARS = 200_000

# Events of the writes that change what a ticket's vectors are made of.
REFRESHING_EVENTS = frozenset(
    {
        TicketEventType.CREATED,
        TicketEventType.COMMENT_ADDED,
        TicketEventType.NOTE_ADDED,
        TicketEventType.ORDER_LINKED,
        TicketEventType.CUSTOMER_LINKED,
        TicketEventType.CUSTOMER_REGISTERED,
        TicketEventType.MERGED,
        TicketEventType.MERGED_FROM,
        TicketEventType.PERSONAL_DATA_ERASED,
    }
)

GERMAN_PREFIX = "de"

# One statement for any number of tickets. `x` gathers each ticket's text (newest
# messages first, cut to the cap; every message and the public ones in one pass over
# its comments) and its configuration; `v` parses each text once (the head and the
# customer serve both vectors, and a thread without internal notes has one message
# text), materialized so no vector is parsed twice; the UPDATE assembles the two
# weighted vectors, NULL for an erased ticket. Parsing is most of the statement's cost.
REFRESH_SQL = """
WITH x AS (
    SELECT
        t.id,
        (CASE WHEN lower(t.language_code) LIKE %(german)s
            THEN 'german' ELSE 'english' END)::regconfig AS config,
        t.number::text || ' ' || t.subject AS head,
        concat_ws(' ', t.customer_name, t.customer_email, o.number::text,
                  c.order_number) AS who,
        left(coalesce(m.every_text, ''), %(max_chars)s) AS every_text,
        left(coalesce(m.public_text, ''), %(max_chars)s) AS public_text,
        t.personal_data_erased_at IS NOT NULL AS erased
    FROM saleor_helpdesk_ticket t
    LEFT JOIN order_order o ON o.id = t.order_id
    LEFT JOIN saleor_helpdesk_complaint c ON c.ticket_id = t.id
    LEFT JOIN LATERAL (
        SELECT
            string_agg(body, ' ' ORDER BY created_at DESC, id DESC) AS every_text,
            string_agg(body, ' ' ORDER BY created_at DESC, id DESC)
                FILTER (WHERE visibility = %(public)s) AS public_text
        FROM saleor_helpdesk_comment
        WHERE ticket_id = t.id
    ) m ON true
    WHERE t.id = ANY(%(ids)s)
), v AS MATERIALIZED (
    SELECT
        x.id,
        x.erased,
        setweight(to_tsvector(x.config, x.head), 'A')
            || setweight(to_tsvector(x.config, x.who), 'B') AS base,
        setweight(to_tsvector(x.config, x.every_text), 'C') AS every_words,
        CASE WHEN x.public_text <> x.every_text
            THEN setweight(to_tsvector(x.config, x.public_text), 'C')
        END AS public_words
    FROM x
)
UPDATE saleor_helpdesk_ticket
SET search_all = CASE WHEN v.erased THEN NULL ELSE v.base || v.every_words END,
    search_public = CASE WHEN v.erased THEN NULL
        ELSE v.base || coalesce(v.public_words, v.every_words) END
FROM v
WHERE saleor_helpdesk_ticket.id = v.id
"""


def refresh_search(ticket_ids: Iterable[int]) -> int:
    """Recompute the search vectors of these tickets in one statement; returns how many
    rows it updated. Runs in the caller's transaction."""
    ids = sorted(set(ticket_ids))
    if not ids:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            REFRESH_SQL,
            {
                "ids": ids,
                "german": f"{GERMAN_PREFIX}%",
                "max_chars": MAX_MESSAGE_CHARS,
                "public": CommentVisibility.PUBLIC.value,
            },
        )
        return cursor.rowcount


def reindex_all(
    batch_size: int = 1000, progress: Callable[[int, int], None] | None = None
) -> int:
    """Recompute every ticket's vectors, `batch_size` tickets per transaction (a big
    database is never locked as a whole); `progress(done, total)` after each batch.
    Returns how many tickets it refreshed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM saleor_helpdesk_ticket")
        total = cursor.fetchone()[0]
    done = last = 0
    while True:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT id FROM saleor_helpdesk_ticket WHERE id > %s "
                    "ORDER BY id LIMIT %s",
                    [last, batch_size],
                )
                ids = [row[0] for row in cursor.fetchall()]
            if not ids:
                return done
            done += refresh_search(ids)
        last = ids[-1]
        if progress is not None:
            progress(done, total)


def plan_search_refresh(events: Sequence["TicketEvent"]) -> None:
    """Timeline planner: refresh the tickets whose searchable text these events changed
    (one UPDATE per planned batch, inside its transaction)."""
    refresh_search(
        event.ticket_id for event in events if event.type in REFRESHING_EVENTS
    )
