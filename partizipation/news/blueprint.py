"""The news blueprint, its template globals, and the loaders its view modules share."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, url_for
from flask_login import current_user

from ..db import db
from ..i18n import resolved
from . import permissions as perms
from . import queries
from .models import COMPONENT_LABELS, Comment, Post, PostImage

bp = Blueprint("news", __name__)

for _check in perms.CHECKS:
    bp.add_app_template_global(_check, _check.__name__)


@bp.app_template_global()
def news_my_posts() -> tuple[list[Post], int]:
    """For /mein-bereich: the user's latest posts and how many there are."""
    from .dashboard import my_posts

    return my_posts()


@bp.app_template_global()
def news_my_area_queue() -> dict[str, int]:
    """`news_queue_counts` for /mein-bereich, read from its one statement of figures."""
    from .dashboard import queue

    return queue()


@bp.app_template_global()
def news_queue_counts() -> dict[str, int]:
    return queries.status_counts(db.session)


@bp.app_template_global()
def news_count(value: int, capped: bool = False) -> str:
    """A count of `status_counts`: the number; for one counted only up to the limit (`capped`),
    "more than 500" past it."""
    from flask_babel import format_decimal, gettext

    if capped and value > queries.COUNT_LIMIT:
        return gettext("more than %(n)s", n=format_decimal(queries.COUNT_LIMIT))
    return str(format_decimal(value))


@bp.app_template_global()
def news_latest(limit: int = 3) -> list[queries.ListedPost]:
    return queries.latest(db.session, limit)


@bp.app_template_global()
def news_component_label(code: str) -> str:
    """A post's component as the lists name it (an unknown code as it is)."""
    return resolved(COMPONENT_LABELS).get(code, code)


@bp.app_template_global()
def news_srcset(image: PostImage) -> str:
    return ", ".join(f"{image_url(image, w)} {w}w" for w in image.width_list)


@bp.app_template_global()
def news_image_src(image: PostImage) -> str:
    """The fallback `src`: the middle width (960 px) or the largest there is below it."""
    widths = image.width_list
    return image_url(image, next((w for w in reversed(widths) if w <= 960), widths[0]))


def image_url(image: PostImage, width: int) -> str:
    return url_for("news.image", name=image.file_name(width))


def image_height(image: PostImage, width: int) -> int:
    return max(1, round(image.height * width / image.width))


bp.add_app_template_global(image_height, "news_image_height")


def account_key() -> str:
    """Comments and reports are limited per account (many people may share one address)."""
    return f"account:{current_user.get_id()}" if current_user.is_authenticated else "anonymous"


def comment_limit() -> str:
    return current_app.config["COMMENT_LIMIT"]  # type: ignore[no-any-return]


def sent(response: Response) -> bool:
    return response.status_code == 302


def load_post(post_id: int) -> Post:
    post = queries.post_for_manage(db.session, post_id)
    return post or abort(404)


def load_comment(comment_id: int) -> Comment:
    return db.session.get(Comment, comment_id) or abort(404)


def visible_post(slug: str) -> Post:
    """A post by its address; a post the visitor may not see is 'not found'."""
    post = queries.post_by_slug(db.session, slug)
    if post is None or not perms.can_view_post(current_user, post):
        abort(404)
    return post


def post_form_data(post: Post) -> Any:
    """The post's stored values under the form's field names."""

    class _Data:
        pass

    data = _Data()
    data.title, data.summary, data.body = post.title, post.summary, post.body_markdown  # type: ignore[attr-defined]
    data.tags = ", ".join(post.tag_names)  # type: ignore[attr-defined]
    data.component = post.component or ""  # type: ignore[attr-defined]
    data.easy_body = post.easy_markdown  # type: ignore[attr-defined]
    data.easy_checked_by, data.easy_checked_on = post.easy_checked_by, post.easy_checked_on  # type: ignore[attr-defined]
    data.version = post.version  # type: ignore[attr-defined]
    for link in post.links:
        setattr(data, f"link_{link.kind}", link.target_id)
    return data
