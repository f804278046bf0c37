"""Mail of the news domain, all through the outbox in the recipient's language: the moderators
hear of each submission, the author of each decision."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..accounts.models import User
from ..i18n import _l
from ..permissions import Role

SUBJECTS: dict[str, Any] = {
    "published": _l("Your post was published: %(title)s"),
    "changes_requested": _l("Please change your post: %(title)s"),
    "rejected": _l("Your post was not published: %(title)s"),
    "unpublished": _l("Your post was unpublished: %(title)s"),
    "archived": _l("Your post was archived: %(title)s"),
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def moderators(session: Session) -> list[User]:
    """Active accounts of the press office and the officer."""
    return list(session.scalars(select(User).where(
        User.role.in_((Role.EDITOR.value, Role.OFFICER.value)), User.is_active.is_(True),
    ).order_by(User.id)))


def _link(endpoint: str, **values: Any) -> str:
    from ..accounts.services import absolute_url

    return absolute_url(endpoint, **values)


def notify_moderators(session: Session, post: Any, *, resubmitted: bool) -> None:
    from ..mail.services import queue_mail

    for user in moderators(session):
        queue_mail(session, to=user.email, locale=user.locale or "de",
                   subject=_l("News to moderate: %(title)s"), template="news/mail/submitted.txt",
                   title=_one_line(post.title), author=post.author.display_name,
                   resubmitted=resubmitted, name=user.display_name,
                   link=_link("news.manage", post_id=post.id),
                   queue=_link("news.queue"))


def notify_author(session: Session, post: Any, *, note: str) -> None:
    from ..mail.services import queue_mail

    author = post.author
    queue_mail(session, to=author.email, locale=author.locale or "de",
               subject=SUBJECTS[post.status], template="news/mail/decided.txt",
               title=_one_line(post.title), status=post.status, note=note,
               name=author.display_name, link=_link("news.manage", post_id=post.id),
               public_link=_link("news.detail", slug=post.slug))
