"""Issue 3 as a new user tries it, in a real browser: the officer creates a body and a term, adds
eight members (a chair, two personal deputies), one withdraws consent to be listed; the public page
names the right seven with their deputies. The demo member records support needs (first without
consent: an error, then with), the officer sees them in the body summary, the member opens and
downloads their data. Every page and error state passes check_page."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from partizipation import clock

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

BODY = "Browser-Beirat (erfunden)"
MANAGED = f"{BODY} verwalten"
WITHDRAWN = "Browser Rückzug (erfunden)"
# (name, role label, deputy of)
MEMBERS = [
    ("Browser Vorsitz (erfunden)", "Vorsitz", None),
    ("Browser Zweite (erfunden)", "Stellvertretender Vorsitz", None),
    ("Browser Mitglied A (erfunden)", "Mitglied", None),
    ("Browser Mitglied B (erfunden)", "Mitglied", None),
    ("Browser Mitglied C (erfunden)", "Mitglied", None),
    (WITHDRAWN, "Mitglied", None),
    ("Browser Vertretung 1 (erfunden)", "Persönliche Stellvertretung", "Browser Vorsitz"),
    ("Browser Vertretung 2 (erfunden)", "Persönliche Stellvertretung", "Browser Mitglied A"),
]


def _ok(page):
    problems = check_page(page)
    assert problems == [], f"{page.url}: {problems}"


def _submit(page):
    page.locator("main form.form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state()


def _d(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def _new_page(browser, live_server, role):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    sign_in(page, live_server, role)
    set_language(page, "de")
    return context, page


def _create_body_and_term(page):
    page.goto("/mein-bereich")
    page.get_by_role("link", name="Gremien, Amtszeiten und Mitgliedschaften").click()
    _ok(page)
    page.get_by_role("link", name="Gremium anlegen").click()
    _submit(page)  # empty: errors at the fields and in the summary
    expect_title(page, "Fehler:")
    _ok(page)
    page.locator(".error-summary a").first.click()
    assert page.evaluate("() => document.activeElement.id") == "name"
    page.fill("#name", BODY)
    page.get_by_label("Anderes Gremium").check()
    page.get_by_label("Öffentlich: Alle können", exact=False).check()
    for field, value in (("min_meetings_per_year", "2"), ("target_meetings_per_year", "4"),
                         ("notice_period_days", "14")):
        page.fill(f"#{field}", value)
    _submit(page)
    assert page.locator("h1").inner_text() == MANAGED
    _ok(page)

    page.get_by_role("link", name="Amtszeit hinzufügen").click()
    start = clock.today() - timedelta(days=30)
    page.fill("#starts_on", _d(start))
    page.fill("#ends_on", _d(start - timedelta(days=1)))
    _submit(page)
    assert "Das Ende darf nicht vor dem Beginn liegen" in page.locator("main").inner_text()
    _ok(page)
    page.fill("#ends_on", _d(start + timedelta(days=5 * 365)))
    _submit(page)
    return start


def _add_member(page, name, role, deputy_of, start):
    page.get_by_role("link", name="Mitglied hinzufügen").click()
    page.wait_for_load_state()
    page.fill("#name", name)
    page.get_by_label("Die Person willigt ein", exact=False).check()
    page.get_by_label(role, exact=True).check()
    if deputy_of:
        option = page.locator("#deputy_for_id option", has_text=deputy_of).first
        page.select_option("#deputy_for_id", value=option.get_attribute("value"))
    page.fill("#starts_on", _d(start))
    _submit(page)


def test_members_roster_support_needs_and_my_data(browser, live_server):
    context, page = _new_page(browser, live_server, "officer")
    try:
        start = _create_body_and_term(page)
        for name, role, deputy_of in MEMBERS:
            _add_member(page, name, role, deputy_of, start)
            assert page.locator("h1").inner_text() == MANAGED, page.locator("main").inner_text()
        _ok(page)

        # A second chair at the same time: a specific message at the field, input kept.
        _add_member(page, "Browser Doppelt (erfunden)", "Vorsitz", None, start)
        expect_title(page, "Fehler:")
        assert "hat in dieser Zeit schon den Vorsitz" in page.locator("#role-error").inner_text()
        assert page.input_value("#name") == "Browser Doppelt (erfunden)"
        _ok(page)

        # One member withdraws consent to be listed.
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Gremien, Amtszeiten und Mitgliedschaften").click()
        page.get_by_role("link", name=BODY).click()
        page.get_by_role("link", name=WITHDRAWN, exact=True).click()
        _ok(page)
        page.get_by_label("Die Person willigt ein", exact=False).uncheck()
        _submit(page)
        assert "wurden gespeichert" in page.locator("main").inner_text()
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Gremien, Amtszeiten und Mitgliedschaften").click()
        page.get_by_role("link", name=BODY).click()
        for link in ("Verlauf aller Mitgliedschaften",):
            page.get_by_role("link", name=link).click()
            _ok(page)
            page.go_back()
        page.get_by_role("link", name="Öffentliche Seite dieses Gremiums").click()
        main = page.locator("main").inner_text()
        for name, _role, _deputy in MEMBERS:
            assert (name in main) is (name != WITHDRAWN), name
        assert "Persönliche Stellvertretung: Browser Vertretung 1 (erfunden)" in main
        assert "Und 1 weiteres Mitglied" in main
        _ok(page)
    finally:
        context.close()

    context, page = _new_page(browser, live_server, "member")
    try:
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Mein Unterstützungsbedarf").click()
        _ok(page)
        # Max agreed once (demo data): a change needs no new consent (issue 12.9).
        assert page.locator("#consent").count() == 0
        page.get_by_label("Großdruck").check()
        page.locator("main form button[type=submit]").first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "Ihr Unterstützungsbedarf wurde gespeichert." in page.locator("main").inner_text()
        _ok(page)

        page.goto("/mein-bereich")
        page.get_by_role("link", name="Meine Daten: ansehen", exact=False).click()
        assert "Max Muster (erfunden)" in page.locator("main").inner_text()
        _ok(page)
        with page.expect_download() as download:
            page.get_by_role("link", name="Meine Daten als Datei herunterladen",
                             exact=False).click()
        data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        kinds = [item["kind"] for item in data["council"]["support_needs"]["items"]]
        assert "large_print" in kinds
    finally:
        context.close()

    context, page = _new_page(browser, live_server, "officer")
    try:
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Unterstützungsbedarf: Inklusionsbeirat").click()
        main = page.locator("main").inner_text()
        assert "Max Muster (erfunden)" in main and "Großdruck" in main
        _ok(page)
    finally:
        context.close()


def test_every_council_page_and_error_state(browser, live_server):
    """The remaining council pages, reached by links, and their error states."""
    context, page = _new_page(browser, live_server, "officer")
    try:
        for path in ("/beirat", "/gremien"):
            page.goto(path)
            _ok(page)
        page.goto("/mein-bereich")
        for link in ("Bald endende Amtszeiten und Mitgliedschaften", "Löschanträge"):
            page.get_by_role("link", name=link).first.click()
            _ok(page)
            page.goto("/mein-bereich")
        page.get_by_role("link", name="Gremien, Amtszeiten und Mitgliedschaften").click()
        page.get_by_role("link", name="Inklusionsbeirat").click()
        body_url = page.url
        # The member list's search: a hit, and the state where nothing matches.
        for terms in ("Anna", "niemand"):
            page.get_by_role("searchbox", name="Aktuelle Mitglieder nach Namen suchen").fill(terms)
            page.get_by_role("button", name="Suchen").click()
            page.wait_for_load_state()
            _ok(page)
        page.get_by_text("Kein aktuelles Mitglied passt zu „niemand“.").wait_for()
        forms = [
            ("Gremium bearbeiten", {"#name": ""}),
            ("Zeitraum ändern", {"#starts_on": "32.13.2020"}),
            ("Mitgliedschaft von Anna Beispiel (erfunden) bearbeiten", {"#starts_on": ""}),
            ("Mitgliedschaft von Anna Beispiel (erfunden) beenden", {}),
            ("Anna Beispiel (erfunden)", {"#name": ""}),
        ]
        for link, fields in forms:
            page.goto(body_url)
            page.get_by_role("link", name=link, exact=False).first.click()
            page.wait_for_load_state()
            _ok(page)
            for selector, value in fields.items():
                page.fill(selector, value)
            _submit(page)
            expect_title(page, "Fehler:")
            _ok(page)
    finally:
        context.close()

    context, page = _new_page(browser, live_server, "member")
    try:
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Öffentliche Nennung meines Namens").click()
        _ok(page)
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Art der Behinderung (freiwillig)").click()
        _ok(page)
        # Consent was given once (demo data); nothing chosen is the error state now (12.9).
        for box in page.locator("input[name=kinds]:checked").all():
            box.uncheck()
        _submit(page)
        expect_title(page, "Fehler:")
        _ok(page)
    finally:
        context.close()
