"""The steps every request takes, made cheaper, still do what they did: the limiter's check
before a view runs only when a limit needs it, and the session's signer follows the secret key."""

from __future__ import annotations

import re

import pytest

from partizipation.extensions import limiter
from tests.conftest import make_test_app
from tests.helpers import csrf_token

_PAGE_LANGUAGE = re.compile(r'<html lang="([a-z]+)"')


def _sign_out_three_times(client) -> list[int]:
    """Three sign-out forms sent by a visitor who is not signed in (each one is sent back to
    the sign-in page): a form with no limit of its own."""
    token = csrf_token(client.get("/anmelden"))
    return [client.post("/abmelden", data={"csrf_token": token}).status_code for _ in range(3)]


def test_a_form_without_a_limit_is_not_limited(client):
    assert _sign_out_three_times(client) == [302, 302, 302]


@pytest.mark.own_app
def test_a_default_limit_set_in_the_configuration_limits_every_form(database_url):
    """The check before each view is left out only while no default limit is set: with one,
    it still applies to a form that has no limit of its own."""
    app = make_test_app(database_url, RATELIMIT_DEFAULT="2 per minute")
    try:
        assert _sign_out_three_times(app.test_client()) == [302, 302, 429]
    finally:
        # The limiter is one object for every app: the next app starts without the default.
        limiter.limit_manager.set_default_limits([])
        limiter.reset()
        app.extensions["db"].engine.dispose()


@pytest.mark.own_app
def test_a_new_secret_key_ends_old_sessions_and_a_fallback_keeps_them(app, client):
    """The session's signer is made once per key, not once per request: a key changed while
    the app runs still counts at once (the app is this test's own; its settings are restored)."""

    def language() -> str:
        return _PAGE_LANGUAGE.search(client.get("/impressum").get_data(as_text=True))[1]

    client.get("/sprache/en")
    assert language() == "en"

    old = app.config["SECRET_KEY"]
    app.config["SECRET_KEY"] = "a-new-secret-key-for-this-test-only"
    assert language() == "de"  # the old cookie no longer counts

    client.get("/sprache/en")  # signed with the new key
    app.config["SECRET_KEY"] = old
    assert language() == "de"
    app.config["SECRET_KEY_FALLBACKS"] = ["a-new-secret-key-for-this-test-only"]
    assert language() == "en"
