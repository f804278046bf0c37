"""Bodies and the advisory council (placeholder until issue 3 lands)."""

from flask import Blueprint, render_template

bp = Blueprint("council", __name__)


@bp.get("/beirat")
def public_roster():  # type: ignore[no-untyped-def]
    return render_template("bitv/placeholder.html", page_title="Beirat")
