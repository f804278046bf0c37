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

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

TITLE = "Lenkungsgruppe: Sitzung im Test (erfunden)"
CLARA = ("clara.probe@example.org", "ein langes Test-Passwort 2026")


def _ok(page, keyboard=True):
    if "#" in page.url:
        # After a redirect to a part of the page (#tagesordnung), Tab starts there, as it should;
        # the check of the whole page starts at its top.
        page.goto(page.url.split("#")[0])
    problems = check_page(page, keyboard=keyboard)
    assert problems == [], f"{page.url}: {problems}"


def _new_page(browser, live_server, role=None, lang="de"):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
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
        expect_title(page, "Fehler:" if lang == "de" else "Error:")
        _ok(page, keyboard)
    finally:
        context.close()

    context, page = _new_page(browser, live_server, "officer", lang)
    try:
        for path in ("/verwaltung/sitzungen", "/verwaltung/sitzungen?zeit=vergangen",
                     f"/verwaltung/sitzungen/{council}", f"/verwaltung/sitzungen/{past}",
                     f"/verwaltung/sitzungen/{planned}",
                     f"/verwaltung/sitzungen/{planned}/einladen",
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
            expect_title(page, "Fehler:" if lang == "de" else "Error:")
            _ok(page, keyboard)
        page.goto(f"/verwaltung/sitzungen/{council}/logistik")
        booking = page.locator("form[action$='/sign_language/buchung']")
        booking.locator("input[type=text]").fill("")
        booking.locator("button[type=submit]").click()
        page.wait_for_load_state()
        expect_title(page, "Fehler:" if lang == "de" else "Error:")
        _ok(page, keyboard)
    finally:
        context.close()


# --- the "Done when" walk, keyboard only -----------------------------------------------------

_FOCUSED = "sel => !!document.activeElement && document.activeElement.matches(sel)"


def tab_to(page, selector, limit=250):
    """Press Tab until the element matching `selector` has the focus (as a keyboard user)."""
    for _ in range(limit):
        if page.evaluate(_FOCUSED, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} cannot be reached with the Tab key on {page.url}")


def follow(page, name):
    """Tab to the link named `name` and press Enter."""
    link = page.get_by_role("link", name=name, exact=True).first
    link_id = link.evaluate("el => el.href")
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                  "window.scrollTo(0, 0); }")
    for _ in range(250):
        if page.evaluate("href => document.activeElement && document.activeElement.href === href",
                         link_id):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"link {name!r} not reachable by keyboard on {page.url}")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def choose(page, name, value):
    """A radio group: Tab into it, then arrow keys until `value` is chosen."""
    tab_to(page, f"input[name={name}]")
    for _ in range(10):
        if page.evaluate(_FOCUSED, f"input[name={name}][value='{value}']") and page.locator(
                f"input[name={name}][value='{value}']").is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {value} in {name}")


def tick(page, selector, on=True):
    tab_to(page, selector)
    if page.locator(selector).is_checked() != on:
        page.keyboard.press("Space")
    assert page.locator(selector).is_checked() is on


def press_submit(page, label=None):
    selector = "main form.form button[type=submit]"
    if label:
        button = page.get_by_role("button", name=label, exact=True).first
        selector = None
        for _ in range(250):
            if button.evaluate("el => el === document.activeElement"):
                break
            page.keyboard.press("Tab")
        else:
            raise AssertionError(f"button {label!r} not reachable")
    else:
        tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def pick(page, selector, text):
    """A select: focus it with Tab and type the start of the option (type-ahead)."""
    tab_to(page, selector)
    page.keyboard.type(text)
    chosen = page.evaluate("sel => document.querySelector(sel).selectedOptions[0].text", selector)
    assert chosen.startswith(text), chosen


def _clara_account(live_server):
    """The second member signs in with an account of her own (set up here, not in the walk)."""
    from partizipation.accounts.services import create_user
    from partizipation.people.models import Person

    with live_server.app.app_context():
        session = live_server.app.extensions["db"].session
        user = create_user(session, email=CLARA[0], display_name="Clara Probe (erfunden)",
                           role="member", password=CLARA[1])
        person = session.scalar(select(Person).where(Person.name == "Clara Probe (erfunden)"))
        person.user_id = user.id
        session.commit()
    live_server.accounts["clara"] = CLARA


def _officer_creates_and_sends(page, tmp_path):
    page.goto("/mein-bereich")
    follow(page, "Sitzungen verwalten")
    _ok(page)
    follow(page, "Sitzung anlegen")
    _ok(page)
    day = clock.today() + timedelta(days=10)  # the Lenkungsgruppe's notice period is 21 days
    type_into(page, "#title", TITLE)
    pick(page, "#body_id", "Lenkungsgruppe")
    choose(page, "kind", "session")
    type_into(page, "#starts_on", day.strftime("%d.%m.%Y"))
    type_into(page, "#start_time", "10:00")
    type_into(page, "#end_time", "12:30")
    choose(page, "format", "in_person")
    pick(page, "#place_id", "Kreishaus Unna")
    press_submit(page)
    assert page.locator("h1").inner_text() == f"Verwalten: {TITLE}", page.url
    _ok(page)
    for title, public in (("Begrüßung und Bericht", True), ("Stand der Meilensteine", True),
                          ("Personalangelegenheit", False)):
        follow(page, "Tagesordnungspunkt hinzufügen")
        type_into(page, "#title", title)
        tick(page, "#is_public", public)
        press_submit(page)
        assert f"„{title}“ wurde gespeichert" in page.locator("main").inner_text()
    _ok(page)
    pdf = tmp_path / "einladung.pdf"
    pdf.write_bytes(demo_pdf("Einladung zur Lenkungsgruppe"))
    for title, item in (("Einladung", "Die ganze Sitzung"), ("Vermerk", "TOP 3")):
        follow(page, "Dokument hochladen")
        type_into(page, "#title", title)
        tab_to(page, "#file")
        page.locator("#file").set_input_files(str(pdf))  # the system's file dialog
        pick(page, "#agenda_item_id", item)
        press_submit(page)
        assert f"„{title}“ wurde hochgeladen" in page.locator("main").inner_text()
    follow(page, "Einladungen verschicken")
    assert "Diese Einladungen kommen zu spät" in page.locator("main").inner_text()
    _ok(page)
    press_submit(page)  # without confirming: refused, with the reason
    expect_title(page, "Fehler:")
    assert "Ladungsfrist von 21 Tagen" in page.locator(".error-summary").inner_text()
    _ok(page)
    tick(page, "#confirm_late")
    press_submit(page)
    main = page.locator("main").inner_text()
    assert "Die Einladungen sind verschickt" in main and "verspätet" in main
    _ok(page)


