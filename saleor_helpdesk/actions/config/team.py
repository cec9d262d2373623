"""The support team: which staff users can be assigned tickets, the contacts (queues)
they serve, who looks after which customer, and which staff users could join."""

from collections.abc import Sequence
from typing import Any, TypedDict

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from ...content.sanitize import clean_html
from ...core.actor import Actor
from ...core.error_codes import HelpdeskErrorCode
from ...core.errors import HelpdeskPermissionDenied, field_error
from ...core.permissions import Perm
from ...host import get_host
from ...host.shop_models import user_model
from ...host.staff_access import may_work_tickets
from ...models import Contact, CustomerResponsible, SupportAgent
from .common import (
    deleted,
    get_for_update,
    not_found,
    require_settings_manager,
    save_unique,
    support_agent_user,
)

MAX_SIGNATURE_LENGTH = 5000
DEFAULT_CANDIDATES = 20
MAX_CANDIDATES = 100


class AgentFields(TypedDict, total=False):
    contact_ids: Sequence[int]
    signature: str
    is_active: bool


def support_agent_candidates(
    actor: Actor, search: str | None = None, first: int | None = DEFAULT_CANDIDATES
) -> list[Any]:
    """The staff users `add_support_agent` would take (active staff with MANAGE_ORDERS,
    not in the team yet), by e-mail, at most `first` of them. `search` matches e-mail, first and last
    name case-insensitively; each of its words must match one of them ("anna schm").

    For those who may add them (MANAGE_PLUGINS): the Dashboard app cannot list
    Saleor's staff (that needs MANAGE_STAFF), so the team screen picks new members
    from here. Staff who only work tickets see the team (`supportAgents`), not every
    staff account's name and e-mail. One query."""
    require_settings_manager(actor, "see which staff users the support team could add")
    if first is None:
        first = DEFAULT_CANDIDATES
    if not 0 <= first <= MAX_CANDIDATES:
        raise field_error(
            "first",
            f"`first` must be between 0 and {MAX_CANDIDATES} (you asked for {first}).",
            HelpdeskErrorCode.INVALID,
        )
    users = user_model().objects.filter(
        pk__in=user_model().objects.filter(may_work_tickets()).values("pk"),
        is_staff=True,
        is_active=True,
    )
    users = users.exclude(Exists(SupportAgent.objects.filter(user_id=OuterRef("pk"))))
    for word in (search or "").split():
        users = users.filter(
            Q(email__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    users = users.only("pk", "email", "first_name", "last_name")
    return list(users.order_by("email", "pk")[:first])


def add_support_agent(
    actor: Actor, user_id: int, fields: AgentFields | None = None
) -> SupportAgent:
    require_settings_manager(actor)
    user = user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise not_found("User", "user")
    if not (user.is_staff and user.is_active):
        raise field_error(
            "user",
            "Only active staff users can join the support team.",
            HelpdeskErrorCode.NOT_A_STAFF_USER,
        )
    access = get_host().staff_access([user.pk]).get(user.pk)
    if access is None or Perm.MANAGE_ORDERS.value not in access.permissions:
        raise field_error(
            "user",
            "Only staff users with the MANAGE_ORDERS permission can join the support "
            "team (they could not open the tickets assigned to them).",
            HelpdeskErrorCode.MANAGE_ORDERS_REQUIRED,
        )
    message = "This user is in the support team already."
    if SupportAgent.objects.filter(user_id=user.pk).exists():
        raise field_error("user", message, HelpdeskErrorCode.UNIQUE)
    agent = SupportAgent(user=user)
    contacts = _apply(agent, fields or {})
    with transaction.atomic():
        save_unique(agent, "user", message)
        if contacts is not None:
            agent.contacts.set(contacts)
    return agent


def update_support_agent(
    actor: Actor, agent_id: int, fields: AgentFields
) -> SupportAgent:
    require_settings_manager(actor)
    with transaction.atomic():
        agent = get_for_update(SupportAgent, agent_id, "Support agent")
        contacts = _apply(agent, fields)
        agent.save()
        if contacts is not None:
            agent.contacts.set(contacts)
    return agent


def remove_support_agent(actor: Actor, agent_id: int) -> SupportAgent:
    """The user leaves the team; tickets assigned to them stay assigned (reassign them),
    and new tickets no longer go to them."""
    require_settings_manager(actor)
    with transaction.atomic():
        agent = get_for_update(SupportAgent, agent_id, "Support agent")
        return deleted(agent)


def set_customer_responsible(
    actor: Actor, customer_id: int, responsible_id: int | None
) -> tuple[Any, Any]:
    """Make a support agent responsible for a customer's new tickets (None: nobody).
    Returns (customer, responsible user or None).

    A setting about one customer, named by their Saleor ID, answered with their name
    and e-mail: MANAGE_PLUGINS (settings) and MANAGE_USERS (customer data) both."""
    _require_customer_manager(actor)
    customer = user_model().objects.filter(pk=customer_id).first()
    if customer is None:
        raise not_found("Customer", "customer")
    responsible = support_agent_user(responsible_id, "responsible")
    with transaction.atomic():
        current = (
            CustomerResponsible.objects.select_for_update()
            .filter(customer=customer)
            .first()
        )
        if responsible is None:
            if current is not None:
                current.delete()
        elif current is None:
            save_unique(
                CustomerResponsible(customer=customer, responsible=responsible),
                "customer",
                "Someone else set this customer's responsible person at the same time.",
            )
        elif current.responsible_id != responsible.pk:
            current.responsible = responsible
            current.save(update_fields=["responsible"])
    return customer, responsible


def _require_customer_manager(actor: Actor) -> None:
    try:
        require_settings_manager(actor)
        allowed = actor.has_perm(Perm.MANAGE_USERS)
    except HelpdeskPermissionDenied:
        allowed = False
    if not allowed:
        raise HelpdeskPermissionDenied(
            "You need the MANAGE_PLUGINS and MANAGE_USERS permissions to choose who "
            "looks after a customer."
        )


def _apply(agent: SupportAgent, fields: AgentFields) -> list[Contact] | None:
    """Set the agent's fields; returns the contacts to set (None: leave them)."""
    if "signature" in fields:
        signature = clean_html(str(fields["signature"] or ""))
        if len(signature) > MAX_SIGNATURE_LENGTH:
            raise field_error(
                "signature",
                f"A signature may be at most {MAX_SIGNATURE_LENGTH} characters long.",
                HelpdeskErrorCode.INVALID,
            )
        agent.signature = signature
    if "is_active" in fields:
        agent.is_active = bool(fields["is_active"])
    if "contact_ids" not in fields:
        return None
    ids = list(fields["contact_ids"] or [])
    if len(set(ids)) != len(ids):
        raise field_error(
            "contacts",
            "A contact is given more than once.",
            HelpdeskErrorCode.DUPLICATED_INPUT_ITEM,
        )
    contacts = list(Contact.objects.filter(pk__in=ids))
    if len(contacts) != len(ids):
        raise not_found("Contact", "contacts")
    return contacts
