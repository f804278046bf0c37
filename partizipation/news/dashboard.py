"""The news section's figures of /mein-bereich (see partizipation/dashboard.py): the user's
latest posts and how many there are; for moderators the queue's counts (capped)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..dashboard import count, figure, figure_rows, rows
from ..permissions import is_signed_in
from . import queries
from .models import Post
from .permissions import can_moderate_posts

MY_LATEST = 5


def figures(user: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    # The user's own posts, whenever signed in: whether they may write depends for some on
    # their facilitator and contact rows, which this same statement reads (the template asks
    # `can_write_posts` afterwards, from the checks' cache).
    if is_signed_in(user):
        found["mine"] = rows(select(Post.id, Post.title, Post.status)
                             .where(Post.author_id == user.id)
                             .order_by(Post.updated_at.desc(), Post.id.desc()).limit(MY_LATEST))
        # By the index on (author, updated): one author's posts.
        found["total"] = count(select(Post.id).where(Post.author_id == user.id))
    if can_moderate_posts(user):
        found.update(queries.queue_counts())
    return found


def my_posts() -> tuple[list[Post], int]:
    return ([Post(id=p["id"], title=p["title"], status=p["status"])
             for p in figure_rows("news.mine")], figure("news.total", 0) or 0)


def queue() -> dict[str, int]:
    return {name: figure(f"news.{name}", 0) or 0
            for name in ("submitted", "comments_pending", "comments_reported")}
