"""The news part of a person's data export, and what erasure does: the person's comments are
withdrawn and their text blanked; reports they made lose their reason. Posts stay as published
history (the author's name comes from the account, which the accounts erasure anonymises)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..db import utcnow
from ..people.models import Person
from .models import COMMENT_LABELS, STATUS_LABELS, Comment, CommentReport, CommentStatus, Post

# The "my data" page shows these codes in words.
_STATUS_WORDS: dict[Any, Any] = {**COMMENT_LABELS, **STATUS_LABELS}
VALUE_LABELS = {"status": _STATUS_WORDS}

ERASED = "Auf Wunsch der Person gelöscht"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export(session: Session, user: User, person: Person | None) -> dict[str, Any]:
    posts = session.scalars(select(Post).where(Post.author_id == user.id).order_by(Post.id))
    comments = session.scalars(select(Comment).where(Comment.author_id == user.id)
                               .order_by(Comment.id))
    reports = session.scalars(select(CommentReport).where(CommentReport.reporter_id == user.id)
                              .order_by(CommentReport.id))
    return {
        "news_posts": [
            {"title": p.title, "summary": p.summary, "text": p.body_markdown,
             "easy_language_text": p.easy_markdown, "status": p.status,
             "created_at": _iso(p.created_at), "published_at": _iso(p.published_at)}
            for p in posts
        ],
        "news_comments": [
            {"post_id": c.post_id, "text": c.body, "status": c.status,
             "created_at": _iso(c.created_at)}
            for c in comments
        ],
        "news_comment_reports": [
            {"comment_id": r.comment_id, "reason": r.reason, "created_at": _iso(r.created_at)}
            for r in reports
        ],
    }


def erase(session: Session, user: User, person: Person | None) -> None:
    now = utcnow()
    session.execute(update(Comment).where(
        Comment.author_id == user.id,
        Comment.status.in_((CommentStatus.PENDING.value, CommentStatus.APPROVED.value)))
        .values(status=CommentStatus.WITHDRAWN.value, decided_at=now, decided_by_id=user.id)
        .execution_options(synchronize_session=False))
    session.execute(update(Comment).where(Comment.author_id == user.id).values(body=ERASED)
                    .execution_options(synchronize_session=False))
    session.execute(update(CommentReport).where(CommentReport.reporter_id == user.id)
                    .values(reason=ERASED).execution_options(synchronize_session=False))
    session.flush()
