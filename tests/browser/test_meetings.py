"""Meetings in a real browser. Every meeting page in every state (empty, filled, errors, sent,
cancelled, past), in German and English, passes check_page; then the issue's "Done when" walk,
keyboard only: the officer creates a steering group meeting in the Kreishaus with three agenda
items (one non-public) and PDFs, sends the invitations late and confirms it; a member answers
"not attending" and their deputy is invited; a second member asks for sign-language
interpreting; the logistics page shows the total and the flagged place; the officer marks the
interpreter booked. A visitor sees the public agenda and cannot reach the non-public document;
the member's personal feed holds the meeting and opens in two calendar parsers."""

from __future__ import annotations

from datetime import timedelta

import icalendar
import pytest
import vobject
from sqlalchemy import select

from partizipation import clock
from partizipation.meetings.demo import demo_pdf
from partizipation.meetings.models import Meeting

from .conftest import check_page, set_language, sign_in

pytestmark = pytest.mark.browser

TITLE = "Lenkungsgruppe: Sitzung im Test (erfunden)"
CLARA = ("clara.probe@example.org", "ein langes Test-Passwort 2026")


def _ok(page, keyboard=True):
    problems = check_page(page, keyboard=keyboard)
    assert problems == [], f"{page.url}: {problems}"


def _new_page(browser, live_server, role=None, lang="de"):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(8000)
    if role:
        sign_in(page, live_server, role)
    set_language(page, lang)
    return context, page


def _meeting_id(live_server, title):
    with live_server.app.app_context():
        session = live_server.app.extensions["db"].session
        return session.scalar(select(Meeting.id).where(Meeting.title == title))


def _submit(page):
    page.locator("main form.form button[type=submit]").first.click()
    page.wait_for_load_state()


# --- every page and state --------------------------------------------------------------------


def _visit(page, path, keyboard):
    response = page.goto(path)
    assert response is not None and response.status == 200, (path, response and response.status)
    _ok(page, keyboard)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_meeting_page_and_state(browser, live_server, lang):
    keyboard = lang == "de"  # focus and tab order do not depend on the language
    council = _meeting_id(live_server, "Sitzung des Inklusionsbeirats")
    past = _meeting_id(live_server, "Lenkungsgruppe: Rückblick und Ziele")
    planned = _meeting_id(live_server, "Lenkungsgruppe: Fortschritt der Vereinbarung")
    network = _meeting_id(live_server, "Arbeitstreffen der Partizipationsbegleiter*innen")

    context, page = _new_page(browser, live_server, None, lang)
    try:
        for path in ("/", "/sitzungen", f"/sitzungen/{council}", f"/sitzungen/{past}",
                     f"/sitzungen/{network}", "/sitzungen?gremium=999"):
            _visit(page, path, keyboard)
    finally:
        context.close()

    context, page = _new_page(browser, live_server, "member", lang)
    try:
        for path in (f"/sitzungen/{council}", "/mein-bereich/sitzungen",
                     "/mein-bereich/sitzungen?zeit=vergangen", "/mein-bereich/kalender"):
            _visit(page, path, keyboard)
        page.goto(f"/sitzungen/{council}")
        page.get_by_role("link", name="Unterstützungswunsch ändern" if lang == "de"
                         else "Change my support request", exact=False).click()
        _ok(page, keyboard)
        _submit(page)  # without consent: errors, the ticks kept
        assert page.title().startswith("Fehler:" if lang == "de" else "Error:")
        _ok(page, keyboard)
    finally:
        context.close()

    context, page = _new_page(browser, live_server, "officer", lang)
    try:
        for path in ("/verwaltung/sitzungen", "/verwaltung/sitzungen?zeit=vergangen",
                     f"/verwaltung/sitzungen/{council}", f"/verwaltung/sitzungen/{past}",
                     f"/verwaltung/sitzungen/{planned}", f"/verwaltung/sitzungen/{planned}/einladen",
                     f"/verwaltung/sitzungen/{council}/eingeladene",
                     f"/verwaltung/sitzungen/{planned}/eingeladene?suche=Beispiel",
                     f"/verwaltung/sitzungen/{council}/logistik",
                     f"/verwaltung/sitzungen/{council}/logistik/step_free",
                     "/verwaltung/orte", "/mein-bereich/sitzungen"):
            _visit(page, path, keyboard)
        for path in ("/verwaltung/sitzungen/neu", f"/verwaltung/sitzungen/{council}/bearbeiten",
                     f"/verwaltung/sitzungen/{council}/absagen",
                     f"/verwaltung/sitzungen/{council}/tops/neu",
                     f"/verwaltung/sitzungen/{council}/dokumente/neu", "/verwaltung/orte/neu"):
            _visit(page, path, keyboard)
            for field in page.locator("main form.form input[type=text], main form.form textarea"
                                      ).all():
                field.fill("")
            _submit(page)
            assert page.title().startswith("Fehler:" if lang == "de" else "Error:"), path
            _ok(page, keyboard)
        page.goto(f"/verwaltung/sitzungen/{council}/logistik")
        booking = page.locator("form[action$='/sign_language/buchung']")
        booking.locator("input[type=text]").fill("")
        booking.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert page.title().startswith("Fehler:" if lang == "de" else "Error:")
        _ok(page, keyboard)
    finally:
        context.close()
