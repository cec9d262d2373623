"""A mailbox's push secret: random, shown once, stored only as its SHA-256."""

import hashlib

from saleor_helpdesk.mailboxes.push import new_push_secret, push_secret_matches
from saleor_helpdesk.models import Mailbox


def test_only_the_hash_is_stored(push_mailbox):
    # when a secret is made
    secret = new_push_secret(push_mailbox)

    # then the database holds its SHA-256, never the secret itself
    stored = Mailbox.objects.get(pk=push_mailbox.pk)
    assert stored.push_secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in stored.push_secret_hash
    assert len(secret) >= 43  # 256 random bits, URL-safe base64


def test_each_secret_is_new_and_replaces_the_one_before(push_mailbox):
    first = new_push_secret(push_mailbox)
    second = new_push_secret(push_mailbox)

    assert first != second
    push_mailbox.refresh_from_db()
    assert push_secret_matches(push_mailbox, second)
    assert not push_secret_matches(push_mailbox, first)


def test_a_mailbox_without_a_secret_matches_nothing(push_mailbox):
    assert not push_secret_matches(push_mailbox, "")
    assert not push_secret_matches(push_mailbox, "anything")


def test_an_empty_secret_never_matches(push_mailbox):
    new_push_secret(push_mailbox)

    assert not push_secret_matches(push_mailbox, "")
