"""The BITV pages in a real browser: the officer edits the statement (with its error state) and
uploads a sign-language video that then shows with its transcript."""

from __future__ import annotations

import pytest

from tests.bitv.factories import MP4_HEAD

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_start_page_sections_pass_the_checks(page, lang):
    set_language(page, lang)
    page.goto("/")
    assert check_page(page) == []
    headings = page.locator("main h2").all_inner_texts()
    assert "Informationen in Leichter Sprache" in headings
    assert any("DGS" in heading for heading in headings)


def test_officer_edits_the_statement_through_its_error_state(page, live_server):
    sign_in(page, live_server, "officer")
    set_language(page, "de")
    page.goto("/mein-bereich")
    page.get_by_role("link", name="Erklärung zur Barrierefreiheit bearbeiten").click()
    page.wait_for_load_state()
    assert check_page(page) == []

    page.fill("#last_reviewed_on", "32.13.2026")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    expect_title(page, "Fehler:")
    assert check_page(page) == []
    summary = page.locator(".error-summary a")
    assert summary.count() == 1
    summary.first.click()
    assert page.evaluate("() => document.activeElement.id") == "last_reviewed_on"

    page.fill("#last_reviewed_on", "01.10.2026")
    page.get_by_label("Prüfung durch eine externe Stelle", exact=True).check()
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith("/barrierefreiheit")
    main = page.locator("main").inner_text()
    assert "1. Oktober 2026" in main and "Prüfung durch eine externe Stelle" in main
    assert check_page(page) == []


def test_officer_uploads_a_video_shown_with_its_transcript(page, live_server):
    sign_in(page, live_server, "officer")
    set_language(page, "de")
    page.goto("/gebaerdensprache")
    page.get_by_role("link", name="Gebärdensprach-Videos verwalten").click()
    page.get_by_role("link", name="Video hochladen").click()
    page.wait_for_load_state()

    # Without a file and transcript: both fields say what to do.
    page.fill("#title", "So finden Sie sich zurecht (Browser-Test)")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary a").count() == 2
    assert check_page(page) == []

    page.set_input_files("#video", files=[{
        "name": "zurecht.mp4", "mimeType": "video/mp4", "buffer": MP4_HEAD + b"\0" * 64,
    }])
    page.fill("#transcript", "Oben ist das Menü.\n\nUnten sind die Links zu Leichter Sprache.")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert "Das Video wurde hochgeladen." in page.locator("main").inner_text()
    assert check_page(page) == []

    page.goto("/gebaerdensprache")
    article = page.locator("article.sign-video", has_text="So finden Sie sich zurecht")
    assert article.locator("video[controls]").count() == 1
    assert "Unten sind die Links" in article.locator(".transcript").inner_text()
    assert check_page(page) == []
