"""Account pages only reached through emailed links, in a real browser: invitation, password
reset, email confirmation, and the page for a used link — each also in its error state."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from partizipation.accounts.models import User
from partizipation.accounts.services import find_user_by_email, invite_user
from partizipation.accounts.tokens import Purpose, make_token
from partizipation.mail.models import OutboxMessage

from .conftest import TIMEOUT_MS, check_page, expect_title

pytestmark = pytest.mark.browser
PASSWORD = "ein gutes langes Passwort"


def _last_link(app, to: str) -> str:
    with app.app_context():
        session = app.extensions["db"].session
        body = session.scalars(
            select(OutboxMessage.body_text)
            .where(OutboxMessage.to_address == to)
            .order_by(OutboxMessage.id.desc())
        ).first()
    match = re.search(r"https?://[^\s/]+(/\S+)", body or "")
    assert match, body
    return match.group(1)


def _path(page) -> str:
    return urlsplit(page.url).path


def _submit(page):
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto("/sprache/de?next=/")
    yield page
    context.close()


def test_invitation_reset_and_email_links(page, live_server):
    app = live_server.app
    email = f"browser-{uuid.uuid4().hex[:8]}@example.org"
    with app.app_context():
        session = app.extensions["db"].session
        officer = session.scalar(select(User).where(User.role == "officer"))
        invite_user(session, email=email, display_name="Browser Test (erfunden)", actor=officer)
        session.commit()

    # Invitation: the error state, then accepted and signed in.
    invitation = _last_link(app, email)
    page.goto(invitation)
    assert check_page(page) == []
    page.fill("#new_password", "kurz")
    page.fill("#confirm", "anders")
    _submit(page)
    expect_title(page, "Fehler:")
    assert page.locator(".error-summary a").count() == 2
    assert check_page(page) == []
    page.locator(".error-summary a").first.click()
    assert page.evaluate("() => document.activeElement.id") == "new_password"
    page.fill("#new_password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    _submit(page)
    assert _path(page) == "/mein-bereich"
    assert "Willkommen!" in page.locator("main").inner_text()

    # The same link again: a clear page, not an error trace.
    page.goto(invitation)
    assert "Dieser Link kann nicht verwendet werden" in page.locator("h1").inner_text()
    assert check_page(page) == []

    # Forgotten password, signed out, in English this time.
    page.locator("header button", has_text="Abmelden").click()
    page.wait_for_load_state()
    page.goto("/sprache/en?next=/anmelden")
    page.get_by_role("link", name="Forgot your password?").click()
    page.wait_for_load_state()
    assert check_page(page) == []
    page.fill("#email", email)
    _submit(page)
    assert "Please check your email" in page.locator("h1").inner_text()
    assert check_page(page) == []
    page.goto(_last_link(app, email))
    page.fill("#new_password", PASSWORD + "!")
    page.fill("#confirm", PASSWORD)
    _submit(page)
    expect_title(page, "Error:")
    assert check_page(page) == []
    page.fill("#new_password", PASSWORD + "!")
    page.fill("#confirm", PASSWORD + "!")
    _submit(page)
    assert _path(page) == "/mein-bereich"

    # Confirming a new email address: a page with one button.
    with app.app_context():
        session = app.extensions["db"].session
        user = find_user_by_email(session, email)
        with app.test_request_context():
            token = make_token(user, Purpose.EMAIL, e="neu-" + email)
    page.goto(f"/email-bestaetigen/{token}")
    assert check_page(page) == []
    _submit(page)
    assert _path(page) == "/mein-bereich/profil"
    assert "neu-" + email in page.locator("main").inner_text()
    assert check_page(page) == []
