"""Reading the inbox for staff: the ticket to answer next and a customer's other tickets.

Readers only: they write nothing and narrow everything to what the actor may see.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from ..core.actor import Actor
from ..core.constants import AuthorType, CommentVisibility, StatusGroup
from ..models import Comment, Ticket
from .access import require_agent, visible_tickets

# Who answers a customer: a public comment by one of these counts as a reply (the same
# authors that set a ticket's first response).
REPLYING_AUTHORS = (AuthorType.STAFF, AuthorType.APP)
WAITING_FOR_US = (StatusGroup.NEW, StatusGroup.OPEN)


def unanswered_tickets(actor: Actor) -> QuerySet[Ticket]:
    """Open tickets (status group new or open) in the actor's channels, assigned to the
    actor or to nobody, still waiting for an answer: the last public comment is the
    customer's, or no one of the shop has replied yet. Internal notes answer nobody.

    Most urgent first (priority position, highest first), then the oldest."""
    require_agent(actor)
    public = Comment.objects.filter(
        ticket=OuterRef("pk"), visibility=CommentVisibility.PUBLIC
    )
    last_author = Subquery(
        public.order_by("-created_at", "-pk").values("author_type")[:1]
    )
    replied = Exists(public.filter(author_type__in=REPLYING_AUTHORS))
    mine_or_nobodys = Q(assignee__isnull=True)
    if actor.user_id is not None:
        mine_or_nobodys |= Q(assignee_id=actor.user_id)
    return (
        visible_tickets(actor)
        .filter(merged_into__isnull=True, status__group__in=WAITING_FOR_US)
        .filter(mine_or_nobodys)
        .annotate(last_author=last_author, replied=replied)
        .filter(Q(last_author=AuthorType.CUSTOMER) | Q(replied=False))
        .order_by("-priority__position", "created_at", "pk")
    )


def next_unanswered_ticket(actor: Actor) -> Ticket | None:
    """The ticket the actor should answer next, or None when nothing is waiting."""
    return unanswered_tickets(actor).first()


def other_tickets_of_customer(actor: Actor, ticket: Ticket) -> QuerySet[Ticket]:
    """The same customer's other tickets the actor may see, newest first.

    "The same customer" as a merge understands it: a registered customer's tickets by
    account; a guest's tickets by e-mail address, among guest tickets only (an address
    alone never reveals a registered customer's tickets)."""
    same_customer = (
        Q(customer_id=ticket.customer_id)
        if ticket.customer_id
        else Q(customer__isnull=True, customer_email__iexact=ticket.customer_email)
    )
    return (
        visible_tickets(actor)
        .filter(same_customer, merged_into__isnull=True)
        # By number (unique as the id): the (customer, number) index holds it, so a
        # customer's count is read from the index alone.
        .exclude(number=ticket.number)
        .order_by("-created_at", "-pk")
    )
