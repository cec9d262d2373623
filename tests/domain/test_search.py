"""Full-text search: what a text finds, in which order, and that every write path keeps
the index current (tickets/search.py, tickets/search_index.py)."""

import importlib
import json

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from saleor_helpdesk.actions import add_comment, merge_tickets
from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import ErasureReason
from saleor_helpdesk.models import Ticket
from saleor_helpdesk.privacy.erase import erase_tickets
from saleor_helpdesk.tickets import search_index
from saleor_helpdesk.tickets.search import search_tickets
from tests.factories import make_ticket


def found(text: str, *, internal: bool = True) -> list[int]:
    return list(
        search_tickets(Ticket.objects.all(), text, internal=internal).values_list(
            "number", flat=True
        )
    )


def guest_ticket(subject: str, body: str, language: str = "en", **fields) -> Ticket:
    fields.setdefault("customer_email", "someone@example.com")
    return make_ticket(
        subject=subject, body=f"<p>{body}</p>", language_code=language, **fields
    )


# --- what a text finds ----------------------------------------------------------------


def test_german_words_are_found_by_another_form(db):
    ticket = guest_ticket("Frage", "Die Lieferung kam beschädigt an.", "de")
    guest_ticket("Other", "Nothing to see here.")

    assert found("Lieferungen") == [ticket.number]
    assert found("beschädigt") == [ticket.number]


def test_english_words_are_found_by_another_form(db):
    ticket = guest_ticket("Question", "The parcels were delivered late.")
    guest_ticket("Frage", "Wo bleibt das Paket?", "de")

    assert found("parcel delivering") == [ticket.number]
    assert found('"delivered late"') == [ticket.number]
    assert found("parcel -late") == []


def test_a_number_finds_its_ticket_with_or_without_hash(db):
    ticket = guest_ticket("Question", "Hello")
    guest_ticket("Question", f"About ticket {ticket.number + 1000}")

    assert found(str(ticket.number))[0] == ticket.number
    assert found(f"#{ticket.number}") == [ticket.number]


def test_the_linked_order_number_is_searchable(db, customer_actor, order):
    ticket = make_ticket(customer_actor, order_id=order.pk, subject="Hallo")

    assert found(str(order.number)) == [ticket.number]


def test_a_fragment_of_the_address_or_name_finds_the_ticket(db):
    ticket = guest_ticket(
        "Question", "Hi", customer_email="john.miller@gmail.com", customer_name="John"
    )
    guest_ticket("Question", "Hi", customer_email="anna@example.de")

    assert found("miller@gm") == [ticket.number]
    assert found("ohn.mil") == [ticket.number]
    assert found("JOHN") == [ticket.number]


def test_a_whole_address_finds_its_tickets_by_the_word_index(db):
    # given addresses that share a domain, as a shop's do
    ticket = guest_ticket("Question", "Hi", customer_email="john.miller@gmail.com")
    guest_ticket("Question", "Hi", customer_email="anna.miller@gmail.com")
    linked = guest_ticket("Frage", "Hallo", language="de")
    add_comment(Actor.system(), linked.pk, "Bitte an john.miller@gmail.com schreiben.")

    # then a whole address finds the tickets of that address, and a message naming
    # it, in either case, without reading the trigram index
    assert sorted(found("John.Miller@Gmail.com")) == sorted(
        [ticket.number, linked.number]
    )
    with connection.cursor() as cursor:
        query = search_tickets(
            Ticket.objects.all(), "john.miller@gmail.com", internal=True
        )
        sql, params = query.values("pk").query.sql_with_params()
        # Three rows would be read whole; plan as for a big table.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "trgm" not in plan


def test_better_matches_come_first(db):
    in_text = guest_ticket("Question", "My teapot arrived, the lid is missing.")
    in_subject = guest_ticket("Teapot lid missing", "See subject.")
    guest_ticket("Question", "Unrelated.")

    # the subject weighs more (A) than the message (C)
    assert found("teapot lid") == [in_subject.number, in_text.number]


def test_equal_matches_come_newest_activity_first(db, staff_actor):
    older = guest_ticket("Mug", "Broken mug.")
    newer = guest_ticket("Mug", "Broken mug.")
    assert found("mug") == [newer.number, older.number]

    add_comment(staff_actor, older.pk, "We are sorry.")

    assert found("mug") == [older.number, newer.number]


def test_text_that_is_only_stop_words_or_signs_finds_nothing(db):
    guest_ticket("The question", "and the answer")

    assert found("the and") == []
    assert found("!!! ((") == []


# --- who finds what ---------------------------------------------------------------------


def test_internal_notes_are_found_by_staff_and_not_by_customers(db, staff_actor):
    ticket = guest_ticket("Question", "Where is it?")
    add_comment(staff_actor, ticket.pk, "Kulanzfall, Gutschrift geprüft", internal=True)

    assert found("Kulanzfall", internal=True) == [ticket.number]
    assert found("Kulanzfall", internal=False) == []
    assert found("Question", internal=False) == [ticket.number]


