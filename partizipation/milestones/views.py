"""The milestones blueprint."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("milestones", __name__)


@bp.get("/meilensteine")
def index():  # type: ignore[no-untyped-def]
    return ""
