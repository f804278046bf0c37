"""Meetings II in a real browser: every new page in its states (empty, filled, error, after
success), in German and English, passes check_page; then the issue's walk on a demo site of its
own: after a steering group meeting the officer records attendance (quorum shown), writes the
minutes in two sittings and compares them, sends them for corrections, approves them, records a
decision with votes, submits it and records the Landrat's approval; a visitor finds the meeting
under past meetings with the public minutes and the approved decision, without the non-public
item; /mein-bereich shows the network behind its rhythm."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from partizipation import clock
from partizipation.decisions.models import Decision
from partizipation.meetings.models import AgendaItem, Invitee, Meeting

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

PAST = "Lenkungsgruppe: Rückblick und Ziele"


def _ok(page, keyboard=True):
    if "#" in page.url:
        page.goto(page.url.split("#")[0])
    problems = check_page(page, keyboard=keyboard)
    assert problems == [], f"{page.url}: {problems}"


def _new_page(browser, server, role=None, lang="de"):
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    if role:
        sign_in(page, server, role)
    set_language(page, lang)
    return context, page


def _visit(page, path, keyboard):
    response = page.goto(path)
    assert response is not None and response.status == 200, (path, response and response.status)
    _ok(page, keyboard)


def _ids(server):
    with server.app.app_context():
        session = server.app.extensions["db"].session
        meeting = session.scalar(select(Meeting.id).where(Meeting.title == PAST))
        decisions = {d.status: d.id for d in session.scalars(
            select(Decision).where(Decision.meeting_id == meeting))}
        body = session.scalar(select(Meeting.body_id).where(Meeting.id == meeting))
        return meeting, decisions, body


def _error(page, lang):
    expect_title(page, "Fehler:" if lang == "de" else "Error:")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_new_page_and_state(browser, live_server, lang):
    keyboard = lang == "de"
    past, decisions, body = _ids(live_server)
    context, page = _new_page(browser, live_server, None, lang)
    try:
        for path in ("/sitzungen?zeit=vergangen", "/sitzungen?zeit=vergangen&jahr=1999",
                     f"/sitzungen/{past}", "/beschluesse", "/beschluesse?status=dropped",
                     f"/beschluesse/{decisions['approved']}"):
            _visit(page, path, keyboard)
        assert "Personalangelegenheit" not in page.goto(f"/sitzungen/{past}").text()
    finally:
        context.close()

    context, page = _new_page(browser, live_server, "officer", lang)
    try:
        base = f"/verwaltung/sitzungen/{past}"
        for path in (f"{base}", f"{base}/anwesenheit", f"{base}/protokoll",
                     f"{base}/protokoll/vergleich?alt=1&neu=2", f"{base}/protokoll/genehmigen",
                     f"/sitzungen/{past}", f"/beschluesse/{decisions['submitted']}",
                     f"/beschluesse/{decisions['implemented']}", "/verwaltung/beschluesse",
                     "/verwaltung/beschluesse?show=overdue&sort=status",
                     "/verwaltung/sitzungsrhythmus", "/mein-bereich",
                     f"/verwaltung/gremien/{body}/sitzungsregeln"):
            _visit(page, path, keyboard)
        # Error states (nothing is saved).
        _visit(page, f"{base}/beschluss/neu", keyboard)
        page.fill("textarea[name=text]", "")
        page.locator("main form.form button[type=submit]").click()
        _error(page, lang)
        _ok(page, keyboard)
        _visit(page, f"{base}/anwesenheit", keyboard)
        page.fill("input[name='people-0-arrived_late']", "25:99")
        page.locator("main form.form button[type=submit]").click()
        _error(page, lang)
        _ok(page, keyboard)
        page.goto(f"/beschluesse/{decisions['submitted']}")
        page.locator("details.decision-step summary").first.click()
        page.locator("details.decision-step[open] form button[type=submit]").click()
        page.wait_for_load_state()
        _error(page, lang)
        _ok(page, keyboard)
    finally:
        context.close()


def _held_meeting(server):
    """A steering group meeting that ended yesterday, invitees taken from the demo's past one."""
    with server.app.app_context():
        session = server.app.extensions["db"].session
        old = session.scalar(select(Meeting).where(Meeting.title == PAST))
        start = clock.berlin(clock.today() - timedelta(days=1), 10, 0)
        meeting = Meeting(uid=f"{uuid.uuid4()}@example.org", body_id=old.body_id,
                          title="Lenkungsgruppe: Sitzung im Browser-Test", kind="session",
                          format="online", status="held", is_public=True, starts_at=start,
                          ends_at=start + timedelta(hours=2), invited_at=start - timedelta(days=30))
        session.add(meeting)
        session.flush()
        session.add_all([
            AgendaItem(meeting_id=meeting.id, position=1, title="Barrierefreie Wege"),
            AgendaItem(meeting_id=meeting.id, position=2, title="Vertrauliche Stellenfrage",
                       is_public=False)])
        for invitee in session.scalars(select(Invitee).where(Invitee.meeting_id == old.id,
                                                             Invitee.source != "guest")):
            session.add(Invitee(meeting_id=meeting.id, person_id=invitee.person_id,
                                source=invitee.source, role=invitee.role,
                                has_vote=invitee.has_vote, answer="attending"))
        session.commit()
        return meeting.id


