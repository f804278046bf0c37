"""What the news pages read: each with a fixed number of statements, whatever the size."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..accounts.models import User
from ..dashboard import capped
from ..paging import Page, paginate
from .models import (
    Comment,
    CommentReport,
    CommentStatus,
    Post,
    PostEvent,
    PostStatus,
    PostTag,
    StatusCount,
    TagCount,
)

FEED_SIZE = 20
# Long lists count their rows only up to this many ("of more than 500"): no request counts
# every post or comment there is.
COUNT_LIMIT = 500
TAG_CLOUD = 30


def _published(tag: bool, component: bool) -> list[ColumnElement[bool]]:
    """The published posts; with `tag` those with the tag `news_tag`, with `component` those of
    the component `news_component` (parameters: `_filtered` gives their values)."""
    conditions = [Post.status == PostStatus.PUBLISHED.value]
    if tag:
        conditions.append(exists().where(PostTag.post_id == Post.id,
                                         PostTag.tag == bindparam("news_tag")))
    if component:
        conditions.append(Post.component == bindparam("news_component"))
    return conditions


def _filtered(tag: str | None, component: str | None = None) -> dict[str, Any]:
    return {"news_tag": tag, "news_component": component}


NEWEST_FIRST = (Post.published_at.desc(), Post.id.desc())


@cache
def _feed_statement(tag: bool) -> Select[Any]:
    """The feed's published posts (with `news_tag`), newest first, with their author and tags
    (it shows no pictures); joined: one statement; a post has few tags. Built once per
    process, as the other statements here that take their values as parameters."""
    return (select(Post).where(*_published(tag, False))
            .options(joinedload(Post.author), joinedload(Post.tags)).order_by(*NEWEST_FIRST)
            .limit(FEED_SIZE))


class ListedPost(NamedTuple):
    """A post as the lists show it (`post_item`): its own columns, its author's name and its
    tags, read as rows (no post objects with every text of the post loaded)."""

    id: int
    slug: str
    title: str
    summary: str
    published_at: datetime
    component: str | None
    author_name: str
    has_easy_version: bool
    tag_names: list[str]


# The columns of `ListedPost` before its tags.
_LISTED: tuple[Any, ...] = (Post.id, Post.slug, Post.title, Post.summary, Post.published_at,
                            Post.component, User.display_name, Post.easy_html != "")


@cache
def _listed(tag: bool = False, component: bool = False) -> Select[Any]:
    """The published posts as the rows of `ListedPost`, newest first (without their tags:
    `_with_tags` and `latest` add them)."""
    return (select(*_LISTED)
            .join(User, User.id == Post.author_id)
            .where(*_published(tag, component)).order_by(*NEWEST_FIRST))


@cache
def _tag_total() -> ColumnElement[int]:
    """How many published posts have `news_tag`, as kept in `TagCount`."""
    return func.coalesce(select(TagCount.posts).where(TagCount.tag == bindparam("news_tag"))
                         .scalar_subquery(), 0)


def _with_tags(session: Session, rows: Sequence[Any]) -> list[ListedPost]:
    """The listed posts with their tags, by name as the post shows them (one statement)."""
    tags: dict[int, list[str]] = {row[0]: [] for row in rows}
    if tags:
        for post_id, name in session.execute(
                select(PostTag.post_id, PostTag.tag).where(PostTag.post_id.in_(list(tags)))
                .order_by(PostTag.post_id, PostTag.tag)):
            tags[post_id].append(name)
    return [ListedPost._make((*row, tags[row[0]])) for row in rows]


def news_page(session: Session, tag: str | None, component: str | None) -> Page[Any]:
    """One page of the published posts (`ListedPost`); filtered by a tag alone, its exact total
    is the tag's kept count (`TagCount`, read in the same statement) instead of up to 501 posts
    walked."""
    values = _filtered(tag, component)
    if tag and not component:
        page = paginate(session, _listed(True), per_page=10, total=_tag_total(),
                        scalars=False, params=values)
    else:
        page = paginate(session, _listed(bool(tag), bool(component)), per_page=10,
                        scalars=False, count_limit=COUNT_LIMIT, params=values)
    page.items = _with_tags(session, page.items)
    return page


def tag_cloud(session: Session) -> list[tuple[str, int]]:
    """The TAG_CLOUD tags with the most published posts (equal counts by name), sorted by name,
    with their number of posts: at most TAG_CLOUD rows of the summary the database keeps
    (`TagCount`), read through its index in that order."""
    rows = session.execute(select(TagCount.tag, TagCount.posts)
                           .order_by(TagCount.posts.desc(), TagCount.tag).limit(TAG_CLOUD))
    return sorted(((tag, count) for tag, count in rows), key=lambda row: row[0].lower())


@cache
def _latest_statement(limit: int) -> Select[Any]:
    """`latest`'s statement, built once per process: the posts limited first, then each joined
    to its tags."""
    posts = _listed().limit(limit).subquery()
    return (select(posts, PostTag.tag)
            .select_from(posts.outerjoin(PostTag, PostTag.post_id == posts.c.id))
            .order_by(posts.c.published_at.desc(), posts.c.id.desc(), PostTag.tag))


def latest(session: Session, limit: int = 3) -> list[ListedPost]:
    """The newest posts with their tags in one statement (the start page's fourth)."""
    rows = session.execute(_latest_statement(limit))
    found: dict[int, ListedPost] = {}
    for *row, name in rows:
        post = found.get(row[0])
        if post is None:
            post = found[row[0]] = ListedPost._make((*row, []))
        if name is not None:
            post.tag_names.append(name)
    return list(found.values())


def feed_posts(session: Session, tag: str | None = None) -> list[Post]:
    return list(session.scalars(_feed_statement(bool(tag)), _filtered(tag)).unique())


@cache
def _by_slug_statement() -> Select[Any]:
    return (select(Post).where(Post.slug == bindparam("news_slug"))
            .options(joinedload(Post.author), joinedload(Post.tags), joinedload(Post.images),
                     joinedload(Post.links)))


def post_by_slug(session: Session, slug: str) -> Post | None:
    """The post with its author, tags, pictures and links in one statement."""
    return session.scalars(_by_slug_statement(), {"news_slug": slug}).unique().first()


def post_for_manage(session: Session, post_id: int) -> Post | None:
    return session.scalars(
        select(Post).where(Post.id == post_id)
        .options(joinedload(Post.author), selectinload(Post.tags), selectinload(Post.images),
                 selectinload(Post.links),
                 selectinload(Post.events).joinedload(PostEvent.actor))).first()


@cache
def _approved_comments_statement() -> Select[Any]:
    return (select(Comment).where(
        Comment.post_id == bindparam("news_post"),
        Comment.status.in_((CommentStatus.APPROVED.value, CommentStatus.HIDDEN.value)))
        .options(joinedload(Comment.author)).order_by(Comment.id))


def approved_comments(session: Session, post: Post) -> Page[Any]:
    return paginate(session, _approved_comments_statement(), per_page=25,
                    params={"news_post": post.id})


def own_open_comments(session: Session, post: Post, user: Any) -> list[Comment]:
    """The viewer's comments that wait for approval (bounded: the newest ten)."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(session.scalars(select(Comment).where(
        Comment.post_id == post.id, Comment.author_id == user.id,
        Comment.status == CommentStatus.PENDING.value).order_by(Comment.id.desc()).limit(10)))


def _state_count(kind: str, status: str) -> Any:
    """How many posts or comments are in `status`: one row of the counts the database keeps
    (`StatusCount`), exact whatever their number."""
    return func.coalesce(select(StatusCount.n).where(
        StatusCount.kind == kind, StatusCount.status == status).scalar_subquery(), 0)


def queue_counts() -> dict[str, Any]:
    """What waits for moderation (scalar subqueries): the posts and comments waiting, exact from
    the kept counts; the comments with open reports (few by nature) counted up to
    COUNT_LIMIT + 1."""
    return {
        "submitted": _state_count("post", PostStatus.SUBMITTED.value),
        "comments_pending": _state_count("comment", CommentStatus.PENDING.value),
        "comments_reported": capped(select(CommentReport.comment_id).where(
            CommentReport.handled_at.is_(None)).distinct(), COUNT_LIMIT),
    }


def status_counts(session: Session) -> dict[str, int]:
    """Posts per state, comments waiting, comments with open reports (one statement): exact
    counts, but the reported comments only up to COUNT_LIMIT + 1 (`capped_count` shows more as
    "more than COUNT_LIMIT")."""
    names = [status.value for status in PostStatus] + ["comments_pending", "comments_reported"]
    queue = queue_counts()
    row = session.execute(select(
        *(_state_count("post", status.value) for status in PostStatus),
        queue["comments_pending"], queue["comments_reported"])).one()
    return dict(zip(names, row, strict=True))


@cache
def _submitted_statement() -> Select[Any]:
    return (select(Post).where(Post.status == PostStatus.SUBMITTED.value)
            .options(joinedload(Post.author)).order_by(Post.updated_at, Post.id))


def submitted(session: Session, total: int) -> Page[Any]:
    """The queue: submitted posts, the longest waiting first; `total` from `status_counts`
    (one statement, built once per process)."""
    return paginate(session, _submitted_statement(), total=total, params={})


def pending_comments(session: Session) -> Page[Any]:
    return paginate(session, select(Comment).where(
        Comment.status == CommentStatus.PENDING.value)
        .options(joinedload(Comment.author), joinedload(Comment.post)).order_by(Comment.id),
        count_limit=COUNT_LIMIT)


def reported_comments(session: Session) -> Page[Any]:
    """Comments with open reports, with the number and the reasons of those reports."""
    open_reports = and_(CommentReport.comment_id == Comment.id,
                        CommentReport.handled_at.is_(None))
    return paginate(session, select(Comment).where(exists().where(open_reports))
                    .options(joinedload(Comment.author), joinedload(Comment.post))
                    .order_by(Comment.id))


def open_reports(session: Session, comment_ids: list[int]) -> dict[int, list[str]]:
    reasons: dict[int, list[str]] = {}
    if not comment_ids:
        return reasons
    for comment_id, reason in session.execute(
            select(CommentReport.comment_id, CommentReport.reason).where(
                CommentReport.comment_id.in_(comment_ids), CommentReport.handled_at.is_(None))
            .order_by(CommentReport.id)):
        reasons.setdefault(comment_id, []).append(reason)
    return reasons


def my_posts(session: Session, user: Any) -> Page[Any]:
    return paginate(session, select(Post).where(Post.author_id == user.id)
                    .order_by(Post.updated_at.desc(), Post.id.desc()))


