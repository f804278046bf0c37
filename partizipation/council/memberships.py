"""Memberships: the rules (dates, overlaps, chairs, deputies), ending and reopening, and the
queries for the roster, the history and the officer's warning list. Nothing is deleted: ending
keeps history.

A membership without its own end date ends with its term: its last day is
`coalesce(ends_on, term.ends_on)` (`last_day()`), and every "current" or "overlaps" question asks
that. Every change takes the body's row lock first (`locking.lock_row`), so the rules checked here
hold when two officers act at once; partial unique indexes hold the simplest of them as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, bindparam, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from .. import clock
from ..accounts.models import User
from ..domain import DomainError
from ..i18n import _l
from ..locking import lock_row
from ..people.labels import person_label
from .models import Body, EndReason, Membership, MembershipRole, Term
from .services import _d

# --- what "current" means ---------------------------------------------------------------------


def last_day() -> ColumnElement[date]:
    """A membership's last day in SQL: its own end, else the end of its term."""
    term_end = select(Term.ends_on).where(Term.id == Membership.term_id).scalar_subquery()
    return func.coalesce(Membership.ends_on, term_end)


def current_filter(today: date | ColumnElement[date] | None = None) -> ColumnElement[bool]:
    """Current on `today` (a date or a bind parameter; default: today)."""
    if today is None:
        today = clock.today()
    return and_(Membership.starts_on <= today, last_day() >= today)


def _overlapping(starts_on: date, ends_on: date) -> ColumnElement[bool]:
    return and_(Membership.starts_on <= ends_on, last_day() >= starts_on)


# --- the rules --------------------------------------------------------------------------------


@dataclass
class MembershipData:
    person_id: int
    term_id: int
    role: str
    has_vote: bool
    starts_on: date
    ends_on: date | None = None
    represents: str = ""
    deputy_for_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _check_dates(term: Term, starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise DomainError(
            _l("The end cannot be before the start. Enter a date on or after %(d)s.",
               d=_d(starts_on)), "ends_on")
    if not term.starts_on <= starts_on <= term.ends_on:
        raise DomainError(
            _l("The membership must start within the term, from %(start)s to %(end)s.",
               start=_d(term.starts_on), end=_d(term.ends_on)), "starts_on")
    if ends_on is not None and ends_on > term.ends_on:
        raise DomainError(
            _l("The membership cannot end after its term. Enter %(end)s or an earlier date.",
               end=_d(term.ends_on)), "ends_on")


def _check_membership(
    session: Session, body: Body, data: MembershipData, membership: Membership | None
) -> Term:
    term = session.get(Term, data.term_id)
    if term is None or term.body_id != body.id:
        raise DomainError(_l("Choose a term of this body."), "term_id")
    if data.role not in {r.value for r in MembershipRole}:
        raise DomainError(_l("Choose a role."), "role")
    _check_dates(term, data.starts_on, data.ends_on)
    own_id = membership.id if membership else -1
    others = select(Membership).where(
        Membership.body_id == body.id, Membership.id != own_id,
        _overlapping(data.starts_on, data.ends_on or term.ends_on),
    )
    clash = session.scalar(others.where(Membership.person_id == data.person_id).limit(1))
    if clash is not None:
        raise DomainError(
            _l("This person is already a member of this body from %(start)s. End that "
               "membership first or choose other dates.", start=_d(clash.starts_on)),
            "starts_on",
        )
    if data.role in (MembershipRole.CHAIR, MembershipRole.DEPUTY_CHAIR):
        holder = session.scalar(others.where(Membership.role == data.role).limit(1))
        if holder is not None:
            raise DomainError(_role_taken(data.role, holder), "role")
    _check_deputy(session, body, data, others)
    return term


def _role_taken(role: str, holder: Membership) -> Any:
    name = person_label(holder.person)
    if role == MembershipRole.CHAIR:
        return _l("%(name)s is already the chair at that time. End that role first or choose "
                  "another role.", name=name)
    return _l("%(name)s is already the deputy chair at that time. End that role first or "
              "choose another role.", name=name)


def _check_deputy(session: Session, body: Body, data: MembershipData, others: Any) -> None:
    if data.role != MembershipRole.DEPUTY:
        if data.deputy_for_id:
            raise DomainError(
                _l("Only a personal deputy deputises for someone. Choose the role "
                   "“personal deputy” or leave “deputises for” empty."),
                "deputy_for_id",
            )
        return
    if not data.deputy_for_id:
        raise DomainError(_l("Choose the member this person deputises for."), "deputy_for_id")
    principal = session.get(Membership, data.deputy_for_id)
    if principal is None or principal.body_id != body.id or principal.term_id != data.term_id:
        raise DomainError(
            _l("A deputy must be in the same body and term. Choose a member of this term."),
            "deputy_for_id",
        )
    if principal.person_id == data.person_id:
        raise DomainError(
            _l("A person cannot deputise for themselves. Choose another member."),
            "deputy_for_id",
        )
    if principal.role == MembershipRole.DEPUTY:
        raise DomainError(
            _l("A deputy cannot have a deputy. Choose a member who is not a deputy."),
            "deputy_for_id",
        )
    taken = session.scalar(others.where(Membership.deputy_for_id == principal.id).limit(1))
    if taken is not None:
        raise DomainError(
            _l("%(name)s already has a personal deputy at that time. End that first or "
               "choose another member.", name=person_label(principal.person)),
            "deputy_for_id",
        )


def _flush(session: Session) -> None:
    """Flush; a partial unique index that stops a change made at the same moment is a rule."""
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l(
            "Someone else changed the members of this body at the same moment. Check the list "
            "of members and try again.")) from error


