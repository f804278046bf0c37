"""Read-only queries of the municipalities domain."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from .models import Municipality, MunicipalityContact


def current_contacts(session: Session, municipality: Municipality) -> list[MunicipalityContact]:
    """The municipality's contacts whose role has not ended (a handful: not paged)."""
    return list(session.scalars(
        select(MunicipalityContact)
        .where(MunicipalityContact.municipality_id == municipality.id,
               MunicipalityContact.ended_at.is_(None))
        .options(joinedload(MunicipalityContact.user))
        .order_by(MunicipalityContact.id)
    ))