def test_after_the_meeting_walk(browser, own_server):
    meeting = _held_meeting(own_server)
    base = f"/verwaltung/sitzungen/{meeting}"
    context, page = _new_page(browser, own_server, "officer", "de")
    try:
        page.goto(base)
        page.get_by_role("link", name="Anwesenheit erfassen").click()
        expect_title(page, "Anwesenheit")
        count = page.locator(".attendance-person").count()
        for index in range(count):
            page.locator(f"input[name='people-{index}-presence'][value='present']").check()
        page.keyboard.press("Tab")
        page.locator("main form.form button[type=submit]").focus()
        page.keyboard.press("Enter")
        expect_title(page, "Verwalten")
        assert "beschlussfähig" in page.locator("main").inner_text().lower()

        page.goto(f"{base}/protokoll")
        page.fill("textarea[name=general]", "Die Vorsitzende eröffnet die Sitzung.")
        item_fields = page.locator("textarea[name^=item_]")
        item_fields.nth(0).fill("Rampen fehlen am Kreishaus.")
        item_fields.nth(1).fill("Vertraulich besprochen.")
        page.locator("main form.form button[type=submit]").focus()
        page.keyboard.press("Enter")
        expect_title(page, "Protokoll")
        page.locator("textarea[name^=item_]").nth(0).fill(
            "Rampen fehlen am Kreishaus.\n\nDer Kreis prüft eine Rampe.")
        page.locator("main form.form button[type=submit]").focus()
        page.keyboard.press("Enter")
        expect_title(page, "Protokoll")
        page.get_by_role("link", name="Mit Fassung 1 vergleichen").click()
        expect_title(page, "Fassungen 1 und 2 vergleichen")
        assert "Der Kreis prüft eine Rampe." in page.locator("main").inner_text()
        _ok(page)
        page.goto(f"{base}/protokoll")
        page.get_by_role("button", name="An die Eingeladenen zur Korrektur schicken").click()
        expect_title(page, "Protokoll")
        page.get_by_role("link", name="Genehmigung des Protokolls erfassen").click()
        expect_title(page, "Protokoll genehmigen")
        page.get_by_label("das Gremium in seiner nächsten Sitzung").check()
        page.locator("main form.form button[type=submit]").click()
        expect_title(page, "Protokoll")
        assert "Genehmigt" in page.locator("main").inner_text()

        page.goto(f"{base}/beschluss/neu")
        page.fill("textarea[name=text]", "Am Kreishaus wird eine Rampe gebaut.")
        page.get_by_label("Durch Abstimmung").check()
        present = int(page.locator("main").inner_text().split("Anwesende Stimmberechtigte: ")[1]
                      .split(".")[0])
        page.fill("input[name=votes_yes]", str(present + 1))
        page.fill("input[name=votes_no]", "0")
        page.fill("input[name=votes_abstain]", "0")
        page.locator("main form.form button[type=submit]").click()
        _error(page, "de")
        _ok(page)
        page.fill("input[name=votes_yes]", str(present))
        page.locator("main form.form button[type=submit]").click()
        expect_title(page, "Beschluss vom")
        page.get_by_text("Zur Freigabe vorlegen").first.click()
        page.locator("details.decision-step[open] form button[type=submit]").click()
        expect_title(page, "Beschluss vom")
        page.get_by_text("Freigabe erfassen").first.click()
        page.get_by_label("den Landrat").check()
        page.fill("input[name='approve-on']", clock.today().strftime("%d.%m.%Y"))
        page.fill("input[name='approve-reference']", "LR-2026-99")
        page.locator("details.decision-step[open] form button[type=submit]").click()
        expect_title(page, "Beschluss vom")
        assert "LR-2026-99" in page.locator("main").inner_text()
        _ok(page)

        page.goto("/mein-bereich")
        assert "Netzwerk der Partizipationsbegleiter*innen" in page.locator(
            "main").inner_text()
    finally:
        context.close()

    context, page = _new_page(browser, own_server, None, "de")
    try:
        page.goto("/sitzungen?zeit=vergangen")
        page.get_by_role("link", name="Lenkungsgruppe: Sitzung im Browser-Test").click()
        expect_title(page, "Lenkungsgruppe: Sitzung im Browser-Test")
        text = page.locator("main").inner_text()
        assert "Der Kreis prüft eine Rampe." in text
        assert "Am Kreishaus wird eine Rampe gebaut." in text and "Genehmigt" in text
        assert "Vertrauliche Stellenfrage" not in text and "Vertraulich besprochen" not in text
        _ok(page)
    finally:
        context.close()
