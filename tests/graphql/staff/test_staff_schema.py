"""The staff operations in the schema: everything is described, in full sentences."""

import pytest

from saleor_helpdesk.graphql.schema import schema

MUTATIONS = [
    "ticketUpdate",
    "ticketAssign",
    "ticketClaim",
    "ticketUnassign",
    "ticketForward",
    "ticketMerge",
    "ticketBulkUpdate",
    "complaintDecide",
    "ticketOrderLink",
    "ticketAttachmentAdd",
    "ticketAttachmentRemove",
    "ticketSmsSend",
]
INPUTS = [
    "TicketUpdateInput",
    "TicketForwardInput",
    "TicketBulkUpdateInput",
    "ComplaintDecideInput",
]


def _undescribed(path: str, description: str | None) -> list[str]:
    return [] if description and description.rstrip().endswith(".") else [path]


def _field(path: str, field) -> list[str]:
    found = _undescribed(path, field.description)
    for name, argument in field.args.items():
        found += _undescribed(f"{path}({name})", argument.description)
    return found


def _type(name: str) -> list[str]:
    named = schema.get_type(name)
    found = _undescribed(name, named.description)
    for field_name, field in named.fields.items():
        found += (
            _field(f"{name}.{field_name}", field)
            if hasattr(field, "args")
            else _undescribed(f"{name}.{field_name}", field.description)
        )
    return found


@pytest.mark.parametrize("name", MUTATIONS)
def test_each_mutation_its_arguments_and_payload_are_described(name):
    field = schema.get_mutation_type().fields[name]
    payload = field.type.name

    assert _field(f"Mutation.{name}", field) + _type(payload) == []


@pytest.mark.parametrize("name", INPUTS)
def test_each_input_and_its_fields_are_described(name):
    assert _type(name) == []


def test_the_staff_reading_fields_are_described():
    ticket = schema.get_type("Ticket")
    query = schema.get_query_type()

    assert (
        _field("Ticket.customerSummary", ticket.fields["customerSummary"])
        + _field("Ticket.otherTickets", ticket.fields["otherTickets"])
        + _field("Ticket.smsNumber", ticket.fields["smsNumber"])
        + _field("Query.helpdeskSmsEnabled", query.fields["helpdeskSmsEnabled"])
        + _field("Query.nextUnansweredTicket", query.fields["nextUnansweredTicket"])
        + _type("TicketCustomerSummary")
    ) == []


def test_ids_are_ids():
    mutation = schema.get_mutation_type()

    assert str(mutation.fields["ticketBulkUpdate"].args["ids"].type) == "[ID!]!"
    assert str(mutation.fields["ticketMerge"].args["target"].type) == "ID!"
    assert str(mutation.fields["ticketAttachmentAdd"].args["files"].type) == (
        "[Upload!]!"
    )
