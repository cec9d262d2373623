"""The transport setting: none by default, and a broken one says why."""

import pytest

from saleor_helpdesk.sms.transports import SmsNotConfigured, get_transport, sms_enabled


def test_without_a_transport_sms_is_not_configured(settings, monkeypatch):
    monkeypatch.delenv("HELPDESK_SMS_TRANSPORT", raising=False)
    if hasattr(settings, "HELPDESK_SMS_TRANSPORT"):
        del settings.HELPDESK_SMS_TRANSPORT

    with pytest.raises(SmsNotConfigured, match=r"^SMS is not configured\.$"):
        get_transport()
    assert sms_enabled() is False


def test_the_environment_variable_sets_it_like_every_helpdesk_setting(
    settings, monkeypatch
):
    if hasattr(settings, "HELPDESK_SMS_TRANSPORT"):
        del settings.HELPDESK_SMS_TRANSPORT
    monkeypatch.setenv("HELPDESK_SMS_TRANSPORT", "tests.sms.test_transports.Silent")

    assert isinstance(get_transport(), Silent)


@pytest.mark.parametrize(
    "path", ["saleor_helpdesk.sms.nowhere.Transport", "not-a-path"]
)
def test_a_path_that_cannot_be_imported_says_so(settings, path, caplog):
    settings.HELPDESK_SMS_TRANSPORT = path

    with pytest.raises(SmsNotConfigured) as raised:
        get_transport()

    assert str(raised.value).startswith(
        f"SMS is not configured: HELPDESK_SMS_TRANSPORT names {path!r}, which cannot "
        "be imported"
    )
    assert sms_enabled() is False
    assert "cannot be imported" in caplog.text


class Silent:
    def send(self, to: str, body: str) -> str:
        return "silent"
