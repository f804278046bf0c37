"""Comments on published posts: shown only after a moderator approved them; their authors can
withdraw them; moderators hide a shown one with a reason; anyone signed in can report one.
Each change of state is a conditional UPDATE, so two people at once cannot both win."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from .models import Comment, CommentReport, CommentStatus, Post, PostStatus

MAX_LENGTH = 2000
SHOWN_OR_WAITING = (CommentStatus.PENDING.value, CommentStatus.APPROVED.value)


def add_comment(session: Session, post: Post, body: str, *, actor: User) -> Comment:
    """A comment that waits for a moderator's approval."""
    body = body.strip()
    if post.status != PostStatus.PUBLISHED:
        raise DomainError(_l("Comments are possible only on published posts."))
    if not body:
        raise DomainError(_l("Write your comment."), "body")
    if len(body) > MAX_LENGTH:
        raise DomainError(_l("A comment can have at most %(n)s characters.", n=MAX_LENGTH),
                          "body")
    comment = Comment(post_id=post.id, author_id=actor.id, body=body,
                      status=CommentStatus.PENDING.value)
    session.add(comment)
    session.flush()
    return comment


def _move(session: Session, comment: Comment, from_states: tuple[str, ...],
          to_status: CommentStatus, *, actor: User, reason: str = "",
          author_only: bool = False) -> None:
    query = update(Comment).where(Comment.id == comment.id, Comment.status.in_(from_states))
    if author_only:
        query = query.where(Comment.author_id == actor.id)
    result = session.execute(
        query.values(status=to_status.value, decided_at=utcnow(), decided_by_id=actor.id,
                     reason=reason).execution_options(synchronize_session=False))
    session.refresh(comment)
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise DomainError(_l("Someone else was quicker: the comment is now “%(status)s”. "
                             "Nothing was changed.", status=comment.status_label))


def approve_comment(session: Session, comment: Comment, *, actor: User) -> None:
    _move(session, comment, (CommentStatus.PENDING.value,), CommentStatus.APPROVED, actor=actor)


def reject_comment(session: Session, comment: Comment, *, actor: User) -> None:
    _move(session, comment, (CommentStatus.PENDING.value,), CommentStatus.REJECTED, actor=actor)


def withdraw_comment(session: Session, comment: Comment, *, actor: User) -> None:
    """The comment's author takes it back (waiting or shown)."""
    _move(session, comment, SHOWN_OR_WAITING, CommentStatus.WITHDRAWN, actor=actor,
          author_only=True)
    _close_reports(session, comment)


def hide_comment(session: Session, comment: Comment, reason: str, *, actor: User) -> None:
    """A moderator hides a shown comment; the reason is shown in its place."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_l("Write why the comment is hidden; it is shown in its place."),
                          "reason")
    _move(session, comment, (CommentStatus.APPROVED.value,), CommentStatus.HIDDEN, actor=actor,
          reason=reason[:500])
    _close_reports(session, comment)


def _close_reports(session: Session, comment: Comment) -> None:
    session.execute(update(CommentReport).where(
        CommentReport.comment_id == comment.id, CommentReport.handled_at.is_(None))
        .values(handled_at=utcnow()).execution_options(synchronize_session=False))


def keep_comment(session: Session, comment: Comment, *, actor: User) -> int:
    """A moderator read the reports and keeps the comment shown; returns how many were closed."""
    result = session.execute(update(CommentReport).where(
        CommentReport.comment_id == comment.id, CommentReport.handled_at.is_(None))
        .values(handled_at=utcnow()).execution_options(synchronize_session=False))
    return int(result.rowcount)  # type: ignore[attr-defined]


def report_comment(session: Session, comment: Comment, reason: str, *,
                   actor: User) -> CommentReport:
    """Tell the moderators that a shown comment breaks the rules (once per person)."""
    reason = reason.strip()
    if comment.status != CommentStatus.APPROVED:
        raise DomainError(_l("This comment is no longer shown."))
    if not reason:
        raise DomainError(_l("Write what is wrong with the comment."), "reason")
    report = CommentReport(comment_id=comment.id, reporter_id=actor.id, reason=reason[:500])
    try:
        with session.begin_nested():
            session.add(report)
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l("You have already reported this comment. The moderation will "
                             "look at it."), "reason") from error
    return report
