"""The moderated news blog: posts with their images, video, links, history and comments.

A post's state is `status`; every change of state is a PostEvent row (who, when, note). Moderator
actions change the state with a conditional UPDATE, so of two moderators at once one wins.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..db import Base, utcnow
from ..i18n import _l
from ..versioning import Versioned


class PostStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"
    REJECTED = "rejected"
    UNPUBLISHED = "unpublished"
    ARCHIVED = "archived"


class Component(StrEnum):
    """The three components of participation (DESIGN.md §2)."""

    STRUCTURE = "structure"
    CULTURE = "culture"
    ACTIVITY = "activity"


class CommentStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    HIDDEN = "hidden"


STATUS_LABELS = {
    PostStatus.DRAFT: _l("Draft"),
    PostStatus.SUBMITTED: _l("Submitted, waiting for moderation"),
    PostStatus.CHANGES_REQUESTED: _l("Changes requested"),
    PostStatus.PUBLISHED: _l("Published"),
    PostStatus.REJECTED: _l("Rejected"),
    PostStatus.UNPUBLISHED: _l("Unpublished"),
    PostStatus.ARCHIVED: _l("Archived"),
}
COMPONENT_LABELS = {
    Component.STRUCTURE: _l("Structure"),
    Component.CULTURE: _l("Culture"),
    Component.ACTIVITY: _l("Political activity"),
}
COMMENT_LABELS = {
    CommentStatus.PENDING: _l("Waiting for approval"),
    CommentStatus.APPROVED: _l("Shown"),
    CommentStatus.REJECTED: _l("Not published"),
    CommentStatus.WITHDRAWN: _l("Withdrawn"),
    CommentStatus.HIDDEN: _l("Hidden by the moderation"),
}
# Readable by everyone at the post's address; only PUBLISHED ones are listed and in the feed.
PUBLIC_STATUSES = (PostStatus.PUBLISHED.value, PostStatus.ARCHIVED.value)


class Post(Versioned, Base):
    __tablename__ = "news_posts"
    __table_args__ = (
        Index("ix_news_posts_listing", "status", "published_at", "id"),
        # The list filtered by component, and the moderation queue (longest waiting first).
        Index("ix_news_posts_component", "status", "component", "published_at", "id"),
        Index("ix_news_posts_queue", "status", "updated_at", "id"),
        Index("ix_news_posts_author", "author_id", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(500))
    # What the author wrote (Markdown), and its rendering through the one sanitizer.
    body_markdown: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    # The Leichte Sprache version; it counts once a review group has checked it.
    easy_markdown: Mapped[str] = mapped_column(Text, default="")
    easy_html: Mapped[str] = mapped_column(Text, default="")
    easy_checked_by: Mapped[str] = mapped_column(String(200), default="")
    easy_checked_on: Mapped[date | None]
    component: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=PostStatus.DRAFT.value)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime | None]
    # Video: an uploaded file (random name in UPLOAD_FOLDER/news) or a link; captions or transcript.
    video_url: Mapped[str] = mapped_column(String(500), default="")
    video_name: Mapped[str | None] = mapped_column(String(80))
    video_mime: Mapped[str | None] = mapped_column(String(40))
    video_size: Mapped[int | None]
    captions_name: Mapped[str | None] = mapped_column(String(80))
    transcript: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User] = relationship()
    tags: Mapped[list[PostTag]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostTag.tag")
    images: Mapped[list[PostImage]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostImage.id")
    links: Mapped[list[PostLink]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostLink.id")
    events: Mapped[list[PostEvent]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="PostEvent.id")

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))  # type: ignore[call-overload]

    @property
    def component_label(self) -> str:
        if not self.component:
            return ""
        return str(COMPONENT_LABELS.get(self.component, self.component))  # type: ignore[call-overload]

    @property
    def tag_names(self) -> list[str]:
        return [t.tag for t in self.tags]

    @property
    def has_easy_version(self) -> bool:
        return bool(self.easy_html)

    @property
    def has_video(self) -> bool:
        return bool(self.video_name or self.video_url)

    @property
    def video_is_accessible(self) -> bool:
        """A video needs captions (WebVTT) or a transcript before it can be published."""
        return not self.has_video or bool(self.captions_name or self.transcript.strip())

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def __repr__(self) -> str:
        return f"<Post {self.id} {self.status}>"


class PostTag(Base):
    __tablename__ = "news_post_tags"
    __table_args__ = (UniqueConstraint("post_id", "tag"), Index("ix_news_post_tags_tag", "tag"))

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("news_posts.id", ondelete="CASCADE"))
    tag: Mapped[str] = mapped_column(String(40))

    post: Mapped[Post] = relationship(back_populates="tags")


class TagCount(Base):
    """How many published posts carry each tag: the tag filter's choices read the most used ones
    through an index, whatever the number of posts.

    Kept by database triggers (migration 0019, `tag_count_triggers`), in the transaction that
    changes a post's state or its tags, however that happens (a moderator's conditional UPDATE, a
    bulk INSERT, a deleted post and its cascade): +1 when a tagged post becomes published or a
    published post gets a tag, -1 the other way round; a tag at 0 loses its row. Counters are
    changed by upsert and `posts = posts - n`, never read and written back, so two editors at once
    cannot lose a change; on PostgreSQL the triggers run once per statement (a bulk INSERT changes
    each counter once) and a change of tags takes their posts FOR SHARE, so it waits for (or holds
    off) a change of a post's state."""

    __tablename__ = "news_tag_counts"
    __table_args__ = (CheckConstraint("posts >= 0", name="posts_not_negative"),)

    tag: Mapped[str] = mapped_column(String(40), primary_key=True)
    posts: Mapped[int]


