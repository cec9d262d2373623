"""The demo's seed commands (`demo_host_data`, `helpdesk_sample_data`) and its server.

`bin/demo` runs exactly these commands; here they run on the test database.
"""

import json
import re
import struct
import zlib
from io import StringIO
from urllib.request import ProxyHandler, Request, build_opener

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory
from django.utils import timezone

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.core.actor import ActorKind
from saleor_helpdesk.core.constants import ComplaintDecision, TicketKind
from saleor_helpdesk.models import (
    Attachment,
    Comment,
    Complaint,
    InboundEmail,
    InboundStatus,
    Mailbox,
    SupportAgent,
    Ticket,
    TicketLine,
)
from saleor_helpdesk.tickets.defaults import DEFAULT_STATUSES

if apps.is_installed("saleor.order"):
    pytest.skip(
        "the demo's host data is the stand-in host's; inside Saleor, "
        "tests/saleor/test_in_saleor.py runs helpdesk_sample_data on Saleor's orders",
        allow_module_level=True,
    )

from tests.host.account.models import User
from tests.host.channel.models import Channel
from tests.host.demo.management.commands.demo_host_data import PRODUCTS
from tests.host.order.models import Order, OrderLine
from tests.host.port import StandInHost

TICKETS = 12
# The conversation by e-mail opens one ticket besides those.
MAIL_TICKETS = 1


def run(command: str, *args: str) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def seeded(db):
    host_output = run("demo_host_data")
    helpdesk_output = run(
        "helpdesk_sample_data", "--tickets", str(TICKETS), "--seed", "3"
    )
    return host_output, helpdesk_output


def counts() -> dict[str, int]:
    models = [Ticket, Comment, Attachment, Complaint, TicketLine, User, Order, Channel]
    return {model.__name__: model.objects.count() for model in models}


def test_every_status_and_kind_has_tickets(seeded):
    _host_output, output = seeded

    assert Ticket.objects.count() == TICKETS + MAIL_TICKETS
    statuses = set(Ticket.objects.values_list("status__slug", flat=True))
    assert statuses == {row[0] for row in DEFAULT_STATUSES}
    assert set(Ticket.objects.values_list("kind", flat=True)) == set(TicketKind.values)
    assert "tickets: 10/12" in output
    assert "tickets: 12/12" in output
    assert "waiting_2" in output


def test_tickets_have_replies_notes_attachments_and_complaints(seeded):
    assert Comment.objects.filter(visibility="internal").exists()
    assert Comment.objects.filter(visibility="public", author_type="staff").exists()
    assert Comment.objects.filter(visibility="public", author_type="customer").exists()
    content_types = set(Attachment.objects.values_list("content_type", flat=True))
    assert {"image/png", "application/pdf"} <= content_types
    complaint = Complaint.objects.filter(ticket__lines__isnull=False).first()
    assert complaint is not None
    assert complaint.requested_resolution
    line = complaint.ticket.lines.first()
    assert line.quantity >= 1
    assert line.reason != ""
    assert line.order_line.order_id == complaint.ticket.order_id
    assert Complaint.objects.exclude(decision=ComplaintDecision.PENDING).exists()


def test_german_customers_get_german_tickets(seeded):
    german = Ticket.objects.filter(customer__language_code="de")
    english = Ticket.objects.filter(customer__language_code="en")
    assert german.exists()
    assert english.exists()
    assert not german.exclude(language_code="de").exists()
    assert "Viele Grüße" in " ".join(
        Comment.objects.filter(ticket__in=german).values_list("body", flat=True)
    )


