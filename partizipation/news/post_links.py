"""The links of a post to rows of other domains (a meeting, a decision, a milestone), kept as
(kind, id) in `news_post_links` and resolved through `partizipation.links`; a domain's page shows
the published posts that link to its row through `links.cited_by` (news/links.py `citing`),
so a link is shown on both sides."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from .. import links as shared_links
from ..links import describe, register, unregister

__all__ = ["describe_links", "kinds", "register", "unregister"]


def kinds() -> dict[str, Any]:
    """What a post may link to: every registered kind but posts themselves."""
    from .links import KIND

    return {kind: provider for kind, provider in shared_links.kinds().items() if kind != KIND}


def describe_links(session: Session, links: list[Any]) -> list[dict[str, Any]]:
    """The post's links that resolve now, as {kind, label, title, url}; one query per kind."""
    resolved = describe(session, [(link.kind, link.target_id) for link in links])
    return [resolved[(link.kind, link.target_id)] for link in links
            if (link.kind, link.target_id) in resolved]
