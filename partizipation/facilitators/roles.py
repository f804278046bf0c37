"""The powers facilitator rows give accounts, for the user list ("facilitator in Unna")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import _l
from ..municipalities.models import Municipality
from ..people.models import Person
from .models import Facilitator, FacilitatorStatus


def scoped_roles(session: Session, user_ids: list[int]) -> dict[int, list[str]]:
    rows = session.execute(
        select(Person.user_id, Municipality.name)
        .join(Facilitator, Facilitator.person_id == Person.id)
        .join(Municipality, Facilitator.municipality_id == Municipality.id)
        .where(Person.user_id.in_(user_ids or [-1]),
               Facilitator.status != FacilitatorStatus.ENDED.value)
        .order_by(Municipality.name))
    found: dict[int, list[str]] = {}
    for user_id, name in rows:
        if user_id is None:
            continue
        found.setdefault(user_id, []).append(
            str(_l("Participation facilitator in %(name)s", name=name)))
    return found
