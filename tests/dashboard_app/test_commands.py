"""The management commands that install and uninstall the Dashboard app."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from saleor_helpdesk import PLUGIN_ID
from saleor_helpdesk.dashboard import files as dashboard_files
from tests.factories import make_ticket

from .conftest import extension_model, helpdesk_apps

PAGES = "https://shop.example.com/plugins/global/saleor.helpdesk/dashboard/"


def run(command: str, *args: str) -> list[str]:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_install_says_what_it_created(shop_url):
    # when the command runs for the first time
    lines = run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    # then it names the app, the extensions and where the pages are
    app = helpdesk_apps().get()
    assert lines == [
        f'Dashboard app "Helpdesk" created (app id {app.pk}) with 3 extensions.',
        f"Pages: {PAGES}",
    ]


@pytest.mark.django_db
def test_install_twice_says_nothing_changed(shop_url):
    # given the app installed by the command
    run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    # when it runs again
    lines = run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    # then it reports that there was nothing to do
    app = helpdesk_apps().get()
    assert lines == [
        f'Dashboard app "Helpdesk" unchanged (app id {app.pk}): nothing to do.'
    ]
    assert extension_model().objects.filter(app=app).count() == 3


@pytest.mark.django_db
def test_install_with_a_new_url_says_what_it_updated(shop_url):
    run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    lines = run(
        "helpdesk_dashboard_app_install", "--base-url", "https://support.example.com"
    )

    app = helpdesk_apps().get()
    assert lines == [
        f'Dashboard app "Helpdesk" updated (app id {app.pk}): app_url; extension '
        "order-widget: url; extension customer-widget: url (extensions: 0 created, "
        "2 updated, 0 removed).",
        "Pages: https://support.example.com/plugins/global/saleor.helpdesk/dashboard/",
    ]


@pytest.mark.django_db
def test_install_takes_saleors_public_url_by_default(settings):
    # given Saleor's PUBLIC_URL setting
    settings.PUBLIC_URL = "https://api.shop.example.com/"

    # when the command runs without --base-url
    run("helpdesk_dashboard_app_install")

    # then the pages are below Saleor's public URL
    assert helpdesk_apps().get().app_url == (
        "https://api.shop.example.com/plugins/global/saleor.helpdesk/dashboard/"
    )


@pytest.mark.django_db
def test_install_without_any_base_url_fails_and_writes_nothing(settings):
    settings.PUBLIC_URL = None

    with pytest.raises(CommandError) as info:
        run("helpdesk_dashboard_app_install")

    assert str(info.value) == (
        "No base URL: pass --base-url https://<your-saleor> or set PUBLIC_URL."
    )
    assert helpdesk_apps().count() == 0


@pytest.mark.django_db
def test_install_with_a_bad_base_url_fails_and_writes_nothing():
    with pytest.raises(CommandError) as info:
        run("helpdesk_dashboard_app_install", "--base-url", "shop.example.com")

    assert str(info.value) == (
        "'shop.example.com' is not an http(s) URL: give Saleor's public URL, "
        "e.g. https://shop.example.com."
    )
    assert helpdesk_apps().count() == 0


@pytest.mark.django_db
def test_install_warns_about_a_deactivated_app(shop_url):
    run("helpdesk_dashboard_app_install", "--base-url", shop_url)
    helpdesk_apps().update(is_active=False)

    lines = run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    assert lines[1:] == [
        "The app is deactivated: activate it in the Dashboard (Extensions) to show "
        "the helpdesk there."
    ]


@pytest.mark.django_db
def test_uninstall_removes_the_app_and_keeps_tickets(shop_url, customer_actor, order):
    # given a ticket and the installed app
    ticket = make_ticket(customer_actor, order_id=order.pk)
    run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    # when the uninstall command runs, twice
    first = run("helpdesk_dashboard_app_uninstall")
    second = run("helpdesk_dashboard_app_uninstall")

    # then the first removes the app, the second finds nothing, the ticket stays
    assert first == [
        f'Dashboard app "{PLUGIN_ID}" removed with its extensions and tokens; '
        "helpdesk data kept."
    ]
    assert second == [
        f'Nothing to remove: no Dashboard app "{PLUGIN_ID}" is installed.'
    ]
    assert helpdesk_apps().count() == 0
    ticket.refresh_from_db()
    assert ticket.order_id == order.pk


@pytest.mark.django_db
def test_install_names_extensions_this_saleor_cannot_show(shop_url, monkeypatch):
    # given a Saleor whose closed target choices lack widgets
    target = extension_model()._meta.get_field("target")
    monkeypatch.setattr(target, "choices", [("app_page", "app_page")])

    lines = run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    app = helpdesk_apps().get()
    assert lines == [
        f'Dashboard app "Helpdesk" created (app id {app.pk}) with 1 extension.',
        f"Pages: {PAGES}",
        "Not installed, this Saleor has no such mount or target: order-widget, "
        "customer-widget",
    ]


@pytest.mark.django_db
def test_install_refuses_an_installation_without_the_extensions_build(
    shop_url, monkeypatch, tmp_path
):
    # given a checkout installed without building the Dashboard extension
    monkeypatch.setattr(dashboard_files, "BUILD_DIR", tmp_path)

    # when the app is installed
    with pytest.raises(CommandError) as refused:
        run("helpdesk_dashboard_app_install", "--base-url", shop_url)

    # then it says how to get the build, and registers no app whose pages would 404
    assert str(refused.value) == (
        f"The Dashboard extension is not built into this installation ({tmp_path} "
        "has no index.html), so its pages would answer 404. Install a release wheel "
        "(`./bin/release` in the checkout builds one into dist/), or build the "
        "extension into this checkout: `cd dashboard_extension && npm ci && npm run "
        "build`."
    )
    assert not helpdesk_apps().exists()
