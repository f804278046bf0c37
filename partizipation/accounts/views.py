"""Sign in and out, forgotten passwords, invitations and the links sent by mail."""

from __future__ import annotations

from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user
from limits import parse as parse_limit

from ..db import db
from ..domain import DomainError
from ..extensions import limiter
from ..forms import ActionForm
from ..i18n import _l
from ..templating import safe_next
from .blueprint import bp
from .forms import (
    AcceptInvitationForm,
    ForgotPasswordForm,
    LoginForm,
    NewPasswordForm,
)
from .services import (
    accept_invitation,
    authenticate,
    confirm_email_change,
    normalize_email,
    request_password_reset,
    reset_password,
    send_signin_link,
    sign_in_by_link,
)
from .tokens import Purpose, TokenExpired, TokenInvalid, load_token


def _login_limit() -> str:
    return current_app.config["LOGIN_LIMIT"]


def _reset_limit() -> str:
    return current_app.config.get("RESET_LIMIT", "5 per hour")


def _email_key() -> str:
    """Failures count per account *and* address: nobody locks out an owner from elsewhere."""
    email = normalize_email(request.form.get("email", ""))[:254]
    return f"login:{email}:{get_remote_address()}"


def _account_limit() -> Any:
    return parse_limit(current_app.config.get("ACCOUNT_LOGIN_LIMIT", "50 per hour"))


def _account_key(email: str) -> str:
    return "login-account:" + normalize_email(email)[:254]


def _account_blocked(email: str) -> bool:
    """Whether passwords for this account wait (too many failures from all addresses)."""
    if not limiter.enabled:
        return False
    return not limiter.limiter.test(_account_limit(), _account_key(email))


def _count_account_failure(email: str) -> None:
    """Count a failure; when the account limit is reached, mail its owner a sign-in link."""
    if not limiter.enabled:
        return
    limiter.limiter.hit(_account_limit(), _account_key(email))
    if _account_blocked(email):
        send_signin_link(db.session, email)
        db.session.commit()


def _reset_email_key() -> str:
    return "reset:" + normalize_email(request.form.get("email", ""))[:254]


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
        email = form.email.data or ""
        if _account_blocked(email):
            form.password.data = None
            form.form_errors.append(_l(
                "Too many failed sign-in attempts for this account from several places. For "
                "your safety, sign in with the sign-in link we sent to the account's email "
                "address, or wait an hour."))
            return render_template("accounts/login.html", form=form), 429
        user = authenticate(db.session, email, form.password.data or "")
        if user is None:
            _count_account_failure(email)
            form.form_errors.append(_l("The email address or the password is wrong."))
        elif not user.is_active:
            form.form_errors.append(
                _l("This account has been deactivated. Please contact the inclusion officer.")
            )
        else:
            login_user(user)
            db.session.commit()
            flash(_("You are signed in."), "success")
            return redirect(safe_next(request.args.get("next"), url_for("accounts.my_area")))
    return render_template("accounts/login.html", form=form)


@bp.errorhandler(429)
def too_many_attempts(error):  # type: ignore[no-untyped-def]
    if request.endpoint == "accounts.forgot_password":
        reset_form = ForgotPasswordForm()
        reset_form.form_errors.append(
            _l("Too many requests for a new password. Please wait an hour and try again.")
        )
        return render_template("accounts/forgot_password.html", form=reset_form), 429
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
    logout_user()  # deletes this session's row (accounts.blueprint): a copied cookie is dead
    db.session.commit()
    flash(_("You are signed out."), "success")
    return redirect(url_for("bitv.home"))


@bp.get("/mein-bereich")
@login_required
def my_area():  # type: ignore[no-untyped-def]
    from ..dashboard import figures

    figures()  # every section's counts and lists: one statement, before the page asks
    return render_template("accounts/my_area.html")


