"""News posts as a kind other domains can link to ("post": e.g. a milestone's evidence), and the
posts that cite a row of another domain (`citing`, shown on that row's page)."""

from __future__ import annotations

from typing import Any

from flask import url_for
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..i18n import _l
from .models import Post, PostLink, PostStatus

KIND = "post"
LABEL = _l("News post")
CHOICES = 200


def choices(session: Session) -> list[tuple[int, str]]:
    rows = session.execute(
        select(Post.id, Post.title).where(Post.status == PostStatus.PUBLISHED.value)
        .order_by(Post.published_at.desc(), Post.id.desc()).limit(CHOICES))
    return [(ident, title) for ident, title in rows]


def describe(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    rows = session.execute(
        select(Post.id, Post.title, Post.slug)
        .where(Post.id.in_(ids), Post.status == PostStatus.PUBLISHED.value))
    return {ident: (title, url_for("news.detail", slug=slug)) for ident, title, slug in rows}


def citing_query(kind: str, ident: int, limit: int = 20) -> Select[Any]:
    """The newest published posts that link to (kind, ident): (title, slug, position), for
    links.cited_by."""
    order = (Post.published_at.desc(), Post.id.desc())
    return (select(Post.title.label("title"), Post.slug.label("ref"),
                   func.row_number().over(order_by=order).label("position"))
            .join(PostLink, PostLink.post_id == Post.id)
            .where(PostLink.kind == kind, PostLink.target_id == ident,
                   Post.status == PostStatus.PUBLISHED.value)
            .order_by(*order).limit(limit))


def citing_row(title: str, slug: str) -> tuple[str, str, str]:
    return str(LABEL), title, url_for("news.detail", slug=slug)

