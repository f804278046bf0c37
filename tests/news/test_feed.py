"""The Atom feeds, parsed by a feed library: valid, newest first, escaped, per tag."""

from __future__ import annotations

import feedparser

from .factories import create_post


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_whole_feed_lists_published_posts_newest_first(client, db_session, cast):
    author = cast.user("author")
    first = create_post(db_session, author, "published", title="Erster <b>Beitrag</b> & mehr",
                        body="Text mit <script>alert(1)</script>", tags=("Beirat",))
    second = create_post(db_session, author, "published", title="Zweiter Beitrag")
    second.published_at = first.published_at.replace(year=first.published_at.year + 1)
    create_post(db_session, author, "submitted", title="Noch nicht freigegeben")
    db_session.flush()
    feed = _parse(client, "/neuigkeiten/feed.atom")
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Zweiter Beitrag", "Erster <b>Beitrag</b> & mehr"]
    entry = feed.entries[1]
    assert entry.link.endswith(f"/neuigkeiten/{first.slug}")
    assert entry.id == entry.link and entry.author == author.display_name
    assert [t.term for t in entry.tags] == ["Beirat"]
    assert "<script" not in entry.content[0].value
    assert feed.feed.updated and feed.feed.title.endswith("Partizipation Kreis Unna")


def test_the_tag_feed_has_only_that_tag_and_an_empty_feed_is_valid(client, db_session, cast):
    author = cast.user("author")
    create_post(db_session, author, "published", title="Über Mobilität", tags=("Mobilität",))
    create_post(db_session, author, "published", title="Über den Beirat", tags=("Beirat",))
    feed = _parse(client, "/neuigkeiten/thema/Mobilit%C3%A4t/feed.atom")
    assert [e.title for e in feed.entries] == ["Über Mobilität"]
    assert _parse(client, "/neuigkeiten/thema/Nichts/feed.atom").entries == []


def test_a_tag_with_a_slash_has_its_own_feed(client, db_session, cast):
    create_post(db_session, cast.user("author"), "published", title="Bus/Bahn",
                tags=("Bus/Bahn",))
    assert [e.title for e in _parse(client, "/neuigkeiten/thema/Bus/Bahn/feed.atom").entries] \
        == ["Bus/Bahn"]
