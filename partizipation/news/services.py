"""Writing posts and moving them through moderation. Services flush, never commit; a broken rule
raises DomainError naming the form field. A change of state is a conditional UPDATE on the state
it starts from: of two moderators acting at once one wins, the other is told."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import clock
from ..accounts.models import User
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from . import post_links
from .mailing import notify_author, notify_moderators
from .markdown import render_markdown
from .models import Component, Post, PostAction, PostEvent, PostLink, PostStatus, PostTag
from .permissions import EDITABLE

MAX_TAGS = 8
TAG_LENGTH = 40
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass
class PostData:
    title: str
    summary: str
    body: str
    tags: str = ""
    component: str = ""
    easy_body: str = ""
    easy_checked_by: str = ""
    easy_checked_on: date | None = None
    links: dict[str, int | None] = field(default_factory=dict)

    @classmethod
    def from_form(cls, data: dict[str, Any]) -> PostData:
        names = cls.__dataclass_fields__
        values = {k: v for k, v in data.items() if k in names and k != "links"}
        values = {k: ("" if v is None and k != "easy_checked_on" else v) for k, v in values.items()}
        chosen = {kind: data.get(f"link_{kind}") or None for kind in post_links.kinds()}
        return cls(**values, links=chosen)


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without duplicates (ignoring case)."""
    tags: list[str] = []
    for part in (text or "").split(","):
        tag = " ".join(part.split())
        if tag and tag.lower() not in {t.lower() for t in tags}:
            tags.append(tag)
    return tags


def slugify(title: str) -> str:
    text = unicodedata.normalize("NFKD", title.lower().translate(_UMLAUTS))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:100] or "beitrag"


def _check(data: PostData) -> list[str]:
    if not data.title.strip():
        raise DomainError(_l("Enter a title."), "title")
    if not data.summary.strip():
        raise DomainError(_l("Enter a short summary."), "summary")
    if not data.body.strip():
        raise DomainError(_l("Write the text of the post."), "body")
    tags = parse_tags(data.tags)
    if len(tags) > MAX_TAGS:
        raise DomainError(_l("Give at most %(n)s tags.", n=MAX_TAGS), "tags")
    if any(len(tag) > TAG_LENGTH for tag in tags):
        raise DomainError(_l("A tag can have at most %(n)s characters.", n=TAG_LENGTH), "tags")
    if data.component and data.component not in {c.value for c in Component}:
        raise DomainError(_l("Choose one of the components."), "component")
    if bool(data.easy_checked_by.strip()) != bool(data.easy_checked_on):
        field_name = "easy_checked_on" if data.easy_checked_by.strip() else "easy_checked_by"
        raise DomainError(_l("Enter both who checked the Leichte Sprache version and when, or "
                             "neither."), field_name)
    if data.easy_checked_on and not data.easy_body.strip():
        raise DomainError(_l("Write the Leichte Sprache version, or leave the check empty."),
                          "easy_body")
    if data.easy_checked_on and data.easy_checked_on > clock.today():
        raise DomainError(_l("The check cannot be in the future. Enter the day it took place."),
                          "easy_checked_on")
    return tags


def _check_links(session: Session, data: PostData) -> None:
    available = post_links.kinds()
    for kind, target in data.links.items():
        if target is None:
            continue
        if kind not in available or not available[kind].describe(session, [target]):
            raise DomainError(_l("Choose one of the entries in the list."), f"link_{kind}")


def _apply(session: Session, post: Post, data: PostData, tags: list[str]) -> None:
    post.title = data.title.strip()
    post.summary = data.summary.strip()
    post.body_markdown = data.body
    post.body_html = render_markdown(data.body)
    post.easy_markdown = data.easy_body
    post.easy_html = render_markdown(data.easy_body)
    post.easy_checked_by = data.easy_checked_by.strip()
    post.easy_checked_on = data.easy_checked_on
    post.component = data.component or None
    current = {t.tag: t for t in post.tags}
    post.tags = [current.get(tag) or PostTag(tag=tag) for tag in tags]
    kept = [link for link in post.links if link.kind not in data.links]
    for kind, target in data.links.items():
        if target is not None:
            old = next((x for x in post.links if x.kind == kind and x.target_id == target), None)
            kept.append(old or PostLink(kind=kind, target_id=target))
    post.links = kept
    post.updated_at = utcnow()


# Addresses of the domain's own pages below /neuigkeiten/.
RESERVED_SLUGS = frozenset({"neu", "meine", "moderation", "bilder", "beitrag", "thema",
                            "kommentare"})


def _free_slug(session: Session, title: str, post: Post | None = None) -> str:
    base = slugify(title)
    if base in RESERVED_SLUGS:
        base = f"{base}-beitrag"
    taken = set(session.scalars(select(Post.slug).where(Post.slug.like(f"{base}%"))))
    if post is not None:
        taken.discard(post.slug)
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def create_post(session: Session, data: PostData, *, actor: User) -> Post:
    """A new draft by `actor`."""
    tags = _check(data)
    _check_links(session, data)
    post = Post(author_id=actor.id, status=PostStatus.DRAFT.value, title="", summary="",
                body_markdown="", body_html="")
    _apply(session, post, data, tags)
    post.slug = _free_slug(session, post.title)
    post.events.append(PostEvent(actor_id=actor.id, action=PostAction.CREATED.value,
                                 from_status=None, to_status=PostStatus.DRAFT.value))
    try:
        with session.begin_nested():
            session.add(post)
    except IntegrityError:
        # Someone took the same address at the same moment: add a random ending.
        post.slug = f"{post.slug[:90]}-{secrets.token_hex(3)}"
        session.add(post)
    session.flush()
    return post


