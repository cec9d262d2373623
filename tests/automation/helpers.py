from saleor_helpdesk.actions import NewComplaint, NewLine, NewTicket, create_ticket
from saleor_helpdesk.core.constants import TicketKind


def defective_complaint(actor, order, reason="defective"):
    """A complaint about the order's first line, as a customer sends it."""
    line = order.lines.first()
    return create_ticket(
        actor,
        NewTicket(
            kind=TicketKind.COMPLAINT,
            order_id=order.pk,
            subject="Espressomaschine defekt",
            body="<p>Die Pumpe <b>brummt</b> nur.</p>",
            complaint=NewComplaint(requested_resolution="replacement"),
            lines=[NewLine(order_line_id=line.pk, quantity=1, reason=reason)],
        ),
    )
