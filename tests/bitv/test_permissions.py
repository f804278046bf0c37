"""Who may edit the BITV pages and manage the sign-language videos: a matrix over the roles."""

from __future__ import annotations

import pytest
from flask_login import AnonymousUserMixin

from partizipation.bitv.permissions import can_edit_pages, can_manage_sign_videos
from tests.conftest import login
from tests.factories import create_user

ROLES = ["anonymous", "member", "editor", "officer", "admin"]
ALLOWED = {"officer", "admin"}


def user_for(db_session, role):
    return AnonymousUserMixin() if role == "anonymous" else create_user(db_session, role=role)


@pytest.mark.parametrize("check", [can_edit_pages, can_manage_sign_videos])
@pytest.mark.parametrize("role", ROLES)
def test_only_officer_and_admin_may_change_the_bitv_content(db_session, check, role):
    assert check(user_for(db_session, role)) is (role in ALLOWED)


EDIT_PAGES = [
    "/verwaltung/seiten",
    "/verwaltung/seiten/impressum/de",
    "/verwaltung/seiten/startseite/en",
    "/verwaltung/seiten/leichte-sprache/de",
    "/verwaltung/seiten/barrierefreiheit",
    "/verwaltung/seiten/videos",
    "/verwaltung/seiten/videos/neu",
]


@pytest.mark.parametrize("path", EDIT_PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_pages_answer_by_role(client, db_session, role, path):
    if role != "anonymous":
        login(client, create_user(db_session, role=role).email)
    response = client.get(path)
    if role in ALLOWED:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302 and "/anmelden" in response.headers["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_edit_link_is_shown_only_to_those_who_may_edit(client, db_session, role):
    if role != "anonymous":
        login(client, create_user(db_session, role=role).email)
    for path, link in [("/impressum", "/verwaltung/seiten/impressum/de"),
                       ("/", "/verwaltung/seiten/startseite-leichte-sprache/de"),
                       ("/barrierefreiheit", "/verwaltung/seiten/barrierefreiheit")]:
        html = client.get(path).get_data(as_text=True)
        assert (f'href="{link}"' in html) is (role in ALLOWED), path


@pytest.mark.parametrize("role", ROLES)
def test_my_area_links_to_the_bitv_pages_only_for_those_who_may_edit(client, db_session, role):
    if role == "anonymous":
        return
    login(client, create_user(db_session, role=role).email)
    html = client.get("/mein-bereich").get_data(as_text=True)
    assert ('href="/verwaltung/seiten"' in html) is (role in ALLOWED)


def test_unknown_text_or_language_is_404(client, db_session):
    login(client, create_user(db_session, role="officer").email)
    assert client.get("/verwaltung/seiten/gibt-es-nicht/de").status_code == 404
    assert client.get("/verwaltung/seiten/impressum/fr").status_code == 404
    # Leichte Sprache is German only.
    assert client.get("/verwaltung/seiten/leichte-sprache/en").status_code == 404
