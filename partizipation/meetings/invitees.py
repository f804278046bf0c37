"""Who is invited: the body's current members, or — for the facilitators' network — the active
facilitators (derived from their own records, never copied into memberships), plus guests.

This is the only module of the meetings domain that knows where facilitators live.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from ..council.memberships import current_memberships
from ..council.models import Body, BodyKind, MembershipRole
from ..domain import DomainError
from ..facilitators.models import Facilitator, FacilitatorStatus
from ..i18n import _l
from ..locking import lock_row
from ..municipalities.models import Municipality
from ..people.models import Person
from .history import Action, record
from .models import Invitee, InviteeSource, Meeting, MeetingStatus


def active_facilitators(session: Session) -> list[Facilitator]:
    """The network's members: every active facilitator, with their person (one query)."""
    return list(session.scalars(
        select(Facilitator).options(joinedload(Facilitator.person))
        .where(Facilitator.status == FacilitatorStatus.ACTIVE).order_by(Facilitator.id)))


def network_roster(session: Session) -> list[tuple[str, list[Person]]]:
    """The network's members who agreed to be listed, by municipality (one query)."""
    rows = session.execute(
        select(Municipality.name, Person)
        .join(Facilitator, Facilitator.municipality_id == Municipality.id)
        .join(Person, Facilitator.person_id == Person.id)
        .where(Facilitator.status == FacilitatorStatus.ACTIVE,
               Person.listing_consent_given_on.is_not(None),
               Person.listing_consent_withdrawn_on.is_(None), Person.anonymised_at.is_(None))
        .order_by(Municipality.name, Person.name))
    grouped: dict[str, list[Person]] = {}
    for town, person in rows:
        grouped.setdefault(town, []).append(person)
    return list(grouped.items())


def _wanted(session: Session, body: Body) -> list[dict[str, Any]]:
    """Invitee rows the body asks for (without deputies: they come when their member cannot)."""
    if body.kind == BodyKind.FACILITATOR_NETWORK:
        return [{"person_id": f.person_id, "source": InviteeSource.FACILITATOR.value,
                 "role": "facilitator", "has_vote": False, "membership_id": None}
                for f in active_facilitators(session)]
    return [{"person_id": m.person_id, "source": InviteeSource.MEMBER.value, "role": m.role,
             "has_vote": m.has_vote, "membership_id": m.id}
            for m in current_memberships(session, body) if m.role != MembershipRole.DEPUTY]


def fill_from_body(session: Session, meeting: Meeting, *, actor: Any) -> int:
    """Add the body's current members (or the active facilitators) not invited yet."""
    if meeting.body_id is None or meeting.body is None:
        return 0
    lock_row(session, Meeting, meeting.id)
    present = set(session.scalars(select(Invitee.person_id).where(
        Invitee.meeting_id == meeting.id)))
    added = 0
    for row in _wanted(session, meeting.body):
        if row["person_id"] in present:
            continue
        present.add(row["person_id"])
        session.add(Invitee(meeting_id=meeting.id, **row))
        added += 1
    if added:
        session.flush()
        record(session, meeting, Action.INVITEES_FILLED, actor=actor, note=str(added))
    return added


def replace_body_invitees(session: Session, meeting: Meeting, *, actor: Any) -> None:
    """The body changed before sending: drop the old body's people, take the new body's."""
    session.execute(delete(Invitee).where(
        Invitee.meeting_id == meeting.id,
        Invitee.source.in_([InviteeSource.MEMBER.value, InviteeSource.FACILITATOR.value])))
    fill_from_body(session, meeting, actor=actor)


def add_guest(session: Session, meeting: Meeting, person: Person, *, actor: Any) -> Invitee:
    """Invite any person as a guest (once per meeting)."""
    if person.anonymised_at is not None:
        raise DomainError(_l("This person's data has been deleted. Choose another person."))
    invitee = Invitee(meeting_id=meeting.id, person_id=person.id,
                      source=InviteeSource.GUEST.value, role="guest", has_vote=False)
    session.add(invitee)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as error:
        raise DomainError(_l("%(name)s is already invited to this meeting.",
                             name=person.name)) from error
    record(session, meeting, Action.INVITEE_ADDED, actor=actor, note=person.name)
    return invitee


def remove_invitee(session: Session, invitee: Invitee, *, actor: Any) -> None:
    """Remove an invitee before the invitations are sent."""
    meeting = invitee.meeting
    if meeting.status != MeetingStatus.PLANNED:
        raise DomainError(_l("The invitations have been sent: nobody can be removed any more. "
                             "Cancel the meeting if it does not take place."))
    name = invitee.person.name
    session.delete(invitee)
    session.flush()
    record(session, meeting, Action.INVITEE_REMOVED, actor=actor, note=name)


def invitees_of(session: Session, meeting: Meeting) -> list[Invitee]:
    """Every invitee of `meeting` with their person and account (one query)."""
    return list(session.scalars(
        select(Invitee).options(joinedload(Invitee.person).joinedload(Person.user))
        .where(Invitee.meeting_id == meeting.id)
        .join(Person, Invitee.person_id == Person.id)
        .order_by(Invitee.deputy_for_id.is_not(None), func.lower(Person.name))))


def guest_candidates(session: Session, meeting: Meeting, terms: str) -> Any:
    """A query of the persons one may add as a guest (not invited yet, not deleted)."""
    from ..paging import matches

    invited = select(Invitee.person_id).where(Invitee.meeting_id == meeting.id)
    query = select(Person).where(Person.anonymised_at.is_(None), Person.id.not_in(invited))
    if terms:
        query = query.where(matches(terms, Person.name, Person.organisation, Person.email))
    return query.order_by(func.lower(Person.name), Person.id)
