"""The news section's figures of /mein-bereich (see partizipation/dashboard.py): the user's
latest posts and how many there are; for moderators the queue's counts (capped)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from sqlalchemy import select

from ..dashboard import USER_ID, capped, figure, figure_rows, first, rows
from ..permissions import is_signed_in
from . import queries
from .models import Post
from .permissions import can_moderate_posts

MY_LATEST = 5
QUEUE = ("submitted", "comments_pending", "comments_reported")


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    # The user's own posts, whenever signed in: whether they may write depends for some on
    # their facilitator and contact rows, which this same statement reads (the template asks
    # `can_write_posts` afterwards, from the checks' cache).
    if is_signed_in(user):
        found["mine"] = lambda: rows(first(
            select(Post.id, Post.title, Post.status).where(Post.author_id == USER_ID)
            .order_by(Post.updated_at.desc(), Post.id.desc()), MY_LATEST))
        # By the index on (author, updated): one author's posts, counted up to the limit (a
        # press office writes thousands over the years). Ordered as the index is, so that a
        # plan made for any author (see `first`) walks it too: when one author wrote most
        # posts, PostgreSQL expects every author to have that many and would read the table.
        found["total"] = lambda: capped(
            select(Post.id).where(Post.author_id == USER_ID)
            .order_by(Post.author_id, Post.updated_at), queries.COUNT_LIMIT)
    if can_moderate_posts(user):
        found.update({name: partial(_queue_count, name) for name in QUEUE})
    return found


def _queue_count(name: str) -> Any:
    return queries.queue_counts()[name]


def my_posts() -> tuple[list[Post], int]:
    return ([Post(id=p["id"], title=p["title"], status=p["status"])
             for p in figure_rows("news.mine")], figure("news.total", 0) or 0)


def queue() -> dict[str, int]:
    return {name: figure(f"news.{name}", 0) or 0
            for name in QUEUE}
