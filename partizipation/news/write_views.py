"""The author's pages: write and change a post, its pictures and video, submit it; the post's
own page with its state and history (where moderators decide, see moderation_views.py)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..db import db
from ..domain import DomainError, StaleError
from ..forms import ActionForm
from ..i18n import _l
from ..permissions import require
from ..versioning import check_version
from . import media, post_links, queries, services
from . import permissions as perms
from .blueprint import bp, load_post, post_form_data
from .forms import DecisionForm, ImageForm, VideoForm, post_form
from .images import remove_image as remove_image_files
from .models import PostImage

VERSIONED_FIELDS = ("title", "summary")


@bp.route("/neuigkeiten/neu", methods=["GET", "POST"])
@login_required
def new():  # type: ignore[no-untyped-def]
    require(perms.can_write_posts(current_user))
    form = post_form(db.session)
    if form.validate_on_submit():
        try:
            post = services.create_post(db.session, services.PostData.from_form(form.data),
                                        actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("Your draft is saved. Add pictures or a video if you like, then submit "
                     "it for moderation."), "success")
            return redirect(url_for(".manage", post_id=post.id))
    return render_template("news/form.html", form=form, post=None)


@bp.route("/neuigkeiten/beitrag/<int:post_id>/bearbeiten", methods=["GET", "POST"])
@login_required
def edit(post_id: int):  # type: ignore[no-untyped-def]
    post = load_post(post_id)
    require(perms.can_edit_post(current_user, post))
    form = post_form(db.session, obj=post_form_data(post))
    if form.validate_on_submit():
        try:
            check_version(post, form, VERSIONED_FIELDS)
            services.update_post(db.session, post, services.PostData.from_form(form.data),
                                 actor=current_user)
        except (DomainError, StaleError) as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("Your changes are saved."), "success")
            return redirect(url_for(".manage", post_id=post.id))
    return render_template("news/form.html", form=form, post=post)


@bp.route("/neuigkeiten/beitrag/<int:post_id>", methods=["GET", "POST"])
@login_required
def manage(post_id: int):  # type: ignore[no-untyped-def]
    """The post's state, history and actions; moderators decide here (publish, changes, reject)."""
    post = load_post(post_id)
    require(perms.can_manage_post(current_user, post))
    form = DecisionForm() if perms.can_decide_post(current_user, post) else None
    if request.method == "POST":
        if form is None:
            # Someone else decided meanwhile, or the user may not: say so instead of a 403.
            require(perms.is_moderator(current_user))
            flash(_l("Someone else was quicker: the post is now “%(status)s”. Nothing was "
                     "changed.", status=post.status_label), "error")
            return redirect(url_for(".manage", post_id=post.id))
        if form.validate_on_submit():
            try:
                services.decide_post(db.session, post, form.decision.data or "",
                                     form.note.data or "", actor=current_user)
            except DomainError as error:
                db.session.rollback()
                if error.field is None:
                    flash(str(error), "error")
                    return redirect(url_for(".manage", post_id=post.id))
                form.put_error(error)
            else:
                db.session.commit()
                flash(_l("Done: the post is now “%(status)s”. The author was told by email.",
                         status=post.status_label), "success")
                return redirect(url_for(".manage", post_id=post.id))
    return render_manage(post, form)


def render_manage(post, decision_form, status: int = 200):  # type: ignore[no-untyped-def]
    return render_template(
        "news/manage.html", post=post, form=decision_form,
        problems=services.submission_problems(post), note=services.latest_note(post),
        links=post_links.describe_links(db.session, list(post.links)),
    ), status


@bp.post("/neuigkeiten/beitrag/<int:post_id>/einreichen")
@login_required
def submit(post_id: int):  # type: ignore[no-untyped-def]
    post = load_post(post_id)
    require(perms.can_submit_post(current_user, post))
    if not ActionForm().validate_on_submit():
        return redirect(url_for(".manage", post_id=post.id))
    try:
        services.submit_post(db.session, post, actor=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_l("Your post was submitted. The moderation has been told and will answer by "
                 "email."), "success")
    return redirect(url_for(".manage", post_id=post.id))


@bp.route("/neuigkeiten/beitrag/<int:post_id>/bilder/neu", methods=["GET", "POST"])
@login_required
def add_image(post_id: int):  # type: ignore[no-untyped-def]
    post = load_post(post_id)
    require(perms.can_edit_post(current_user, post))
    form = ImageForm()
    if form.validate_on_submit():
        upload = request.files.get("file")
        stream = upload.stream if upload and upload.filename else None
        try:
            media.add_image(db.session, post, stream, form.data, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("The picture was added."), "success")
            return redirect(url_for(".manage", post_id=post.id))
    return render_template("news/image_form.html", form=form, post=post)


@bp.post("/neuigkeiten/beitrag/<int:post_id>/bilder/<int:image_id>/entfernen")
@login_required
def remove_image(post_id: int, image_id: int):  # type: ignore[no-untyped-def]
    post = load_post(post_id)
    require(perms.can_edit_post(current_user, post))
    image = next((i for i in post.images if i.id == image_id), None)
    if image is None or not isinstance(image, PostImage):
        return redirect(url_for(".manage", post_id=post.id))
    if ActionForm().validate_on_submit():
        stem, widths = media.remove_image(db.session, post, image)
        db.session.commit()
        remove_image_files(media.folder(), stem, widths)
        flash(_l("The picture was removed."), "success")
    return redirect(url_for(".manage", post_id=post.id))


@bp.route("/neuigkeiten/beitrag/<int:post_id>/video/bearbeiten", methods=["GET", "POST"])
@login_required
def edit_video(post_id: int):  # type: ignore[no-untyped-def]
    post = load_post(post_id)
    require(perms.can_edit_post(current_user, post))
    form = VideoForm(obj=post) if request.method == "GET" else VideoForm()
    if form.validate_on_submit():
        video = request.files.get("video")
        captions = request.files.get("captions")
        try:
            replaced = media.save_video(
                db.session, post, form.data,
                video=video.stream if video and video.filename else None,
                captions=captions.stream if captions and captions.filename else None)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            for name in replaced:
                (media.folder() / name).unlink(missing_ok=True)
            flash(_l("The video is saved."), "success")
            return redirect(url_for(".manage", post_id=post.id))
    return render_template("news/video_form.html", form=form, post=post)


@bp.get("/neuigkeiten/meine")
@login_required
def my_posts():  # type: ignore[no-untyped-def]
    return render_template("news/my_posts.html",
                           page=queries.my_posts(db.session, current_user))
