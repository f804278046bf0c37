"""The facilitators section's figures of /mein-bereich (see partizipation/dashboard.py): the
user's own facilitator rows, the municipalities they are a contact of, and for the officer the
registrations waiting for her decision."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from flask import g, has_request_context
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from ..dashboard import USER_ID, count, day, figure, figure_rows, rows
from ..municipalities.models import Municipality, MunicipalityContact
from ..people.models import Person
from ..permissions import is_signed_in
from .models import Facilitator, FacilitatorStatus
from .permissions import can_view_network


def figures(user: Any) -> dict[str, Callable[[], Any]]:
    found: dict[str, Callable[[], Any]] = {}
    if is_signed_in(user):
        found["own"] = lambda: rows(
            select(Facilitator.id, Facilitator.status, Facilitator.trained_on,
                   Facilitator.training_provider, Municipality.id.label("municipality_id"),
                   Municipality.name.label("municipality"),
                   Person.listing_consent_given_on.label("given"),
                   Person.listing_consent_withdrawn_on.label("withdrawn"))
            .join(Person, Facilitator.person_id == Person.id)
            .join(Municipality, Facilitator.municipality_id == Municipality.id)
            .where(Person.user_id == USER_ID).order_by(Facilitator.started_on))
        found["municipalities"] = lambda: rows(
            select(Municipality.id, Municipality.name)
            .join(MunicipalityContact, MunicipalityContact.municipality_id == Municipality.id)
            .where(MunicipalityContact.user_id == USER_ID, MunicipalityContact.ended_at.is_(None))
            .order_by(Municipality.name))
    if can_view_network(user):
        found["waiting"] = lambda: count(select(Facilitator.id).where(
            Facilitator.status == FacilitatorStatus.PROPOSED.value))
    return found


def my_area(user: Any) -> dict[str, Any]:
    """The user's facilitator rows (with municipality and person) and contact municipalities,
    as `my_facilitator_roles` gives them."""
    facilitators = []
    for row in figure_rows("facilitators.own"):
        item = Facilitator(id=row["id"], status=row["status"], trained_on=day(row["trained_on"]),
                           training_provider=row["training_provider"])
        set_committed_value(item, "municipality", Municipality(id=row["municipality_id"],
                                                               name=row["municipality"]))
        set_committed_value(item, "person", Person(
            listing_consent_given_on=day(row["given"]),
            listing_consent_withdrawn_on=day(row["withdrawn"])))
        facilitators.append(item)
    municipalities = [Municipality(id=m["id"], name=m["name"])
                      for m in figure_rows("facilitators.municipalities")]
    return {"municipalities": municipalities, "facilitators": facilitators}


def loaded(user: Any, found: dict[str, Any]) -> None:
    """The permission checks' per-request cache learns the user's facilitator rows and contact
    municipalities, so `can_edit_own_facilitator_data` and the menu ask nothing more."""
    if not (has_request_context() and is_signed_in(user)):
        return
    cache = g.setdefault("municipality_scope", {})
    for key, name in (("facilitator", "facilitators.own"),
                      ("contact", "facilitators.municipalities")):
        if name in found:
            cache.setdefault((key, user.id), frozenset(row["id"] for row in _rows(found[name])))


def _rows(found: Any) -> list[dict[str, Any]]:
    return json.loads(found) if isinstance(found, str | bytes) else list(found or [])


def waiting() -> int:
    return figure("facilitators.waiting", 0) or 0
