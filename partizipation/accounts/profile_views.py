"""The signed-in person's own profile: name, language, password, email address."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_babel import refresh
from flask_login import current_user, login_required, login_user, logout_user

from ..db import db
from ..domain import DomainError
from ..forms import ActionForm
from ..permissions import require
from . import sessions
from .blueprint import bp
from .forms import ChangeEmailForm, ChangePasswordForm, ProfileForm
from .permissions import can_edit_profile
from .services import change_password, request_email_change, update_profile


@bp.route("/mein-bereich/profil", methods=["GET", "POST"])
@login_required
def profile():  # type: ignore[no-untyped-def]
    require(can_edit_profile(current_user))
    user = current_user._get_current_object()
    form = ProfileForm(data={"display_name": user.display_name, "locale": user.locale})
    if form.validate_on_submit():
        update_profile(
            db.session, user, display_name=form.display_name.data or "", locale=form.locale.data
        )
        db.session.commit()
        session.pop("lang", None)  # the saved setting now wins over the session's switch
        refresh()  # the new language applies to the message below already
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("accounts.profile"))
    return render_template("accounts/profile.html", form=form, user=user)


@bp.route("/mein-bereich/profil/passwort", methods=["GET", "POST"], endpoint="change_password")
@login_required
def change_password_view():  # type: ignore[no-untyped-def]
    require(can_edit_profile(current_user))
    user = current_user._get_current_object()
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(
                db.session,
                user,
                current_password=form.current_password.data or "",
                new_password=form.new_password.data or "",
            )
        except DomainError as error:
            form.put_error(error, default="current_password")
        else:
            login_user(user)  # this session goes on with the new session version
            db.session.commit()
            flash(_("Your new password is saved. You were signed out everywhere else."), "success")
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/change_password.html", form=form)


@bp.route("/mein-bereich/profil/email", methods=["GET", "POST"])
@login_required
def change_email():  # type: ignore[no-untyped-def]
    require(can_edit_profile(current_user))
    user = current_user._get_current_object()
    form = ChangeEmailForm()
    if form.validate_on_submit():
        try:
            request_email_change(
                db.session,
                user,
                new_email=form.email.data or "",
                current_password=form.current_password.data or "",
            )
        except DomainError as error:
            form.put_error(error, default="email")
        else:
            db.session.commit()
            flash(
                _(
                    "We sent a link to %(email)s. Open it to confirm the new address. "
                    "Until then, your old address stays in use.",
                    email=form.email.data,
                ),
                "success",
            )
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/change_email.html", form=form, user=user)


@bp.get("/mein-bereich/profil/sitzungen")
@login_required
def sessions_view():  # type: ignore[no-untyped-def]
    """Where the account is signed in now, with "sign out everywhere"."""
    require(can_edit_profile(current_user))
    rows = sessions.active(db.session, current_user)
    return render_template("accounts/sessions.html", rows=rows, form=ActionForm(),
                           current_id=sessions.current_id(db.session))


@bp.post("/mein-bereich/profil/sitzungen/ueberall-abmelden")
@login_required
def sign_out_everywhere():  # type: ignore[no-untyped-def]
    require(can_edit_profile(current_user))
    if not ActionForm().validate_on_submit():
        abort(400)
    user = current_user._get_current_object()
    count = sessions.end_all(db.session, user)
    logout_user()
    db.session.commit()
    flash(_("You are signed out on every device (%(count)s sessions ended).", count=count),
          "success")
    return make_response(redirect(url_for("accounts.login")))
