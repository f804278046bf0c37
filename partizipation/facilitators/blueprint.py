"""The facilitators blueprint, its template globals, and the loaders its views share."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..db import db
from ..i18n import resolved
from ..locking import load_for_update
from ..municipalities.models import Municipality
from ..municipalities.permissions import managed_municipality_ids
from ..versioning import check_version
from . import permissions as perms
from .models import STATUS_LABELS, Facilitator, FacilitatorStatus

bp = Blueprint("facilitators", __name__)

for _check in perms.CHECKS:
    bp.add_app_template_global(_check, _check.__name__)


@bp.app_template_global()
def facilitator_status_label(status: str) -> str:
    return resolved(STATUS_LABELS).get(status, status)


@bp.app_template_global()
def my_facilitator_roles() -> dict[str, Any]:
    """For /mein-bereich: the municipalities the user is a contact of; their facilitator rows."""
    contact_ids = managed_municipality_ids(current_user)
    own_ids = perms.own_facilitator_ids(current_user)
    municipalities = list(db.session.scalars(
        select(Municipality).where(Municipality.id.in_(contact_ids)).order_by(Municipality.name)
    )) if contact_ids else []
    facilitators = list(db.session.scalars(
        select(Facilitator).where(Facilitator.id.in_(own_ids))
        .options(selectinload(Facilitator.municipality), selectinload(Facilitator.person))
        .order_by(Facilitator.started_on)
    )) if own_ids else []
    return {"municipalities": municipalities, "facilitators": facilitators}


@bp.app_template_global()
def my_facilitator_area() -> dict[str, Any]:
    """`my_facilitator_roles` for /mein-bereich, read from its one statement of figures."""
    from .dashboard import my_area

    return my_area(current_user)


@bp.app_template_global()
def my_area_waiting_registrations() -> int:
    """`waiting_registrations` for /mein-bereich, read from its one statement of figures."""
    from .dashboard import waiting

    return waiting()


@bp.app_template_global()
def waiting_registrations() -> int:
    """For the officer's /mein-bereich: how many registrations wait for her decision."""
    return db.session.scalar(select(func.count()).select_from(Facilitator).where(
        Facilitator.status == FacilitatorStatus.PROPOSED.value)) or 0


def load_municipality(municipality_id: int) -> Municipality:
    return db.session.get(Municipality, municipality_id) or abort(404)


def load_facilitator(facilitator_id: int) -> Facilitator:
    return db.session.get(Facilitator, facilitator_id) or abort(404)


def lock_for_edit(item: Facilitator, form: Any, fields: tuple[str, ...]) -> None:
    """Before saving `form`: hold the facilitator's row, read it (and its person) afresh, and
    raise StaleError if someone else saved a change the form would overwrite. Of two people
    saving at once, the second waits here and then sees what the first saved."""
    load_for_update(db.session, Facilitator, item.id)
    db.session.refresh(item.person)
    check_version(form_object(item), form, fields)


def form_object(item: Facilitator) -> Any:
    """The facilitator and its person's fields as one object for the form, with the version."""
    person = item.person

    class _Data:
        pass

    data = _Data()
    data.version = item.version  # type: ignore[attr-defined]
    for name in ("form_of_address", "name", "email", "phone"):
        setattr(data, name, getattr(person, name))
    data.listing_consent = person.is_listed  # type: ignore[attr-defined]
    for name in ("employment_model", "association_name", "weekly_hours", "started_on",
                 "trained_on", "training_provider"):
        setattr(data, name, getattr(item, name))
    return data
