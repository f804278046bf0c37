"""Municipalities and facilitators (placeholder until issue 4 lands)."""

from flask import Blueprint, render_template

bp = Blueprint("municipalities", __name__)


@bp.get("/kommunen")
def directory():  # type: ignore[no-untyped-def]
    return render_template("bitv/placeholder.html", page_title="Kommunen")
