"""Sign in and out."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import DBAPIError

from ..db import db
from ..extensions import limiter, login_manager
from ..forms import ActionForm
from ..i18n import _l
from ..templating import safe_next
from .forms import LoginForm
from .models import User
from .services import authenticate, normalize_email

bp = Blueprint("accounts", __name__)

login_manager.login_view = "accounts.login"
login_manager.login_message = _l("Please sign in to see this page.")
login_manager.login_message_category = "info"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    if g.get("skip_user_lookup"):
        return None
    try:
        ident, _, version = user_id.partition(":")
        user = db.session.get(User, int(ident))
    except (ValueError, DBAPIError):
        return None
    # A changed password raises session_version and so ends every other session.
    if user is None or not user.is_active or str(user.session_version) != version:
        return None
    return user


def _login_limit() -> str:
    return current_app.config["LOGIN_LIMIT"]


def _email_key() -> str:
    return "login:" + normalize_email(request.form.get("email", ""))[:254]


def _failed(response) -> bool:  # type: ignore[no-untyped-def]
    return response.status_code != 302


@bp.route("/anmelden", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_login_limit, key_func=_email_key, methods=["POST"], deduct_when=_failed)
def login():  # type: ignore[no-untyped-def]
    if current_user.is_authenticated:
        return redirect(url_for("accounts.my_area"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(db.session, form.email.data or "", form.password.data or "")
        if user is None:
            form.form_errors.append(_l("The email address or the password is wrong."))
        elif not user.is_active:
            form.form_errors.append(
                _l("This account has been deactivated. Please contact the inclusion officer.")
            )
        else:
            login_user(user)
            db.session.commit()
            flash(_l("You are signed in."), "success")
            return redirect(safe_next(request.args.get("next"), url_for("accounts.my_area")))
    return render_template("accounts/login.html", form=form)


@bp.errorhandler(429)
def too_many_attempts(error):  # type: ignore[no-untyped-def]
    form = LoginForm()
    form.password.data = None
    form.form_errors.append(
        _l("Too many failed sign-in attempts. Please wait 15 minutes and try again.")
    )
    return render_template("accounts/login.html", form=form), 429


@bp.post("/abmelden")
@login_required
def logout():  # type: ignore[no-untyped-def]
    ActionForm().validate_on_submit()
    logout_user()
    flash(_l("You are signed out."), "success")
    return redirect(url_for("bitv.home"))


@bp.get("/mein-bereich")
@login_required
def my_area():  # type: ignore[no-untyped-def]
    return render_template("accounts/my_area.html")
