"""Fixtures of the SMS tests: Twilio's stand-in (`provider.py`) and running an action
with its after-commit work."""

import pytest

from .provider import fake_twilio, twilio  # noqa: F401


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run `action()` and what it hands to `on_commit` (the SMS task runs eagerly)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run
