"""The moderators' pages: the queue with its counts, taking a published post back, and the
comments waiting for approval or reported; and the comment actions of authors and readers."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..db import db
from ..domain import DomainError
from ..extensions import limiter
from ..forms import ActionForm
from ..i18n import _l
from ..permissions import require
from . import comments, queries, services
from . import permissions as perms
from .blueprint import account_key, bp, comment_limit, load_comment, load_post, sent
from .forms import ReasonForm, WithdrawForm


@bp.get("/neuigkeiten/moderation")
@login_required
def queue():  # type: ignore[no-untyped-def]
    require(perms.can_moderate_posts(current_user))
    counts = queries.status_counts(db.session)
    return render_template("news/queue.html", counts=counts,
                           page=queries.submitted(db.session, counts["submitted"]))


@bp.get("/neuigkeiten/moderation/kommentare")
@login_required
def comment_queue():  # type: ignore[no-untyped-def]
    require(perms.can_moderate_posts(current_user))
    return render_template("news/comment_queue.html",
                           page=queries.pending_comments(db.session))


@bp.get("/neuigkeiten/moderation/meldungen")
@login_required
def reports():  # type: ignore[no-untyped-def]
    require(perms.can_moderate_posts(current_user))
    page = queries.reported_comments(db.session)
    return render_template("news/reports.html", page=page,
                           reasons=queries.open_reports(db.session, [c.id for c in page]))


@bp.route("/neuigkeiten/beitrag/<int:post_id>/zuruecknehmen", methods=["GET", "POST"])
@login_required
def withdraw(post_id: int):  # type: ignore[no-untyped-def]
    post = load_post(post_id)
    require(perms.is_moderator(current_user))
    if not perms.can_withdraw_post(current_user, post):
        flash(_l("Only a published post can be unpublished or archived; this one is "
                 "“%(status)s”.", status=post.status_label), "error")
        return redirect(url_for(".manage", post_id=post.id))
    form = WithdrawForm()
    if form.validate_on_submit():
        try:
            services.withdraw_post(db.session, post, form.action.data or "",
                                   form.reason.data or "", actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error)
        else:
            db.session.commit()
            flash(_l("Done: the post is now “%(status)s”. The author was told by email.",
                     status=post.status_label), "success")
            return redirect(url_for(".manage", post_id=post.id))
    return render_template("news/withdraw.html", form=form, post=post)


def _comment_action(comment_id: int, check, action, done):  # type: ignore[no-untyped-def]
    comment = load_comment(comment_id)
    require(perms.is_moderator(current_user) or check(current_user, comment))
    if ActionForm().validate_on_submit():
        try:
            action(db.session, comment, actor=current_user)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(done, "success")
    return comment


@bp.post("/neuigkeiten/kommentare/<int:comment_id>/freigeben")
@login_required
def approve_comment(comment_id: int):  # type: ignore[no-untyped-def]
    require(perms.is_moderator(current_user))
    _comment_action(comment_id, perms.can_decide_comment, comments.approve_comment,
                    _l("The comment is now shown."))
    return redirect(url_for(".comment_queue"))


@bp.post("/neuigkeiten/kommentare/<int:comment_id>/ablehnen")
@login_required
def reject_comment(comment_id: int):  # type: ignore[no-untyped-def]
    require(perms.is_moderator(current_user))
    _comment_action(comment_id, perms.can_decide_comment, comments.reject_comment,
                    _l("The comment was not approved and stays hidden."))
    return redirect(url_for(".comment_queue"))


@bp.post("/neuigkeiten/kommentare/<int:comment_id>/behalten")
@login_required
def keep_comment(comment_id: int):  # type: ignore[no-untyped-def]
    require(perms.is_moderator(current_user))
    _comment_action(comment_id, perms.can_hide_comment, comments.keep_comment,
                    _l("The reports are closed; the comment stays shown."))
    return redirect(url_for(".reports"))


@bp.post("/neuigkeiten/kommentare/<int:comment_id>/zurueckziehen")
@login_required
def withdraw_comment(comment_id: int):  # type: ignore[no-untyped-def]
    comment = load_comment(comment_id)
    require(comment.author_id == current_user.id)
    _comment_action(comment_id, perms.can_withdraw_comment, comments.withdraw_comment,
                    _l("Your comment was withdrawn."))
    return redirect(url_for(".detail", slug=comment.post.slug))


@bp.route("/neuigkeiten/kommentare/<int:comment_id>/ausblenden", methods=["GET", "POST"])
@login_required
def hide_comment(comment_id: int):  # type: ignore[no-untyped-def]
    comment = load_comment(comment_id)
    require(perms.is_moderator(current_user))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            comments.hide_comment(db.session, comment, form.reason.data or "",
                                  actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error, "reason")
        else:
            db.session.commit()
            flash(_l("The comment is hidden; the reason is shown in its place."), "success")
            return redirect(url_for(".detail", slug=comment.post.slug))
    return render_template("news/reason.html", form=form, comment=comment, purpose="hide")


@bp.route("/neuigkeiten/kommentare/<int:comment_id>/melden", methods=["GET", "POST"])
@login_required
@limiter.limit(comment_limit, methods=["POST"], key_func=account_key, deduct_when=sent)
def report_comment(comment_id: int):  # type: ignore[no-untyped-def]
    comment = load_comment(comment_id)
    require(perms.can_report_comment(current_user, comment))
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            comments.report_comment(db.session, comment, form.reason.data or "",
                                    actor=current_user)
        except DomainError as error:
            db.session.rollback()
            form.put_error(error, "reason")
        else:
            db.session.commit()
            flash(_l("Thank you. The moderation will look at the comment."), "success")
            return redirect(url_for(".detail", slug=comment.post.slug))
    return render_template("news/reason.html", form=form, comment=comment, purpose="report")
