"""The officer's logistics for one meeting: answers counted, support totals, what the place
lacks, the booking checklist, and reminders to those who have not answered. Health data: the
officer's page only (see permissions.can_view_logistics)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session, aliased, contains_eager

from .. import clock
from ..council.labels import SUPPORT_NEEDS
from ..council.models import SupportNeedKind
from ..db import utcnow
from ..domain import DomainError
from ..i18n import _l
from ..people.labels import person_label
from ..people.models import Person
from .history import Action, record
from .models import (
    Answer,
    Invitee,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    SupportBooking,
    SupportRequest,
)
from .services import agenda, support_deadline

# A need the place must meet, and the fact of the place that meets it.
PLACE_FOR_NEED = {
    SupportNeedKind.STEP_FREE.value: ("step_free_entrance", _l(
        "%(n)s invitee(s) need step-free access, but %(place)s has no step-free entrance.")),
    SupportNeedKind.INDUCTION_LOOP.value: ("induction_loop", _l(
        "%(n)s invitee(s) need an induction loop, but %(place)s has none.")),
    SupportNeedKind.QUIET_ROOM.value: ("quiet_room", _l(
        "%(n)s invitee(s) need a quiet room, but %(place)s has none.")),
    SupportNeedKind.ASSISTANCE.value: ("assistant_seats", _l(
        "%(n)s invitee(s) come with assistance, but %(place)s has no seats for assistants.")),
}
# Answers of those whose support is still needed (a declined invitee's is not).
COUNTED = (Answer.ATTENDING.value, Answer.OPEN.value)


@dataclass
class Logistics:
    answers: dict[str, int]
    invitees: int
    totals: list[tuple[str, int, int]]  # (need, count, of them late)
    flags: list[str]
    bookings: dict[str, SupportBooking]
    deadline: Any
    open_with_address: int = 0
    kinds: list[str] = field(default_factory=list)


def logistics(session: Session, meeting: Meeting, *,
              invitees: list[tuple[str, str | None]] | None = None,
              bookings: list[SupportBooking] | None = None) -> Logistics:
    """Everything the logistics page shows, in three queries whatever the number of invitees
    (one when the page has loaded the invitees' answers and email addresses, and the bookings)."""
    answers = dict.fromkeys((a.value for a in Answer), 0)
    no_address = 0
    if invitees is not None:
        for answer, email in invitees:
            answers[answer] = answers.get(answer, 0) + 1
            if answer == Answer.OPEN and not (email or ""):
                no_address += 1
    else:
        for answer, count, without in session.execute(
                select(Invitee.answer, func.count(),
                       func.sum(case((func.coalesce(Person.email, "") == "", 1), else_=0)))
                .join(Person, Invitee.person_id == Person.id)
                .where(Invitee.meeting_id == meeting.id).group_by(Invitee.answer)):
            answers[answer] = count
            if answer == Answer.OPEN:
                no_address = int(without or 0)
    rows = session.execute(
        select(SupportRequest.kind, func.count(),
               func.sum(case((SupportRequest.is_late, 1), else_=0)))
        .join(Invitee, SupportRequest.invitee_id == Invitee.id)
        .where(Invitee.meeting_id == meeting.id, Invitee.answer.in_(COUNTED))
        .group_by(SupportRequest.kind)).all()
    counts = {kind: (int(n), int(late or 0)) for kind, n, late in rows}
    order = [k.value for k in SupportNeedKind]
    totals = [(kind, *counts[kind]) for kind in order if kind in counts]
    if bookings is None:
        bookings = list(session.scalars(
            select(SupportBooking).where(SupportBooking.meeting_id == meeting.id)))
    booked = {b.kind: b for b in bookings}
    kinds = [kind for kind in order if kind in counts or kind in booked]
    return Logistics(answers=answers, invitees=sum(answers.values()), totals=totals,
                     flags=place_flags(meeting, counts), bookings=booked,
                     deadline=support_deadline(meeting),
                     open_with_address=answers[Answer.OPEN] - no_address, kinds=kinds)


class _Named(NamedTuple):
    """What person_label reads of a person."""

    anonymised_at: Any
    form_of_address: str | None
    name: str


@functools.cache
def _invitee_rows_statement() -> Any:
    """Every invitee of a meeting (the id a bindparam) as plain columns: answer, email, the
    person's and, for a deputy, the represented person's naming columns (built once per process)."""
    deputy = aliased(Invitee)
    represented = aliased(Person)
    return (select(Invitee.answer, Person.email, Person.anonymised_at, Person.form_of_address,
                   Person.name, Invitee.deputy_for_id, represented.anonymised_at,
                   represented.form_of_address, represented.name)
            .join(Person, Invitee.person_id == Person.id)
            .outerjoin(deputy, Invitee.deputy_for_id == deputy.id)
            .outerjoin(represented, deputy.person_id == represented.id)
            .where(Invitee.meeting_id == bindparam("meeting_id"))
            .order_by(Invitee.deputy_for_id.is_not(None), func.lower(Person.name)))


def invitee_answers(session: Session, meeting: Meeting) -> tuple[
        list[tuple[str, str | None]], list[tuple[str, str, str | None]]]:
    """The invitees of the logistics page in one query, as rows: (answer, email) for the counts,
    and (person label, answer, label of the person a deputy stands in for or None) in the order
    of invitees_of (the members, then the deputies, by name)."""
    counted, shown = [], []
    for (answer, email, anonymised_at, form_of_address, name, deputy_for_id, d_anonymised_at,
         d_form_of_address, d_name) in session.execute(
            _invitee_rows_statement(), {"meeting_id": meeting.id}):
        counted.append((answer, email))
        represented = None
        if deputy_for_id is not None:
            represented = (person_label(_Named(d_anonymised_at, d_form_of_address, d_name))
                           if d_name is not None else "")
        shown.append((person_label(_Named(anonymised_at, form_of_address, name)), answer,
                      represented))
    return counted, shown


def place_flags(meeting: Meeting, counts: dict[str, tuple[int, int]]) -> list[str]:
    """In words: what invitees need that the place does not have."""
    place = meeting.place
    if place is None or meeting.format == MeetingFormat.ONLINE:
        return []
    flags = []
    for kind, (fact, message) in PLACE_FOR_NEED.items():
        if kind in counts and not getattr(place, fact):
            flags.append(str(message % {"n": counts[kind][0], "place": place.name}))
    return flags


def need_label(kind: str) -> str:
    return str(SUPPORT_NEEDS.get(kind, kind))  # type: ignore[call-overload]


def people_for(session: Session, meeting: Meeting, kind: str) -> list[SupportRequest]:
    """Who asked for `kind` (the drill-down), with the invitee and person (one query)."""
    return list(session.scalars(
        select(SupportRequest)
        .join(Invitee, SupportRequest.invitee_id == Invitee.id)
        .join(Person, Invitee.person_id == Person.id)
        .options(contains_eager(SupportRequest.invitee).contains_eager(Invitee.person))
        .where(Invitee.meeting_id == meeting.id, SupportRequest.kind == kind)
        .order_by(func.lower(Person.name))))


def save_booking(session: Session, meeting: Meeting, kind: str, *, booked_with: str,
                 is_confirmed: bool, note: str, actor: Any) -> SupportBooking:
    """The checklist entry of one need at one meeting (one row per need and meeting)."""
    if kind not in {k.value for k in SupportNeedKind}:
        raise DomainError(_l("Choose a kind of support."))
    if is_confirmed and not booked_with.strip():
        raise DomainError(_l("Enter with whom it is booked before you tick “Confirmed”."),
                          "booked_with")
    booking = session.scalar(select(SupportBooking).where(
        SupportBooking.meeting_id == meeting.id, SupportBooking.kind == kind))
    if booking is None:
        booking = SupportBooking(meeting_id=meeting.id, kind=kind)
        session.add(booking)
    booking.booked_with, booking.is_confirmed = booked_with.strip(), is_confirmed
    booking.note, booking.updated_at = note.strip(), utcnow()
    booking.updated_by_id = getattr(actor, "id", None)
    session.flush()
    record(session, meeting, Action.BOOKING, actor=actor, note=need_label(kind))
    return booking


def remind_open(session: Session, meeting: Meeting, *, actor: Any) -> int:
    """A reminder to every invitee who has not answered yet; returns how many were sent."""
    from . import mailing

    if meeting.status != MeetingStatus.INVITED or meeting.starts_at <= clock.now():
        raise DomainError(_l("Reminders are possible only for an upcoming meeting whose "
                             "invitations were sent."))
    rows = list(session.scalars(
        select(Invitee).join(Person, Invitee.person_id == Person.id)
        .options(contains_eager(Invitee.person))
        .where(Invitee.meeting_id == meeting.id, Invitee.answer == Answer.OPEN.value)))
    items = agenda(session, meeting)
    sent = 0
    now = utcnow()
    for invitee in rows:
        if mailing.send(session, meeting, invitee, "reminder", items=items):
            invitee.reminded_at = now
            sent += 1
    if not sent:
        raise DomainError(_l("Nobody with an email address is still without an answer."))
    record(session, meeting, Action.REMINDED, actor=actor, note=str(sent))
    session.flush()
    return sent

