"""Bodies and the advisory council: the public pages. Officer pages are in admin_views.py, the
member's own pages (support needs, my data) in my_views.py."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..db import db
from ..i18n import _l
from . import permissions
from .labels import data_label, data_value, label
from .memberships import current_memberships, roster
from .models import Body
from .services import advisory_council, current_term

bp = Blueprint("council", __name__)

for _check in permissions.CHECKS:
    bp.add_app_template_global(_check)
bp.add_app_template_global(label, "council_label")
bp.add_app_template_global(data_label, "council_data_label")
bp.add_app_template_global(data_value, "council_data_value")


@bp.app_template_global("person_label")
def person_label(person: Any) -> str:
    """The person's name, or a neutral label once anonymised."""
    if person is None:
        return ""
    if person.anonymised_at is not None:
        return str(_l("Anonymised member"))
    return " ".join(part for part in (person.form_of_address, person.name) if part)


@bp.app_template_global("council_my_area")
def my_area_data() -> dict[str, Any]:
    """What the council section of /mein-bereich shows for the signed-in user."""
    from .memberships import current_filter
    from .models import DeletionRequest, Membership, SupportNeed
    from .services import person_of

    person = person_of(db.session, current_user)
    data: dict[str, Any] = {"person": person, "memberships": [], "needs": 0, "bodies": [],
                            "open_requests": 0}
    if person is not None:
        data["memberships"] = list(db.session.scalars(
            select(Membership).options(joinedload(Membership.body))
            .where(Membership.person_id == person.id, current_filter())))
        data["needs"] = db.session.scalar(
            select(func.count()).where(SupportNeed.person_id == person.id))
    if permissions.can_manage_council(current_user):
        data["bodies"] = list(db.session.scalars(select(Body).order_by(Body.name)))
    if permissions.can_handle_deletion_requests(current_user):
        data["open_requests"] = db.session.scalar(
            select(func.count()).where(DeletionRequest.completed_at.is_(None)))
    return data



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


from . import admin_views, my_views  # noqa: E402,F401  (they add routes to bp)
