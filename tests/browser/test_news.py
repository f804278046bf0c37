"""Issue 11 as a new user tries it, keyboard only, in a real browser: a facilitator writes a post
with a photo (alt text, consent) and submits it; the editor requests a change; the facilitator
changes it and submits again; the editor publishes; a visitor reads it in the list, the Atom feed
and in Leichte Sprache, and the picture served has no EXIF data; a member's comment appears only
after approval. Then every news page and state in both languages, and the XSS corpus."""

from __future__ import annotations

import io
import re

import feedparser
import pytest
from PIL import Image

from tests.news.factories import jpeg_bytes
from tests.news.payloads import PAYLOADS

from .conftest import TIMEOUT_MS, check_page, expect_title, set_language, sign_in

pytestmark = pytest.mark.browser

TITLE = "Neue Sprechzeiten im Rathaus Unna (Browser-Test, erfunden)"
EASY = "Es gibt neue Sprech·zeiten.\n\nSie können montags kommen."


def _ok(page):
    page.wait_for_load_state("networkidle")
    problems = check_page(page)
    assert problems == [], f"{page.url}: {problems}"


def tab_to(page, locator, limit=250):
    """Press Tab until `locator` has the focus (as a keyboard user reaches it)."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
    raise AssertionError(f"could not reach {locator} with the Tab key")


def follow(page, name):
    """Reach a link by Tab and follow it with Enter."""
    tab_to(page, page.get_by_role("link", name=name, exact=True).first)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page, selector, text):
    tab_to(page, page.locator(selector))
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def press_button(page, name):
    tab_to(page, page.get_by_role("button", name=name, exact=True).first)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def keyboard_sign_in(page, live_server, role):
    email, password = live_server.accounts[role]
    page.goto("/")
    follow(page, "Anmelden")
    type_into(page, "input[name=email]", email)
    type_into(page, "input[name=password]", password)
    press_button(page, "Anmelden")
    assert "/anmelden" not in page.url, f"could not sign in as {role}"


def test_the_done_when_walk_keyboard_only(browser, live_server, tmp_path):
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(jpeg_bytes((1600, 1067), gps=True).getvalue())
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    # Playwright asks the browser to intercept file choosers only while a listener is attached,
    # and does so without waiting: `expect_file_chooser` alone can lose the race against the key
    # press on a loaded machine (the chooser then opens natively and no event comes). One
    # listener for the page's life keeps the interception on from the start.
    page.on("filechooser", lambda _chooser: None)
    try:
        set_language(page, "de")
        # The facilitator writes the post with a Leichte Sprache version and a photo.
        keyboard_sign_in(page, live_server, "facilitator")
        follow(page, "Mein Bereich (Jonas Probe (erfundener Partizipationsbegleiter))")
        follow(page, "Beitrag schreiben")
        _ok(page)
        press_button(page, "Entwurf speichern")
        expect_title(page, "Fehler:")
        _ok(page)
        type_into(page, "#title", TITLE)
        type_into(page, "#summary", "Ab März ist das Büro der Partizipationsbegleitung montags "
                                    "geöffnet.")
        type_into(page, "#body", "# Sprechzeiten\n\nMontags von 10 bis 12 Uhr, Raum 1.04 "
                                 "(stufenlos erreichbar).")
        type_into(page, "#tags", "Partizipationsbegleitung, Unna")
        type_into(page, "#easy_body", EASY)
        press_button(page, "Entwurf speichern")
        assert "Entwurf ist gespeichert" in page.locator("main").inner_text()
        _ok(page)
        follow(page, "Bild hinzufügen")
        _ok(page)
        tab_to(page, page.locator("#file"))
        with page.expect_file_chooser(timeout=20_000) as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files(str(photo))
        type_into(page, "#alt", "Jonas Probe (erfunden) am Schreibtisch seines Büros")
        tab_to(page, page.locator("#shows_people-0"))
        page.keyboard.press("Space")  # "Ja": people can be recognised
        press_button(page, "Bild hinzufügen")
        expect_title(page, "Fehler:")  # consent missing: nothing stored
        assert "zugestimmt" in page.locator(".error-summary").inner_text()
        _ok(page)
        tab_to(page, page.locator("#file"))
        with page.expect_file_chooser(timeout=20_000) as chooser:
            page.keyboard.press("Space")
        chooser.value.set_files(str(photo))
        tab_to(page, page.locator("#consent_confirmed"))
        page.keyboard.press("Space")
        type_into(page, "#consent_note", "Schriftlich am 2. März, Formular bei der Pressestelle")
        press_button(page, "Bild hinzufügen")
        assert "Bild wurde hinzugefügt" in page.locator("main").inner_text()
        _ok(page)
        press_button(page, "Zur Moderation einreichen")
        assert "ist eingereicht" in page.locator("main").inner_text()
        manage_url = page.url

        # The editor asks for a change.
        page.context.clear_cookies()
        set_language(page, "de")
        keyboard_sign_in(page, live_server, "editor")
        follow(page, "Mein Bereich (Demo Pressestelle (erfunden))")
        tab_to(page, page.get_by_role("link", name="Beiträge, die auf eine Entscheidung warten"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        _ok(page)
        follow(page, TITLE)
        _ok(page)
        tab_to(page, page.locator("#decision-0"))
        page.keyboard.press("ArrowDown")  # "Änderungen erbitten"
        press_button(page, "Entscheidung speichern")
        expect_title(page, "Fehler:")  # a note is needed
        _ok(page)
        type_into(page, "#note", "Bitte nennen Sie auch die Telefonnummer.")
        press_button(page, "Entscheidung speichern")
        assert "Änderungen erbeten" in page.locator("main").inner_text()

        # The facilitator reads the note, changes the post and submits it again.
        page.context.clear_cookies()
        set_language(page, "de")
        keyboard_sign_in(page, live_server, "facilitator")
        page.goto(manage_url)
        assert "Telefonnummer" in page.locator(".notice").first.inner_text()
        _ok(page)
        follow(page, "Text ändern")
        type_into(page, "#summary", "Ab März montags geöffnet, Telefon 02303 0000 (erfunden).")
        press_button(page, "Änderungen speichern")
        press_button(page, "Zur Moderation einreichen")
        assert "ist eingereicht" in page.locator("main").inner_text()

        # The editor publishes.
        page.context.clear_cookies()
        set_language(page, "de")
        keyboard_sign_in(page, live_server, "editor")
        page.goto(manage_url)
        tab_to(page, page.locator("#decision-0"))
        page.keyboard.press("Space")  # "Veröffentlichen"
        press_button(page, "Entscheidung speichern")
        assert "Veröffentlicht" in page.locator("main").inner_text()
        _ok(page)

        # A visitor reads it: list, post, picture without EXIF, Leichte Sprache, Atom.
        page.context.clear_cookies()
        set_language(page, "de")
        follow(page, "Neuigkeiten")
        _ok(page)
        follow(page, TITLE)
        _ok(page)
        image_url = page.locator("main img").first.evaluate("img => img.currentSrc")
        served = page.request.get(image_url)
        assert served.ok and served.headers["content-type"] == "image/webp"
        with Image.open(io.BytesIO(served.body())) as picture:
            assert not picture.getexif() and "exif" not in picture.info
        assert b"Testkamera" not in served.body()
        alt = page.locator("main img").first.get_attribute("alt")
        assert alt == "Jonas Probe (erfunden) am Schreibtisch seines Büros"
        follow(page, "Diese Nachricht in Leichter Sprache lesen")
        assert "Sprech·zeiten" in page.locator("main").inner_text()
        _ok(page)
        feed = feedparser.parse(page.request.get("/neuigkeiten/feed.atom").body())
        assert not feed.bozo and feed.entries[0].title == TITLE
        post_url = feed.entries[0].link

        # A member's comment appears only after approval.
        keyboard_sign_in(page, live_server, "member")
        page.goto(post_url)
        type_into(page, "#body", "Super, dann komme ich am Montag vorbei!")
        press_button(page, "Kommentar senden")
        assert "sobald die Moderation" in page.locator("main").inner_text()
        _ok(page)
        page.context.clear_cookies()
        set_language(page, "de")
        page.goto(post_url)
        assert "komme ich am Montag" not in page.locator("main").inner_text()
        keyboard_sign_in(page, live_server, "editor")
        page.goto("/neuigkeiten/moderation/kommentare")
        _ok(page)
        comment = page.locator("li.news-comment", has_text="komme ich am Montag")
        tab_to(page, comment.get_by_role("button", name="Freigeben", exact=True))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.context.clear_cookies()
        page.goto(post_url)
        assert "komme ich am Montag" in page.locator("main").inner_text()
        _ok(page)
    finally:
        context.close()


def _ids(live_server):
    from sqlalchemy import select

    from partizipation.news.models import Comment, Post

    with live_server.app.app_context():
        session = live_server.app.extensions["db"].session
        posts = dict(session.execute(select(Post.slug, Post.id)).all())
        # The officer's demo comment: the member may report it, the editor may hide it.
        comment = session.scalars(select(Comment).where(
            Comment.status == "approved", Comment.body.startswith("Danke für den Bericht"))).one()
        return posts, comment.id


def _submit_empty(page):
    for field in page.locator("main form.form textarea, main form.form input[type=text]").all():
        field.fill("")
    page.locator("main form.form button[type=submit]").last.click()
    page.wait_for_load_state()
    expect_title(page, ("Fehler:", "Error:"))
    _ok(page)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_news_page_and_state_in_both_languages(browser_page, live_server, lang):
    page = browser_page
    posts, comment_id = _ids(live_server)
    set_language(page, lang)
    for url in ["/neuigkeiten", "/neuigkeiten?thema=Nichts",
                "/neuigkeiten/inklusionsbeirat-tagt-im-kreishaus",
                "/neuigkeiten/video-zukunftswerkstatt",
                "/neuigkeiten/was-ist-partizipation/leichte-sprache"]:
        page.goto(url)
        _ok(page)

    sign_in(page, live_server, "member")
    set_language(page, lang)
    for url in ["/neuigkeiten/inklusionsbeirat-tagt-im-kreishaus", "/neuigkeiten/neu",
                f"/neuigkeiten/kommentare/{comment_id}/melden"]:
        page.goto(url)
        _ok(page)
        _submit_empty(page)
    page.goto("/neuigkeiten/meine")
    _ok(page)

    page.context.clear_cookies()
    sign_in(page, live_server, "facilitator")
    set_language(page, lang)
    changes = posts["sprechstunde-partizipationsbegleitung"]
    page.goto(f"/neuigkeiten/beitrag/{changes}")
    _ok(page)
    for url in [f"/neuigkeiten/beitrag/{changes}/bearbeiten",
                f"/neuigkeiten/beitrag/{changes}/bilder/neu",
                f"/neuigkeiten/beitrag/{changes}/video/bearbeiten"]:
        page.goto(url)
        _ok(page)
        _submit_empty(page)

    page.context.clear_cookies()
    sign_in(page, live_server, "editor")
    set_language(page, lang)
    for url in ["/mein-bereich", "/neuigkeiten/moderation", "/neuigkeiten/moderation/kommentare",
                "/neuigkeiten/moderation/meldungen",
                f"/neuigkeiten/beitrag/{posts['inklusionsbeirat-tagt-im-kreishaus']}"]:
        page.goto(url)
        _ok(page)
    waiting = posts["barrierefreie-haltestellen-bergkamen"]
    for url in [f"/neuigkeiten/beitrag/{waiting}",
                f"/neuigkeiten/beitrag/{posts['aufruf-pruefgruppe-leichte-sprache']}/zuruecknehmen",
                f"/neuigkeiten/kommentare/{comment_id}/ausblenden"]:
        page.goto(url)
        _ok(page)
        _submit_empty(page)


def test_the_payload_corpus_never_runs_in_the_browser(browser_page, live_server):
    from sqlalchemy import select

    from partizipation.accounts.models import User
    from partizipation.news import comments, services

    app = live_server.app
    with app.app_context():
        session = app.extensions["db"].session
        author = session.scalar(select(User).where(User.email == live_server.accounts[
            "facilitator"][0]))
        editor = session.scalar(select(User).where(User.email == live_server.accounts[
            "editor"][0]))
        body = "\n\n".join(payload for payload, _ in PAYLOADS)
        post = services.create_post(session, services.PostData(
            title='"><script>alert(1)</script>{{ 7*7 }}', summary="<img src=x onerror=alert(1)>",
            body=body, easy_body=body, tags="<script>alert(1)</script>, {{ 7*7 }}"), actor=author)
        services.submit_post(session, post, actor=author)
        services.decide_post(session, post, "publish", "<b>ok</b>", actor=editor)
        comment = comments.add_comment(session, post, "<svg onload=alert(1)> {{ 7*7 }}",
                                       actor=author)
        comments.approve_comment(session, comment, actor=editor)
        session.commit()
        slug, post_id = post.slug, post.id
    try:
        page = browser_page
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        set_language(page, "de")
        for url in ["/neuigkeiten", f"/neuigkeiten/{slug}", f"/neuigkeiten/{slug}/leichte-sprache",
                    "/neuigkeiten/thema/{{ 7*7 }}/feed.atom"]:
            page.goto(url)
        page.goto(f"/neuigkeiten/{slug}")
        text = page.locator("main").inner_text()
        for _payload, visible in PAYLOADS:
            if "*" not in visible:
                assert visible in text, visible
        assert '"><script>alert(1)</script>{{ 7*7 }}' in page.locator("h1").inner_text()
        # Not evaluated: no 49 where "{{ 7*7 }}" stands (the times shown, as "09:49", left out:
        # they made this fail whenever a comment was written at minute 49).
        assert "<svg onload=alert(1)> {{ 7*7 }}" in text
        assert "49" not in re.sub(r"\b\d{1,2}:\d{2}\b", "", text)
        assert page.locator("main script, main svg, main iframe, main [onerror]").count() == 0
        page.goto(f"/neuigkeiten/thema/{'<script>alert(1)</script>'}/feed.atom")
        assert "alert(1)" in page.content()
        sign_in(page, live_server, "editor")
        page.goto(f"/neuigkeiten/beitrag/{post_id}")
        page.goto("/neuigkeiten/moderation")
        assert dialogs == [] and errors == []
    finally:
        _remove_post(live_server, post_id)


def _remove_post(live_server, post_id):
    """The corpus post has links that lead nowhere on purpose: the crawler must not meet it."""
    from sqlalchemy import delete

    from partizipation.mail.models import OutboxMessage
    from partizipation.news.models import Comment, Post

    with live_server.app.app_context():
        session = live_server.app.extensions["db"].session
        session.execute(delete(Comment).where(Comment.post_id == post_id))
        session.delete(session.get(Post, post_id))
        session.execute(delete(OutboxMessage).where(OutboxMessage.subject.contains("7*7")))
        session.commit()
