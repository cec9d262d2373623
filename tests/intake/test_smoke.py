from saleor_helpdesk.models import InboundStatus, Ticket


def test_a_new_mail_opens_a_ticket(take_in, channel):
    received = take_in("new_customer_thunderbird")
    assert received.created
    row = received.inbound
    assert row.status == InboundStatus.PROCESSED, row.note
    ticket = Ticket.objects.get(pk=row.ticket_id)
    assert ticket.source == "email"
    assert ticket.customer_email == "anna.schmidt@example.de"
    assert "Lieferverzögerung" in ticket.subject
    again = take_in("new_customer_thunderbird")
    assert not again.created
    assert Ticket.objects.count() == 1