@bp.route("/passwort-vergessen", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
@limiter.limit(_reset_limit, key_func=_reset_email_key, methods=["POST"])
def forgot_password():  # type: ignore[no-untyped-def]
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        # The same answer whether or not the address has an account.
        request_password_reset(db.session, form.email.data or "")
        db.session.commit()
        return render_template("accounts/forgot_password_sent.html", email=form.email.data)
    return render_template("accounts/forgot_password.html", form=form)


def _link_problem(error: Exception, purpose: Purpose):  # type: ignore[no-untyped-def]
    expired = isinstance(error, TokenExpired)
    page = render_template("accounts/link_problem.html", expired=expired, purpose=purpose.value)
    return _private(make_response(page, 410))


def _private(response):  # type: ignore[no-untyped-def]
    """Pages reached by a secret link: never cached, never sent on in a Referer."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/passwort-neu/<token>", methods=["GET", "POST"], endpoint="reset_password")
def reset_password_view(token: str):  # type: ignore[no-untyped-def]
    try:
        user, _payload = load_token(db.session, token, Purpose.RESET)
    except (TokenExpired, TokenInvalid) as error:
        return _link_problem(error, Purpose.RESET)
    form = NewPasswordForm()
    if form.validate_on_submit():
        reset_password(db.session, user, password=form.new_password.data or "")
        login_user(user)
        db.session.commit()
        flash(_("Your new password is saved. You are signed in."), "success")
        return redirect(url_for("accounts.my_area"))
    return _private(make_response(render_template("accounts/reset_password.html", form=form)))


@bp.route("/einladung/<token>", methods=["GET", "POST"], endpoint="accept_invitation")
def accept_invitation_view(token: str):  # type: ignore[no-untyped-def]
    try:
        user, _payload = load_token(db.session, token, Purpose.INVITE)
    except (TokenExpired, TokenInvalid) as error:
        return _link_problem(error, Purpose.INVITE)
    form = AcceptInvitationForm(data={"display_name": user.display_name})
    if form.validate_on_submit():
        accept_invitation(
            db.session,
            user,
            display_name=form.display_name.data or "",
            password=form.new_password.data or "",
        )
        login_user(user)
        db.session.commit()
        flash(_("Welcome! Your password is saved and you are signed in."), "success")
        return redirect(url_for("accounts.my_area"))
    page = render_template("accounts/accept_invitation.html", form=form, user=user)
    return _private(make_response(page))


@bp.route("/email-bestaetigen/<token>", methods=["GET", "POST"])
def confirm_email(token: str):  # type: ignore[no-untyped-def]
    try:
        user, payload = load_token(db.session, token, Purpose.EMAIL)
    except (TokenExpired, TokenInvalid) as error:
        return _link_problem(error, Purpose.EMAIL)
    new_email = payload.get("e")
    if not isinstance(new_email, str):
        abort(404)
    # Opening the link only shows a button: mail scanners that follow links change nothing.
    form = ActionForm()
    if form.validate_on_submit():
        try:
            confirm_email_change(db.session, user, new_email=new_email)
        except DomainError as error:
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Your new email address is confirmed and in use."), "success")
            target = "accounts.profile" if current_user.is_authenticated else "accounts.login"
            return redirect(url_for(target))
    page = render_template("accounts/confirm_email.html", form=form, new_email=new_email)
    return _private(make_response(page))



@bp.route("/anmelden/link/<token>", methods=["GET", "POST"])
def signin_link(token: str):  # type: ignore[no-untyped-def]
    """The one-time sign-in link mailed when an account's failure limit was reached."""
    try:
        user, _payload = load_token(db.session, token, Purpose.SIGNIN)
    except (TokenExpired, TokenInvalid) as error:
        return _link_problem(error, Purpose.SIGNIN)
    # Opening the link only shows a button: mail scanners that follow links change nothing.
    form = ActionForm()
    if form.validate_on_submit():
        sign_in_by_link(db.session, user)
        login_user(user)
        db.session.commit()
        if limiter.enabled:
            limiter.limiter.clear(_account_limit(), _account_key(user.email))
        flash(_("You are signed in."), "success")
        return redirect(url_for("accounts.my_area"))
    page = render_template("accounts/signin_link.html", form=form, user=user)
    return _private(make_response(page))