def save_membership(
    session: Session, body: Body, membership: Membership | None, data: MembershipData, *,
    actor: User,
) -> Membership:
    """Create or change a membership after checking every rule (nothing is saved on error)."""
    if membership is not None and membership.person_id != data.person_id:
        raise DomainError(_l("The person of a membership cannot change."), "person_id")
    lock_row(session, Body, body.id)
    _check_membership(session, body, data, membership)
    if membership is None:
        membership = Membership(body_id=body.id, person_id=data.person_id)
        session.add(membership)
    membership.term_id = data.term_id
    membership.role = data.role
    membership.has_vote = data.has_vote and data.role != MembershipRole.ADVISORY_MEMBER
    membership.starts_on, membership.ends_on = data.starts_on, data.ends_on
    membership.represents = data.represents.strip()
    membership.deputy_for_id = data.deputy_for_id if data.role == MembershipRole.DEPUTY else None
    _flush(session)
    return membership


# --- ending, reopening --------------------------------------------------------------------------

DEPUTY_END, DEPUTY_REASSIGN = "end", "reassign"


def current_deputy(session: Session, membership: Membership, on: date) -> Membership | None:
    """The personal deputy who stands in for `membership` on day `on`."""
    return session.scalar(select(Membership).where(
        Membership.deputy_for_id == membership.id, Membership.starts_on <= on,
        last_day() >= on).limit(1))


def end_membership(
    session: Session, membership: Membership, *, ends_on: date, reason: str, actor: User,
    deputy_action: str | None = None, new_principal_id: int | None = None,
) -> None:
    """End a membership on `ends_on` (kept as history, never deleted).

    A member's personal deputy must not deputise for no one: `deputy_action` says whether the
    deputy's membership ends on the same day or the deputy stands in for another member.
    """
    lock_row(session, Body, membership.body_id)
    if reason not in {r.value for r in EndReason}:
        raise DomainError(_l("Choose why the membership ends."), "reason")
    if ends_on < membership.starts_on:
        raise DomainError(
            _l("The end cannot be before the start. Enter a date on or after %(d)s.",
               d=_d(membership.starts_on)), "ends_on")
    if ends_on > membership.term.ends_on:
        raise DomainError(
            _l("The membership cannot end after its term. Enter %(end)s or an earlier date.",
               end=_d(membership.term.ends_on)), "ends_on")
    deputy = current_deputy(session, membership, min(ends_on, clock.today()))
    if deputy is not None:
        _settle_deputy(session, membership, deputy, ends_on, deputy_action, new_principal_id)
    membership.ends_on = ends_on
    membership.end_reason = reason
    _flush(session)


