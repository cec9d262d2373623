"""Replies by SMS (staff and apps)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..core.actor import Actor
from ..core.constants import CommentMedium
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Comment
from ..sms.numbers import number_of
from ..sms.outbox import queue_sms
from ..sms.text import check_text, text_as_html
from ..sms.transports import SmsNotConfigured, get_transport
from ..tickets.access import lock_ticket, require_agent
from .comments import add_comment
from .common import refuse_merged


def send_sms_reply(actor: Actor, ticket_id: int, body: str) -> Comment:
    """Answer the customer with a short text to their phone.

    The reply is a public comment with medium SMS, so the customer's thread shows it
    like any reply (and it counts as the first response); it is never an internal
    note. It is not also mailed: the customer gets the text instead of the e-mail a
    reply would send. The number is the first one that can take a text on the
    ticket's order (shipping, then billing address), else on the customer's default
    addresses (`sms/numbers.py`); the text is plain and at most three SMS parts
    (`sms/text.py`). The outbox row is written in the reply's transaction and sent by
    a Celery task after commit (`sms/outbox.py`).
    """
    require_agent(actor)
    try:
        get_transport()
    except SmsNotConfigured as error:
        raise ValidationError(
            str(error), code=HelpdeskErrorCode.SMS_NOT_CONFIGURED.value
        ) from error
    text = check_text(body)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        to = number_of(ticket)
        if to is None:
            raise field_error(
                "id",
                "Neither the ticket's order nor the customer's addresses hold a "
                "mobile number to send an SMS to.",
                HelpdeskErrorCode.NO_PHONE_NUMBER,
            )
        comment = add_comment(
            actor, ticket.pk, text_as_html(text), medium=CommentMedium.SMS
        )
        queue_sms(ticket=ticket, comment=comment, to=to, body=text)
    return comment
