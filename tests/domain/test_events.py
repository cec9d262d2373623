"""Every timeline event type has its one writer in `timeline/events.py`."""

from saleor_helpdesk.core.actor import Actor
from saleor_helpdesk.core.constants import TicketEventType
from saleor_helpdesk.timeline import events
from tests.factories import make_ticket


def test_every_event_type_has_a_writer():
    writers = {name for name in dir(events) if name.endswith("_event")}
    # the type each writer records, by the naming convention <type>_event
    covered = {
        "created": "ticket_created_event",
        "note_added": "comment_added_event",
        "comment_added": "comment_added_event",
        "order_event": "order_event_mirrored_event",
        "merged_from": "merged_from_event",
    }
    for event_type in TicketEventType.values:
        writer = covered.get(event_type, f"{event_type}_event")
        assert writer in writers, f"no writer for {event_type}"


def test_refund_and_email_events_keep_their_parameters(db, staff_actor):
    ticket = make_ticket()

    events.refund_requested_event(
        ticket=ticket,
        actor=staff_actor,
        amount="19.99",
        currency="EUR",
        reference="gr-1",
    )
    events.refund_updated_event(
        ticket=ticket, actor=Actor.system(), reference="gr-1", state="succeeded"
    )
    events.order_event_mirrored_event(
        ticket=ticket, actor=Actor.system(), order_event="refunded", order_number=1042
    )
    events.email_sent_event(ticket=ticket, notification="reply", message_id="<m@x>")
    events.email_failed_event(ticket=ticket, notification="reply", error="x" * 900)

    rows = list(ticket.events.values_list("type", "parameters"))[-5:]
    assert rows[0] == (
        "refund_requested",
        {"amount": "19.99", "currency": "EUR", "reference": "gr-1"},
    )
    assert rows[1] == ("refund_updated", {"reference": "gr-1", "state": "succeeded"})
    assert rows[2] == ("order_event", {"order_event": "refunded", "order_number": 1042})
    assert rows[3] == ("email_sent", {"notification": "reply", "message_id": "<m@x>"})
    assert rows[4][0] == "email_failed"
    assert len(rows[4][1]["error"]) == 500
    assert ticket.events.get(type="refund_requested").user == staff_actor.user
