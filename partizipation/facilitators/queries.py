"""Read-only queries: the directory, a municipality's page, the network overview, the CSV, the
group mail's recipients. Each runs a fixed number of SQL statements whatever the number of
facilitators: counts are counted in SQL, lists come one page at a time (paging.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from ..i18n import resolved
from ..municipalities.models import Municipality
from ..paging import Page, paginate
from ..people.models import Person
from .models import (
    EMPLOYMENT_LABELS,
    PUBLIC_STATUSES,
    EventAction,
    Facilitator,
    FacilitatorEvent,
    FacilitatorStatus,
)

NETWORK_PAGE = 25  # waiting registrations per page of the network overview


def _listed() -> ColumnElement[bool]:
    """Shown publicly: confirmed or active, and the person agrees to be listed."""
    return and_(Facilitator.status.in_(PUBLIC_STATUSES),
                Person.listing_consent_given_on.is_not(None),
                Person.listing_consent_withdrawn_on.is_(None))


def last_send_back_reason(session: Session, facilitator: Facilitator) -> str:
    """The reason of the facilitator's latest send-back ("" if never sent back)."""
    return session.scalar(
        select(FacilitatorEvent.reason)
        .where(FacilitatorEvent.facilitator_id == facilitator.id,
               FacilitatorEvent.action == EventAction.SENT_BACK)
        .order_by(FacilitatorEvent.id.desc()).limit(1)) or ""


# ---------------------------------------------------------------- public


@cache
def _directory_statement() -> Select[Any]:
    listed = (
        select(func.count()).select_from(Facilitator)
        .join(Person, Facilitator.person_id == Person.id)
        .where(Facilitator.municipality_id == Municipality.id, _listed())
        .correlate(Municipality).scalar_subquery()
    )
    return select(Municipality, listed).order_by(Municipality.name)


def public_directory(session: Session) -> list[tuple[Municipality, int]]:
    """Every municipality with the number of its listed facilitators (one query, built once per
    process). Counted per municipality from its facilitators (their index), each looking up its
    person: a join of all facilitators would read every person (members, invitees) to find
    theirs."""
    return [(municipality, count)
            for municipality, count in session.execute(_directory_statement())]


class _ListedPerson:
    __slots__ = ("form_of_address", "name", "email")
    form_of_address: str
    name: str
    email: str


class ListedFacilitator:
    """A listed facilitator as the municipality's page shows them, read as a row: the
    facilitator's and the person's columns it shows, under the models' names."""

    __slots__ = ("id", "employment_model", "association_name", "person")

    def __init__(self, row: Any) -> None:
        (self.id, self.employment_model, self.association_name, address, name, email) = row
        person = self.person = _ListedPerson()
        person.form_of_address, person.name, person.email = address, name, email

    @property
    def employment_label(self) -> str:
        """As `Facilitator.employment_label` (the table translated once per language)."""
        return resolved(EMPLOYMENT_LABELS).get(self.employment_model, self.employment_model)


@cache
def _listed_statement() -> Any:
    return (
        select(Facilitator.id, Facilitator.employment_model, Facilitator.association_name,
               Person.form_of_address, Person.name, Person.email)
        .join(Person, Facilitator.person_id == Person.id)
        .where(Facilitator.municipality_id == bindparam("town"), _listed())
        .order_by(Person.name, Facilitator.id)
    )


def listed_facilitators(session: Session, municipality: Municipality
                        ) -> Page[ListedFacilitator]:
    """One page of the municipality's listed facilitators, with what the page shows of their
    persons (one statement, built once per process: the rows and their count)."""
    page = paginate(session, _listed_statement(), scalars=False,
                    params={"town": municipality.id})
    return replace(page, items=[ListedFacilitator(row) for row in page.items])


# ---------------------------------------------------------------- a municipality's management


def municipality_facilitators(session: Session, municipality: Municipality) -> Page[Any]:
    """One page of all the municipality's facilitators, ended ones last, as plain rows (id,
    status, employment model, association, trained on, the person's name, reason of the latest
    send-back or None): one statement, the rows and their count."""
    return paginate(session, _municipality_statement(), scalars=False,
                    params={"municipality_id": municipality.id})