def _settle_deputy(session: Session, principal: Membership, deputy: Membership, ends_on: date,
                   action: str | None, new_principal_id: int | None) -> None:
    name = person_label(deputy.person)
    if action == DEPUTY_END:
        if deputy.ends_on is None or deputy.ends_on > ends_on:
            deputy.ends_on = max(ends_on, deputy.starts_on)
            deputy.end_reason = EndReason.REPLACED.value
        return
    if action != DEPUTY_REASSIGN:
        raise DomainError(_l("%(name)s is the personal deputy of this member. Choose what "
                             "happens to their membership.", name=name), "deputy_action")
    target = session.get(Membership, new_principal_id or 0)
    if (target is None or target.id == principal.id or target.body_id != principal.body_id
            or target.term_id != principal.term_id or target.role == MembershipRole.DEPUTY
            or target.person_id == deputy.person_id):
        raise DomainError(_l("Choose the member %(name)s will deputise for from now on.",
                             name=name), "new_principal_id")
    if current_deputy(session, target, clock.today()) is not None:
        raise DomainError(_l("%(member)s already has a personal deputy. Choose another member.",
                             member=person_label(target.person)), "new_principal_id")
    deputy.deputy_for_id = target.id


def reopen_membership(session: Session, membership: Membership, *, actor: User) -> None:
    """Undo an end: the membership lasts to the end of its term again, if every rule allows."""
    lock_row(session, Body, membership.body_id)
    if membership.ends_on is None:
        raise DomainError(_l("This membership has not ended."))
    data = MembershipData(
        person_id=membership.person_id, term_id=membership.term_id, role=membership.role,
        has_vote=membership.has_vote, starts_on=membership.starts_on, ends_on=None,
        represents=membership.represents, deputy_for_id=membership.deputy_for_id)
    try:
        _check_membership(session, membership.body, data, membership)
    except DomainError as error:
        raise DomainError(_l("The membership cannot be reopened: %(why)s", why=str(error))) \
            from error
    membership.ends_on = None
    membership.end_reason = None
    _flush(session)


# --- terms: ending one, carrying members into the next ------------------------------------------


def end_term_memberships(session: Session, term: Term, ends_on: date) -> None:
    """Memberships of `term` still open on `ends_on` end then, recorded as "term ended"."""
    for membership in session.scalars(select(Membership).where(
            Membership.term_id == term.id, Membership.starts_on <= ends_on,
            (Membership.ends_on.is_(None)) | (Membership.ends_on > ends_on))):
        membership.ends_on = ends_on
        membership.end_reason = EndReason.TERM_ENDED.value


