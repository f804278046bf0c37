"""The person's news in the data export; what erasure does to their comments and reports."""

from __future__ import annotations

from sqlalchemy import select

from partizipation.news import personal
from partizipation.news.models import CommentReport

from .factories import create_comment, create_post


def test_export_and_erase(db_session, cast):
    author, member = cast.user("author"), cast.user("member")
    post = create_post(db_session, author, "published", title="Mein Bericht")
    comment = create_comment(db_session, post, member, "approved", body="Mein Kommentar")
    db_session.add(CommentReport(comment_id=comment.id, reporter_id=author.id,
                                 reason="Bitte prüfen"))
    db_session.flush()
    exported = personal.export(db_session, author, None)
    assert exported["news_posts"][0]["title"] == "Mein Bericht"
    assert exported["news_comment_reports"][0]["reason"] == "Bitte prüfen"
    assert personal.export(db_session, member, None)["news_comments"][0]["text"] == "Mein Kommentar"
    personal.erase(db_session, member, None)
    personal.erase(db_session, author, None)
    db_session.expire_all()
    assert comment.status == "withdrawn" and comment.body == personal.ERASED
    report = db_session.scalars(select(CommentReport)).one()
    assert report.reason == personal.ERASED
