"""Cross-cutting pages: health check and the language switch."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, request, session
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..db import db
from ..templating import safe_next

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