def test_a_conversation_came_in_by_e_mail(seeded):
    _host_output, output = seeded
    mailbox = Mailbox.objects.get()
    messages = list(InboundEmail.objects.order_by("sent_at"))
    ticket = messages[0].ticket

    assert mailbox.is_active
    assert [m.status for m in messages] == [
        InboundStatus.PROCESSED,
        InboundStatus.AUTOMATIC,
        InboundStatus.PROCESSED,
        InboundStatus.UNVERIFIED,
    ]
    assert {m.mailbox_id for m in messages} == {mailbox.pk}
    assert ticket.source == "email"
    assert ticket.customer.email == messages[0].from_address
    # The message names the order, and the order is the sender's.
    assert ticket.order is not None
    assert ticket.order.user_id == ticket.customer_id
    assert messages[1].ticket is None
    reply, unverified = messages[2].comment, messages[3].comment
    assert reply.visibility == "public"
    assert reply.medium == "email"
    # The quoted answer below the reply was cut off.
    assert "schrieb" not in reply.body and "wrote" not in reply.body
    assert unverified.visibility == "internal"
    assert unverified.ticket_id == ticket.pk
    assert messages[3].from_address not in [ticket.customer.email, *ticket.cc_emails]
    # Dated like the rest: the messages and comments of the conversation lie in the
    # past, in the order they were written.
    dates = [m.created_at for m in messages]
    assert dates == sorted(dates)
    assert [c.pk for c in ticket.comments.order_by("created_at")] == [
        messages[0].comment_id,
        ticket.comments.filter(author_type="staff").get().pk,
        reply.pk,
        unverified.pk,
    ]
    assert "1 message from an unverified sender to review" in output


def test_the_reply_box_has_response_templates_in_both_languages(seeded):
    from saleor_helpdesk.content.templates_render import check
    from saleor_helpdesk.models import ResponseTemplate

    templates = list(ResponseTemplate.objects.all())
    assert {t.language_code for t in templates} == {"de", "en"}
    assert {t.kind for t in templates} == {"complaint", ""}
    for template in templates:
        check(template.body)  # only known placeholders


def test_staff_are_support_agents(seeded):
    staff = set(User.objects.filter(is_staff=True).values_list("pk", flat=True))
    assert set(SupportAgent.objects.values_list("user_id", flat=True)) == staff
    assert Ticket.objects.filter(assignee__isnull=False).exists()


def test_attachments_are_valid_files(seeded):
    for attachment in Attachment.objects.all():
        with attachment.file.open("rb") as handle:
            content = handle.read()
        if attachment.content_type == "image/png":
            assert_valid_png(content)
        else:
            assert_valid_pdf(content)


