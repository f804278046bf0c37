"""Issue 12 (trust) in a real browser, German and English: the list of sessions with "sign out
everywhere", the confirm pages before withdrawing consent, asking for deletion and ending a
facilitator, the CSRF page that shows the typed text, and the one-time sign-in link page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

TITLES = {
    "sessions": {"de": "Wo Sie angemeldet sind", "en": "Where you are signed in"},
    "withdraw": {"de": "Einwilligung widerrufen", "en": "Withdraw your consent"},
    "deletion": {"de": "Löschung Ihrer Daten beantragen?", "en": "Ask for the deletion of your"},
    "end": {"de": "Die Tätigkeit von", "en": "End the work of"},
    "csrf": {"de": "Bitte senden Sie das Formular noch einmal", "en": "Please send the form again"},
    "signin": {"de": "Mit Ihrem Anmelde-Link anmelden", "en": "Sign in with your link"},
}


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def _click(page, name):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sessions_list_and_sign_out_everywhere(page, live_server, lang, browser):
    # A second browser signed in as the same person.
    other = browser.new_context(base_url=live_server.url).new_page()
    sign_in(other, live_server, "editor")
    set_language(page, lang)
    sign_in(page, live_server, "editor")
    page.goto("/mein-bereich/profil")
    page.get_by_role("link", name=TITLES["sessions"][lang]).click()
    expect_title(page, TITLES["sessions"][lang])
    assert page.locator("main .card-list li").count() >= 2
    assert check_page(page) == []
    _click(page, {"de": "Überall abmelden", "en": "Sign out everywhere"}[lang])
    expect_title(page, {"de": "Anmelden", "en": "Sign in"}[lang])
    assert check_page(page) == []
    other.goto("/mein-bereich")
    assert "/anmelden" in other.url
    other.context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_confirm_pages_before_withdrawing_and_asking_for_deletion(page, live_server, lang):
    set_language(page, lang)
    sign_in(page, live_server, "member")
    page.goto("/mein-bereich/unterstuetzung")
    link = {"de": "Einwilligung widerrufen und meinen", "en": "Withdraw consent and delete my"}
    if page.get_by_role("link", name=link[lang]).count():
        page.get_by_role("link", name=link[lang]).click()
    else:  # no consent given in this demo: the confirm page is reached by its address too
        page.goto("/mein-bereich/unterstuetzung/widerrufen")
    expect_title(page, TITLES["withdraw"][lang])
    assert check_page(page) == []
    page.get_by_role("link", name={"de": "Nein, zurück", "en": "No, go back"}[lang]).click()
    expect_title(page, {"de": "Mein Unterstützungsbedarf", "en": "My support needs"}[lang])
    page.goto("/mein-bereich/meine-daten")
    page.get_by_role("link", name={"de": "Löschung meiner Daten beantragen",
                                   "en": "Ask for deletion of my data"}[lang]).click()
    expect_title(page, TITLES["deletion"][lang])
    assert check_page(page) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_confirm_page_before_ending_a_facilitator(page, live_server, lang):
    from partizipation.facilitators.models import Facilitator

    with live_server.app.app_context():
        session = live_server.app.extensions["db"].session
        ident = session.scalar(select(Facilitator.id).where(Facilitator.status == "active")
                               .order_by(Facilitator.id).limit(1))
    set_language(page, lang)
    sign_in(page, live_server, "officer")
    page.goto(f"/verwaltung/begleitung/{ident}/beenden")
    page.fill("#ended_on", {"de": "31.12.2030", "en": "31.12.2030"}[lang])
    page.fill("#reason", "Umzug (Browser-Test)")
    page.locator("main button[type=submit]").click()
    expect_title(page, TITLES["end"][lang])
    assert page.locator("main").get_by_text("Umzug (Browser-Test)").count() == 1
    assert check_page(page) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_csrf_page_shows_the_typed_text(page, live_server, lang):
    set_language(page, lang)
    sign_in(page, live_server, "editor")
    page.goto("/mein-bereich/profil")
    page.fill("#display_name", "Getippter Text 4711")
    page.evaluate("() => document.querySelector('main form input[name=csrf_token]').value = 'x'")
    page.locator("main form button[type=submit]").first.click()
    expect_title(page, TITLES["csrf"][lang])
    assert page.locator("main").get_by_text("Getippter Text 4711").count() == 1
    assert page.locator("main form").count() == 0
    assert check_page(page) == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sign_in_link_page(page, live_server, lang):
    from partizipation.accounts.models import User
    from partizipation.accounts.tokens import Purpose, make_token

    with live_server.app.test_request_context():
        session = live_server.app.extensions["db"].session
        user = session.scalar(select(User).where(User.role == "editor"))
        token = make_token(user, Purpose.SIGNIN)
    set_language(page, lang)
    page.goto(f"/anmelden/link/{token}")
    expect_title(page, TITLES["signin"][lang])
    assert check_page(page) == []
