"""Read-only queries: the directory, the network overview, the group mail's recipients. Each
runs a fixed number of SQL statements, whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager, selectinload

from ..municipalities.models import Municipality
from ..people.models import Person
from .models import PUBLIC_STATUSES, EventAction, Facilitator, FacilitatorStatus


def last_send_back_reason(facilitator: Facilitator) -> str:
    """The reason of the latest send-back (events must be loaded)."""
    for event in reversed(facilitator.events):
        if event.action == EventAction.SENT_BACK:
            return event.reason
    return ""


def public_directory(session: Session) -> list[tuple[Municipality, list[Facilitator]]]:
    """Every municipality with its listed, confirmed or active facilitators (two queries)."""
    municipalities = list(session.scalars(select(Municipality).order_by(Municipality.name)))
    facilitators = session.scalars(
        select(Facilitator).join(Facilitator.person)
        .where(Facilitator.status.in_(PUBLIC_STATUSES),
               Person.listing_consent_given_on.is_not(None),
               Person.listing_consent_withdrawn_on.is_(None))
        .options(contains_eager(Facilitator.person))
        .order_by(Person.name)
    )
    by_municipality: dict[int, list[Facilitator]] = {m.id: [] for m in municipalities}
    for facilitator in facilitators:
        by_municipality[facilitator.municipality_id].append(facilitator)
    return [(m, by_municipality[m.id]) for m in municipalities]


@dataclass
class MunicipalityRow:
    municipality: Municipality
    facilitators: list[Facilitator]

    def _with(self, *statuses: str) -> list[Facilitator]:
        return [f for f in self.facilitators if f.status in statuses]

    @property
    def active(self) -> list[Facilitator]:
        return self._with(FacilitatorStatus.ACTIVE)

    @property
    def waiting(self) -> list[Facilitator]:
        return self._with(FacilitatorStatus.PROPOSED)

    @property
    def sent_back(self) -> list[Facilitator]:
        return self._with(FacilitatorStatus.SENT_BACK)

    @property
    def confirmed(self) -> list[Facilitator]:
        return self._with(FacilitatorStatus.CONFIRMED)

    @property
    def untrained(self) -> list[Facilitator]:
        return [f for f in self.facilitators
                if f.status != FacilitatorStatus.ENDED and not f.is_trained]


def network_overview(session: Session) -> list[MunicipalityRow]:
    """Per municipality its facilitators with their persons (three queries in all)."""
    municipalities = list(session.scalars(select(Municipality).order_by(Municipality.name)))
    facilitators = session.scalars(
        select(Facilitator).options(selectinload(Facilitator.person))
        .order_by(Facilitator.started_on, Facilitator.id)
    )
    grouped: dict[int, list[Facilitator]] = {m.id: [] for m in municipalities}
    for facilitator in facilitators:
        grouped[facilitator.municipality_id].append(facilitator)
    return [MunicipalityRow(m, grouped[m.id]) for m in municipalities]


def municipality_facilitators(session: Session, municipality: Municipality) -> list[Facilitator]:
    return list(session.scalars(
        select(Facilitator).where(Facilitator.municipality_id == municipality.id)
        .options(selectinload(Facilitator.person), selectinload(Facilitator.events))
        .order_by(Facilitator.status == FacilitatorStatus.ENDED, Facilitator.started_on)
    ))


def active_facilitators(session: Session, municipality_ids: list[int] | None = None
                        ) -> list[Facilitator]:
    """Active facilitators with an email address (of the given municipalities, else all)."""
    query = (
        select(Facilitator).join(Facilitator.person)
        .where(Facilitator.status == FacilitatorStatus.ACTIVE, Person.email.is_not(None),
               Person.email != "")
        .options(selectinload(Facilitator.person).selectinload(Person.user),
                 selectinload(Facilitator.municipality))
    )
    if municipality_ids:
        query = query.where(Facilitator.municipality_id.in_(municipality_ids))
    return list(session.scalars(query.order_by(Person.name)))
