"""Recording a rating: the one write path of the survey, for every door (the signed
link's page, the storefront, guests).

`record_rating` validates, locks the ticket, writes the rating and its timeline event
in one transaction; the event's side-effect planners (webhooks, and whatever reacts to
`rated` events later) run inside that transaction, so a rolled-back rating plans
nothing. Whoever wants to react to a rating (the automation rules) hooks in right after
the event is written, with the saved rating in hand.
"""

from django.db import IntegrityError, transaction

from ..actions.common import refuse_merged
from ..core.actor import Actor, ActorKind
from ..core.error_codes import HelpdeskErrorCode
from ..core.errors import HelpdeskPermissionDenied, field_error
from ..core.nul import strip_nul
from ..models import RatingSource, SatisfactionRating, Ticket
from ..models.satisfaction import MAX_SCORE, MIN_SCORE
from ..tickets.access import lock_ticket
from ..timeline.events import rated_event
from .policy import survey_settings

MAX_COMMENT_LENGTH = 2000


def link_actor(ticket: Ticket) -> Actor:
    """Who holds a survey link of `ticket`: the address it was mailed to (and its
    account, if the ticket has one). The link authorises this ticket, nothing more."""
    return Actor.email_sender(ticket.customer_email, user=ticket.customer)


def clean_score(score: object) -> int:
    if (
        not isinstance(score, int)
        or isinstance(score, bool)
        or not MIN_SCORE <= score <= MAX_SCORE
    ):
        raise field_error(
            "score",
            f"The score is a whole number from {MIN_SCORE} to {MAX_SCORE}.",
            HelpdeskErrorCode.SCORE_OUT_OF_RANGE,
        )
    return score


def clean_comment(comment: str | None) -> str:
    text = strip_nul(comment or "").strip()
    if len(text) > MAX_COMMENT_LENGTH:
        raise field_error(
            "comment",
            f"The comment is longer than {MAX_COMMENT_LENGTH} characters.",
            HelpdeskErrorCode.BODY_TOO_LONG,
        )
    return text


def check_may_rate(ticket: Ticket) -> None:
    """Why `ticket` cannot be rated now, as a typed error (also for the survey page,
    which shows the reason before the customer writes anything)."""
    refuse_merged(ticket)
    if not ticket.status.is_closed:
        raise field_error(
            "id",
            "Only a closed ticket can be rated.",
            HelpdeskErrorCode.NOT_CLOSED,
        )
    if not survey_settings(ticket.channel_id).survey_enabled:
        raise field_error(
            "id",
            "This shop does not ask for ratings.",
            HelpdeskErrorCode.SURVEY_DISABLED,
        )
    if SatisfactionRating.objects.filter(ticket_id=ticket.pk).exists():
        raise already_rated()


def already_rated() -> Exception:
    return field_error(
        "id", "This ticket has been rated already.", HelpdeskErrorCode.ALREADY_RATED
    )


def record_rating(
    actor: Actor,
    ticket_id: int,
    *,
    score: object,
    comment: str | None,
    source: RatingSource,
) -> SatisfactionRating:
    """Record the customer's rating of a closed ticket they may see; returns the saved
    rating. Refused (typed errors, nothing written): anyone but the customer side,
    a ticket the actor cannot see (`not_found`), one not closed, merged, rated already
    (also when two submissions race: the ticket's row lock orders them, the unique
    ticket backs it), in a channel without the survey, a score outside 1 to 5 or an
    overlong comment."""
    if not actor.is_customer_side:
        raise HelpdeskPermissionDenied("Only the customer can rate a ticket.")
    score = clean_score(score)
    text = clean_comment(comment)
    with transaction.atomic():
        ticket = lock_ticket(actor, ticket_id)
        check_may_rate(ticket)
        rating = SatisfactionRating(
            ticket=ticket,
            score=score,
            comment=text,
            source=source,
            customer=actor.user if actor.user_id else None,
            customer_email=(
                actor.guest_email
                if actor.kind in (ActorKind.GUEST, ActorKind.EMAIL)
                else ticket.customer_email
            )
            or "",
            agent_id=ticket.assignee_id,
            channel_id=ticket.channel_id,
        )
        try:
            with transaction.atomic():
                rating.save()
        except IntegrityError:
            raise already_rated() from None
        rated_event(ticket=ticket, actor=actor, rating=rating)
    return rating
