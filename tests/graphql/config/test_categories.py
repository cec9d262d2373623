"""Categories per kind: ticketCategories, ticketCategoryCreate/Update/Delete."""

import pytest

from saleor_helpdesk.models import Category
from tests.factories import make_ticket
from tests.graphql.config import operations as op
from tests.graphql.config.conftest import gid, refused, succeeded


def category(kind: str, slug: str) -> Category:
    return Category.objects.get(kind=kind, slug=slug)


def test_staff_read_the_categories_of_one_kind(api_for):
    # given the default categories and one inactive complaint category
    Category.objects.create(
        kind="complaint", slug="retired", name="Retired", is_active=False, position=9
    )

    # when a manager lists the complaint categories
    categories = api_for("staff_with_manage_plugins")(
        op.TICKET_CATEGORIES, {"kind": "COMPLAINT"}
    )["ticketCategories"]

    # then all of that kind come, inactive ones included, in their order
    assert [(c["slug"], c["isActive"]) for c in categories] == [
        ("delivery", True),
        ("defect", True),
        ("wrong_item", True),
        ("damaged", True),
        ("retired", False),
    ]
    assert {c["kind"] for c in categories} == {"COMPLAINT"}


def test_without_a_kind_every_category_is_listed(api_for):
    categories = api_for("staff_with_manage_orders")(op.TICKET_CATEGORIES)[
        "ticketCategories"
    ]

    assert len(categories) == Category.objects.count() == 13


def test_a_manager_adds_a_category(manager_api):
    # when a manager adds a question category with a slug another kind uses too
    payload = succeeded(
        manager_api,
        op.TICKET_CATEGORY_CREATE,
        {
            "input": {
                "kind": "QUESTION",
                "slug": "other",
                "translations": [
                    {"languageCode": "de", "name": "Sonstige Frage"},
                    {"languageCode": "en", "name": "Other question"},
                ],
            }
        },
    )

    # then it is stored last among its kind
    created = category("question", "other")
    assert (created.name, created.position, created.is_active) == (
        "Other question",
        4,
        True,
    )
    assert payload["category"]["kind"] == "QUESTION"


@pytest.mark.parametrize(
    ("change", "field", "code", "message"),
    [
        ({"kind": None}, "kind", "REQUIRED", "This field is required."),
        ({"slug": None}, "slug", "REQUIRED", "This field is required."),
        (
            {"slug": "shipping"},
            "slug",
            "UNIQUE",
            "A category with the slug 'shipping' exists already for 'question' tickets.",
        ),
        (
            {"slug": "x" * 65},
            "slug",
            "INVALID",
            "A slug may be at most 64 characters long.",
        ),
        (
            {"name": "n" * 129},
            "name",
            "INVALID",
            "A name may be at most 128 characters long.",
        ),
    ],
)
def test_an_invalid_category_is_refused(manager_api, change, field, code, message):
    given = {"kind": "QUESTION", "slug": "returns", "name": "Returns", **change}
    given = {key: value for key, value in given.items() if value is not None}

    error = refused(manager_api, op.TICKET_CATEGORY_CREATE, {"input": given})

    assert error == {"field": field, "code": code, "message": message}


def test_a_manager_renames_and_deactivates_a_category(manager_api):
    # given the question category "account"
    account = category("question", "account")

    # when a manager deactivates and renames it
    succeeded(
        manager_api,
        op.TICKET_CATEGORY_UPDATE,
        {
            "id": gid("TicketCategory", account.pk),
            "input": {"isActive": False, "name": "Customer account"},
        },
    )

    # then only that changed
    account.refresh_from_db()
    assert (account.is_active, account.name, account.slug, account.kind) == (
        False,
        "Customer account",
        "account",
        "question",
    )


def test_moving_a_category_onto_a_taken_slug_of_another_kind_is_refused(manager_api):
    # when a manager moves "other/other" to the complaint kind, renamed "defect"
    error = refused(
        manager_api,
        op.TICKET_CATEGORY_UPDATE,
        {
            "id": gid("TicketCategory", category("other", "other").pk),
            "input": {"kind": "COMPLAINT", "slug": "defect"},
        },
    )

    assert error == {
        "field": "slug",
        "code": "UNIQUE",
        "message": "A category with the slug 'defect' exists already for 'complaint' "
        "tickets.",
    }


@pytest.fixture
def used_category(customer, channel):
    shipping = category("question", "shipping")
    make_ticket(
        customer_email=customer.email, channel_id=channel.pk, category_id=shipping.pk
    )
    return shipping


def test_a_used_category_keeps_its_kind_and_cannot_be_deleted(
    manager_api, used_category
):
    # given a ticket in the category "shipping"
    # when a manager moves it to another kind, or deletes it
    moved = refused(
        manager_api,
        op.TICKET_CATEGORY_UPDATE,
        {"id": gid("TicketCategory", used_category.pk), "input": {"kind": "OTHER"}},
    )
    deleted = refused(
        manager_api,
        op.TICKET_CATEGORY_DELETE,
        {"id": gid("TicketCategory", used_category.pk)},
    )

    # then both are refused
    assert moved == {
        "field": "kind",
        "code": "IN_USE",
        "message": "Tickets use this category: its kind cannot change.",
    }
    assert deleted == {
        "field": "id",
        "code": "IN_USE",
        "message": "Tickets use this category (1): deactivate it instead.",
    }


def test_a_manager_deletes_an_unused_category(manager_api):
    payment = category("question", "payment")

    payload = succeeded(
        manager_api,
        op.TICKET_CATEGORY_DELETE,
        {"id": gid("TicketCategory", payment.pk)},
    )

    assert not Category.objects.filter(pk=payment.pk).exists()
    assert payload["category"] == {
        "id": gid("TicketCategory", payment.pk),
        "slug": "payment",
    }


def test_deleting_an_unknown_category_is_refused(manager_api):
    error = refused(
        manager_api, op.TICKET_CATEGORY_DELETE, {"id": gid("TicketCategory", 999_999)}
    )

    assert error == {
        "field": "id",
        "code": "NOT_FOUND",
        "message": "Category not found.",
    }