def carry_over(session: Session, body: Body, from_term: Term, *, starts_on: date, ends_on: date,
               membership_ids: list[int], actor: User) -> Term:
    """Create the next term and carry the chosen members into it, with roles and deputies.

    When the new term starts before the current one would end, the current one ends the day
    before (with every membership still open), so that the change of terms is one step."""
    from .services import end_term, save_term

    lock_row(session, Body, body.id)
    chosen = list(session.scalars(
        select(Membership).options(joinedload(Membership.person))
        .where(Membership.id.in_(membership_ids or [-1]), Membership.term_id == from_term.id)
        .order_by(Membership.role == MembershipRole.DEPUTY, Membership.id)))
    if not chosen:
        raise DomainError(_l("Choose at least one member to carry into the new term."),
                          "membership_ids")
    ids = {m.id for m in chosen}
    for m in chosen:
        if m.deputy_for_id and m.deputy_for_id not in ids:
            principal = session.get(Membership, m.deputy_for_id)
            raise DomainError(_l(
                "%(deputy)s is the personal deputy of %(member)s. Choose %(member)s too, or leave "
                "%(deputy)s out.", deputy=person_label(m.person),
                member=person_label(principal.person if principal else None)),
                "membership_ids")
    if starts_on <= from_term.starts_on:
        raise DomainError(_l("The new term must start after the current one began (%(start)s). "
                             "Enter %(next)s or later.", start=_d(from_term.starts_on),
                             next=_d(from_term.starts_on + timedelta(days=1))), "starts_on")
    if starts_on <= from_term.ends_on:
        end_term(session, from_term, ends_on=starts_on - timedelta(days=1), actor=actor)
    term = save_term(session, body, None, starts_on=starts_on, ends_on=ends_on, actor=actor)
    new_ids: dict[int, int] = {}
    for m in chosen:
        copy = Membership(
            body_id=body.id, person_id=m.person_id, term_id=term.id, role=m.role,
            has_vote=m.has_vote, starts_on=starts_on, represents=m.represents,
            deputy_for_id=new_ids.get(m.deputy_for_id or 0))
        session.add(copy)
        session.flush()
        new_ids[m.id] = copy.id
    _flush(session)
    return term


# --- queries ----------------------------------------------------------------------------------


def current_memberships(session: Session, body: Body, today: date | None = None
                        ) -> list[Membership]:
    """Current memberships of `body` with their persons, in one query."""
    return list(session.scalars(
        select(Membership)
        .options(joinedload(Membership.person))
        .where(Membership.body_id == body.id, current_filter(today))
        .order_by(Membership.id)
    ))


# What the officer's page of a body shows of a current membership and its person (plain rows:
# no objects to build for a page of 25 members and their partners).
_CURRENT_COLUMNS = (Membership.id, Membership.person_id, Membership.role, Membership.has_vote,
                    Membership.starts_on, Membership.ends_on, Membership.deputy_for_id)


def current_query(body: Body, terms: str = "") -> tuple[Any, dict[str, Any] | None]:
    """Current memberships of `body` as rows of what the officer's page of the body shows (the
    membership, its person's name, anonymisation and public listing), in the order of their
    adding; `terms` searches the person's name (paged by the officer's page of the body). With
    the values of its parameters for `paginate` when the statement is the one built once per
    process; None when a search made one for this request (its values bound already)."""
    from ..paging import matches
    from ..people.models import Person

    values = {"body_id": body.id, "today": clock.today()}
    if not terms:
        return _current_statement(), values
    return _current_statement().where(matches(terms, Person.name)).params(**values), None


@cache
def _current_statement() -> Any:
    """`current_query`'s statement, the body and the day bind parameters (built once per
    process: building it took longer than the database takes to answer it)."""
    from ..people.models import Person

    return (select(*_CURRENT_COLUMNS, Person.form_of_address, Person.name, Person.anonymised_at,
                   and_(Person.listing_consent_given_on.is_not(None),
                        Person.listing_consent_withdrawn_on.is_(None)).label("is_listed"))
            .join(Person, Membership.person_id == Person.id)
            .where(Membership.body_id == bindparam("body_id"),
                   current_filter(bindparam("today", type_=Date)))
            .order_by(Membership.id))


