"""Editing the stored texts and the accessibility statement: success, errors, sanitizing."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from partizipation.bitv.models import AccessibilityStatement, Page
from tests.conftest import login
from tests.factories import create_user
from tests.helpers import csrf_token, page_text


@pytest.fixture()
def officer(client, db_session):
    user = create_user(db_session, role="officer", display_name="Petra Beispiel")
    login(client, user.email)
    return user


def post_page(client, path, **data):
    token = csrf_token(client.get(path))
    return client.post(path, data={"csrf_token": token, **data})


def stored(db_session, slug, locale="de"):
    db_session.expire_all()
    return db_session.scalar(select(Page).where(Page.slug == slug, Page.locale == locale))


def test_edit_form_is_filled_with_the_current_text(client, officer):
    html = client.get("/verwaltung/seiten/impressum/de").get_data(as_text=True)
    assert 'value="Impressum"' in html
    assert "Friedrich-Ebert-Straße 17" in html
    assert "Everything else" not in html and "Alles andere, etwa Skripte" in html
    assert "<strong>" not in html.split("<form")[1]


def test_officer_changes_a_page_and_readers_see_it(client, db_session, officer):
    response = post_page(client, "/verwaltung/seiten/impressum/de", title="Impressum neu",
                         body="<h2>Anbieter</h2><p>Kreis Unna, neue Anschrift</p>")
    assert response.status_code == 302
    page = stored(db_session, "imprint")
    assert page.title == "Impressum neu" and page.updated_by_id == officer.id
    follow = client.get(response.headers["Location"])
    assert "Die Änderungen wurden gespeichert." in page_text(follow)
    assert "neue Anschrift" in page_text(client.get("/impressum"))


def test_admin_may_edit_too(client, db_session):
    login(client, create_user(db_session, role="admin").email)
    response = post_page(client, "/verwaltung/seiten/datenschutz/en", title="Privacy",
                         body="<p>Changed by the admin</p>")
    assert response.status_code == 302
    assert stored(db_session, "privacy", "en").body_html == "<p>Changed by the admin</p>"


def test_a_script_never_comes_back(client, db_session, officer):
    post_page(client, "/verwaltung/seiten/impressum/de", title="Impressum",
              body='<p onclick="steal()">Hallo<script>alert("x")</script></p>'
                   '<a href="javascript:alert(1)">Link</a>')
    body = stored(db_session, "imprint").body_html
    assert "script" not in body and "onclick" not in body and "javascript:" not in body
    html = client.get("/impressum").get_data(as_text=True)
    assert "<script>alert" not in html and "steal()" not in html
    assert "<p>Hallo" in html


def test_a_body_that_is_only_code_is_refused_and_nothing_is_saved(client, db_session, officer):
    response = post_page(client, "/verwaltung/seiten/impressum/de", title="Neu",
                         body='<img src="x" onerror="alert(1)">')
    assert response.status_code == 200
    assert "Code wie Skripte wird entfernt" in page_text(response)
    assert stored(db_session, "imprint").title == "Impressum"


def test_empty_fields_say_what_to_do_at_the_field_and_in_the_summary(client, officer):
    response = post_page(client, "/verwaltung/seiten/impressum/de", title="", body="")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<title>Fehler:" in html
    assert '<a href="#title">Geben Sie den Titel der Seite ein.</a>' in html
    assert '<a href="#body">Geben Sie den Text der Seite ein.</a>' in html
    assert 'id="title-error"' in html and 'aria-invalid="true"' in html


def test_overlong_title_is_refused_and_the_input_kept(client, db_session, officer):
    response = post_page(client, "/verwaltung/seiten/impressum/de", title="T" * 201,
                         body="<p>Mein Text bleibt</p>")
    text = page_text(response)
    assert "höchstens 200 Zeichen" in text
    assert "Mein Text bleibt" in response.get_data(as_text=True)
    assert stored(db_session, "imprint").title == "Impressum"


def test_english_text_can_be_written_when_there_is_none(client, db_session, officer):
    from tests.bitv.factories import create_page

    create_page(db_session, "imprint", "de")
    response = post_page(client, "/verwaltung/seiten/impressum/en", title="Imprint",
                         body="<p>In English</p>")
    assert response.status_code == 302
    assert stored(db_session, "imprint", "en").body_html == "<p>In English</p>"


EASY = "/verwaltung/seiten/leichte-sprache/de"


def test_leichte_sprache_form_asks_who_checked_it(client, officer):
    html = client.get(EASY).get_data(as_text=True)
    assert 'id="reviewed_by"' in html and 'id="reviewed_on"' in html
    assert 'id="reviewed_by"' not in client.get("/verwaltung/seiten/impressum/de").get_data(
        as_text=True)


def test_review_is_recorded_and_shown(client, db_session, officer):
    response = post_page(client, EASY, title="Leichte Sprache", body="<p>Ein Satz.</p>",
                         reviewed_by="Prüfgruppe Kamen", reviewed_on="12.03.2026")
    assert response.status_code == 302
    page = stored(db_session, "easy-language")
    assert page.reviewed_by == "Prüfgruppe Kamen" and page.reviewed_on == date(2026, 3, 12)
    assert "geprüft von: Prüfgruppe Kamen" in page_text(client.get("/leichte-sprache"))


@pytest.mark.parametrize(("group", "day", "message"), [
    ("Prüfgruppe", "31.02.2026", "Geben Sie ein gültiges Datum ein, zum Beispiel 27.03.2026"),
    ("Prüfgruppe", "", "Geben Sie das Datum der Prüfung ein"),
    ("", "12.03.2026", "Geben Sie den Namen der Prüfgruppe ein"),
    ("Prüfgruppe", "01.01.2999", "Die Prüfung kann nicht in der Zukunft liegen"),
])
def test_review_fields_say_what_to_do(client, db_session, officer, group, day, message):
    response = post_page(client, EASY, title="Leichte Sprache", body="<p>Neu.</p>",
                         reviewed_by=group, reviewed_on=day)
    assert response.status_code == 200
    assert message in page_text(response)
    assert f'value="{day}"' in response.get_data(as_text=True)
    assert stored(db_session, "easy-language").body_html != "<p>Neu.</p>"


STATEMENT = "/verwaltung/seiten/barrierefreiheit"
VALID = {
    "compliance_status": "partial", "prepared_on": "01.09.2026", "method": "external",
    "last_reviewed_on": "02.10.2026", "scope_de": "<p>Gilt für alles.</p>",
    "non_accessible_de": "<ul><li>Alte PDFs</li></ul>", "alternatives_de": "<p>Per Post.</p>",
    "scope_en": "<p>Applies to all.</p>", "non_accessible_en": "<p>Old PDFs</p>",
    "alternatives_en": "<p>By post.</p>",
}


def test_statement_form_is_filled_with_the_current_statement(client, officer):
    html = client.get(STATEMENT).get_data(as_text=True)
    assert re.search(r'<input checked[^>]*value="partial"', html)
    assert "Gebärdensprache" in html


def test_officer_updates_the_statement(client, db_session, officer):
    response = post_page(client, STATEMENT, **VALID)
    assert response.status_code == 302 and response.headers["Location"] == "/barrierefreiheit"
    text = page_text(client.get("/barrierefreiheit"))
    assert "Alte PDFs" in text and "Prüfung durch eine externe Stelle" in text
    assert "2. Oktober 2026" in text and "1. September 2026" in text
    english = page_text(client.get("/barrierefreiheit", headers={"Accept-Language": "en"}))
    # The officer's own language setting wins; switch explicitly.
    client.get("/sprache/en")
    english = page_text(client.get("/barrierefreiheit"))
    assert "Old PDFs" in english and "October 2, 2026" in english


def test_empty_english_parts_show_the_german_text_marked_german(client, db_session, officer):
    data = {**VALID, "scope_en": "", "non_accessible_en": "", "alternatives_en": ""}
    assert post_page(client, STATEMENT, **data).status_code == 302
    client.get("/sprache/en")
    html = client.get("/barrierefreiheit").get_data(as_text=True)
    assert "shown in German" in html and '<div class="stored-text" lang="de">' in html


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"compliance_status": ""}, "compliance_status-0", "Wählen Sie aus, wie weit"),
    ({"prepared_on": "gestern"}, "prepared_on",
     "Geben Sie ein gültiges Datum ein, zum Beispiel 27.03.2026"),
    ({"last_reviewed_on": ""}, "last_reviewed_on", "Geben Sie das Datum der letzten"),
    ({"last_reviewed_on": "01.08.2026"}, "last_reviewed_on", "nicht vor der Erstellung"),
    ({"prepared_on": "01.01.2999", "last_reviewed_on": "02.01.2999"}, "prepared_on",
     "nicht in der Zukunft"),
    ({"scope_de": ""}, "scope_de", "wofür die Erklärung gilt"),
    ({"non_accessible_de": ""}, "non_accessible_de", "was nicht barrierefrei ist"),
    ({"alternatives_de": "x" * 20_001}, "alternatives_de", "höchstens 20.000 Zeichen"),
    ({"scope_de": "<img src=x onerror=y()>"}, "scope_de", "Code wie Skripte wird entfernt"),
    ({"scope_en": ""}, "scope_en", "lassen Sie alle drei englischen Teile leer"),
])
def test_statement_errors_say_what_to_do_and_nothing_is_saved(
    client, db_session, officer, changes, field, message
):
    response = post_page(client, STATEMENT, **{**VALID, **changes})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page_text(response)
    assert f'href="#{field}"' in html
    db_session.expire_all()
    statement = db_session.scalar(select(AccessibilityStatement))
    assert statement.method == "self_assessment"


def test_fully_compliant_needs_no_list_of_barriers(client, officer):
    data = {**VALID, "compliance_status": "full", "non_accessible_de": "",
            "alternatives_de": "", "non_accessible_en": "", "alternatives_en": ""}
    assert post_page(client, STATEMENT, **data).status_code == 302
    text = page_text(client.get("/barrierefreiheit"))
    assert "vollständig" in text and "Uns sind keine Inhalte" in text


def test_a_post_without_csrf_token_is_refused_and_changes_nothing(client, db_session, officer):
    client.get("/impressum")
    response = client.post("/verwaltung/seiten/impressum/de",
                           data={"title": "Gehackt", "body": "<p>x</p>"})
    assert response.status_code == 400
    assert stored(db_session, "imprint").title == "Impressum"


def test_a_missing_english_part_falls_back_to_german_for_that_part_only(client, officer):
    data = {**VALID, "non_accessible_en": ""}
    assert post_page(client, STATEMENT, **data).status_code == 302
    client.get("/sprache/en")
    html = client.get("/barrierefreiheit").get_data(as_text=True)
    assert "Applies to all." in html
    assert re.search(r'<div class="stored-text" lang="de">\s*<ul><li>Alte PDFs', html)
    assert "We know of no content" not in html
