"""Issue 4 as a new user tries it, in a real browser: a Bergkamen contact registers two
facilitators, cannot reach Kamen's; the officer confirms one and sends the other back; the
confirmed one is listed on Bergkamen's page under /kommunen and gets a relayed message. Then the
states of two people at once: a form saved meanwhile by someone else, a decision taken meanwhile.
Every page passes check_page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

VOLUNTEER = "Vera Ehrenamt (erfunden, Browser-Test)"
ASSOCIATION = "Aki Verein (erfunden, Browser-Test)"


def _ok(page):
    problems = check_page(page)
    assert problems == [], f"{page.url}: {problems}"


def _submit(page):
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state()


def _fill_registration(page, name, email, association=None):
    page.fill("#name", name)
    page.fill("#email", email)
    page.get_by_label("Die Person ist einverstanden", exact=False).check()
    if association:
        page.get_by_label("Angesiedelt bei einem lokalen Verein").check()
        page.fill("#association_name", association)
    else:
        page.get_by_label("Ehrenamtlich mit Aufwandsentschädigung").check()
    page.fill("#started_on", "01.04.2026")


def _municipality_id(live_server, name):
    from partizipation.municipalities.models import Municipality

    with live_server.app.app_context():
        session = live_server.app.extensions["db"].session
        return session.scalar(select(Municipality.id).where(Municipality.name == name))


def test_the_network_flow_from_registration_to_a_relayed_message(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        set_language(page, "de")
        sign_in(page, live_server, "contact")
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Partizipationsbegleiter*innen von Bergkamen").click()
        page.wait_for_load_state()
        _ok(page)
        page.get_by_role("link", name="Partizipationsbegleitung für Bergkamen anmelden").click()
        page.wait_for_load_state()
        _ok(page)

        # Association model without its name: a specific error, focus lands on the field.
        _fill_registration(page, ASSOCIATION, "aki@example.org", association=" ")
        _submit(page)
        expect_title(page, "Fehler:")
        _ok(page)
        page.locator(".error-summary a").first.click()
        assert page.evaluate("() => document.activeElement.id") == "association_name"
        assert page.input_value("#name") == ASSOCIATION
        page.fill("#association_name", "Selbsthilfe Bergkamen e.V. (erfunden)")
        _submit(page)
        assert "Vorgeschlagen, wartet auf Bestätigung" in page.locator("main").inner_text()
        _ok(page)

        page.goto("/mein-bereich")
        page.get_by_role("link", name="Partizipationsbegleiter*innen von Bergkamen").click()
        page.get_by_role("link", name="Partizipationsbegleitung für Bergkamen anmelden").click()
        page.wait_for_load_state()
        _fill_registration(page, VOLUNTEER, "vera@example.org")
        _submit(page)
        assert "angemeldet" in page.locator("main").inner_text()

        # Nothing of Kamen's, not even by typing the address.
        kamen = _municipality_id(live_server, "Kamen")
        assert page.goto(f"/verwaltung/kommunen/{kamen}").status == 403
        assert page.goto(f"/verwaltung/kommunen/{kamen}/begleitung/neu").status == 403
        _ok(page)

        page.context.clear_cookies()
        sign_in(page, live_server, "officer")
        page.goto("/mein-bereich")
        page.get_by_role(
            "link", name="Netzwerk-Übersicht: Kommunen und Partizipationsbegleiter*innen").click()
        page.wait_for_load_state()
        _ok(page)
        page.get_by_role("link", name="Bergkamen verwalten").click()
        page.wait_for_load_state()
        page.get_by_role("link", name=VOLUNTEER).click()
        page.wait_for_load_state()
        _ok(page)
        page.get_by_role("button", name="Bestätigen").click()
        page.wait_for_load_state()
        assert "ist bestätigt" in page.locator("main").inner_text()

        page.get_by_role("link", name="Alle Partizipationsbegleiter*innen von Bergkamen").click()
        page.get_by_role("link", name=ASSOCIATION).click()
        page.get_by_role("link", name="Mit Begründung zurücksenden").click()
        page.wait_for_load_state()
        _submit(page)  # empty reason
        expect_title(page, "Fehler:")
        _ok(page)
        page.fill("#reason", "Bitte die Wochenstunden ergänzen.")
        _submit(page)
        assert "Zur Korrektur zurückgesendet" in page.locator("main").inner_text()

        # The public directory lists the confirmed one; the message is relayed by email.
        page.context.clear_cookies()
        set_language(page, "de")
        page.goto("/kommunen")
        _ok(page)
        assert VOLUNTEER not in page.locator("main").inner_text()  # counts, not names
        page.get_by_role("link", name="Partizipationsbegleitung in Bergkamen").click()
        page.wait_for_load_state()
        _ok(page)
        main = page.locator("main").inner_text()
        assert VOLUNTEER in main and ASSOCIATION not in main and "vera@example.org" not in main
        page.get_by_role("link", name=f"Nachricht an {VOLUNTEER} schreiben").click()
        page.wait_for_load_state()
        _ok(page)
        _submit(page)
        expect_title(page, "Fehler:")
        _ok(page)
        page.fill("#sender_name", "Paula Public")
        page.fill("#sender_email", "paula@example.org")
        page.fill("#message", "Guten Tag, wann ist Ihre nächste Sprechstunde?")
        _submit(page)
        assert "ist unterwegs" in page.locator("main").inner_text()
        _ok(page)

        from partizipation.mail.models import OutboxMessage

        with live_server.app.app_context():
            session = live_server.app.extensions["db"].session
            row = session.scalars(select(OutboxMessage).where(
                OutboxMessage.to_address == "vera@example.org")).one()
            assert row.reply_to == "paula@example.org"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_directory_and_overview_in_both_languages(browser_page, live_server, lang):
    set_language(browser_page, lang)
    browser_page.goto("/kommunen")
    _ok(browser_page)
    unna = _municipality_id(live_server, "Unna")
    browser_page.goto(f"/kommunen/{unna}")
    _ok(browser_page)
    browser_page.goto(f"/kommunen/{_municipality_id(live_server, 'Selm')}")  # nobody listed
    _ok(browser_page)
    sign_in(browser_page, live_server, "officer")
    browser_page.goto("/verwaltung/netzwerk")
    _ok(browser_page)
    browser_page.goto("/verwaltung/netzwerk/email")
    browser_page.locator("main form.form button[type=submit]").click()
    browser_page.wait_for_load_state()
    _ok(browser_page)
    browser_page.goto(f"/verwaltung/kommunen/{unna}")
    _ok(browser_page)


def _in_app(live_server, change):
    """Change the demo data as another officer would, committed, while the browser waits."""
    with live_server.app.test_request_context(method="POST"):
        session = live_server.app.extensions["db"].session
        result = change(session)
        session.commit()
        return result


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_form_saved_meanwhile_shows_what_changed(browser_page, live_server, lang):
    from partizipation.municipalities.models import Municipality

    page = browser_page
    set_language(page, lang)
    sign_in(page, live_server, "officer")
    werne = _municipality_id(live_server, "Werne")
    page.goto(f"/verwaltung/kommunen/{werne}/bearbeiten?next=/verwaltung/kommunen/{werne}")
    _ok(page)

    def change_kind(session):
        municipality = session.get(Municipality, werne)
        municipality.kind = "municipality" if municipality.kind == "town" else "town"
        return municipality.kind

    labels = {("de", "town"): "Stadt", ("de", "municipality"): "Gemeinde",
              ("en", "town"): "Town", ("en", "municipality"): "Municipality (not a town)"}
    now_stored = labels[lang, _in_app(live_server, change_kind)]
    page.fill("#website", "https://www.werne.de/inklusion")
    _submit(page)
    expect_title(page, "Fehler:" if lang == "de" else "Error:")
    assert page.input_value("#website") == "https://www.werne.de/inklusion"  # input kept
    _ok(page)
    # The summary links to the field that changed.
    link = page.locator(".error-summary a", has_text=now_stored)
    assert link.count() == 1
    link.click()
    assert page.evaluate("() => document.activeElement.name") == "kind"
    _submit(page)  # read, then saved on purpose
    assert f"/verwaltung/kommunen/{werne}" in page.url
    _ok(page)


def test_a_decision_taken_meanwhile_is_told(browser_page, live_server):
    from partizipation.facilitators import services
    from partizipation.facilitators.models import Facilitator
    from partizipation.people.models import Person

    page = browser_page
    set_language(page, "de")
    sign_in(page, live_server, "officer")
    with live_server.app.app_context():
        session = live_server.app.extensions["db"].session
        ident = session.scalar(select(Facilitator.id).join(Person).where(
            Person.name == "Karl Beispielmann (erfunden)"))
    page.goto(f"/verwaltung/begleitung/{ident}")
    _ok(page)

    def send_back(session):
        officer = session.scalar(select(User).where(User.role == "officer"))
        services.send_back_facilitator(session, session.get(Facilitator, ident),
                                       "Bitte die Wochenstunden angeben.", actor=officer)

    from partizipation.accounts.models import User

    _in_app(live_server, send_back)
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_load_state()
    assert "nicht möglich" in page.locator(".flash").inner_text()
    assert "Zur Korrektur zurückgesendet" in page.locator("main").inner_text()
    _ok(page)
