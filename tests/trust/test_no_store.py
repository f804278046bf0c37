"""Issue 12.4: nothing personal stays in a browser cache: every signed-in page and every
download with personal data is sent with `Cache-Control: no-store`."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.council.factories import create_body, create_membership, create_person, create_term
from tests.factories import create_user


@pytest.fixture()
def officer(db_session):
    return create_user(db_session, role="officer")


def test_signed_in_pages_and_downloads_are_not_stored(client, db_session, officer):
    body = create_body(db_session)
    term = create_term(db_session, body)
    create_membership(db_session, term)
    member = create_user(db_session)
    create_person(db_session, user_id=member.id)
    login(client, officer.email)
    for url in ("/mein-bereich", "/", "/mein-bereich/profil", "/mein-bereich/meine-daten",
                "/mein-bereich/meine-daten.json", f"/verwaltung/gremien/{body.id}/unterstuetzung",
                f"/verwaltung/gremien/{body.id}/mitglieder.csv", "/verwaltung/netzwerk.csv",
                "/verwaltung/personen", "/kommunen"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers.get("Cache-Control") == "no-store", url
    client2 = client.application.test_client()
    login(client2, member.email)
    for url in ("/mein-bereich/unterstuetzung", "/mein-bereich/behinderung"):
        response = client2.get(url)
        assert response.status_code == 200, url
        assert response.headers.get("Cache-Control") == "no-store", url


def test_public_pages_for_visitors_may_be_cached(client):
    assert client.get("/kommunen").headers.get("Cache-Control") != "no-store"
    response = client.get("/static/css/site.css")
    assert response.headers.get("Cache-Control") != "no-store"
    response.close()
