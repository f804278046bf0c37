"""The management start page /verwaltung: reachable from the main menu for staff, links only to
what the user may manage, gathered from every domain's `_manage.html`."""

from __future__ import annotations

import re

import pytest

from partizipation.core.permissions import can_view_management
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import page_text


@pytest.mark.parametrize(("role", "allowed"), [
    (None, False), ("member", False), ("editor", True), ("officer", True), ("admin", True),
])
def test_matrix_can_view_management(db_session, role, allowed):
    user = create_user(db_session, role=role) if role else None
    assert can_view_management(user) is allowed


def test_officer_reaches_management_from_the_menu(client, db_session):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    home = client.get("/").get_data(as_text=True)
    assert 'href="/verwaltung"' in home
    response = client.get("/verwaltung")
    assert response.status_code == 200
    text = page_text(response)
    for link in ("/verwaltung/netzwerk", "/verwaltung/barrieremeldungen", "/verwaltung/seiten",
                 "/verwaltung/loeschantraege", "/verwaltung/beschluesse",
                 "/verwaltung/sitzungsrhythmus", "/verwaltung/vereinbarungen/neu",
                 "/verwaltung/meilensteine/neu"):
        assert f'href="{link}"' in response.get_data(as_text=True)
    assert "Verwaltung" in text


def test_editor_sees_only_news_moderation(client, db_session):
    editor = create_user(db_session, role="editor")
    login(client, editor.email)
    html = client.get("/verwaltung").get_data(as_text=True)
    assert "/verwaltung/benutzer" not in html and "/verwaltung/netzwerk" not in html
    assert "/verwaltung/beschluesse" not in html and "/verwaltung/meilensteine/neu" not in html
    assert "Moderation" in html


def test_admin_sees_user_administration_in_english(client, db_session):
    admin = create_user(db_session, role="admin", locale="en")
    login(client, admin.email)
    client.get("/sprache/en")
    response = client.get("/verwaltung")
    assert "/verwaltung/benutzer" in response.get_data(as_text=True)
    # (A flash from signing in may still be shown: then the title starts with "Done:".)
    assert re.search(r"<title>(Done: )?Management –", response.get_data(as_text=True))


def test_member_has_no_menu_entry_and_gets_403(client, db_session):
    member = create_user(db_session, role="member")
    login(client, member.email)
    assert 'href="/verwaltung"' not in client.get("/").get_data(as_text=True)
    assert client.get("/verwaltung").status_code == 403


def test_signed_out_is_sent_to_sign_in(client):
    response = client.get("/verwaltung")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]
