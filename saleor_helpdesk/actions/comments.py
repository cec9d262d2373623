"""Replies and internal notes."""

from collections.abc import Sequence

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from ..content.attachments import check_files
from ..content.sanitize import MAX_BODY_LENGTH, clean_html, is_blank
from ..content.templates_render import render, ticket_values
from ..core.actor import Actor, ActorKind
from ..core.constants import CommentMedium, CommentVisibility, StatusGroup
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import field_error
from ..models import Comment, ResponseTemplate, TicketStatus
from ..tickets import workflow
from ..tickets.access import lock_ticket, require_agent
from ..tickets.policies import channel_settings
from ..timeline import events
from .attachments import removing_files_on_error, store_files
from .common import (
    author_fields,
    customer_author_name,
    default_medium,
    refuse_merged,
    touch,
)
from .config.templates import shop_name
from .status import check_customer_may_reopen


def add_comment(
    actor: Actor,
    ticket_id: int,
    body: str,
    *,
    internal: bool = False,
    medium: str | None = None,
    attachments: Sequence[File] = (),
    status_id: int | None = None,
    template_id: int | None = None,
) -> Comment:
    """Add a public reply or (staff only) an internal note.

    A customer replying to a waiting ticket moves it back to open, and to a closed one
    reopens it where the channel allows. Staff may pass the status the ticket moves to
    with the reply (seed 000: "-- Change Status --" below the reply box).
    """
    if internal or status_id is not None or medium is not None or template_id:
        require_agent(actor)
    if medium is not None and medium not in CommentMedium.values:
        raise field_error("medium", "Unknown medium.", HelpdeskErrorCode.INVALID)
    if internal and medium == CommentMedium.SMS:
        # An SMS reaches the customer: it is a reply, never a note.
        raise field_error(
            "medium", "An internal note cannot be an SMS.", HelpdeskErrorCode.INVALID
        )
    if len(body or "") > MAX_BODY_LENGTH:
        raise field_error(
            "body", "The message is too long.", HelpdeskErrorCode.BODY_TOO_LONG
        )
    cleaned = clean_html(body or "")
    template = None
    if template_id is not None:
        template = ResponseTemplate.objects.filter(
            pk=template_id, is_active=True
        ).first()
        if template is None:
            raise field_error(
                "template", "Response template not found.", HelpdeskErrorCode.NOT_FOUND
            )
    if is_blank(cleaned) and not attachments and template is None:
        raise field_error("body", "Write a message.", HelpdeskErrorCode.EMPTY_BODY)
    target = None
    if status_id is not None:
        target = TicketStatus.objects.filter(pk=status_id).first()
        if target is None:
            raise field_error(
                "status", "Status not found.", HelpdeskErrorCode.NOT_FOUND
            )

    with removing_files_on_error(), transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        refuse_merged(ticket)
        files = check_files(
            list(attachments),
            policy=channel_settings(ticket.channel_id),
            already_on_ticket=ticket.attachments.count(),
        )
        if template is not None and is_blank(cleaned):
            # The reply is the template, filled in for this ticket and this agent.
            values = ticket_values(
                ticket,
                agent=actor.user if actor.kind == ActorKind.STAFF else None,
                shop_name=shop_name(ticket.channel_id),
            )
            cleaned = clean_html(render(template.body, values))
        if actor.is_customer_side and ticket.status.is_closed:
            check_customer_may_reopen(ticket)
            workflow.set_status(ticket, workflow.reopen_status(), Actor.system())
        comment = Comment.objects.create(
            ticket=ticket,
            body=cleaned,
            visibility=CommentVisibility.INTERNAL
            if internal
            else CommentVisibility.PUBLIC,
            medium=medium or default_medium(actor),
            author_name=customer_author_name(actor, ticket),
            **author_fields(actor),
        )
        events.comment_added_event(ticket=ticket, actor=actor, comment=comment)
        store_files(ticket, comment, files, actor)
        changed = []
        if (
            not internal
            and actor.kind in (ActorKind.STAFF, ActorKind.APP)
            and ticket.first_response_at is None
        ):
            ticket.first_response_at = timezone.now()
            changed.append("first_response_at")
        touch(ticket, *changed)
        if target is not None and target.pk != ticket.status_id:
            workflow.set_status(ticket, target, actor)
        elif actor.is_customer_side and ticket.status.group == StatusGroup.WAITING:
            workflow.set_status(ticket, workflow.reopen_status(), Actor.system())
    return comment
