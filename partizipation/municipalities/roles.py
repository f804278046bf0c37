"""The powers municipality rows give accounts, for the user list ("contact person for Kamen")."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..i18n import _l
from .models import Municipality, MunicipalityContact


def scoped_roles(session: Session, user_ids: list[int]) -> dict[int, list[str]]:
    rows = session.execute(
        select(MunicipalityContact.user_id, Municipality.name)
        .join(Municipality, MunicipalityContact.municipality_id == Municipality.id)
        .where(MunicipalityContact.user_id.in_(user_ids or [-1]),
               MunicipalityContact.ended_at.is_(None))
        .order_by(Municipality.name))
    found: dict[int, list[str]] = {}
    for user_id, name in rows:
        found.setdefault(user_id, []).append(str(_l("Contact person for %(name)s", name=name)))
    return found
