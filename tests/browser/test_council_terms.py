"""Issue 7 as the officer tries it, in a real browser: the Inklusionsbeirat's 2025–2029 term ends
and six members (with their roles and personal deputies) carry into a new term in one step, after
a summary; /beirat then shows exactly the new term and the warning list nothing already ended.
Every page and state passes check_page. Runs on a demo site of its own (own_server)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from partizipation import clock

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

# Demo members (partizipation/council/demo.py) who continue: the chair and her personal deputy,
# the deputy chair, a member and his personal deputy, and one more member.
CONTINUING = ["Anna Beispiel", "Frieda Entwurf", "Bernd Muster", "Max Muster",
              "Georg Skizzenmann", "Clara Probe"]


def _ok(page):
    problems = check_page(page)
    assert problems == [], f"{page.url}: {problems}"


@pytest.fixture()
def officer_page(browser, own_server):
    context = browser.new_context(base_url=own_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    sign_in(page, own_server, "officer")
    set_language(page, "de")
    yield page
    context.close()


def _demo_names(page):
    return [label.inner_text() for label in page.locator("label[for^='membership_ids-']").all()]


def test_the_officer_changes_the_term_in_one_step(officer_page, own_server):
    page = officer_page
    page.goto("/mein-bereich")
    page.get_by_role("link", name="Gremien, Amtszeiten und Mitgliedschaften").click()
    page.get_by_role("link", name="Inklusionsbeirat").first.click()
    _ok(page)
    page.get_by_role("link", name="Nächste Amtszeit mit Mitgliedern dieser Amtszeit").click()
    _ok(page)

    labels = _demo_names(page)
    chosen = [label for label in labels if any(name in label for name in CONTINUING)]
    assert len(chosen) == 6, labels
    start = clock.today()
    page.fill("#starts_on", start.strftime("%d.%m.%Y"))
    page.fill("#ends_on", (start.replace(year=start.year + 5) - timedelta(days=1))
              .strftime("%d.%m.%Y"))
    # Everyone is ticked at first: untick those who leave, with the keyboard.
    for box in page.locator("input[id^='membership_ids-']").all():
        label = page.locator(f"label[for='{box.get_attribute('id')}']").inner_text()
        if box.is_checked() != (label in chosen):
            box.focus()
            page.keyboard.press("Space")

    # A deputy without their member is refused, with the message at the field.
    choice = "label[for^='membership_ids-']"
    frieda = page.locator(choice, has_text="Frieda Entwurf")
    anna = page.locator(choice, has_text="Anna Beispiel (erfunden): Vorsitz")
    page.locator(f"#{anna.get_attribute('for')}").uncheck()
    page.get_by_role("button", name="Prüfen und Zusammenfassung anzeigen").click()
    expect_title(page, "Fehler:")
    assert "Anna Beispiel" in page.locator(".error-summary").inner_text()
    assert page.locator(f"#{frieda.get_attribute('for')}").is_checked()  # input kept
    _ok(page)
    page.locator(f"#{anna.get_attribute('for')}").check()

    page.get_by_role("button", name="Prüfen und Zusammenfassung anzeigen").click()
    summary = page.locator("#summary-heading").locator("..").inner_text()
    assert "Zusammenfassung" in summary and "6 Mitgliedern" in summary
    assert "Frieda Entwurf" in summary and "für Anna Beispiel" in summary
    assert "endet am" in summary  # the current term ends the day before
    _ok(page)
    page.get_by_role("button", name="Amtszeit mit diesen Mitgliedern anlegen").click()
    assert "hat 6 Mitglieder" in page.locator(".flash-messages").inner_text()
    _ok(page)

    page.goto("/beirat")
    text = page.locator("main").inner_text()
    for name in CONTINUING:
        assert name in text, name
    for gone in ("Dilek Testfrau", "Hanna Skizze"):
        assert gone not in text
    assert start.strftime("%d.%m.%Y") in text  # the new term
    _ok(page)

    page.goto("/verwaltung/gremien/fristen")
    soon = page.locator("main").inner_text()
    yesterday = (start - timedelta(days=1)).strftime("%d.%m.%Y")
    assert yesterday not in soon  # nothing that has already ended
    _ok(page)
