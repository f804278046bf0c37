"""A barrier report from the public form to the officer's inbox, in a real browser."""

from __future__ import annotations

import pytest

from .conftest import TIMEOUT_MS, check_page, expect_title, sign_in

pytestmark = pytest.mark.browser


def test_report_a_barrier_and_the_officer_answers_it(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        # The footer link on every page leads to the form; the page came from is filled in.
        page.goto("/sprache/de?next=/impressum")
        page.locator("footer a", has_text="Barriere melden").click()
        page.wait_for_load_state()
        assert page.locator("#location").input_value() == "/impressum"

        # An answer without an email address: the error is announced and focusable.
        page.fill("#problem", "Die Tabelle im Impressum hat keine Überschriften (Browser-Test).")
        page.get_by_label("Ja, bitte antworten Sie mir").check()
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        expect_title(page, "Fehler:")
        summary = page.locator(".error-summary a")
        assert summary.count() == 1
        assert check_page(page) == []
        summary.first.click()
        assert page.evaluate("() => document.activeElement.id") == "email"

        page.fill("#email", "leserin@example.org")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        assert page.url.endswith("/barriere-melden/danke")
        assert "Sie bekommen spätestens am" in page.locator("main").inner_text()
        assert check_page(page) == []

        sign_in(page, live_server, "officer")
        page.goto("/mein-bereich")
        page.get_by_role("link", name="Eingang der Barriere-Meldungen öffnen").click()
        page.wait_for_load_state()
        assert check_page(page) == []
        page.get_by_role("link", name="Die Tabelle im Impressum", exact=False).click()
        page.wait_for_load_state()
        assert check_page(page) == []

        page.get_by_label("Beantwortet").check()
        page.fill("#officer_note", "Antwort per E-Mail geschickt.")
        page.get_by_role("button", name="Speichern", exact=True).click()
        page.wait_for_load_state()
        assert "mit dem Status „Beantwortet“ gespeichert" in page.locator("main").inner_text()
        assert page.get_by_label("Beantwortet").is_checked()
    finally:
        context.close()
