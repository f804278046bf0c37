"""Cross-cutting pages: health check and the language switch."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..db import db
from ..domains import manage_sections
from ..permissions import require
from ..templating import safe_next
from .permissions import can_view_management

bp = Blueprint("core", __name__)


@bp.get("/healthz")
def healthz() -> tuple[dict[str, str], int]:
    """200 when the database answers, 503 otherwise."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return {"status": "unavailable", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}, 200


@bp.get("/sprache/<lang>")
def switch_language(lang: str):  # type: ignore[no-untyped-def]
    """Remember the chosen language for this browser session.

    Only the session changes (a GET must not change stored data); the account's own setting is
    changed on the profile page and is what mail and new sessions use.
    """
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    session["lang"] = lang
    return redirect(safe_next(request.args.get("next"), "/"))


@bp.get("/verwaltung")
@login_required
def management():  # type: ignore[no-untyped-def]
    """The management start page: each domain's links that this user may follow."""
    sections = [Markup(html) for html in (render_template(name) for name in manage_sections())
                if html.strip()]
    require(bool(sections))
    return render_template("core/management.html", sections=sections,
                           staff=can_view_management(current_user))