def partners_of(session: Session, body: Body, shown: list[Any]
                ) -> tuple[dict[int, str], dict[int, str]]:
    """The names of the current memberships the `shown` rows point to or are pointed at by as
    personal deputies (wherever they stand in the list), one query: (principal's name by their
    membership id, personal deputy's name by the id of the membership they stand in for)."""
    ids = {m.id for m in shown}
    if not ids:
        return {}, {}
    wanted = ids | {m.deputy_for_id for m in shown if m.deputy_for_id}
    # One list of ids (the rows and their principals): psycopg keeps the parsed statement only
    # up to 50 parameters. The principals' deputies it finds too are the rows' (one at a time).
    rows = session.execute(_partners_statement(), {
        "body_id": body.id, "today": clock.today(), "wanted": sorted(wanted)})
    names: dict[int, str] = {}
    deputies: dict[int, str] = {}
    for row in rows:
        names[row.id] = person_label(row)
        if row.deputy_for_id:
            deputies[row.deputy_for_id] = names[row.id]
    return names, deputies


@cache
def _partners_statement() -> Any:
    """`partners_of`'s statement, the body, the day and the ids bind parameters (built once per
    process: building it took longer than the database takes to answer it)."""
    from ..people.models import Person

    wanted: Any = bindparam("wanted", expanding=True)
    return (select(Membership.id, Membership.deputy_for_id, Person.form_of_address, Person.name,
                   Person.anonymised_at)
            .join(Person, Membership.person_id == Person.id)
            .where(Membership.body_id == bindparam("body_id"),
                   current_filter(bindparam("today", type_=Date)),
                   or_(Membership.id.in_(wanted), Membership.deputy_for_id.in_(wanted))))


def history_query(body: Body) -> Any:
    """Every membership of `body`, newest first (the history; paged by the view)."""
    return (select(Membership)
            .options(joinedload(Membership.person), joinedload(Membership.term))
            .where(Membership.body_id == body.id)
            .order_by(Membership.starts_on.desc(), Membership.id.desc()))


ROLE_ORDER = [MembershipRole.CHAIR, MembershipRole.DEPUTY_CHAIR, MembershipRole.MEMBER,
              MembershipRole.ADVISORY_MEMBER]


@dataclass
class Roster:
    """The public view of a body: listed members grouped by role, each with their deputy."""

    groups: list[tuple[str, list[tuple[Membership, Membership | None]]]]
    # Listed deputies whose member is not listed (so they appear nowhere else).
    other_deputies: list[Membership]
    unlisted: int


def roster(memberships: Sequence[Any]) -> Roster:
    """Group current memberships for the public page; unlisted persons are only counted."""
    deputies = {m.deputy_for_id: m for m in memberships if m.deputy_for_id}
    by_id = {m.id: m for m in memberships}
    groups = []
    for role in ROLE_ORDER:
        entries = [(m, deputies.get(m.id)) for m in memberships
                   if m.role == role and m.person.is_listed]
        if entries:
            groups.append((role.value, sorted(entries, key=lambda e: e[0].person.name)))
    other_deputies = [
        m for m in memberships
        if m.role == MembershipRole.DEPUTY and m.person.is_listed
        and not (m.deputy_for_id in by_id and by_id[m.deputy_for_id].person.is_listed)
    ]
    unlisted = sum(1 for m in memberships if not m.person.is_listed)
    return Roster(groups=groups, other_deputies=other_deputies, unlisted=unlisted)


def ending_soon(session: Session, days: int = 90, today: date | None = None
                ) -> tuple[list[Term], list[Membership]]:
    """Terms and current memberships that end within `days` days (the officer's warning list)."""
    today = today or clock.today()
    limit = today + timedelta(days=days)
    terms = list(session.scalars(
        select(Term).options(joinedload(Term.body))
        .where(Term.ends_on >= today, Term.ends_on <= limit).order_by(Term.ends_on)
    ))
    memberships = list(session.scalars(
        select(Membership)
        .options(joinedload(Membership.person), joinedload(Membership.body),
                 joinedload(Membership.term))
        .where(current_filter(today), last_day() <= limit)
        .order_by(last_day(), Membership.body_id, Membership.id)
    ))
    return terms, memberships
