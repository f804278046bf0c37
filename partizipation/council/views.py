"""Bodies and the advisory council: the public pages. Officer pages are in admin_views.py, the
member's own pages (support needs, listing, kind of disability) in my_views.py."""

from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user
from sqlalchemy import select

from ..db import db
from . import permissions
from .blueprint import bp
from .memberships import current_memberships, roster
from .models import Body
from .services import advisory_council, current_term


def _render_body(body: Body, template: str = "council/body.html") -> str:
    memberships = current_memberships(db.session, body)
    return render_template(
        template, body=body, term=current_term(db.session, body), roster=roster(memberships),
    )


@bp.get("/beirat")
def public_roster():  # type: ignore[no-untyped-def]
    body = advisory_council(db.session)
    if body is None:
        return render_template("council/no_council.html")
    return _render_body(body)


@bp.get("/gremien")
def bodies():  # type: ignore[no-untyped-def]
    rows = db.session.scalars(select(Body).where(Body.is_public.is_(True)).order_by(Body.name))
    return render_template("council/bodies.html", bodies=list(rows))


@bp.get("/gremien/<int:body_id>")
def body(body_id: int):  # type: ignore[no-untyped-def]
    found = db.session.get(Body, body_id)
    # Non-public bodies do not exist for the public (404, not 403: not even the name leaks).
    if found is None or not permissions.can_view_body(current_user, found):
        abort(404)
    return _render_body(found)