# --- kept current by the write paths ----------------------------------------------------


def test_a_reply_is_searchable_at_once(db, staff_actor):
    ticket = guest_ticket("Question", "Hello")
    assert found("Rücksendeetikett") == []

    add_comment(staff_actor, ticket.pk, "Anbei das Rücksendeetikett.")

    assert found("Rücksendeetikett", internal=False) == [ticket.number]


def test_a_merged_ticket_s_messages_are_found_on_the_survivor(db, staff_actor):
    survivor = guest_ticket("Question", "First message")
    duplicate = guest_ticket("Question again", "Zweitnachricht mit Seriennummer")

    merge_tickets(staff_actor, duplicate.pk, survivor.pk)

    hits = search_tickets(
        Ticket.objects.filter(merged_into__isnull=True), "Seriennummer", internal=True
    )
    assert [t.pk for t in hits] == [survivor.pk]


def test_erasure_blanks_the_index(db):
    ticket = guest_ticket(
        "Anna Schmidt's parcel", "Ich heiße Anna.", customer_name="Anna Schmidt"
    )
    assert found("parcel") == [ticket.number]

    with transaction.atomic():
        erase_tickets([ticket.pk], actor=Actor.system(), reason=ErasureReason.REQUEST)

    ticket.refresh_from_db()
    assert ticket.search_all is None and ticket.search_public is None
    assert found("parcel") == []
    # the number is no personal data: the ticket is still found by it
    assert found(f"#{ticket.number}") == [ticket.number]


def test_a_long_thread_keeps_its_newest_text(db, staff_actor, monkeypatch):
    monkeypatch.setattr(search_index, "MAX_MESSAGE_CHARS", 25)
    ticket = guest_ticket("Question", "Uraltwort am Anfang")
    add_comment(staff_actor, ticket.pk, "Neuestes Schlusswort")

    assert found("Schlusswort") == [ticket.number]
    assert found("Uraltwort") == []


# --- backfill and reindex -----------------------------------------------------------


def _forget_vectors() -> None:
    Ticket.objects.update(search_all=None, search_public=None)


def test_the_migration_fills_the_vectors_of_existing_tickets(db):
    tickets = [guest_ticket(f"Backfill {n}", "Altbestand") for n in range(3)]
    _forget_vectors()
    assert found("Altbestand") == []
    migration = importlib.import_module("saleor_helpdesk.migrations.0010_search")

    migration.fill_vectors(django_apps, None)

    assert sorted(found("Altbestand")) == sorted(t.number for t in tickets)


def test_the_reindex_command_works_in_batches_with_progress(db, capsys):
    tickets = [guest_ticket(f"Batch {n}", "Neuaufbau") for n in range(5)]
    _forget_vectors()

    call_command("helpdesk_search_reindex", "--batch-size", "2")

    out = capsys.readouterr().out
    assert "2 of 5 tickets" in out and "4 of 5 tickets" in out
    assert "Done. 5 ticket(s) reindexed." in out
    assert sorted(found("Neuaufbau")) == sorted(t.number for t in tickets)


# --- the plan --------------------------------------------------------------------------


SEARCH_INDEX = "helpdesk_ticket_search_all_idx"
EMAIL_INDEX = "helpdesk_ticket_email_trgm_idx"


def test_a_word_search_reads_the_indexes_not_every_row(db):
    # given enough tickets that a sequential scan is the worse plan
    template = make_ticket()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO saleor_helpdesk_ticket (kind, subject, status_id, "
            "priority_id, customer_email, customer_name, source, language_code, "
            "cc_emails, metadata, private_metadata, created_at, updated_at, "
            "last_activity_at) SELECT kind, 'Frage ' || g, status_id, priority_id, "
            "'kunde' || g || '@example.de', '', source, 'de', '{}', '{}', '{}', "
            "now(), now(), now() FROM saleor_helpdesk_ticket, generate_series(1, 4000)"
            " g WHERE id = %s",
            [template.pk],
        )
    search_index.reindex_all()
    with connection.cursor() as cursor:
        # What (auto)vacuum does in production: move the entries of rows written since
        # the index was built from GIN's pending list into the index proper.
        for index in (SEARCH_INDEX, EMAIL_INDEX, "helpdesk_ticket_name_trgm_idx"):
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute("ANALYZE saleor_helpdesk_ticket")

    # when the inbox searches for a word
    queryset = search_tickets(Ticket.objects.all(), "Lieferung", internal=True)
    plan = json.dumps(json.loads(queryset.explain(format="json")))

    # then the vector's GIN index and the address's trigram index are read
    assert "Bitmap Index Scan" in plan
    assert '"Seq Scan"' not in plan
    assert SEARCH_INDEX in plan
    assert EMAIL_INDEX in plan


def test_the_reindex_command_refuses_a_batch_of_nothing(db):
    with pytest.raises(CommandError, match="at least 1"):
        call_command("helpdesk_search_reindex", "--batch-size", "0")
