"""User administration for the officer and the admin: list, invite, change role, (de)activate."""

from __future__ import annotations

from functools import partial

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from ..db import db
from ..domain import DomainError
from ..domains import scoped_roles
from ..forms import ActionForm
from ..i18n import _l
from ..paging import matches, paginate, search_form, search_terms
from ..permissions import require
from .blueprint import bp
from .forms import ROLE_LABELS, InviteForm, RoleForm
from .models import User
from .permissions import (
    can_assign_role,
    can_change_role,
    can_change_user,
    can_deactivate_user,
    can_manage_users,
    can_reactivate_user,
)
from .services import change_role, invite_user, set_active


def _target(user_id: int) -> User:
    return db.session.get(User, user_id) or abort(404)


@bp.get("/verwaltung/benutzer")
@login_required
def users():  # type: ignore[no-untyped-def]
    require(can_manage_users(current_user))
    terms = search_terms()
    query = select(User).order_by(User.display_name, User.id)
    if terms:
        query = query.where(matches(terms, User.display_name, User.email))
    rows = paginate(db.session, query)
    return render_template("accounts/users.html", users=rows, terms=terms,
                           scoped=scoped_roles(db.session, [u.id for u in rows]),
                           search=search_form(_l("Search by name or email address")))


@bp.route("/verwaltung/benutzer/einladen", methods=["GET", "POST"])
@login_required
def invite():  # type: ignore[no-untyped-def]
    require(can_manage_users(current_user))
    form = InviteForm(data={"role": "member", "locale": "de"})
    form.limit_roles(partial(can_assign_role, current_user))
    if form.validate_on_submit():
        try:
            user = invite_user(
                db.session,
                email=form.email.data or "",
                display_name=form.display_name.data or "",
                role=form.role.data,
                locale=form.locale.data,
                actor=current_user._get_current_object(),
            )
        except DomainError as error:
            form.put_error(error, default="email")
        else:
            db.session.commit()
            flash(_("The invitation was sent to %(email)s.", email=user.email), "success")
            return redirect(url_for("accounts.user_detail", user_id=user.id))
    return render_template("accounts/invite.html", form=form)


def _detail_page(target: User, role_form: RoleForm, status: int = 200):  # type: ignore[no-untyped-def]
    page = render_template(
        "accounts/user_detail.html", target=target, form=role_form, role_labels=ROLE_LABELS
    )
    return page, status


def _role_form(target: User) -> RoleForm:
    form = RoleForm(data={"role": target.role})
    form.limit_roles(partial(can_assign_role, current_user))
    return form


@bp.get("/verwaltung/benutzer/<int:user_id>")
@login_required
def user_detail(user_id: int):  # type: ignore[no-untyped-def]
    require(can_manage_users(current_user))
    target = _target(user_id)
    return _detail_page(target, _role_form(target))


@bp.post("/verwaltung/benutzer/<int:user_id>/rolle")
@login_required
def user_role(user_id: int):  # type: ignore[no-untyped-def]
    target = _target(user_id)
    require(can_change_role(current_user, target))
    form = _role_form(target)
    if form.validate_on_submit():
        try:
            change_role(
                db.session, target, form.role.data, actor=current_user._get_current_object()
            )
        except DomainError as error:
            form.role.errors.append(str(error))
        else:
            db.session.commit()
            flash(
                _(
                    "%(name)s now has the role: %(role)s.",
                    name=target.display_name,
                    role=ROLE_LABELS[target.role],
                ),
                "success",
            )
            return redirect(url_for("accounts.user_detail", user_id=target.id))
    return _detail_page(target, form)


def _set_active(user_id: int, active: bool):  # type: ignore[no-untyped-def]
    target = _target(user_id)
    check = can_reactivate_user if active else can_deactivate_user
    require(check(current_user, target))
    if not ActionForm().validate_on_submit():
        abort(400)
    set_active(db.session, target, active, actor=current_user._get_current_object())
    db.session.commit()
    if active:
        flash(_("%(name)s can sign in again.", name=target.display_name), "success")
    else:
        flash(
            _(
                "%(name)s is deactivated and signed out. Nothing was deleted.",
                name=target.display_name,
            ),
            "success",
        )
    return redirect(url_for("accounts.user_detail", user_id=target.id))


@bp.post("/verwaltung/benutzer/<int:user_id>/deaktivieren")
@login_required
def deactivate_user(user_id: int):  # type: ignore[no-untyped-def]
    return _set_active(user_id, False)


@bp.post("/verwaltung/benutzer/<int:user_id>/reaktivieren")
@login_required
def reactivate_user(user_id: int):  # type: ignore[no-untyped-def]
    return _set_active(user_id, True)


@bp.post("/verwaltung/benutzer/<int:user_id>/einladung-erneut")
@login_required
def resend_invitation(user_id: int):  # type: ignore[no-untyped-def]
    target = _target(user_id)
    require(can_change_user(current_user, target) and target.password_hash is None)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        invite_user(
            db.session,
            email=target.email,
            display_name=target.display_name,
            role=target.role,
            locale=target.locale,
            actor=current_user._get_current_object(),
        )
    except DomainError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("A new invitation was sent to %(email)s.", email=target.email), "success")
    return redirect(url_for("accounts.user_detail", user_id=target.id))
