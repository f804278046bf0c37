"""Cross-cutting pages: health check and the language switch."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, request, session
from flask_login import current_user
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
    """Remember the chosen language (and make it the signed-in user's setting)."""
    if lang not in current_app.config["LANGUAGES"]:
        abort(404)
    session["lang"] = lang
    if current_user.is_authenticated and current_user.locale != lang:
        current_user.locale = lang
        db.session.commit()
    return redirect(safe_next(request.args.get("next"), "/"))
