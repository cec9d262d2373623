"""Celery tasks of the IMAP mailboxes (registered through `saleor_helpdesk.tasks`).

`fetch_all_mailboxes` is periodic (Celery beat, e.g. every minute) and queues one
`fetch_mailbox_task` per active IMAP mailbox instead of fetching them in a loop: a
mailbox whose server hangs (up to the connection timeout, for every operation) or
holds a large backlog then delays only itself, mailboxes are fetched in parallel by as
many workers as there are, and a crash in one fetch leaves the others alone. A fetch
queued while the previous one of the same mailbox still runs finds the mailbox locked
and ends at once.
"""

import logging

from celery import shared_task

from ..host import get_host
from ..models import Mailbox
from ..models.mailbox import MailboxKind
from .fetch import fetch_mailbox

logger = logging.getLogger(__name__)

# A fetch still waiting in the broker after this long is dropped: by then the next
# periodic run has queued a newer one, so a backlog of workers does not pile them up.
QUEUED_FETCH_EXPIRES = 300


@shared_task
def fetch_all_mailboxes() -> int:
    """Periodic (Celery beat, e.g. every minute): queue a fetch of every active IMAP
    mailbox; returns how many were queued."""
    with get_host().writer_access():
        ids = list(
            Mailbox.objects.filter(is_active=True, kind=MailboxKind.IMAP)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    queued = 0
    for mailbox_id in ids:
        try:
            fetch_mailbox_task.apply_async((mailbox_id,), expires=QUEUED_FETCH_EXPIRES)
        except Exception:  # one mailbox must not keep the others from being fetched
            logger.exception("The fetch of mailbox %s could not be queued.", mailbox_id)
        else:
            queued += 1
    return queued


@shared_task
def fetch_mailbox_task(mailbox_id: int) -> str:
    """Fetch one mailbox's new messages. A server, login or configuration problem is
    recorded on the mailbox (its last fetch), not raised; returns how the fetch went."""
    with get_host().writer_access():
        return fetch_mailbox(mailbox_id).status.value
