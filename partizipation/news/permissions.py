"""Who may do what with news posts and comments.

Members, facilitators and municipality contacts write and submit; editors (the press office)
and the officer moderate and publish, and write themselves. Facilitator and contact are powers
from rows, not roles: this is the one module of the domain that asks for them.
"""

from __future__ import annotations

from typing import Any

from ..facilitators.permissions import is_facilitator
from ..municipalities.permissions import is_municipality_contact
from ..permissions import Role, is_editor, is_signed_in
from .models import CommentStatus, Post, PostStatus

# An unpublished post can be corrected and submitted again.
EDITABLE = (PostStatus.DRAFT.value, PostStatus.CHANGES_REQUESTED.value,
            PostStatus.UNPUBLISHED.value)


def is_moderator(user: Any) -> bool:
    """Editors (press office) and the officer moderate news and comments."""
    return is_editor(user)


def can_write_posts(user: Any) -> bool:
    """Write a post and submit it for moderation."""
    if not is_signed_in(user):
        return False
    if user.role in (Role.MEMBER, Role.EDITOR, Role.OFFICER):
        return True
    return is_facilitator(user) or is_municipality_contact(user)


def is_author(user: Any, post: Post) -> bool:
    return is_signed_in(user) and post.author_id == user.id


def can_view_post(user: Any, post: Post) -> bool:
    """Published and archived posts are public; others only for their author and moderators."""
    return post.is_public or is_author(user, post) or is_moderator(user)


def can_manage_post(user: Any, post: Post) -> bool:
    """The post's own page of state, history and actions."""
    return is_author(user, post) or is_moderator(user)


def can_edit_post(user: Any, post: Post) -> bool:
    """Change text, pictures and video: the author, while a draft, after changes were asked or
    after it was unpublished."""
    return post.status in EDITABLE and is_author(user, post) and can_write_posts(user)


def can_submit_post(user: Any, post: Post) -> bool:
    return can_edit_post(user, post)


def can_moderate_posts(user: Any) -> bool:
    """See the moderation queue."""
    return is_moderator(user)


def can_decide_post(user: Any, post: Post) -> bool:
    """Publish, request changes or reject a submitted post."""
    return post.status == PostStatus.SUBMITTED and is_moderator(user)


def can_withdraw_post(user: Any, post: Post) -> bool:
    """Unpublish or archive a published post, with a reason."""
    return post.status == PostStatus.PUBLISHED and is_moderator(user)


def can_comment(user: Any, post: Post) -> bool:
    return post.status == PostStatus.PUBLISHED and is_signed_in(user)


def can_withdraw_comment(user: Any, comment: Any) -> bool:
    return (is_signed_in(user) and comment.author_id == user.id
            and comment.status in (CommentStatus.PENDING, CommentStatus.APPROVED))


def can_decide_comment(user: Any, comment: Any) -> bool:
    """Approve or reject a waiting comment."""
    return comment.status == CommentStatus.PENDING and is_moderator(user)


def can_hide_comment(user: Any, comment: Any) -> bool:
    return comment.status == CommentStatus.APPROVED and is_moderator(user)


def can_report_comment(user: Any, comment: Any) -> bool:
    """Anyone signed in may report a shown comment of someone else."""
    return (comment.status == CommentStatus.APPROVED and is_signed_in(user)
            and comment.author_id != user.id)


CHECKS = (
    can_write_posts, can_view_post, can_manage_post, can_edit_post, can_submit_post,
    can_moderate_posts, can_decide_post, can_withdraw_post, can_comment, can_withdraw_comment,
    can_decide_comment, can_hide_comment, can_report_comment,
)
