"""Friendly, accessible error pages; a broken database gives 503, never a stack trace."""

from __future__ import annotations

import hmac
from typing import Any

from flask import Flask, current_app, g, render_template, request, session
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from .i18n import _l

TITLES = {
    400: _l("The request could not be processed"),
    409: _l("Someone else changed this at the same time"),
    403: _l("Access denied"),
    404: _l("Page not found"),
    405: _l("This action is not possible here"),
    413: _l("The file is too large"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong"),
    503: _l("The service is temporarily unavailable"),
}

# Fields never echoed back into the re-submit form of an expired CSRF token.
_SECRET_FIELDS = {"csrf_token", "password", "new_password", "confirm", "current_password"}


def _render(code: int) -> tuple[str, int]:
    title = TITLES.get(code, TITLES[500])
    return render_template("errors/error.html", code=code, title=title), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> tuple[str, int]:
        # Keep the user's input: offer to send the same form again with a fresh token.
        fields = [
            (key, value)
            for key, value in request.form.items(multi=True)
            if key not in _SECRET_FIELDS
        ]
        # Offer to send it again only for a genuine, expired token of this very session: any
        # other token may be a forged POST, which must never become a one-click form (12.6).
        return render_template("errors/csrf.html", fields=fields, action=request.path,
                               resend=_own_expired_token(error)), 400

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> Any:
        if error.code is None or error.code < 400:
            return error
        return _render(error.code)

    @app.errorhandler(IntegrityError)
    @app.errorhandler(DataError)
    @app.errorhandler(StaleDataError)
    def _conflict(error: Exception) -> tuple[str, int]:
        # A rule the database holds (a unique index, a check) stopped a change that the form's
        # own checks let through, usually because two people acted at once. The user stays
        # signed in; nothing was saved.
        app.logger.warning("constraint violation: %s", error)
        session = g.get("db_session")
        if session is not None:
            session.rollback()
        return _render(409)

    @app.errorhandler(OperationalError)
    @app.errorhandler(DBAPIError)
    def _database(error: Exception) -> tuple[str, int]:
        app.logger.error("database unavailable: %s", error)
        return _render_without_database(503)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> tuple[str, int]:
        app.logger.exception("unhandled error")
        return _render_without_database(500)


def _render_without_database(code: int) -> tuple[str, int]:
    """Render an error page after a failed request, without touching a broken database again."""
    from flask import g
    from flask_login import AnonymousUserMixin

    session = g.get("db_session")
    if session is not None:
        try:
            session.rollback()
        except Exception:  # noqa: BLE001 - the database is already broken; show the page anyway
            pass
    if code == 503:
        # The signed-in user's row cannot be reloaded now: show the page as to a visitor.
        g.skip_user_lookup = True
        g._login_user = AnonymousUserMixin()
    return _render(code)


def _own_expired_token(error: CSRFError) -> bool:
    """Whether the rejected token was issued to this session and only too old."""
    from itsdangerous import BadData, URLSafeTimedSerializer

    if "expired" not in str(error.description or ""):
        return False
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    token = request.form.get(field)
    raw = session.get(field)
    if not token or not raw:
        return False
    secret = current_app.config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key or ""
    try:
        value = URLSafeTimedSerializer(secret, salt="wtf-csrf-token").loads(token)
    except BadData:
        return False
    return hmac.compare_digest(str(value), str(raw))
