"""Attaching files to a ticket and removing them."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.files.base import File
from django.db import transaction

from ..content.attachments import CheckedFile, as_content_file, check_files
from ..core.actor import Actor
from ..core.constants import AuthorType, CommentVisibility
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..models import Attachment, Comment, Ticket
from ..tickets.access import lock_ticket, require_agent, visible_tickets
from ..tickets.policies import channel_settings
from ..timeline import events
from .common import author_fields, refuse_merged, touch


def store_files(
    ticket: Ticket,
    comment: Comment | None,
    files: Sequence[CheckedFile],
    actor: Actor,
    *,
    internal: bool = False,
) -> list[Attachment]:
    """Write checked files to private storage (files of an internal note, or files
    attached as internal, are internal). `removing_files_on_error` deletes them again
    when the transaction fails."""
    internal = comment.is_internal if comment is not None else internal
    author = author_fields(actor)
    stored = []
    for checked in files:
        attachment = Attachment(
            ticket=ticket,
            comment=comment,
            display_name=checked.display_name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            visibility=(
                CommentVisibility.INTERNAL if internal else CommentVisibility.PUBLIC
            ),
            uploaded_by_type=author["author_type"],
            uploaded_by_user=author.get("author_user"),
        )
        attachment.file.save("upload", as_content_file(checked), save=False)
        # Journal the file before the row is saved: a failing save must not orphan it.
        journal = _written.get()
        if journal is not None:
            journal.append((attachment.file.storage, attachment.file.name))
        attachment.save()
        events.attachment_added_event(
            ticket=ticket,
            actor=actor,
            attachment_id=attachment.pk,
            name=attachment.display_name,
            internal=internal,
        )
        stored.append(attachment)
    return stored


_written: ContextVar[list[tuple[Any, str]] | None] = ContextVar(
    "helpdesk_written_files", default=None
)


def written_files() -> list[tuple[Any, str]] | None:
    """The journal of the enclosing `removing_files_on_error` block (None outside
    one): append (storage, name) for a file written outside `store_files`."""
    return _written.get()


@contextmanager
def removing_files_on_error() -> Iterator[None]:
    """Storage is not transactional: files written inside this block are deleted again
    when the block (and with it the transaction referencing them) fails."""
    written: list[tuple[Any, str]] = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    finally:
        _written.reset(token)


def add_attachments(
    actor: Actor,
    ticket_id: int,
    files: Sequence[File],
    *,
    internal: bool = False,
) -> list[Attachment]:
    """Attach files to a ticket without a comment (a comment can carry files too)."""
    if internal:
        require_agent(actor)
    with removing_files_on_error(), transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        checked = check_files(
            files,
            policy=channel_settings(ticket.channel_id),
            already_on_ticket=ticket.attachments.count(),
        )
        stored = store_files(ticket, None, checked, actor, internal=internal)
        touch(ticket)
    return stored


def remove_attachment(actor: Actor, attachment_id: int) -> Ticket:
    """Staff remove any file; a customer only a public one they uploaded themselves.

    A file the caller cannot see is "not found", so attachment ids reveal nothing.
    """
    visible = Attachment.objects.filter(
        pk=attachment_id, ticket__in=visible_tickets(actor)
    )
    if not actor.is_agent:
        visible = visible.filter(visibility=CommentVisibility.PUBLIC)
    found = visible.values_list("ticket_id", flat=True).first()
    if found is None:
        raise field_error("id", "Attachment not found.", HelpdeskErrorCode.NOT_FOUND)
    with transaction.atomic():
        # The ticket first, as every action does, so this never deadlocks with a merge.
        ticket = lock_ticket(actor, found)
        attachment = (
            Attachment.objects.select_for_update().filter(pk=attachment_id).first()
        )
        if attachment is None:
            raise field_error(
                "id", "Attachment not found.", HelpdeskErrorCode.NOT_FOUND
            )
        if not actor.is_agent:
            own = (
                attachment.uploaded_by_type == AuthorType.CUSTOMER
                and attachment.uploaded_by_user_id is not None
                and attachment.uploaded_by_user_id == actor.user_id
            )
            if not own:
                raise HelpdeskPermissionDenied("You can remove only your own files.")
        name, storage = attachment.file.name, attachment.file.storage
        internal = attachment.visibility == CommentVisibility.INTERNAL
        attachment.delete()
        events.attachment_removed_event(
            ticket=ticket, actor=actor, name=attachment.display_name, internal=internal
        )
        touch(ticket)
        transaction.on_commit(lambda: storage.delete(name))
    return ticket