@cache
def _municipality_statement() -> Any:
    """`municipality_facilitators`' statement, the municipality's id a bind parameter (built
    once per process)."""
    latest_reason = (
        select(FacilitatorEvent.reason)
        .where(FacilitatorEvent.facilitator_id == Facilitator.id,
               FacilitatorEvent.action == EventAction.SENT_BACK)
        .order_by(FacilitatorEvent.id.desc()).limit(1)
        .correlate(Facilitator).scalar_subquery()
    )
    return (
        select(Facilitator.id, Facilitator.status, Facilitator.employment_model,
               Facilitator.association_name, Facilitator.trained_on, Person.name,
               case((Facilitator.status == FacilitatorStatus.SENT_BACK, latest_reason),
                    else_=None))
        .join(Person, Facilitator.person_id == Person.id)
        .where(Facilitator.municipality_id == bindparam("municipality_id"))
        .order_by(Facilitator.status == FacilitatorStatus.ENDED, Facilitator.started_on,
                  Facilitator.id)
    )


# ---------------------------------------------------------------- the officer's network


class Town(NamedTuple):
    """A municipality as the network overview names and links it."""

    id: int
    name: str


@dataclass
class MunicipalityRow:
    """One municipality of the network (its id and name) with its facilitators counted by
    state."""

    municipality: Town
    active: int = 0
    confirmed: int = 0
    waiting: int = 0
    sent_back: int = 0
    untrained: int = 0


@dataclass
class Network:
    rows: list[MunicipalityRow]

    def total(self, name: str) -> int:
        return sum(getattr(row, name) for row in self.rows)

    @property
    def without_active(self) -> list[MunicipalityRow]:
        return [row for row in self.rows if not row.active]


def _counted(status: FacilitatorStatus) -> Any:
    return func.coalesce(func.sum(case((Facilitator.status == status, 1), else_=0)), 0)


_NETWORK_COUNTS = ("active", "confirmed", "waiting", "sent_back", "untrained")


@cache
def _network_statement() -> Any:
    """The overview's statement: it depends on nothing but the code, so it is built once per
    process (building it took longer than the database takes to answer it)."""
    not_ended = Facilitator.status != FacilitatorStatus.ENDED
    counts = (
        select(
            Facilitator.municipality_id,
            _counted(FacilitatorStatus.ACTIVE).label("active"),
            _counted(FacilitatorStatus.CONFIRMED).label("confirmed"),
            _counted(FacilitatorStatus.PROPOSED).label("waiting"),
            _counted(FacilitatorStatus.SENT_BACK).label("sent_back"),
            func.coalesce(func.sum(case(
                (and_(not_ended, Facilitator.trained_on.is_(None)), 1), else_=0)), 0
            ).label("untrained"),
        ).group_by(Facilitator.municipality_id).subquery()
    )
    return (select(Municipality.id, Municipality.name,
                   *(func.coalesce(counts.c[n], 0) for n in _NETWORK_COUNTS))
            .outerjoin(counts, counts.c.municipality_id == Municipality.id)
            .order_by(Municipality.name))


def network_overview(session: Session) -> Network:
    """Every municipality (id and name) with its facilitators counted by state, in SQL (one
    query)."""
    rows = session.execute(_network_statement())
    return Network([MunicipalityRow(Town(row[0], row[1]), *(int(v) for v in row[2:]))
                    for row in rows])


@cache
def _waiting_statement() -> Any:
    return (select(Facilitator.id, Person.name, Municipality.name.label("municipality_name"))
            .join(Person, Facilitator.person_id == Person.id)
            .join(Municipality, Facilitator.municipality_id == Municipality.id)
            .where(Facilitator.status == FacilitatorStatus.PROPOSED)
            .order_by(Facilitator.updated_at, Facilitator.id))


def waiting_facilitators(session: Session) -> Page[Any]:
    """One page of the registrations waiting for the officer, oldest first, as rows (id, the
    person's name, the municipality's name; one statement)."""
    return paginate(session, _waiting_statement(), per_page=NETWORK_PAGE, scalars=False,
                    params={})


def network_table(session: Session) -> Iterator[tuple[Municipality, Facilitator | None]]:
    """Every municipality with each of its facilitators (and their persons), or with None when
    it has none, for the CSV file: one query, read as it is written."""
    query: Any = (
        select(Municipality, Facilitator)
        .outerjoin(Facilitator, Facilitator.municipality_id == Municipality.id)
        .outerjoin(Person, Facilitator.person_id == Person.id)
        .options(contains_eager(Facilitator.person))
        .order_by(Municipality.name, Municipality.id, Facilitator.started_on, Facilitator.id)
        .execution_options(yield_per=500)
    )
    for municipality, facilitator in session.execute(query):  # noqa: UP028 - typed rows
        yield municipality, facilitator


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