def update_post(session: Session, post: Post, data: PostData, *, actor: User) -> Post:
    if post.status not in EDITABLE:
        raise DomainError(_l("This post cannot be changed in its current state (%(status)s).",
                             status=post.status_label))
    tags = _check(data)
    _check_links(session, data)
    _apply(session, post, data, tags)
    if post.published_at is None:
        post.slug = _free_slug(session, post.title, post)
    session.flush()
    return post


def _move(session: Session, post: Post, from_states: tuple[str, ...], to_status: PostStatus,
          action: PostAction, *, actor: User, note: str = "", **values: Any) -> None:
    """Change the state only if it is still one of `from_states`; record who, when and why."""
    previous = post.status
    result = session.execute(
        update(Post).where(Post.id == post.id, Post.status.in_(from_states))
        .values(status=to_status.value, updated_at=utcnow(), version=Post.version + 1, **values)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(post)
        raise DomainError(_l("Someone else was quicker: the post is now “%(status)s”. Nothing "
                             "was changed.", status=post.status_label))
    session.add(PostEvent(post_id=post.id, actor_id=actor.id, action=action.value,
                          from_status=previous, to_status=to_status.value, note=note))
    session.flush()
    session.refresh(post)


def submission_problems(post: Post) -> list[tuple[str, Any]]:
    """What must be done before the post can be submitted: (where, message)."""
    problems: list[tuple[str, Any]] = []
    for number, image in enumerate(post.images, start=1):
        if not image.is_decorative and not image.alt.strip():
            problems.append(("images", _l("Picture %(n)s needs a text alternative, or mark it as "
                                          "decorative.", n=number)))
        if not image.has_consent:
            problems.append(("images", _l("Confirm for picture %(n)s that every person shown "
                                          "agreed, and how.", n=number)))
    return problems


def submit_post(session: Session, post: Post, *, actor: User) -> Post:
    """The author hands the post to the moderators, who are mailed."""
    problems = submission_problems(post)
    if problems:
        raise DomainError(problems[0][1])
    resubmit = post.status == PostStatus.CHANGES_REQUESTED or any(
        e.action == PostAction.SUBMITTED for e in post.events)
    _move(session, post, EDITABLE, PostStatus.SUBMITTED,
          PostAction.RESUBMITTED if resubmit else PostAction.SUBMITTED, actor=actor)
    notify_moderators(session, post, resubmitted=resubmit)
    return post


class Decision:
    PUBLISH = "publish"
    CHANGES = "changes"
    REJECT = "reject"


def decide_post(session: Session, post: Post, decision: str, note: str, *,
                actor: User) -> Post:
    """A moderator publishes, asks for changes (with a note) or rejects (with the reason)."""
    note = note.strip()
    submitted = (PostStatus.SUBMITTED.value,)
    if decision == Decision.PUBLISH:
        if not post.video_is_accessible:
            raise DomainError(_l("The video has neither captions nor a transcript. Ask the "
                                 "author for them (request changes) before publishing."),
                              "decision")
        _move(session, post, submitted, PostStatus.PUBLISHED, PostAction.PUBLISHED, actor=actor,
              note=note, published_at=post.published_at or utcnow())
    elif decision in (Decision.CHANGES, Decision.REJECT):
        if not note:
            raise DomainError(
                _l("Write what the author should change.") if decision == Decision.CHANGES
                else _l("Write why the post is rejected; the author will read it."), "note")
        if decision == Decision.CHANGES:
            _move(session, post, submitted, PostStatus.CHANGES_REQUESTED,
                  PostAction.CHANGES_REQUESTED, actor=actor, note=note)
        else:
            _move(session, post, submitted, PostStatus.REJECTED, PostAction.REJECTED,
                  actor=actor, note=note)
    else:
        raise DomainError(_l("Choose what happens with the post."), "decision")
    notify_author(session, post, note=note)
    return post


def withdraw_post(session: Session, post: Post, action: str, reason: str, *,
                  actor: User) -> Post:
    """Take a published post off the list: unpublish it, or archive it (still readable)."""
    reason = reason.strip()
    if action not in ("unpublish", "archive"):
        raise DomainError(_l("Choose whether to unpublish or to archive the post."), "action")
    if not reason:
        raise DomainError(_l("Write the reason; the author will read it."), "reason")
    published = (PostStatus.PUBLISHED.value,)
    if action == "unpublish":
        _move(session, post, published, PostStatus.UNPUBLISHED, PostAction.UNPUBLISHED,
              actor=actor, note=reason)
    else:
        _move(session, post, published, PostStatus.ARCHIVED, PostAction.ARCHIVED,
              actor=actor, note=reason)
    notify_author(session, post, note=reason)
    return post


def latest_note(post: Post) -> PostEvent | None:
    """The last moderator's note the author should read (changes asked, rejected, …)."""
    for event in reversed(post.events):
        if event.note and event.action in (PostAction.CHANGES_REQUESTED, PostAction.REJECTED,
                                           PostAction.UNPUBLISHED, PostAction.ARCHIVED):
            return event
    return None
