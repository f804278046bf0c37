"""Issue 12.6: the CSRF error page never turns a forged POST into a one-click form.

Only a genuine, expired token of this very session gets the offer to send the form again;
everything else shows the typed text to copy, and no form that would submit it."""

from __future__ import annotations

import re

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from tests.conftest import login
from tests.factories import create_user
from tests.helpers import csrf_token, page_text

FORGED = {"display_name": "Mallory", "email": "mallory@example.org", "role": "officer",
          "locale": "de"}


@pytest.fixture()
def app_config():
    return {"WTF_CSRF_TIME_LIMIT": 3600}


def _forms_posting_to(html, path):
    return re.findall(rf'<form[^>]*method="post"[^>]*action="{re.escape(path)}"', html)


class _LongAgo(TimestampSigner):
    def get_timestamp(self) -> int:
        return 1_000_000


def _expired_token(app, raw):
    """A token signed like Flask-WTF's, but issued long ago."""
    return URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wtf-csrf-token",
                                  signer=_LongAgo).dumps(raw)


@pytest.mark.parametrize("token", [None, "forged", "another-session"])
def test_a_forged_post_shows_the_text_but_no_form(app, client, db_session, token):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    if token == "another-session":
        other = app.test_client()
        token = csrf_token(other.get("/anmelden"))
    data = dict(FORGED, **({"csrf_token": token} if token else {}))
    response = client.post("/verwaltung/benutzer/einladen", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert not _forms_posting_to(html, "/verwaltung/benutzer/einladen")
    assert 'name="role"' not in html and 'value="officer"' not in html
    assert "mallory@example.org" in page_text(response)  # shown to copy


def test_an_expired_token_of_another_session_gets_no_form(app, client, db_session):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    response = client.post("/verwaltung/benutzer/einladen",
                           data={**FORGED, "csrf_token": _expired_token(app, "0" * 40)})
    assert response.status_code == 400
    assert not _forms_posting_to(response.get_data(as_text=True), "/verwaltung/benutzer/einladen")


def test_a_genuine_expired_token_of_this_session_may_be_sent_again(app, client, db_session):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    client.get("/verwaltung/benutzer/einladen")
    with client.session_transaction() as cookie:
        raw = cookie["csrf_token"]
    data = {"display_name": "Nina", "email": "nina@example.org", "role": "member",
            "locale": "de", "csrf_token": _expired_token(app, raw)}
    response = client.post("/verwaltung/benutzer/einladen", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert _forms_posting_to(html, "/verwaltung/benutzer/einladen")
    assert 'value="nina@example.org"' in html
    resend = client.post("/verwaltung/benutzer/einladen",
                         data={**data, "csrf_token": csrf_token(response)})
    assert resend.status_code == 302
