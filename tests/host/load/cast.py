"""Who takes part in a load run: customers of the shop and one staff user per staff
client (so each client's status changes can be told apart in the timeline), with
their access tokens, and the workflow the staff clients move tickets through."""

from dataclasses import dataclass, field
from datetime import timedelta

from saleor_helpdesk.core.constants import StatusGroup
from saleor_helpdesk.models import StatusTransition, TicketStatus
from saleor_helpdesk.tickets import workflow
from tests.host.account.models import User
from tests.host.channel.models import Channel
from tests.host.demo.management.commands.helpdesk_benchmark import bench_agent
from tests.host.tokens import create_access_token

TOKEN_TTL = timedelta(hours=2)


@dataclass(frozen=True)
class Caller:
    user_id: int
    email: str
    token: str


@dataclass(frozen=True)
class Cast:
    channel: str
    customers: list[Caller]
    staff: list[Caller]
    # The statuses a staff client moves its tickets to, and from which source each
    # may be reached: never the status a customer's reply reopens to, never a closed
    # one (bulk updates close), so no two parties ever aim at the same status and
    # every acknowledged change is one status event.
    targets: dict[str, list[str]] = field(default_factory=dict)
    status_ids: dict[str, int] = field(default_factory=dict)
    initial_status: str = ""
    closed_status: str = ""


def client_roles(clients: int) -> list[str]:
    """Customers and staff in turn: 8 clients are 4 customers and 4 staff."""
    return ["customer" if index % 2 == 0 else "staff" for index in range(clients)]


def prepare_cast(clients: int) -> Cast:
    roles = client_roles(clients)
    channel = Channel.objects.filter(is_active=True).order_by("pk").first()
    if channel is None:
        raise RuntimeError("no active channel: seed the host first (demo_host_data)")
    customers = list(
        User.objects.filter(is_staff=False, is_active=True).order_by("pk")[:8]
    )
    if not customers:
        raise RuntimeError("no customers: seed the host first (demo_host_data)")
    staff = [
        bench_agent(f"load-staff-{index}@shop.example", f"load staff {index}")
        for index in range(roles.count("staff"))
    ]
    reopen = workflow.reopen_status()
    statuses = {s.slug: s for s in TicketStatus.objects.filter(is_active=True)}
    targets: dict[str, list[str]] = {}
    for transition in StatusTransition.objects.filter(
        staff_allowed=True, target__is_active=True
    ).select_related("source", "target"):
        target = transition.target
        if target.pk == reopen.pk or target.group == StatusGroup.CLOSED:
            continue
        targets.setdefault(transition.source.slug, []).append(target.slug)
    initial = TicketStatus.objects.get(is_initial=True)
    return Cast(
        channel=channel.slug,
        customers=[_caller(user) for user in customers],
        staff=[_caller(user) for user in staff],
        targets={slug: sorted(found) for slug, found in targets.items()},
        status_ids={slug: status.pk for slug, status in statuses.items()},
        initial_status=initial.slug,
        closed_status=workflow.closed_status().slug,
    )


def _caller(user: User) -> Caller:
    return Caller(user.pk, user.email, create_access_token(user, ttl=TOKEN_TTL))