def _member_declines(page):
    page.goto("/mein-bereich")
    follow(page, "Meine Sitzungen und Einladungen")
    _ok(page)
    follow(page, TITLE)
    choose(page, "answer", "not_attending")
    press_submit(page, "Meine Antwort speichern")
    main = page.locator("main").inner_text()
    assert "Ihre Antwort wurde gespeichert: Ich nehme nicht teil" in main
    assert "Georg Skizzenmann (erfunden) wurde per E-Mail eingeladen" in main
    _ok(page)


def _second_member_asks_for_interpreting(page):
    page.goto("/mein-bereich")
    follow(page, "Meine Sitzungen und Einladungen")
    follow(page, TITLE)
    follow(page, "Unterstützung für diese Sitzung anfragen")
    _ok(page)
    tick(page, "input[name=needs][value=sign_language]")
    tick(page, "input[name=needs][value=induction_loop]")
    tick(page, "#consent")
    press_submit(page)
    assert "Ihr Unterstützungswunsch für diese Sitzung wurde gespeichert" in page.locator(
        "main").inner_text()
    _ok(page)
    page.goto("/mein-bereich")
    follow(page, "Meine Kalenderadresse (iCalendar)")
    press_submit(page, "Meine Kalenderadresse erstellen")
    _ok(page)
    return page.locator(".panel .meeting-url a").inner_text()


def _officer_books_the_interpreter(page):
    page.goto("/mein-bereich")
    follow(page, "Sitzungen verwalten")
    follow(page, TITLE)
    follow(page, "Antworten und Unterstützung (Organisation)")
    main = page.locator("main").inner_text()
    assert "1 × Dolmetschen in Deutscher Gebärdensprache (DGS)" in main
    assert ("Eingeladene, die eine Induktionsschleife brauchen: 1. Kreishaus Unna hat aber "
            "keine.") in main
    assert "Nehmen nicht teil: 1" in main
    _ok(page)
    type_into(page, "#sign_language-booked_with", "Dolmetschdienst Westfalen (erfunden)")
    tick(page, "#sign_language-is_confirmed")
    press_submit(page, "Speichern: Dolmetschen in Deutscher Gebärdensprache (DGS)")
    row = page.locator("tr", has_text="Dolmetschen in Deutscher Gebärdensprache (DGS)").inner_text()
    assert "bestätigt" in row
    _ok(page)


def test_done_when_walk_keyboard_only(browser, live_server, tmp_path):
    _clara_account(live_server)
    context, page = _new_page(browser, live_server, "officer")
    try:
        _officer_creates_and_sends(page, tmp_path)
    finally:
        context.close()
    context, page = _new_page(browser, live_server, "member")
    try:
        _member_declines(page)
    finally:
        context.close()
    context, page = _new_page(browser, live_server, "clara")
    try:
        feed = _second_member_asks_for_interpreting(page)
    finally:
        context.close()
    context, page = _new_page(browser, live_server, "officer")
    try:
        _officer_books_the_interpreter(page)
    finally:
        context.close()

    context, page = _new_page(browser, live_server, None)
    try:
        page.goto("/")
        follow(page, "Sitzungen")
        follow(page, TITLE)
        main = page.locator("main").inner_text()
        assert "TOP 1: Begrüßung und Bericht" in main and "TOP 2: Stand der Meilensteine" in main
        assert "Personalangelegenheit" not in main and "Vermerk" not in main
        assert "Einladung (PDF," in main
        _ok(page)
        meeting_id = _meeting_id(live_server, TITLE)
        with live_server.app.app_context():
            from partizipation.meetings.models import Document

            session = live_server.app.extensions["db"].session
            hidden = session.scalar(select(Document.id).where(Document.title == "Vermerk"))
        guessed = page.request.get(f"/sitzungen/{meeting_id}/dokumente/{hidden}")
        assert guessed.status == 404
        # The calendar program fetches the personal feed without signing in.
        assert "/kalender/" in feed  # an absolute address from BASE_URL; fetch its path here
        response = page.request.get(feed[feed.index("/kalender/"):])
        assert response.status == 200
        raw = response.body()
        titles = [str(e["summary"]) for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
        assert TITLE in titles
        parsed = vobject.readOne(raw.decode("utf-8"))
        assert TITLE in [e.summary.value for e in parsed.vevent_list]
    finally:
        context.close()
