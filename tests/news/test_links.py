"""Links to rows of other domains, through the resolver they register (a stand-in here: the
meetings, decisions and milestones domains are built elsewhere)."""

from __future__ import annotations

import pytest
from flask import render_template_string
from sqlalchemy import select

from partizipation.news import post_links as links
from partizipation.news.models import Post, PostLink
from tests.conftest import login
from tests.helpers import csrf_token, page_text

from .factories import create_post

MEETINGS = {7: "Sitzung des Inklusionsbeirats am 12.03.2026", 8: "Arbeitstreffen im Mai"}


class FakeMeetings:
    LABEL = "Sitzung"

    @staticmethod
    def choices(session):
        return sorted(MEETINGS.items())

    @staticmethod
    def describe(session, ids):
        return {i: (MEETINGS[i], f"/sitzungen/{i}") for i in ids if i in MEETINGS}


@pytest.fixture()
def meetings():
    links.register("meeting", FakeMeetings)
    yield
    links.unregister("meeting")


def test_the_domains_that_own_a_kind_offer_it(client, cast):
    """Meetings, decisions, agreements and milestones ship their links.py."""
    assert {"meeting", "decision", "agreement", "milestone"} <= set(links.kinds())
    assert "post" not in links.kinds()  # news owns "post", but a post does not link to posts
    login(client, cast.user("member").email)
    page = client.get("/neuigkeiten/neu").get_data(as_text=True)
    assert "link_meeting" in page and "link_decision" in page


def test_a_post_links_a_meeting_shown_on_both_sides(app, client, db_session, cast, meetings):
    login(client, cast.user("member").email)
    page = client.get("/neuigkeiten/neu")
    assert 'name="link_meeting"' in page.get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "title": "Bericht", "summary": "Kurz",
            "body": "Text", "link_meeting": "99"}
    unknown = client.post("/neuigkeiten/neu", data=data)
    assert 'href="#link_meeting"' in unknown.get_data(as_text=True)
    assert client.post("/neuigkeiten/neu", data={**data, "link_meeting": "7"}).status_code == 302
    post = db_session.scalars(select(Post).where(Post.title == "Bericht")).one()
    assert [(x.kind, x.target_id) for x in post.links] == [("meeting", 7)]
    post.status = "published"
    post.published_at = post.created_at
    db_session.flush()
    text = page_text(client.get(f"/neuigkeiten/{post.slug}"))
    assert "Sitzung: Sitzung des Inklusionsbeirats am 12.03.2026" in text
    with app.test_request_context():
        other_side = render_template_string(
            '{% set kind = "meeting" %}{% set target_id = 7 %}'
            '{% include "_macros/cited_by.html" %}')
    assert "Bericht" in other_side and f"/neuigkeiten/{post.slug}" in other_side
    with app.test_request_context():  # not another meeting's page
        assert "Bericht" not in render_template_string(
            '{% set kind = "meeting" %}{% set target_id = 8 %}'
            '{% include "_macros/cited_by.html" %}')
    post.status = "archived"
    db_session.flush()
    with app.test_request_context():  # nor once the post is no longer public
        assert "Bericht" not in render_template_string(
            '{% set kind = "meeting" %}{% set target_id = 7 %}'
            '{% include "_macros/cited_by.html" %}')


def test_a_link_whose_row_is_gone_is_not_shown(client, db_session, cast, meetings):
    post = create_post(db_session, cast.user("author"), "published")
    db_session.add(PostLink(post_id=post.id, kind="meeting", target_id=12345))
    db_session.flush()
    assert "Passend dazu" not in page_text(client.get(f"/neuigkeiten/{post.slug}"))


def test_a_published_post_about_a_real_meeting_shows_on_the_meeting_page(client, db_session,
                                                                          cast):
    """With the meetings domain's own links.py: the post names the meeting and the meeting's
    page names the post."""
    from datetime import timedelta

    from partizipation import clock
    from tests.council.factories import create_body
    from tests.meetings.factories import create_meeting

    meeting = create_meeting(db_session, create_body(db_session, name="Lenkungsgruppe"),
                             days=7, status="invited", is_public=True)
    post = create_post(db_session, cast.user("author"), "published")
    post.published_at = clock.now() - timedelta(hours=1)
    db_session.add(PostLink(post_id=post.id, kind="meeting", target_id=meeting.id))
    db_session.flush()
    assert meeting.title in page_text(client.get(f"/neuigkeiten/{post.slug}"))
    text = page_text(client.get(f"/sitzungen/{meeting.id}"))
    assert "Erwähnt in" in text and post.title in text
