"""Public pages: the list, a post (with its comments and the comment form), its Leichte Sprache
version, the Atom feeds, and the post's pictures, video and captions."""

from __future__ import annotations

from typing import Any

from flask import (
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from ..db import db, utcnow
from ..domain import DomainError
from ..extensions import limiter
from ..i18n import _l
from ..permissions import require
from ..uploads import send_stored
from . import comments, post_links, queries
from . import permissions as perms
from .blueprint import account_key, bp, comment_limit, sent, visible_post
from .forms import CommentForm, FilterForm, component_choices
from .media import folder
from .models import Component, Post, PostImage


@bp.get("/neuigkeiten")
def index():  # type: ignore[no-untyped-def]
    session = db.session
    cloud = queries.tag_cloud(session)
    form = FilterForm(request.args)
    form.thema.choices = [SelectChoice("", _l("All tags"))] + [
        SelectChoice(tag, tag) for tag, _count in cloud]
    form.bereich.choices = component_choices(_l("All components"))
    tag = (request.args.get("thema") or "").strip()[:40] or None
    component = request.args.get("bereich") or None
    if component and component not in {c.value for c in Component}:
        component = None
    if tag and tag not in {t for t, _ in cloud}:
        form.thema.choices.append(SelectChoice(tag, tag))
    page = queries.news_page(session, tag, component)
    return render_template("news/index.html", page=page, form=form, tag=tag,
                           component=component)


def _detail(post: Post, form: CommentForm | None, status: int = 200) -> Any:
    session = db.session
    return render_template(
        "news/detail.html", post=post, form=form,
        comments=queries.approved_comments(session, post),
        own_waiting=queries.own_open_comments(session, post, current_user),
        links=post_links.describe_links(session, list(post.links)),
        share_url=url_for("news.detail", slug=post.slug, _external=True),
    ), status


@bp.route("/neuigkeiten/<slug>", methods=["GET", "POST"])
@limiter.limit(comment_limit, methods=["POST"], key_func=account_key, deduct_when=sent)
def detail(slug: str):  # type: ignore[no-untyped-def]
    post = visible_post(slug)
    form = CommentForm() if perms.can_comment(current_user, post) else None
    if request.method == "POST":
        require(form is not None)
        assert form is not None
        if form.validate_on_submit():
            try:
                comments.add_comment(db.session, post, form.body.data or "", actor=current_user)
            except DomainError as error:
                db.session.rollback()
                form.put_error(error)
            else:
                db.session.commit()
                flash(_l("Thank you. Your comment is shown once the moderation has approved "
                         "it."), "success")
                return redirect(url_for(".detail", slug=post.slug))
    return _detail(post, form)


@bp.errorhandler(429)
def too_many_comments(error):  # type: ignore[no-untyped-def]
    slug = (request.view_args or {}).get("slug")
    if request.endpoint != "news.detail" or slug is None:
        return render_template("errors/error.html", code=429,
                               title=_l("Too many attempts")), 429
    post = visible_post(slug)
    form = CommentForm()
    form.form_errors.append(_l(
        "You have written several comments in a short time. Your text is kept below: please "
        "wait an hour and send it again."))
    return _detail(post, form, 429)


@bp.get("/neuigkeiten/<slug>/leichte-sprache")
def easy(slug: str):  # type: ignore[no-untyped-def]
    post = visible_post(slug)
    if not post.has_easy_version:
        abort(404)
    return render_template("news/easy.html", post=post)


def _feed(tag: str | None) -> Response:
    posts = queries.feed_posts(db.session, tag)
    updated = max((p.updated_at for p in posts), default=None) or utcnow()
    body = render_template("news/feed.xml", posts=posts, tag=tag, updated=updated)
    return Response(body, mimetype="application/atom+xml")


@bp.get("/neuigkeiten/feed.atom")
def feed():  # type: ignore[no-untyped-def]
    return _feed(None)


@bp.get("/neuigkeiten/thema/<path:tag>/feed.atom")
def tag_feed(tag: str):  # type: ignore[no-untyped-def]
    return _feed(tag[:40])


# ---------------------------------------------------------------- files of a post


def _post_of(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None or not perms.can_view_post(current_user, post):
        abort(404)
    return post


@bp.get("/neuigkeiten/bilder/<name>")
def image(name: str):  # type: ignore[no-untyped-def]
    stem, _, rest = name.partition("-")
    width = rest.removesuffix(".webp")
    from sqlalchemy import select

    found = db.session.scalars(select(PostImage).where(PostImage.stem == stem)).first()
    if found is None or not width.isdigit() or int(width) not in found.width_list:
        abort(404)
    _post_of(found.post_id)
    return send_stored(folder(), found.file_name(int(width)), "image/webp", name)


@bp.get("/neuigkeiten/beitrag/<int:post_id>/video")
def video(post_id: int):  # type: ignore[no-untyped-def]
    post = _post_of(post_id)
    if not post.video_name or not post.video_mime:
        abort(404)
    extension = post.video_name.rsplit(".", 1)[-1]
    return send_stored(folder(), post.video_name, post.video_mime, f"video.{extension}")


@bp.get("/neuigkeiten/beitrag/<int:post_id>/untertitel.vtt")
def captions(post_id: int):  # type: ignore[no-untyped-def]
    post = _post_of(post_id)
    if not post.captions_name:
        abort(404)
    return send_stored(folder(), post.captions_name, "text/vtt", "untertitel.vtt")
