import pytest
from cryptography.fernet import Fernet

from saleor_helpdesk.core import secrets


@pytest.fixture
def no_key(settings, monkeypatch):
    monkeypatch.delenv(secrets.KEY_SETTING, raising=False)
    if hasattr(settings, secrets.KEY_SETTING):
        delattr(settings, secrets.KEY_SETTING)
    return settings


def test_a_secret_comes_back_after_encryption(no_key):
    # given
    no_key.HELPDESK_MAILBOX_KEY = Fernet.generate_key().decode()

    # when
    token = secrets.encrypt("imap pässword")

    # then
    assert "imap" not in token
    assert secrets.decrypt(token) == "imap pässword"


def test_the_key_is_read_from_the_environment(no_key, monkeypatch):
    # given
    monkeypatch.setenv(secrets.KEY_SETTING, Fernet.generate_key().decode())

    # when
    token = secrets.encrypt("hunter2")

    # then
    assert secrets.decrypt(token) == "hunter2"


def test_a_new_key_in_front_encrypts_and_the_old_one_still_decrypts(no_key):
    # given a secret stored under the old key
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    no_key.HELPDESK_MAILBOX_KEY = old
    stored = secrets.encrypt("hunter2")

    # when the new key is put in front
    no_key.HELPDESK_MAILBOX_KEY = f"{new}, {old}"
    rotated = secrets.reencrypt(stored)
    fresh = secrets.encrypt("correct horse")

    # then both keys decrypt, and what is encrypted now needs only the new one
    assert secrets.decrypt(stored) == "hunter2"
    no_key.HELPDESK_MAILBOX_KEY = new
    assert secrets.decrypt(rotated) == "hunter2"
    assert secrets.decrypt(fresh) == "correct horse"
    with pytest.raises(secrets.SecretUnreadable):
        secrets.decrypt(stored)


def test_a_wrong_key_is_refused_without_revealing_the_secret(no_key):
    # given
    no_key.HELPDESK_MAILBOX_KEY = Fernet.generate_key().decode()
    token = secrets.encrypt("hunter2")
    no_key.HELPDESK_MAILBOX_KEY = Fernet.generate_key().decode()

    # when
    with pytest.raises(secrets.SecretUnreadable) as refused:
        secrets.decrypt(token)

    # then
    assert "HELPDESK_MAILBOX_KEY" in str(refused.value)
    assert "hunter2" not in str(refused.value)
    assert token not in str(refused.value)


def test_an_altered_token_is_refused(no_key):
    # given
    no_key.HELPDESK_MAILBOX_KEY = Fernet.generate_key().decode()
    token = secrets.encrypt("hunter2")
    altered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]

    # when / then
    with pytest.raises(secrets.SecretUnreadable):
        secrets.decrypt(altered)


def test_a_missing_key_says_which_setting_and_how_to_make_one(no_key):
    # given no key anywhere

    # when
    with pytest.raises(secrets.SecretKeyMissing) as missing:
        secrets.encrypt("hunter2")

    # then
    assert str(missing.value) == (
        "HELPDESK_MAILBOX_KEY is not set: the mailbox passwords are encrypted with "
        'it. Make a key with python -c "from cryptography.fernet import Fernet; '
        'print(Fernet.generate_key().decode())" and set it as a Django setting or an '
        "environment variable (several keys, comma-separated, rotate it: the first "
        "encrypts, all decrypt)."
    )


def test_a_value_that_is_not_a_key_is_a_configuration_error_without_the_value(
    no_key,
):
    # given
    no_key.HELPDESK_MAILBOX_KEY = f"{Fernet.generate_key().decode()},not-a-key"

    # when
    with pytest.raises(secrets.SecretKeyInvalid) as invalid:
        secrets.encrypt("hunter2")

    # then
    assert "key number 2 is not a Fernet key" in str(invalid.value)
    assert "not-a-key" not in str(invalid.value)