def assert_valid_png(content: bytes) -> None:
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    position, tags = 8, []
    while position < len(content):
        (length,) = struct.unpack(">I", content[position : position + 4])
        tag = content[position + 4 : position + 8]
        data = content[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(
            ">I", content[position + 8 + length : position + 12 + length]
        )
        assert zlib.crc32(tag + data) & 0xFFFFFFFF == crc
        if tag == b"IDAT":
            width, height = struct.unpack(">II", content[16:24])
            assert len(zlib.decompress(data)) == height * (1 + 3 * width)
        tags.append(tag)
        position += 12 + length
    assert tags == [b"IHDR", b"IDAT", b"IEND"]


def assert_valid_pdf(content: bytes) -> None:
    assert content.startswith(b"%PDF-1.4")
    assert content.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\n(\d+)", content).group(1))
    assert content[startxref:].startswith(b"xref")
    offsets = re.findall(rb"(\d{10}) 00000 n", content)
    for number, offset in enumerate(offsets, start=1):
        assert content[int(offset) :].startswith(b"%d 0 obj" % number)


def test_running_again_without_force_changes_nothing(seeded):
    before = counts()

    host_output = run("demo_host_data")
    output = run("helpdesk_sample_data", "--tickets", str(TICKETS))

    assert counts() == before
    assert "already present" in host_output
    assert "already has 13 tickets" in output


def test_force_adds_tickets(seeded):
    run("helpdesk_sample_data", "--tickets", "3", "--force")

    assert Ticket.objects.count() == TICKETS + MAIL_TICKETS + 3
    assert Mailbox.objects.count() == 1


def test_the_same_seed_makes_the_same_tickets(seeded):
    def tickets():
        return list(
            Ticket.objects.order_by("number").values_list(
                "kind", "status__slug", "subject", "customer_email", "assignee_id"
            )
        )

    first = tickets()
    Ticket.objects.all().delete()
    run("helpdesk_sample_data", "--tickets", str(TICKETS), "--seed", "3")

    assert tickets() == first


def test_host_data_prints_working_credentials(seeded):
    host_output, _ = seeded
    tokens = dict(
        re.findall(r"^  ([a-z ,]+?): .*\n    Bearer (\S+)$", host_output, re.MULTILINE)
    )
    host = StandInHost()

    def actor(token: str):
        request = RequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
        return host.authenticate(request)

    admin = actor(tokens["staff, all permissions"])
    assert admin.kind == ActorKind.STAFF
    assert admin.channel_ids is None
    assert {"MANAGE_ORDERS", "HANDLE_PAYMENTS"} <= admin.permissions
    restricted = actor(tokens["staff, one channel only"])
    assert restricted.channel_ids == {Channel.objects.get(slug="webshop-intl").pk}
    assert actor(tokens["customer"]).kind == ActorKind.CUSTOMER
    app = actor(tokens["app"])
    assert app.kind == ActorKind.APP
    assert "MANAGE_ORDERS" in app.permissions
    order_id = re.search(r"guest order: #\d+ id (\S+) e-mail (\S+)", host_output)
    guest_order = Order.objects.get(pk=order_id.group(1))
    assert guest_order.user is None
    assert guest_order.user_email == order_id.group(2)


def test_host_data_is_realistic(seeded):
    assert Channel.objects.count() == 2
    assert set(
        User.objects.filter(is_staff=False).values_list("language_code", flat=True)
    ) == {
        "de",
        "en",
    }
    assert Order.objects.filter(user__isnull=True).exclude(user_email="").exists()
    assert Order.objects.count() >= 30
    lines_per_order = [order.lines.count() for order in Order.objects.all()]
    assert min(lines_per_order) >= 1
    assert max(lines_per_order) <= 4
    german_names = [name for _sku, name, _en, _price in PRODUCTS]
    english_names = [name for _sku, _de, name, _price in PRODUCTS]
    assert OrderLine.objects.filter(product_name__in=german_names).exists()
    assert OrderLine.objects.filter(product_name__in=english_names).exists()


def test_sample_data_needs_staff_users(db):
    with pytest.raises(CommandError, match="no active staff"):
        run("helpdesk_sample_data", "--tickets", "2")


# available_apps: the live server makes this a transactional test, whose teardown
# flushes the tables of the available apps; limited to the demo app (no tables), the
# flush leaves the migrations' data (statuses, workflow) for the tests that follow.
@pytest.mark.django_db(transaction=True, available_apps=["tests.host.demo"])
def test_the_server_answers_on_the_plugin_endpoint(live_server):
    url = f"{live_server.url}/plugins/global/{PLUGIN_ID}/"
    assert url.startswith("http://")
    request = Request(url, headers={"Accept": "application/json"})  # noqa: S310
    # Straight to the server: never through a proxy from the environment.
    opener = build_opener(ProxyHandler({}))

    with opener.open(request, timeout=10) as response:
        status = response.status
        payload = json.loads(response.read())

    assert status == 200
    assert payload["plugin"] == "saleor.helpdesk"


def test_the_demo_has_service_levels_and_a_breached_ticket(seeded):
    # the scenario: the Bavarian calendar and four business hours to answer
    from saleor_helpdesk.models import BusinessCalendar, SlaPolicy, TicketEvent

    calendar = BusinessCalendar.objects.get(is_default=True)
    assert (
        calendar.time_zone,
        calendar.holiday_country,
        calendar.holiday_subdivision,
    ) == (
        "Europe/Berlin",
        "DE",
        "BY",
    )
    assert SlaPolicy.objects.get().first_response_minutes == 240
    # the inbox has a breached ticket, marked on its timeline
    assert Ticket.objects.filter(sla_due_at__lte=timezone.now()).exists()
    assert TicketEvent.objects.filter(type="sla_breached").exists()
