"""Links from a post to a meeting, a decision or a milestone, which other domains own.

A post keeps such a link as (kind, id) in `news_post_links`; this domain imports none of their
tables. A domain plugs in by shipping a module `partizipation/<domain>/news_links.py` with:

    LABEL = _l("Meeting")                          # what the kind is called
    def choices(session) -> list[tuple[int, str]]  # what an author may link to (newest first,
                                                   # bounded, e.g. the last 200)
    def describe(session, ids) -> dict[int, tuple[str, str]]
                                                   # id -> (title, URL) of the rows that exist
                                                   # and are public; one query for all ids

and by including `news/_linked_posts.html` on its own page with `kind` and `target_id` set, which
lists the published posts that link to the row ("shown on both sides"). The kinds below are looked
up once their domain is registered in `domains.PACKAGES`; tests may `register` one directly.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domains import PACKAGES

# kind -> the domain whose `news_links` module resolves it.
PROVIDERS = {"meeting": "meetings", "decision": "decisions", "milestone": "milestones"}
_registered: dict[str, Any] = {}


def register(kind: str, provider: Any) -> None:
    """Resolve `kind` with `provider` (an object with LABEL, choices, describe)."""
    _registered[kind] = provider


def unregister(kind: str) -> None:
    _registered.pop(kind, None)


def kinds() -> dict[str, Any]:
    """The kinds that can be linked now, in a fixed order: kind -> provider."""
    found: dict[str, Any] = {}
    for kind, package in PROVIDERS.items():
        if kind in _registered:
            found[kind] = _registered[kind]
        elif package in PACKAGES and find_spec(f"partizipation.{package}.news_links"):
            found[kind] = import_module(f"partizipation.{package}.news_links")
    for kind, provider in _registered.items():
        found.setdefault(kind, provider)
    return found


def describe_links(session: Session, links: list[Any]) -> list[dict[str, Any]]:
    """The post's links that resolve now, as {kind, label, title, url}; one query per kind."""
    available = kinds()
    by_kind: dict[str, list[int]] = {}
    for link in links:
        if link.kind in available:
            by_kind.setdefault(link.kind, []).append(link.target_id)
    resolved = {kind: available[kind].describe(session, ids) for kind, ids in by_kind.items()}
    shown = []
    for link in links:
        found = resolved.get(link.kind, {}).get(link.target_id)
        if found:
            shown.append({"kind": link.kind, "label": str(available[link.kind].LABEL),
                          "title": found[0], "url": found[1]})
    return shown


def posts_about(session: Session, kind: str, target_id: int, limit: int = 20) -> list[Any]:
    """The published posts that link to a row of another domain (newest first)."""
    from .models import Post, PostLink, PostStatus

    return list(session.scalars(
        select(Post).join(PostLink, PostLink.post_id == Post.id)
        .where(PostLink.kind == kind, PostLink.target_id == target_id,
               Post.status == PostStatus.PUBLISHED.value)
        .order_by(Post.published_at.desc(), Post.id.desc()).limit(limit)))
