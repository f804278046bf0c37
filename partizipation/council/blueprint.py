"""The council blueprint and the template globals of the council domain."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..db import db
from ..permissions import require
from . import permissions
from .labels import label
from .models import Body, Term

bp = Blueprint("council", __name__)

for _check in permissions.CHECKS:
    bp.add_app_template_global(_check)
bp.add_app_template_global(label, "council_label")


@bp.app_template_global("council_my_area")
def my_area_data() -> dict[str, Any]:
    """What the council section of /mein-bereich shows for the signed-in user."""
    from .dashboard import my_area

    return my_area()


PREFIX = "/verwaltung/gremien"


def load_body(body_id: int) -> Body:
    require(permissions.can_manage_council(current_user))
    return db.session.get(Body, body_id) or abort(404)


def load_term(body: Body, term_id: int) -> Term:
    term = db.session.get(Term, term_id)
    if term is None or term.body_id != body.id:
        abort(404)
    return term


@bp.app_template_global("council_memberships_of")
def memberships_of(person: Any) -> list[Any]:
    """A person's memberships in every body, newest first (the officer's person page)."""
    from .models import Membership

    return list(db.session.scalars(
        select(Membership).options(joinedload(Membership.body), joinedload(Membership.term))
        .where(Membership.person_id == person.id).order_by(Membership.starts_on.desc())))
