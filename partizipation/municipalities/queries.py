"""Read-only queries of the municipalities domain."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, select
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


def with_current_contacts(session: Session, municipality_id: int
                          ) -> tuple[Municipality | None, list[MunicipalityContact]]:
    """The municipality and its current contacts with their accounts, in one statement."""
    rows = session.execute(_with_contacts_statement(),
                           {"municipality_id": municipality_id}).all()
    if not rows:
        return None, []
    return rows[0][0], [contact for _municipality, contact in rows if contact is not None]


@cache
def _with_contacts_statement() -> Any:
    """`with_current_contacts`' statement, the municipality's id a bind parameter (built once
    per process)."""
    return (select(Municipality, MunicipalityContact)
            .outerjoin(MunicipalityContact,
                       and_(MunicipalityContact.municipality_id == Municipality.id,
                            MunicipalityContact.ended_at.is_(None)))
            .where(Municipality.id == bindparam("municipality_id"))
            .options(joinedload(MunicipalityContact.user))
            .order_by(MunicipalityContact.id))
