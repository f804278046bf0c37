"""The barrier report form (BITV feedback mechanism) and the officer's inbox. Placeholder."""

from flask import Blueprint, render_template

bp = Blueprint("feedback", __name__)


@bp.route("/barriere-melden", methods=["GET", "POST"])
def report():  # type: ignore[no-untyped-def]
    return render_template("bitv/placeholder.html", page_title="Barriere melden")
