"""Health check, error pages, security headers, language switch."""

from __future__ import annotations

import pytest

from tests.conftest import make_test_app
from tests.helpers import csrf_token, page_text


def test_healthz_reports_a_reachable_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"] == "ok"


@pytest.fixture()
def broken_app(tmp_path):
    # A database file inside a missing folder cannot be opened: the server is "down".
    return make_test_app(f"sqlite:///{tmp_path}/missing/folder/db.sqlite")


def test_healthz_is_503_when_the_database_is_down(broken_app):
    response = broken_app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_a_page_that_needs_the_database_gives_a_friendly_503(broken_app):
    client = broken_app.test_client()
    token = csrf_token(client.get("/anmelden"))
    response = client.post(
        "/anmelden", data={"email": "a@example.org", "password": "x", "csrf_token": token}
    )
    assert response.status_code == 503
    assert "Traceback" not in response.get_data(as_text=True)
    assert "vorübergehend nicht erreichbar" in page_text(response)


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/gibt-es-nicht")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert html.count("<h1") == 1
    assert 'lang="de"' in html


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_language_switch_changes_the_page_language_and_stays_on_the_page(client):
    response = client.get("/sprache/en?next=/impressum")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/impressum")
    assert 'lang="en"' in client.get("/impressum").get_data(as_text=True)


def test_language_switch_ignores_a_next_on_another_site(client):
    response = client.get("/sprache/en?next=https://evil.example/")
    assert response.headers["Location"] == "/"


def test_accept_language_decides_when_nothing_was_chosen(client):
    html = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert 'lang="en"' in html
    assert 'lang="de"' in client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)


@pytest.mark.own_app
def test_an_unexpected_error_gives_a_friendly_500_also_to_a_signed_in_user(app, client, db_session):
    from tests.conftest import login
    from tests.factories import create_user

    @app.get("/_test/boom")
    def _boom():  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    user = create_user(db_session, role="officer")
    login(client, user.email)
    response = client.get("/_test/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Etwas ist schiefgegangen" in html and "RuntimeError" not in html
    assert user.display_name in html  # still shown as signed in


@pytest.mark.own_app
def test_a_database_failure_for_a_signed_in_user_gives_503(app, client, db_session):
    from sqlalchemy.exc import OperationalError

    from tests.conftest import login
    from tests.factories import create_user

    @app.get("/_test/db-down")
    def _down():  # type: ignore[no-untyped-def]
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    user = create_user(db_session, role="member")
    login(client, user.email)
    response = client.get("/_test/db-down")
    assert response.status_code == 503
    assert "vorübergehend nicht erreichbar" in page_text(response)


@pytest.mark.parametrize(("trusted", "expected"), [(0, "127.0.0.1"), (1, "203.0.113.7")])
@pytest.mark.own_app
def test_the_client_address_comes_from_the_proxy_only_when_it_is_trusted(
    database_url, trusted, expected
):
    app = make_test_app(database_url, TRUSTED_PROXIES=trusted)

    @app.get("/_test/address")
    def _address():  # type: ignore[no-untyped-def]
        from flask import request

        return request.remote_addr or ""

    response = app.test_client().get(
        "/_test/address", headers={"X-Forwarded-For": "203.0.113.7"},
        environ_base={"REMOTE_ADDR": "127.0.0.1"},
    )
    assert response.get_data(as_text=True) == expected


def test_signed_in_the_switch_changes_the_page_language_but_not_the_stored_setting(
    client, db_session
):
    from partizipation.accounts.models import User
    from tests.conftest import login
    from tests.factories import create_user

    user = create_user(db_session, locale="de")
    login(client, user.email)
    client.get("/sprache/en")
    assert 'lang="en"' in client.get("/mein-bereich").get_data(as_text=True)
    db_session.expire_all()
    assert db_session.get(User, user.id).locale == "de"  # a GET changes no stored data


def test_the_accounts_setting_applies_when_the_session_made_no_choice(client, db_session):
    from tests.conftest import login
    from tests.factories import create_user

    user = create_user(db_session, locale="en")
    login(client, user.email)
    assert 'lang="en"' in client.get("/mein-bereich").get_data(as_text=True)
