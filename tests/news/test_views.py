"""The pages as a user meets them: lists, a post, the author's forms, moderation, comments."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import select

from partizipation.mail.models import OutboxMessage
from partizipation.news.models import Comment, CommentReport, Post
from tests.conftest import login
from tests.helpers import csrf_token, page_text

from .bulk import add_posts
from .factories import create_comment, create_post, jpeg_bytes


def _post_form(client, url, data, **files):
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    payload = {"csrf_token": csrf_token(page), **data, **files}
    return client.post(url, data=payload, content_type="multipart/form-data")


def test_the_list_shows_published_posts_newest_first_and_filters(client, db_session, cast):
    author = cast.user("author")
    older = create_post(db_session, author, "published", title="Älterer Beitrag",
                        tags=("Beirat",), component="structure")
    newer = create_post(db_session, author, "published", title="Neuerer Beitrag",
                        tags=("Mobilität",))
    create_post(db_session, author, "draft", title="Geheimer Entwurf")
    newer.published_at = older.published_at.replace(year=older.published_at.year + 1)
    db_session.flush()
    text = page_text(client.get("/neuigkeiten"))
    assert text.index("Neuerer Beitrag") < text.index("Älterer Beitrag")
    assert "Geheimer Entwurf" not in text
    by_tag = page_text(client.get("/neuigkeiten?thema=Beirat"))
    assert "Älterer Beitrag" in by_tag and "Neuerer Beitrag" not in by_tag
    by_component = page_text(client.get("/neuigkeiten?bereich=structure"))
    assert "Älterer Beitrag" in by_component and "Neuerer Beitrag" not in by_component
    assert client.get("/neuigkeiten?bereich=<script>&seite=x").status_code == 200
    home = page_text(client.get("/"))
    assert "Neuerer Beitrag" in home


def test_a_draft_is_not_found_by_others_and_shown_to_its_author(client, db_session, cast):
    post = create_post(db_session, cast.user("author"), "draft")
    assert client.get(f"/neuigkeiten/{post.slug}").status_code == 404
    login(client, cast.user("other_author").email)
    assert client.get(f"/neuigkeiten/{post.slug}").status_code == 404
    assert client.get(f"/neuigkeiten/beitrag/{post.id}/bearbeiten").status_code == 403
    assert client.get("/neuigkeiten/beitrag/999999").status_code == 404
    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/mein-bereich"))})
    login(client, cast.user("author").email)
    assert client.get(f"/neuigkeiten/{post.slug}").status_code == 200


def test_the_easy_language_version_is_one_link_away(client, db_session, cast):
    post = create_post(db_session, cast.user("author"), "published",
                       easy_markdown="Das ist leicht.", easy_html="<p>Das ist leicht.</p>",
                       easy_checked_by="Prüfgruppe (erfunden)")
    page = client.get(f"/neuigkeiten/{post.slug}").get_data(as_text=True)
    assert f'href="/neuigkeiten/{post.slug}/leichte-sprache"' in page
    easy = client.get(f"/neuigkeiten/{post.slug}/leichte-sprache")
    assert "Das ist leicht." in page_text(easy)
    plain = create_post(db_session, cast.user("author"), "published")
    assert client.get(f"/neuigkeiten/{plain.slug}/leichte-sprache").status_code == 404


def test_writing_a_post_keeps_the_input_on_errors_and_saves_a_draft(client, db_session, cast):
    login(client, cast.user("facilitator").email)
    response = _post_form(client, "/neuigkeiten/neu", {
        "title": "", "summary": "Kurz", "body": "Text <script>alert(1)</script>",
        "easy_checked_by": "Prüfgruppe"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Fehler:" in html
    assert 'href="#title"' in html and 'aria-invalid="true"' in html
    assert "Text &lt;script&gt;alert(1)&lt;/script&gt;" in html
    response = _post_form(client, "/neuigkeiten/neu", {
        "title": "Mein erster Beitrag", "summary": "Kurz", "body": "# Titel\n\nText",
        "tags": "Beirat", "component": "activity"})
    assert response.status_code == 302
    post = db_session.scalars(select(Post).where(Post.title == "Mein erster Beitrag")).one()
    assert post.status == "draft" and post.author_id == cast.user("facilitator").id
    assert post.body_html.startswith("<h2>Titel</h2>")


def test_a_photo_is_uploaded_with_consent_and_served_without_exif(client, db_session, cast):
    post = create_post(db_session, cast.user("author"), "draft")
    login(client, cast.user("author").email)
    url = f"/neuigkeiten/beitrag/{post.id}/bilder/neu"
    no_alt = _post_form(client, url, {"shows_people": "no"}, file=(jpeg_bytes(), "a.jpg"))
    assert "Beschreiben Sie" in no_alt.get_data(as_text=True) or "Describe" in page_text(no_alt)
    no_consent = _post_form(client, url, {"alt": "Zwei Personen", "shows_people": "yes"},
                            file=(jpeg_bytes(), "a.jpg"))
    assert 'href="#consent_confirmed"' in no_consent.get_data(as_text=True)
    not_image = _post_form(client, url, {"alt": "Text", "shows_people": "no"},
                           file=(io.BytesIO(b"%PDF-1.4 " * 50), "bild.jpg"))
    assert 'href="#file"' in not_image.get_data(as_text=True)
    ok = _post_form(client, url, {"alt": "Zwei Personen an einer Rampe", "shows_people": "yes",
                                  "consent_confirmed": "y",
                                  "consent_note": "Schriftlich am 3. März"},
                    file=(jpeg_bytes((1800, 1200), gps=True), "IMG_0001.jpg"))
    assert ok.status_code == 302
    db_session.expire_all()
    image = db_session.get(Post, post.id).images[0]
    assert image.consent_note == "Schriftlich am 3. März" and image.consent_confirmed_at
    served = client.get(f"/neuigkeiten/bilder/{image.file_name(960)}")
    served.get_data()
    served.close()
    assert served.status_code == 200 and served.headers["X-Content-Type-Options"] == "nosniff"
    with Image.open(io.BytesIO(served.data)) as picture:
        assert not picture.getexif() and picture.width == 960
    assert b"Testkamera" not in served.data
    client.post("/abmelden", data={"csrf_token": csrf_token(client.get("/mein-bereich"))})
    # Not public while the post is a draft.
    assert client.get(f"/neuigkeiten/bilder/{image.file_name(960)}").status_code == 404


def test_a_video_needs_captions_and_a_vtt_file_is_checked(client, db_session, cast):
    post = create_post(db_session, cast.user("author"), "draft")
    login(client, cast.user("author").email)
    url = f"/neuigkeiten/beitrag/{post.id}/video/bearbeiten"
    bad = _post_form(client, url, {"video_url": "https://video.example.org/a"},
                     captions=(io.BytesIO(b"just text, no captions"), "x.vtt"))
    assert 'href="#captions"' in bad.get_data(as_text=True)
    vtt = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHallo zusammen.\n"
    good = _post_form(client, url, {"video_url": "https://video.example.org/a"},
                      captions=(io.BytesIO(vtt), "untertitel.vtt"))
    assert good.status_code == 302
    db_session.expire_all()
    stored = db_session.get(Post, post.id)
    assert stored.video_is_accessible and stored.captions_name.endswith(".vtt")
    served = client.get(f"/neuigkeiten/beitrag/{post.id}/untertitel.vtt")
    served.get_data()
    served.close()
    assert served.data == vtt and served.mimetype == "text/vtt"


def test_two_moderators_one_wins_the_other_is_told(client, app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "submitted")
    login(client, cast.user("editor").email)
    page = client.get(f"/neuigkeiten/beitrag/{post.id}")
    token = csrf_token(page)
    other = app.test_client()
    login(other, cast.user("officer").email)
    first = _post_form(other, f"/neuigkeiten/beitrag/{post.id}", {"decision": "publish"})
    assert first.status_code == 302
    second = client.post(f"/neuigkeiten/beitrag/{post.id}", data={
        "csrf_token": token, "decision": "reject", "note": "Nein"}, follow_redirects=True)
    assert "schneller" in page_text(second) or "quicker" in page_text(second)
    db_session.expire_all()
    assert db_session.get(Post, post.id).status == "published"
    to_author = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == cast.user("author").email)).all()
    assert len(to_author) == 1


def test_a_comment_appears_only_after_approval(client, app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "published")
    login(client, cast.user("member").email)
    empty = _post_form(client, f"/neuigkeiten/{post.slug}", {"body": "  "})
    assert 'href="#body"' in empty.get_data(as_text=True)
    sent = _post_form(client, f"/neuigkeiten/{post.slug}",
                      {"body": "Danke für den <b>Bericht</b>!"})
    assert sent.status_code == 302
    visitor = app.test_client()
    assert "Danke für den" not in page_text(visitor.get(f"/neuigkeiten/{post.slug}"))
    mine = client.get(f"/neuigkeiten/{post.slug}").get_data(as_text=True)
    assert "Danke für den &lt;b&gt;Bericht&lt;/b&gt;!" in mine
    comment = db_session.scalars(select(Comment).where(Comment.post_id == post.id)).one()
    moderator = app.test_client()
    login(moderator, cast.user("editor").email)
    queue = moderator.get("/neuigkeiten/moderation/kommentare")
    assert "Danke für den" in page_text(queue)
    moderator.post(f"/neuigkeiten/kommentare/{comment.id}/freigeben",
                   data={"csrf_token": csrf_token(queue)})
    assert "Danke für den <b>Bericht</b>!" in page_text(visitor.get(f"/neuigkeiten/{post.slug}"))


def test_comments_are_rate_limited_and_the_text_is_kept(client, app, db_session, cast):
    app.config["COMMENT_LIMIT"] = "2 per hour"
    post = create_post(db_session, cast.user("author"), "published")
    login(client, cast.user("member").email)
    for number in range(2):
        assert _post_form(client, f"/neuigkeiten/{post.slug}",
                          {"body": f"Kommentar {number}"}).status_code == 302
    third = _post_form(client, f"/neuigkeiten/{post.slug}", {"body": "Mein dritter Text"})
    assert third.status_code == 429
    assert "Mein dritter Text" in third.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/neuigkeiten/moderation", "/neuigkeiten/moderation/kommentare",
                                  "/neuigkeiten/moderation/meldungen"])
def test_moderation_pages_are_for_moderators_only(client, cast, path):
    assert client.get(path).status_code == 302  # to the sign-in page
    login(client, cast.user("member").email)
    assert client.get(path).status_code == 403


def test_the_queue_counts_and_lists_waiting_posts(client, db_session, cast):
    create_post(db_session, cast.user("author"), "submitted", title="Wartet auf Sie")
    create_comment(db_session, create_post(db_session, cast.user("author"), "published"),
                   cast.user("member"), "pending")
    login(client, cast.user("officer").email)
    text = page_text(client.get("/neuigkeiten/moderation"))
    assert "Wartet auf Sie" in text
    my_area = page_text(client.get("/mein-bereich"))
    assert ": 1" in my_area


def test_my_area_counts_my_posts_only_up_to_the_limit(client, db_session, cast):
    """A press office writes thousands of posts over the years: /mein-bereich counts them up
    to the limit (500) and says "more than" past it."""
    author = cast.user("editor")
    add_posts(db_session, author.id, 7, commenter_id=cast.user("member").id,
              comments_per_post=0)
    login(client, author.email)
    assert "Alle meine Beiträge (7)" in page_text(client.get("/mein-bereich"))
    add_posts(db_session, author.id, 494, commenter_id=cast.user("member").id,
              comments_per_post=0)
    assert "Alle meine Beiträge (mehr als 500)" in page_text(client.get("/mein-bereich"))
    client.get("/sprache/en?next=/mein-bereich")
    assert "All my posts (more than 500)" in page_text(client.get("/mein-bereich"))


def test_long_lists_count_only_up_to_a_limit_and_still_page_on(
        client, db_session, cast, monkeypatch):
    """Past the counting limit the list says "more than" and links on; the page past the limit
    is counted exactly again (the limit moves with the page asked for)."""
    from partizipation.news import queries

    monkeypatch.setattr(queries, "COUNT_LIMIT", 5)
    add_posts(db_session, cast.user("editor").id, 17, commenter_id=cast.user("member").id)
    first = client.get("/neuigkeiten")
    text = page_text(first)
    assert "Einträge 1 bis 10 von mehr als 10" in text
    assert "Seite 1 von mehr als 1" in text
    html = first.get_data(as_text=True)
    assert 'href="/neuigkeiten?seite=2" rel="next"' in html
    second = page_text(client.get("/neuigkeiten?seite=2"))
    published = len(db_session.scalars(select(Post).where(Post.status == "published")).all())
    assert 10 < published <= 20
    assert f"Einträge 11 bis {published} von {published}" in second
    assert "Seite 2 von 2" in second and "Nächste Seite" not in second
    # The topic filter is kept in the page links.
    tagged = client.get("/neuigkeiten?thema=Thema%201").get_data(as_text=True)
    assert "von mehr als" not in tagged


def test_the_moderation_counts_are_exact_but_reports_say_more_than_past_the_limit(
        client, db_session, cast, monkeypatch):
    """Posts and comments per state are counts the database keeps (exact at any size); the
    comments with open reports are counted only up to the limit."""
    from partizipation.news import queries

    monkeypatch.setattr(queries, "COUNT_LIMIT", 3)
    for n in range(5):
        post = create_post(db_session, cast.user("author"), "submitted", title=f"Wartet {n}")
    create_post(db_session, cast.user("author"), "draft")
    shown = create_post(db_session, cast.user("author"), "published")
    for _ in range(4):
        comment = create_comment(db_session, shown, cast.user("member"))
        db_session.add(CommentReport(comment_id=comment.id, reporter_id=cast.user("editor").id,
                                     reason="Beleidigend"))
    db_session.flush()
    login(client, cast.user("officer").email)
    text = " ".join(page_text(client.get("/neuigkeiten/moderation")).split())
    assert "Beiträge, die auf eine Entscheidung warten 5" in text
    assert "Entwürfe 1" in text
    assert "Gemeldete Kommentare mehr als 3" in text
    assert post.title in text
    mine = page_text(client.get("/mein-bereich"))
    assert "Beiträge, die auf eine Entscheidung warten: 5" in mine
    assert "Gemeldete Kommentare: mehr als 3" in mine


def test_over_long_fields_are_refused_at_the_field_and_kept(client, cast):
    login(client, cast.user("member").email)
    response = _post_form(client, "/neuigkeiten/neu", {
        "title": "T" * 201, "summary": "S" * 501, "body": "Text", "tags": "a, " * 150})
    html = response.get_data(as_text=True)
    for field in ("title", "summary", "tags"):
        assert f'href="#{field}"' in html
    assert "T" * 201 in html


def test_an_edit_made_meanwhile_is_shown_not_overwritten(client, app, db_session, cast):
    post = create_post(db_session, cast.user("author"), "draft", title="Erste Fassung")
    login(client, cast.user("author").email)
    url = f"/neuigkeiten/beitrag/{post.id}/bearbeiten"
    first_tab, second_tab = client.get(url), client.get(url)
    fields = {"summary": "Kurz", "body": "Text", "version": str(post.version)}
    saved = client.post(url, data={"csrf_token": csrf_token(first_tab), "title": "Zweite Fassung",
                                   **fields})
    assert saved.status_code == 302
    stale = client.post(url, data={"csrf_token": csrf_token(second_tab),
                                   "title": "Dritte Fassung", **fields})
    text = page_text(stale)
    assert stale.status_code == 200 and "Zweite Fassung" in text
    db_session.expire_all()
    assert db_session.get(Post, post.id).title == "Zweite Fassung"


def test_an_uploaded_video_is_stored_by_its_content_and_served(client, db_session, cast):
    post = create_post(db_session, cast.user("author"), "draft")
    login(client, cast.user("author").email)
    mp4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 2000
    url = f"/neuigkeiten/beitrag/{post.id}/video/bearbeiten"
    fake = _post_form(client, url, {}, video=(io.BytesIO(b"<html>" * 100), "film.mp4"))
    assert 'href="#video"' in fake.get_data(as_text=True)
    response = _post_form(client, url, {"transcript": "Alles Gesagte."},
                          video=(io.BytesIO(mp4), "film.mp4"))
    assert response.status_code == 302
    served = client.get(f"/neuigkeiten/beitrag/{post.id}/video")
    data = served.get_data()
    served.close()
    assert data == mp4 and served.mimetype == "video/mp4"
