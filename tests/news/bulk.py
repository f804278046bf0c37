"""Many posts with comments, fast: bulk INSERTs (used by the query-count tests and make bench)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from partizipation.db import utcnow
from partizipation.news.models import Comment, Post, PostTag
from tests.bulk import insert_rows

STATUSES = ["published"] * 7 + ["submitted", "draft", "changes_requested"]
CHUNK = 5000


def add_posts(session: Session, author_id: int, count: int, *, commenter_id: int,
              comments_per_post: int = 1) -> None:
    """`count` posts (most published, some waiting), each with a tag and comments."""
    start = (session.scalar(select(func.max(Post.id))) or 0) + 1
    now = utcnow()
    for offset in range(0, count, CHUNK):
        ids = range(start + offset, start + min(offset + CHUNK, count))
        posts = [{
            "id": i, "slug": f"massen-beitrag-{i}", "title": f"Massenbeitrag {i} (erfunden)",
            "summary": "Eine Zusammenfassung.", "body_markdown": "Text", "body_html": "<p>Text</p>",
            "easy_markdown": "", "easy_html": "", "easy_checked_by": "",
            "status": STATUSES[i % len(STATUSES)], "author_id": author_id,
            "published_at": now - timedelta(minutes=i) if STATUSES[i % len(STATUSES)]
            == "published" else None, "video_url": "", "transcript": "",
            "component": ("structure", "culture", "activity")[i % 3],
            "created_at": now, "updated_at": now - timedelta(minutes=i), "version": 1,
        } for i in ids]
        insert_rows(session, Post, posts)
        # Statistics, as autovacuum keeps them: the tag counts' trigger (migration 0019) keeps
        # the plan it made first in a session until they change, and a plan made for an almost
        # empty news_posts took seconds a chunk by the 100,000 posts of the large bench data.
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("ANALYZE news_posts"))
        insert_rows(session, PostTag, [{"post_id": i, "tag": f"Thema {i % 5}"} for i in ids])
        comments = [{"post_id": i, "author_id": commenter_id, "body": "Ein Kommentar.",
                     "status": ("approved", "pending")[n % 2], "created_at": now, "reason": ""}
                    for i in ids for n in range(comments_per_post)]
        insert_rows(session, Comment, comments)
    session.flush()


def add_comments(session: Session, post_id: int, author_id: int, count: int) -> None:
    now = utcnow()
    insert_rows(session, Comment, [
        {"post_id": post_id, "author_id": author_id, "body": f"Kommentar {n}",
         "status": ("approved", "pending", "hidden")[n % 3], "created_at": now, "reason": ""}
        for n in range(count)])
    session.flush()
