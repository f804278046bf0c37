"""Memberships: the rules (dates, overlaps, chairs, deputies), ending, and the queries for the
roster, the history and the officer's warning list. Nothing is deleted: ending keeps history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, joinedload

from .. import clock
from ..accounts.models import User
from ..domain import DomainError
from ..i18n import _l
from .models import Body, EndReason, Membership, MembershipRole, Term
from .services import _d

# --- memberships -----------------------------------------------------------------------------


def current_filter(today: date | None = None) -> ColumnElement[bool]:
    today = today or clock.today()
    return and_(Membership.starts_on <= today,
                or_(Membership.ends_on.is_(None), Membership.ends_on >= today))


def _overlapping(starts_on: date, ends_on: date | None) -> ColumnElement[bool]:
    conditions = [or_(Membership.ends_on.is_(None), Membership.ends_on >= starts_on)]
    if ends_on is not None:
        conditions.append(Membership.starts_on <= ends_on)
    return and_(*conditions)


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


def _check_membership(
    session: Session, body: Body, data: MembershipData, membership: Membership | None
) -> Term:
    term = session.get(Term, data.term_id)
    if term is None or term.body_id != body.id:
        raise DomainError(_l("Choose a term of this body."), "term_id")
    if data.role not in {r.value for r in MembershipRole}:
        raise DomainError(_l("Choose a role."), "role")
    if data.ends_on is not None and data.ends_on < data.starts_on:
        raise DomainError(
            _l("The end cannot be before the start. Enter a date on or after %(d)s.",
               d=_d(data.starts_on)),
            "ends_on",
        )
    if not term.starts_on <= data.starts_on <= term.ends_on:
        raise DomainError(
            _l("The membership must start within the term, from %(start)s to %(end)s.",
               start=_d(term.starts_on), end=_d(term.ends_on)),
            "starts_on",
        )
    if data.ends_on is not None and data.ends_on > term.ends_on:
        raise DomainError(
            _l("The membership cannot end after its term. Enter %(end)s or an earlier date.",
               end=_d(term.ends_on)),
            "ends_on",
        )
    own_id = membership.id if membership else -1
    others = select(Membership).where(
        Membership.body_id == body.id, Membership.id != own_id,
        _overlapping(data.starts_on, data.ends_on),
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
            message = (
                _l("%(name)s is already the chair at that time. End that role first or choose "
                   "another role.", name=holder.person.name)
                if data.role == MembershipRole.CHAIR
                else _l("%(name)s is already the deputy chair at that time. End that role first "
                        "or choose another role.", name=holder.person.name)
            )
            raise DomainError(message, "role")
    _check_deputy(session, body, data, others)
    return term


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
               "choose another member.", name=principal.person.name),
            "deputy_for_id",
        )


def save_membership(
    session: Session, body: Body, membership: Membership | None, data: MembershipData, *,
    actor: User,
) -> Membership:
    """Create or change a membership after checking every rule (nothing is saved on error)."""
    if membership is not None and membership.person_id != data.person_id:
        raise DomainError(_l("The person of a membership cannot change."), "person_id")
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
    session.flush()
    return membership


def end_membership(
    session: Session, membership: Membership, *, ends_on: date, reason: str, actor: User
) -> None:
    """End a membership on `ends_on` (kept as history, never deleted)."""
    if reason not in {r.value for r in EndReason}:
        raise DomainError(_l("Choose why the membership ends."), "reason")
    if ends_on < membership.starts_on:
        raise DomainError(
            _l("The end cannot be before the start. Enter a date on or after %(d)s.",
               d=_d(membership.starts_on)),
            "ends_on",
        )
    if ends_on > membership.term.ends_on:
        raise DomainError(
            _l("The membership cannot end after its term. Enter %(end)s or an earlier date.",
               end=_d(membership.term.ends_on)),
            "ends_on",
        )
    membership.ends_on = ends_on
    membership.end_reason = reason
    session.flush()


def current_memberships(session: Session, body: Body, today: date | None = None
                        ) -> list[Membership]:
    """Current memberships of `body` with their persons, in one query."""
    return list(session.scalars(
        select(Membership)
        .options(joinedload(Membership.person))
        .where(Membership.body_id == body.id, current_filter(today))
        .order_by(Membership.id)
    ))


def all_memberships(session: Session, body: Body) -> list[Membership]:
    """Every membership of `body`, newest first (the history), in one query."""
    return list(session.scalars(
        select(Membership)
        .options(joinedload(Membership.person), joinedload(Membership.term))
        .where(Membership.body_id == body.id)
        .order_by(Membership.starts_on.desc(), Membership.id.desc())
    ))


ROLE_ORDER = [MembershipRole.CHAIR, MembershipRole.DEPUTY_CHAIR, MembershipRole.MEMBER,
              MembershipRole.ADVISORY_MEMBER]


@dataclass
class Roster:
    """The public view of a body: listed members grouped by role, each with their deputy."""

    groups: list[tuple[str, list[tuple[Membership, Membership | None]]]]
    # Listed deputies whose member is not listed (so they appear nowhere else).
    other_deputies: list[Membership]
    unlisted: int


def roster(memberships: list[Membership]) -> Roster:
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
        .join(Term, Membership.term_id == Term.id)
        .where(current_filter(today),
               or_(and_(Membership.ends_on.is_not(None), Membership.ends_on <= limit),
                   and_(Membership.ends_on.is_(None), Term.ends_on <= limit)))
        .order_by(Membership.body_id, Membership.id)
    ))
    return terms, memberships
