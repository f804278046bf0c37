from flask import Blueprint

bp = Blueprint("decisions", __name__)


@bp.get("/beschluesse")
def listing():  # type: ignore[no-untyped-def]
    return ""
