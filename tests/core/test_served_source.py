"""The served HTML source is valid in the ways a browser repairs silently (issue 12, item 21):
no block element inside a <p>, no stray end tag. Pages of every role, and the changed ones."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.factories import create_user
from tests.helpers_html import source_problems


def test_the_checker_finds_a_form_inside_a_paragraph():
    assert source_problems('<p class="actions"><form></form></p>')
    assert not source_problems('<div class="actions"><form></form></div><p>Text<br>more</p>')


@pytest.mark.parametrize("role", ["admin", "officer"])
def test_user_detail_pages_are_valid_source(client, db_session, role):
    viewer = create_user(db_session, role=role)
    invited = create_user(db_session, role="member", password_hash=None)
    active = create_user(db_session, role="member")
    login(client, viewer.email)
    for user in (invited, active, viewer):
        html = client.get(f"/verwaltung/benutzer/{user.id}").get_data(as_text=True)
        assert source_problems(html) == [], user


@pytest.mark.parametrize("url", ["/", "/verwaltung", "/mein-bereich", "/verwaltung/benutzer",
                                 "/barriere-melden", "/barrierefreiheit",
                                 "/verwaltung/barrieremeldungen", "/verwaltung/netzwerk",
                                 "/mein-bereich/meine-daten", "/verwaltung/gremien"])
def test_officer_pages_are_valid_source(client, db_session, url):
    officer = create_user(db_session, role="officer")
    login(client, officer.email)
    response = client.get(url)
    assert response.status_code == 200, url
    assert source_problems(response.get_data(as_text=True)) == []
