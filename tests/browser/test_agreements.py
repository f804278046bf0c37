"""Issue 10 as a new user tries it, in a real browser, keyboard and axe checked on every page in
both languages: a visitor reads on /meilensteine how far the district is and opens milestone (a)
with its steps and draft versions; the agreements with their deadlines in words; the officer sets
milestone (c) to "at risk" (first without the note it needs), records an agreement (first with a
term that ends before it begins), adds a party and a document, and sees the deadlines on the
dashboard. Runs on a demo site of its own (it changes the demo data)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser


def _ok(page):
    problems = check_page(page)
    assert problems == [], f"{page.url}: {problems}"


def _submit(page):
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_load_state()


def _page(browser, server, lang, role=None):
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    set_language(page, lang)
    if role:
        sign_in(page, server, role)
    return context, page


def _milestone_id(server, code):
    from partizipation.milestones.models import Milestone

    with server.app.app_context():
        session = server.app.extensions["db"].session
        return session.scalar(select(Milestone.id).where(Milestone.code == code))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_visitor_reads_the_progress_and_the_agreements(browser, own_server, lang):
    context, page = _page(browser, own_server, lang)
    try:
        page.goto("/")
        page.get_by_role("link", name="Meilensteine" if lang == "de" else "Milestones",
                         exact=True).first.click()
        expect_title(page, "Meilensteine" if lang == "de" else "Milestones")
        _ok(page)
        lead = page.locator("main p.lead").inner_text()
        assert ("von 5 Meilensteinen erreicht" if lang == "de" else "of 5 milestones achieved") \
            in lead
        page.get_by_role("link", name="Meilenstein a:" if lang == "de" else "Milestone a:").click()
        expect_title(page, "Meilenstein a" if lang == "de" else "Milestone a")
        _ok(page)
        main = page.locator("main").inner_text()
        assert ("Fassung 2" if lang == "de" else "Version 2") in main
        page.goto(f"/meilensteine/{_milestone_id(own_server, 'e')}")
        _ok(page)
        assert "Kamen" in page.locator("main table").inner_text()
        page.goto("/vereinbarungen")
        _ok(page)
        main = page.locator("main").inner_text()
        assert ("Beendet am 30.04.2025." if lang == "de" else "Ended on Apr 30, 2025.") in main
        page.get_by_role("link", name="Kooperationsvereinbarung Kreis Unna – iZi.NRW").click()
        expect_title(page, "Kooperationsvereinbarung Kreis Unna")
        _ok(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_officer_sets_c_at_risk_with_a_note(browser, own_server, lang):
    context, page = _page(browser, own_server, lang, "officer")
    error = "Fehler:" if lang == "de" else "Error:"
    try:
        page.goto("/mein-bereich")
        _ok(page)
        assert ("Fristen" if lang == "de" else "Deadlines") in page.locator("main").inner_text()
        ident = _milestone_id(own_server, "c")
        page.goto(f"/meilensteine/{ident}")
        page.get_by_role("link", name="Stand ändern" if lang == "de" else "Change the status",
                         exact=True).click()
        page.wait_for_load_state()
        _ok(page)
        current = page.locator("main p").first.inner_text()
        target = "at_risk" if ("Gefährdet" not in current and "At risk" not in current) \
            else "in_progress"
        page.locator(f"input[name=status][value={target}]").check()
        page.fill("#note", "")
        _submit(page)
        if target == "at_risk":
            expect_title(page, error)
            _ok(page)
            page.locator(".error-summary a").first.click()
            assert page.evaluate("() => document.activeElement.id") == "note"
            page.fill("#note", "Der Beirat tagt zu selten (Browser-Test).")
            _submit(page)
        expect_title(page, "Meilenstein c" if lang == "de" else "Milestone c")
        _ok(page)
        history = page.locator("main .history-list").inner_text()
        assert ("Gefährdet" if lang == "de" else "At risk") in history
        # The other officer forms, each in its first state.
        for name in (("Meilenstein ändern", "Change the milestone"),
                     ("Schritt eintragen", "Record a step"),
                     ("Nachweis verknüpfen", "Link evidence")):
            page.goto(f"/meilensteine/{ident}")
            page.get_by_role("link", name=name[0] if lang == "de" else name[1],
                             exact=True).click()
            page.wait_for_load_state()
            _ok(page)
        _submit(page)  # evidence without a choice
        expect_title(page, error)
        _ok(page)
        page.goto(f"/meilensteine/{_milestone_id(own_server, 'a')}")
        page.get_by_role("link", name="Fassung des Dokuments zu" if lang == "de"
                         else "Add a version of the document of").first.click()
        page.wait_for_load_state()
        _ok(page)
        _submit(page)
        expect_title(page, error)
        _ok(page)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_officer_records_an_agreement_with_a_party_and_a_document(browser, own_server,
                                                                      lang):
    context, page = _page(browser, own_server, lang, "officer")
    error = "Fehler:" if lang == "de" else "Error:"
    title = f"Browser-Test Vereinbarung {lang}"
    try:
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Vereinbarung eintragen" if lang == "de"
                         else "Record an agreement").first.click()
        page.wait_for_load_state()
        _ok(page)
        page.fill("#title", title)
        page.locator("input[name=status][value=in_force]").check()
        page.fill("#in_force_from", "01.01.2025")
        page.fill("#valid_until", "31.12.2024")
        page.fill("#notice_months", "6")
        page.select_option("#notice_to", "year")
        _submit(page)
        expect_title(page, error)
        _ok(page)
        assert page.input_value("#title") == title
        page.locator(".error-summary a").first.click()
        assert page.evaluate("() => document.activeElement.id") == "valid_until"
        page.fill("#valid_until", "")
        _submit(page)
        expect_title(page, title)
        _ok(page)
        add_party = "Vertragspartei hinzufügen" if lang == "de" else "Add a party"
        page.get_by_role("link", name=add_party, exact=True).click()
        page.wait_for_load_state()
        _ok(page)
        _submit(page)  # neither municipality nor organisation
        expect_title(page, error)
        _ok(page)
        page.fill("#organisation", "Landkreis Beispiel (erfunden)")
        page.fill("#joined_on", "01.01.2025")
        _submit(page)
        expect_title(page, title)
        page.get_by_role("link", name="Dokument hinzufügen" if lang == "de"
                         else "Add a document", exact=True).click()
        page.wait_for_load_state()
        _ok(page)
        page.fill("#title", "Vertragstext")
        _submit(page)  # neither file nor link
        expect_title(page, error)
        _ok(page)
        page.fill("#url", "https://example.org/vertrag")
        _submit(page)
        expect_title(page, title)
        _ok(page)
        assert "Landkreis Beispiel" in page.locator("main").inner_text()
    finally:
        context.close()
