"""What users met (issue 12), in a real browser, German and English: the management start page,
success announced by focus and title, the barrier report's reference number and the officer's
answer, dates typed as an English reader types them, and the my-data page in words."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

TEXT = {
    "de": {"manage": "Verwaltung", "done": "Erledigt:", "error": "Fehler:",
           "report": "Barriere melden", "thanks": "Vielen Dank",
           "number": "Ihre Bearbeitungsnummer", "yes": "Ja, bitte antworten Sie mir",
           "answer": "Antwort per E-Mail senden", "my_data": "Meine Daten", "language": "Sprache"},
    "en": {"manage": "Management", "done": "Done:", "error": "Error:",
           "report": "Report a barrier", "thanks": "Thank you",
           "number": "Your reference number", "yes": "Yes, please answer me",
           "answer": "Send answer by email", "my_data": "My data", "language": "Language"},
}


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_management_start_page_from_the_main_menu(page, live_server, lang):
    words = TEXT[lang]
    sign_in(page, live_server, "officer")
    set_language(page, lang)
    page.locator("nav.main-nav").get_by_role("link", name=words["manage"], exact=True).click()
    expect_title(page, words["manage"])
    assert page.url.endswith("/verwaltung")
    assert page.locator("main h2").count() >= 5
    assert check_page(page) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_report_with_number_answer_and_success_announced(page, live_server, lang):
    words = TEXT[lang]
    set_language(page, lang)
    page.goto("/barriere-melden")
    expect_title(page, words["report"])
    # The required question is a radiogroup marked required, and nothing is invalid yet.
    group = page.get_by_role("radiogroup")
    assert group.get_attribute("aria-required") == "true"
    assert page.locator("input[aria-invalid=true], [aria-invalid=true]").count() == 0
    assert check_page(page) == []

    page.fill("#problem", f"Browser-Test {lang}: das PDF ist nicht lesbar.")
    page.get_by_label(words["yes"]).check()
    page.locator("main form button[type=submit]").click()
    expect_title(page, words["error"])
    # The summary has the focus once site.js has run; a click before that would lose its focus.
    expect(page.locator(".error-summary")).to_be_focused()
    page.locator(".error-summary a").first.click()
    assert page.evaluate("() => document.activeElement.id") == "email"
    assert check_page(page) == []

    page.fill("#email", f"browser-{lang}@example.org")
    page.locator("main form button[type=submit]").click()
    expect_title(page, words["thanks"])
    text = page.locator("main").inner_text()
    number = re.search(words["number"] + r": (\d+)", text).group(1)
    assert check_page(page) == []

    sign_in(page, live_server, "officer")
    set_language(page, lang)
    page.goto(f"/verwaltung/barrieremeldungen/{number}")
    assert check_page(page) == []
    page.locator("#body").fill("Danke, wir haben das PDF ersetzt.")
    page.get_by_role("button", name=words["answer"]).click()
    # Success: announced in the title, and focus on the message, as errors are. The title is
    # there before site.js has moved the focus (at DOMContentLoaded): the check waits for it.
    expect_title(page, words["done"])
    expect(page.locator(".flash-messages")).to_be_focused()
    assert f"browser-{lang}@example.org" in page.locator(".flash-messages").inner_text()
    assert "Danke, wir haben das PDF ersetzt." in page.locator("main").inner_text()
    assert check_page(page) == []

    # The empty answer: the error state of the new form.
    page.get_by_role("button", name=words["answer"]).click()
    expect_title(page, words["error"])
    assert check_page(page) == []


def test_english_contact_types_a_british_date(page, live_server):
    sign_in(page, live_server, "contact")
    set_language(page, "en")
    page.goto("/verwaltung")
    page.get_by_role("link", name=re.compile("^Facilitators of ")).first.click()
    expect_title(page, "Bergkamen")
    page.get_by_role("link", name=re.compile("Register a facilitator", re.I)).first.click()
    page.wait_for_load_state()
    assert "27.03.2026" not in page.locator("main").inner_text()
    assert check_page(page) == []
    page.fill("#name", "Browser Test Person (invented)")
    page.fill("#email", "browser.person@example.org")
    page.locator("input[name=employment_model]").first.check()
    page.fill("#weekly_hours", "7.5")
    page.fill("#started_on", "15/01/2027")
    page.locator("main form button[type=submit]").last.click()
    expect_title(page, "Done:")
    assert "Jan 15, 2027" in page.locator("main").inner_text()
    assert check_page(page) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_my_data_in_words(page, live_server, lang):
    words = TEXT[lang]
    sign_in(page, live_server, "member")
    set_language(page, lang)
    page.goto("/mein-bereich/meine-daten")
    expect_title(page, words["my_data"])
    text = page.locator("main").inner_text()
    assert words["language"] in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert check_page(page) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_support_needs_all_errors_then_success_announced(page, live_server, lang):
    words = TEXT[lang]
    sign_in(page, live_server, "member")
    set_language(page, lang)
    page.goto("/mein-bereich/unterstuetzung")
    box = page.locator("#consent")
    asked = box.count() > 0  # consent once: a member who agreed to this text is not asked again
    if asked:
        assert box.get_attribute("aria-describedby").split()[0] == "consent-text"
    assert page.locator("#consent-text").count() == 1
    checked = page.locator("input[name=needs]:checked")
    while checked.count():
        checked.first.uncheck()
    page.fill("#other_details", "")
    if asked and box.is_checked():
        box.uncheck()
    page.locator("main button.button-primary[type=submit]").click()
    expect_title(page, words["error"])
    links = page.locator(".error-summary a")
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "#needs-0" in targets, targets
    assert not asked or "#consent" in targets, targets  # every problem at once
    assert check_page(page) == []
    page.locator("input[name=needs]").first.check()
    if asked:
        page.locator("#consent").check()
    page.locator("main button.button-primary[type=submit]").click()
    expect_title(page, words["done"])
    expect(page.locator(".flash-messages")).to_be_focused()
    assert check_page(page) == []


def test_english_statement_marks_german_names(page, live_server):
    set_language(page, "en")
    page.goto("/barrierefreiheit")
    marked = page.locator("main [lang=de]").all_inner_texts()
    assert any("Schlichtungsstelle" in text for text in marked)
    assert check_page(page) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_german_content_in_a_form_is_marked_in_english(page, live_server, lang):
    """Issue 12.20: a body's edit form in English: the German name in the heading and in the
    name field is read in German; in German nothing is marked."""
    sign_in(page, live_server, "officer")
    set_language(page, lang)
    page.goto("/verwaltung/gremien")
    page.locator("main table a").first.click()
    page.locator("main a[href$='/bearbeiten']").first.click()
    page.wait_for_url(re.compile(r"/verwaltung/gremien/\d+/bearbeiten$"))
    name_lang = page.locator("#name").get_attribute("lang")
    marked = page.locator("main h1 [lang=de]").all_inner_texts()
    if lang == "en":
        assert name_lang == "de"
        assert marked and page.locator("#name").input_value() in marked[0]
    else:
        assert name_lang is None and marked == []
    assert check_page(page) == []