# The most used first, equal counts by name: the index is read in that order.
Index("ix_news_tag_counts_rank", TagCount.posts.desc(), TagCount.tag)


class StatusCount(Base):
    """How many posts (`kind` "post") and comments ("comment") are in each state: the
    moderation's figures read a few rows, whatever the number of posts and comments.

    Kept by database triggers (migration 0021), in the transaction that inserts, changes or
    deletes a post or a comment, however that happens (a moderator's conditional UPDATE, a bulk
    INSERT, a deleted post and its comments' cascade). Counters change by upsert and
    `n = n + delta`, never read and written back; on PostgreSQL once per statement. A state
    nothing was ever in has no row (0)."""

    __tablename__ = "news_status_counts"
    __table_args__ = (CheckConstraint("n >= 0", name="n_not_negative"),)

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    n: Mapped[int]


class PostImage(Base):
    """An uploaded picture, re-encoded without metadata and stored in a few widths."""

    __tablename__ = "news_post_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("news_posts.id", ondelete="CASCADE"),
                                         index=True)
    # Random stem; the files are <stem>-<width>.webp in UPLOAD_FOLDER/news.
    stem: Mapped[str] = mapped_column(String(40), unique=True)
    widths: Mapped[str] = mapped_column(String(60))  # "480,960,1600"
    width: Mapped[int]
    height: Mapped[int]
    alt: Mapped[str] = mapped_column(String(300), default="")
    is_decorative: Mapped[bool] = mapped_column(default=False)
    caption: Mapped[str] = mapped_column(String(300), default="")
    shows_people: Mapped[bool] = mapped_column(default=False)
    # How every person shown agreed (in writing, by email, …); confirmed by the author.
    consent_note: Mapped[str] = mapped_column(String(500), default="")
    consent_confirmed_at: Mapped[datetime | None]
    consent_confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="images")

    @property
    def width_list(self) -> list[int]:
        return [int(w) for w in self.widths.split(",") if w]

    def file_name(self, width: int) -> str:
        return f"{self.stem}-{width}.webp"

    @property
    def has_consent(self) -> bool:
        return not self.shows_people or self.consent_confirmed_at is not None


class PostLink(Base):
    """A reference from a post to a row of another domain (meeting, decision, milestone).

    Kept by kind and id, so this domain needs none of those tables; the kinds are resolved
    through `links.py`, where the other domains register."""

    __tablename__ = "news_post_links"
    __table_args__ = (UniqueConstraint("post_id", "kind", "target_id"),
                      Index("ix_news_post_links_target", "kind", "target_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("news_posts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int]

    post: Mapped[Post] = relationship(back_populates="links")


class PostEvent(Base):
    """One change of a post's state: who, when, from → to, and the note."""

    __tablename__ = "news_post_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("news_posts.id", ondelete="CASCADE"),
                                         index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))  # type: ignore[call-overload]


class Comment(Base):
    __tablename__ = "news_comments"
    __table_args__ = (Index("ix_news_comments_post", "post_id", "status", "id"),
                      # A post's thread in order, whatever the states shown.
                      Index("ix_news_comments_thread", "post_id", "id"),
                      Index("ix_news_comments_status", "status", "id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("news_posts.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    body: Mapped[str] = mapped_column(Text)  # plain text, shown escaped
    status: Mapped[str] = mapped_column(String(20), default=CommentStatus.PENDING.value)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(500), default="")

    post: Mapped[Post] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])

    @property
    def status_label(self) -> str:
        return str(COMMENT_LABELS.get(self.status, self.status))  # type: ignore[call-overload]


class CommentReport(Base):
    """Someone signed in reported a shown comment to the moderation (once per person)."""

    __tablename__ = "news_comment_reports"
    __table_args__ = (UniqueConstraint("comment_id", "reporter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("news_comments.id", ondelete="CASCADE"),
                                            index=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_at: Mapped[datetime | None]


class PostAction(StrEnum):
    CREATED = "created"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    RESUBMITTED = "resubmitted"
    PUBLISHED = "published"
    REJECTED = "rejected"
    UNPUBLISHED = "unpublished"
    ARCHIVED = "archived"


ACTION_LABELS = {
    PostAction.CREATED: _l("Written as a draft"),
    PostAction.SUBMITTED: _l("Submitted for moderation"),
    PostAction.CHANGES_REQUESTED: _l("Changes requested"),
    PostAction.RESUBMITTED: _l("Changed and submitted again"),
    PostAction.PUBLISHED: _l("Published"),
    PostAction.REJECTED: _l("Rejected"),
    PostAction.UNPUBLISHED: _l("Unpublished"),
    PostAction.ARCHIVED: _l("Archived"),
}
