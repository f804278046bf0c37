"""The links of a post to rows of other domains (a meeting, a decision, a milestone), kept as
(kind, id) in `news_post_links` and resolved through `partizipation.links`; a domain's page shows
the published posts that link to its row by including `news/_linked_posts.html` with `kind` and
`target_id` set ("shown on both sides")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..links import describe, kinds, register, unregister

__all__ = ["describe_links", "kinds", "posts_about", "register", "unregister"]


def describe_links(session: Session, links: list[Any]) -> list[dict[str, Any]]:
    """The post's links that resolve now, as {kind, label, title, url}; one query per kind."""
    resolved = describe(session, [(link.kind, link.target_id) for link in links])
    return [resolved[(link.kind, link.target_id)] for link in links
            if (link.kind, link.target_id) in resolved]


def posts_about(session: Session, kind: str, target_id: int, limit: int = 20) -> list[Any]:
    """The published posts that link to a row of another domain (newest first)."""
    from .models import Post, PostLink, PostStatus

    return list(session.scalars(
        select(Post).join(PostLink, PostLink.post_id == Post.id)
        .where(PostLink.kind == kind, PostLink.target_id == target_id,
               Post.status == PostStatus.PUBLISHED.value)
        .order_by(Post.published_at.desc(), Post.id.desc()).limit(limit)))
